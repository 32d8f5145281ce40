// Rewrites the configuration table of README.md from config/reference.ts (compiled to dist/).
// Run with `npm run docs:config`; a test fails when the README and the reference disagree.
const { readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { renderConfigReference } = require("../dist/config/reference");

const readmePath = join(__dirname, "..", "README.md");
const readme = readFileSync(readmePath, "utf8");
const start = "<!-- config-reference:start -->";
const end = "<!-- config-reference:end -->";
const from = readme.indexOf(start);
const to = readme.indexOf(end);
if (from < 0 || to < from) {
  process.stderr.write(`README.md lacks the ${start} ... ${end} markers\n`);
  process.exit(1);
}
writeFileSync(readmePath, `${readme.slice(0, from + start.length)}\n${renderConfigReference()}\n${readme.slice(to)}`);
