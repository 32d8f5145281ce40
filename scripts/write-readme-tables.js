// Rewrites the generated tables of README.md (configuration reference, guardrail rules) from the
// compiled sources in dist/. Run with `npm run docs`; a test fails when the README and the sources
// disagree.
const { readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { renderConfigReference } = require("../dist/config/reference");
const { renderRuleReference } = require("../dist/modules/guardrails/rule-reference");

const readmePath = join(__dirname, "..", "README.md");
let readme = readFileSync(readmePath, "utf8");
for (const [name, render] of [["config-reference", renderConfigReference], ["guardrail-rules", renderRuleReference]]) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) {
    process.stderr.write(`README.md lacks the ${start} ... ${end} markers\n`);
    process.exit(1);
  }
  readme = `${readme.slice(0, from + start.length)}\n${render()}\n${readme.slice(to)}`;
}
writeFileSync(readmePath, readme);
