import { ACKNOWLEDGEMENTS_MATCH } from "./evaluate";
import { RULES } from "./rules";

/** The rule pack as the README's Markdown table. */
export function renderRuleReference(): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  return [
    "| rule | evaluates | checks | sources | fix |",
    "| --- | --- | --- | --- | --- |",
    ...[...RULES, ACKNOWLEDGEMENTS_MATCH].map(
      (r) => `| \`${r.id}\` | ${cell(r.evaluates)} | ${cell(r.title)}. ${cell(r.explanation)} | ${cell(r.sources.join(", "))} | ${cell(r.fix)} |`,
    ),
  ].join("\n");
}
