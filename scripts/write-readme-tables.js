// Rewrites what is generated from the compiled sources in dist/: the tables of README.md
// (configuration reference, guardrail rules) and the config's JSON Schema
// (config/json-schema/environment.schema.json, for editors). Run with `npm run docs`; tests fail
// when the README or the committed schema and the sources disagree.
const { mkdirSync, readFileSync, writeFileSync } = require("node:fs");
const { dirname, join } = require("node:path");
const { renderConfigReference } = require("../dist/config/reference");
const { ENVIRONMENT_JSON_SCHEMA_FILE, renderEnvironmentJsonSchema } = require("../dist/config/json-schema");
const { renderRuleReference } = require("../dist/modules/guardrails/rule-reference");

const root = join(__dirname, "..");
const readmePath = join(root, "README.md");
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

const schemaPath = join(root, ENVIRONMENT_JSON_SCHEMA_FILE);
mkdirSync(dirname(schemaPath), { recursive: true });
writeFileSync(schemaPath, renderEnvironmentJsonSchema());
