import { SynthesizedStack } from "../guardrails/synthesized-stack";
import { markdownText } from "./markdown";

/**
 * Makes Terraform references readable for reviewers: `${aws_s3_bucket.dag-bucket_5EC3EADC.arn}`
 * becomes `dag-bucket/bucket.arn` (the construct path within its stack), and a cross-stack output
 * becomes `<stack> output`.
 */
export function humanize(stack: SynthesizedStack, value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? "");
  return text.replace(/\$\{([^}]+)\}/g, (whole, expression: string) => {
    const remote = /^data\.terraform_remote_state\.cross-stack-reference-input-([^.]+)\.outputs\.cross-stack-output-(aws_[a-z0-9_]+?)([a-z0-9-]+(?:_[a-z0-9-]+)*)_[0-9A-F]{8}(\w+)$/.exec(expression);
    if (remote) return `${remote[1]}: ${remote[3].replace(/_/g, "/")}.${remote[4]}`;
    const [first, second, third, ...rest] = expression.split(".");
    const [type, id, attribute] = first === "data" ? [second, third, rest[0]] : [first, second, third];
    const config = first === "data" ? stack.json.data?.[type]?.[id] : stack.json.resource?.[type]?.[id];
    const path: string | undefined = config?.["//"]?.metadata?.path;
    if (!path) return whole;
    return `${path.split("/").slice(1).join("/")}${attribute ? `.${attribute}` : ""}`;
  });
}

/**
 * A Markdown table of plain values: each is written as text (see markdownText), so whatever it
 * holds stays in its own cell, as characters. Cells take values, never Markdown: a code span passed
 * in is shown with its backticks.
 */
export function table(header: string[], rows: unknown[][]): string {
  return [
    `| ${header.map(markdownText).join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(markdownText).join(" | ")} |`),
  ].join("\n");
}
