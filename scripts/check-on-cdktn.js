#!/usr/bin/env node
// CI's CDK Terrain leg (`.ci/run`, after `npm ci` and `npm test`): that this checkout still runs on
// cdktn by renaming imports, and synthesizes the same Terraform there.
//
// 1. Copies the checkout's files (tracked and untracked, none ignored: no node_modules, dist/ or
//    cdktf.out/) to a scratch folder and switches it (scripts/switch-to-cdktn.js: packages,
//    imports, and `npm ci` from the committed cdktn/package-lock.json).
// 2. Runs the unit tests there: `npm test` (type check, lint, Jest), less the tests of
//    CDKTN_EXCLUDED and CDKTN_EXCLUDED_FILES, which cannot pass on cdktn for the reason given with
//    each (printed as the leg runs).
// 3. Synthesizes the example with the app command of cdktf.json (fixture configs and Airflow files)
//    in this checkout (cdktf) and in the switched one (cdktn), and compares every stack's
//    cdk.tf.json, parsed, after normalising only what names the tools: the provider requirement's
//    version and source, and the `//` metadata's version (the CDK library's own, a comment
//    Terraform ignores). Any other difference fails with the paths that differ.
// 4. With Node >= what cdktn-cli declares (22.19), also `npx cdktn synth` (the same stacks as the app
//    command), and the tests of the README's `npx cdktn` commands. On an older Node both are
//    skipped, with a message saying so: cdktn-cli does not run there.
//
// MWAA_CDKTN_KEEP=1 keeps the scratch folder (its path is printed).
const { spawnSync } = require("node:child_process");
const { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { dirname, join } = require("node:path");

const root = join(__dirname, "..");
const FIXTURES = { MWAA_CONFIG_DIR: "__tests__/fixtures/config", MWAA_AIRFLOW_DIR: "__tests__/fixtures/airflow" };

/** Tests that cannot pass on cdktn, by Jest's full name (describe and test titles), and why. */
const CDKTN_EXCLUDED = [
  {
    name: "the app on the example config matches the reviewed snapshot of the example environment",
    why: "the snapshot holds cdktf's output (provider aws 6.25.0, cdktf 0.21.0 in the metadata); step 3 compares cdktn's synth with cdktf's instead",
  },
  {
    name: "the arguments that force replacement, read from the AWS provider's source names where it was read, at the provider version the stacks pin",
    why: "modules/review/replacement-arguments.ts was read from hashicorp/aws v6.25.0; on cdktn the stacks pin 6.66.0, and a real move re-runs scripts/extract-replacement-arguments.js at that version",
  },
];
/** Test files that cannot run on the switched copy, and why. */
const CDKTN_EXCLUDED_FILES = [
  { file: "__tests__/scripts/switch-to-cdktn.test.ts", why: "it switches cdktf's package.json, and the copy's is switched already" },
];
/** Snapshots of cdktf's output, used only by the tests excluded above (kept, Jest would fail them as obsolete). */
const CDKTF_SNAPSHOTS = ["__tests__/__snapshots__/main.test.ts.snap"];
/** Test files that run cdktn-cli, which needs Node >= its engines (skipped below that). */
const CLI_TEST_FILES = ["__tests__/readme-deploy-commands.test.ts"];

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const say = (line) => process.stdout.write(`[cdktn] ${line}\n`);
const timings = [];

class LegError extends Error {}

/** Runs a step, printing and recording its wall time. */
function step(label, body) {
  const start = Date.now();
  say(`${label}...`);
  const result = body();
  timings.push(`${label}: ${seconds(start)}`);
  say(`${label}: done in ${seconds(start)}`);
  return result;
}

function run(command, args, cwd, env = {}) {
  const result = spawnSync(command, args, { cwd, stdio: "inherit", env: { ...process.env, CHECKPOINT_DISABLE: "1", ...env } });
  if (result.status !== 0) throw new LegError(`${command} ${args.join(" ")} failed in ${cwd} (exit ${result.status ?? result.signal})`);
}

/** The checkout's files as git sees them: tracked (still present) and untracked, none ignored. */
function copyCheckout(target) {
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" });
  if (listed.status !== 0) throw new LegError(`git ls-files failed in ${root}: the leg copies a git checkout\n${listed.stderr}`);
  const files = listed.stdout.split("\0").filter((file) => file && existsSync(join(root, file)));
  for (const file of files) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(root, file), join(target, file));
  }
  return files.length;
}

/** Whether this Node satisfies a `>=X.Y.Z` engines range. */
function satisfies(range) {
  const wanted = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(range.trim());
  if (!wanted) throw new LegError(`cannot read the engines range ${range}`);
  const have = process.versions.node.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (have[i] !== Number(wanted[i + 1])) return have[i] > Number(wanted[i + 1]);
  return true;
}

/** The app command of cdktf.json, with the fixtures, writing to `outdir`. */
function synthesize(checkout, outdir) {
  const app = JSON.parse(readFileSync(join(checkout, "cdktf.json"), "utf8")).app;
  run("sh", ["-c", app], checkout, { CDKTF_OUTDIR: outdir, ...FIXTURES });
}

/** `<stack> -> parsed cdk.tf.json` of an output folder. */
function stacksOf(outdir) {
  const dir = join(outdir, "stacks");
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => existsSync(join(dir, name, "cdk.tf.json"))).sort() : [];
  return new Map(names.map((name) => [name, JSON.parse(readFileSync(join(dir, name, "cdk.tf.json"), "utf8"))]));
}

const NORMALISED = "<normalised>";
/** A stack with what names the tools replaced: the AWS provider's version and source, the CDK's version. */
function normalised(stack) {
  const copy = structuredClone(stack);
  const aws = copy.terraform?.required_providers?.aws;
  const provider = aws ? `${aws.source} ${aws.version}` : "none";
  if (aws) Object.assign(aws, { source: NORMALISED, version: NORMALISED });
  const metadata = copy["//"]?.metadata;
  if (metadata && "version" in metadata) metadata.version = NORMALISED;
  return { copy, provider };
}

/** `path: <label> a | <label> b` for every leaf where the two differ. */
function differences(a, b, labels = ["cdktf", "cdktn"], path = "") {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const isObject = (v) => typeof v === "object" && v !== null;
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) {
    const shown = (v) => (v === undefined ? "(absent)" : JSON.stringify(v).slice(0, 160));
    return [`${path || "(root)"}: ${labels[0]} ${shown(a)} | ${labels[1]} ${shown(b)}`];
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.flatMap((key) => differences(a[key], b[key], labels, Array.isArray(a) ? `${path}[${key}]` : path ? `${path}.${key}` : key));
}

/** Every stack of `left` and `right` equal after normalising; throws with the differences. */
function compareSyntheses(left, right, labels) {
  const [a, b] = [stacksOf(left), stacksOf(right)];
  const names = [...a.keys()];
  if (names.length === 0) throw new LegError(`${labels[0]} wrote no stack under ${left}/stacks`);
  if (names.join() !== [...b.keys()].join()) throw new LegError(`the stacks differ: ${labels[0]} wrote ${names.join(", ")}; ${labels[1]} wrote ${[...b.keys()].join(", ") || "none"}`);
  const problems = [];
  for (const name of names) {
    const [x, y] = [normalised(a.get(name)), normalised(b.get(name))];
    const found = differences(x.copy, y.copy, labels);
    say(`  ${name}/cdk.tf.json: ${found.length === 0 ? "same" : `${found.length} difference(s)`} (AWS provider: ${labels[0]} ${x.provider}, ${labels[1]} ${y.provider})`);
    problems.push(...found.slice(0, 40).map((line) => `${name}: ${line}`), ...(found.length > 40 ? [`${name}: ... ${found.length - 40} more`] : []));
  }
  if (problems.length > 0) throw new LegError(`${labels[1]} synthesized other Terraform than ${labels[0]} (beyond the provider's version and source):\n  ${problems.join("\n  ")}`);
}

function main() {
  const started = Date.now();
  const scratch = mkdtempSync(join(tmpdir(), "mwaa-cdktn-"));
  const checkout = join(scratch, "checkout");
  try {
    step("copy the checkout", () => say(`  ${copyCheckout(checkout)} files to ${checkout}`));
    step("switch it to cdktn and npm ci", () => run(process.execPath, [join(root, "scripts", "switch-to-cdktn.js"), checkout], root));
    for (const file of CDKTF_SNAPSHOTS) rmSync(join(checkout, file), { force: true });

    const cliEngine = JSON.parse(readFileSync(join(checkout, "node_modules", "cdktn-cli", "package.json"), "utf8")).engines?.node ?? ">=0.0.0";
    const cliRuns = satisfies(cliEngine);
    const skippedCli = cliRuns ? [] : CLI_TEST_FILES;
    if (!cliRuns) {
      say(`SKIPPED: cdktn-cli needs Node ${cliEngine}, this is ${process.version} (its synth crashes here): not run on cdktn: \`npx cdktn synth\` and ${CLI_TEST_FILES.join(", ")}.`);
    }
    for (const { name, why } of CDKTN_EXCLUDED) say(`excluded on cdktn: "${name}": ${why}`);
    for (const { file, why } of CDKTN_EXCLUDED_FILES) say(`excluded on cdktn: ${file}: ${why}`);
    say(`removed from the copy: ${CDKTF_SNAPSHOTS.join(", ")} (cdktf's output, read only by the snapshot test excluded above)`);

    const excludeNames = `^(?!(?:${CDKTN_EXCLUDED.map(({ name }) => escapeRegExp(name)).join("|")})$)`;
    const ignoredFiles = [...CDKTN_EXCLUDED_FILES.map(({ file }) => file), ...skippedCli];
    const jestArgs = ["--ci", "--testNamePattern", excludeNames, "--testPathIgnorePatterns", ...ignoredFiles.map(escapeRegExp)];
    step("unit tests on cdktn (npm test)", () => run(process.execPath, [join(checkout, "scripts", "test.js"), ...jestArgs], checkout, { CI: "true" }));

    const outCdktf = join(scratch, "out-cdktf");
    const outCdktn = join(scratch, "out-cdktn");
    step("synthesize the example on cdktf (this checkout)", () => synthesize(root, outCdktf));
    step("synthesize the example on cdktn (the switched copy)", () => synthesize(checkout, outCdktn));
    step("compare every stack's cdk.tf.json", () => compareSyntheses(outCdktf, outCdktn, ["cdktf", "cdktn"]));

    if (cliRuns) {
      const outCli = join(scratch, "out-cdktn-cli");
      step("npx cdktn synth (the CLI) on cdktn", () => run("npx", ["cdktn", "synth", "--output", outCli], checkout, { CI: "true", ...FIXTURES }));
      step("compare the CLI's stacks with the app command's", () => compareSyntheses(outCdktn, outCli, ["app command", "cdktn synth"]));
    }
    say(`passed in ${seconds(started)}: ${timings.join("; ")}`);
  } finally {
    if (process.env.MWAA_CDKTN_KEEP === "1") say(`kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    if (!(error instanceof LegError)) throw error;
    process.stderr.write(`[cdktn] FAILED: ${error.message}\n`);
    process.exit(1);
  }
}

module.exports = { compareSyntheses, differences, normalised };
