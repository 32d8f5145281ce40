#!/usr/bin/env node
// `npm run bench [-- --runs N]`: what synth and tests cost on this machine, against the floor of
// loading cdktf alone, measured in the same run. Plain Node; no timing assertion lives in a test.
//
// Each round runs every command once, in turn (alternated, so a slow spell of the machine hits all
// of them alike); the report gives medians over the rounds. Wall time and peak memory (the largest
// process's maximum resident set, from GNU time) per command; budgets as ratios to the floor.
const { execFileSync, spawnSync } = require("node:child_process");
const { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } = require("node:fs");
const os = require("node:os");
const { join } = require("node:path");

const root = join(__dirname, "..");
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
if (!Number.isInteger(runs) || runs < 5) {
  process.stderr.write("--runs takes a whole number of at least 5\n");
  process.exit(2);
}
const GNU_TIME = "/usr/bin/time";
if (!existsSync(GNU_TIME)) {
  process.stderr.write(`npm run bench needs GNU time at ${GNU_TIME} for peak memory: apt-get install time\n`);
  process.exit(2);
}

const work = mkdtempSync(join(os.tmpdir(), "mwaa-bench-"));
const appCommand = JSON.parse(readFileSync(join(root, "cdktf.json"), "utf8")).app;
// The example environment as the repository ships it, whatever config/ holds today.
const fixtureConfig = join(root, "__tests__", "fixtures", "config");
const fixtureExample = join(fixtureConfig, "example.json");

/** A config folder of `count` environments generated from the example. */
function environments(count) {
  const dir = join(work, `config-${count}`);
  mkdirSync(dir);
  const example = JSON.parse(readFileSync(fixtureExample, "utf8"));
  for (let i = 1; i <= count; i++) {
    const name = `env${String(i).padStart(3, "0")}`;
    writeFileSync(join(dir, `${name}.json`), JSON.stringify({ ...example, name }));
  }
  return dir;
}

const out = (name) => join(work, `out-${name}`);
// The example with the tests' Airflow files (a DAG, requirements, a wheel, a startup script); the
// generated environments with none (their names have no folder there).
const fixtureAirflow = join(root, "__tests__", "fixtures", "airflow");
const noAirflow = join(work, "no-airflow-files");
const env = { ...process.env, CHECKPOINT_DISABLE: "1", CI: "true", MWAA_CONFIG_DIR: fixtureConfig, MWAA_AIRFLOW_DIR: fixtureAirflow };
const COMMANDS = [
  { name: "floor", label: "`node -e \"require('cdktf')\"` (floor)", command: `node -e "require('cdktf')"` },
  { name: "app", label: "app command of cdktf.json, example config", command: appCommand, env: { CDKTF_OUTDIR: out("app") } },
  { name: "synth", label: "`npx cdktf synth`", command: `npx cdktf synth --output ${out("synth")}` },
  { name: "ts-node", label: "ts-node on main.ts (cdktf's TypeScript template)", command: "node node_modules/ts-node/dist/bin.js main.ts", env: { CDKTF_OUTDIR: out("ts-node") } },
  { name: "test", label: "`npm test`", command: "npm test --silent" },
  { name: "hcl", label: "app command, example config, `--hcl` output", command: appCommand, env: { CDKTF_OUTDIR: out("hcl"), SYNTH_HCL_OUTPUT: "true" } },
  ...[1, 10, 50].map((count) => ({
    name: `envs-${count}`,
    label: `app command, ${count} generated environment${count === 1 ? "" : "s"}`,
    command: appCommand,
    env: { MWAA_CONFIG_DIR: environments(count), MWAA_AIRFLOW_DIR: noAirflow, CDKTF_OUTDIR: out(`envs-${count}`) },
  })),
  {
    name: "envs-50-one-process",
    label: "app command, 50 generated environments, one process (`MWAA_SYNTH_WORKERS=1`)",
    command: appCommand,
    env: { MWAA_CONFIG_DIR: join(work, "config-50"), MWAA_AIRFLOW_DIR: noAirflow, CDKTF_OUTDIR: out("envs-50-one"), MWAA_SYNTH_WORKERS: "1" },
  },
];

function measure(command, extraEnv = {}) {
  const report = join(work, "time.txt");
  const run = spawnSync(GNU_TIME, ["-f", "%e %M", "-o", report, "sh", "-c", command], {
    cwd: root,
    env: { ...env, ...extraEnv },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    process.stderr.write(`${command} failed (exit ${run.status}):\n${run.stderr.slice(-2000)}\n`);
    process.exit(1);
  }
  const [seconds, kilobytes] = readFileSync(report, "utf8").trim().split(/\s+/).slice(-2).map(Number);
  return { seconds, megabytes: kilobytes / 1024 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// Warm up: compile the app (the app command compiles only when a source changed) and fill caches.
execFileSync("sh", ["-c", appCommand], { cwd: root, env: { ...env, CDKTF_OUTDIR: out("warm-up") }, stdio: "ignore" });

const samples = Object.fromEntries(COMMANDS.map((c) => [c.name, []]));
for (let round = 1; round <= runs; round++) {
  for (const c of COMMANDS) samples[c.name].push(measure(c.command, c.env));
  process.stderr.write(`round ${round}/${runs} done\n`);
}

const stats = Object.fromEntries(
  COMMANDS.map((c) => [c.name, { seconds: median(samples[c.name].map((s) => s.seconds)), megabytes: median(samples[c.name].map((s) => s.megabytes)) }]),
);
const floor = stats.floor;
const rows = COMMANDS.map((c) => {
  const s = stats[c.name];
  return `| ${c.label} | ${s.seconds.toFixed(2)} s | ${(s.seconds / floor.seconds).toFixed(1)}x | ${s.megabytes.toFixed(0)} MB | ${(s.megabytes / floor.megabytes).toFixed(1)}x |`;
});

const budgets = [
  ["app command wall time <= 2.5x the floor", stats.app.seconds / floor.seconds <= 2.5],
  ["app command peak memory <= 2x the floor", stats.app.megabytes / floor.megabytes <= 2],
  ["50 environments wall time <= 12x the floor", stats["envs-50"].seconds / floor.seconds <= 12],
  ["npm test under 60 s", stats.test.seconds < 60],
];

const cpus = os.cpus();
console.log(
  [
    `Medians of ${runs} alternated runs on ${cpus.length} x ${cpus[0]?.model ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}:`,
    "",
    "| command | wall | vs floor | peak memory | vs floor |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
    ...budgets.map(([text, ok]) => `- ${ok ? "PASS" : "FAIL"}: ${text}`),
  ].join("\n"),
);

rmSync(work, { recursive: true, force: true });
if (budgets.some(([, ok]) => !ok)) process.exitCode = 1;
