import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exampleRaw, FIXTURE_AIRFLOW_DIR, REPO_ROOT } from "./helpers/config-fixtures";

/*
 * Every `npx cdktf` command of the README's Deploy section, run as written by the real cdktf CLI,
 * in a project folder whose synth yields what this repository's app writes (synthesizedOutput), up
 * to the first `terraform` call that would
 * need credentials or a provider registry. A `terraform` placed first on PATH records each call and
 * stops at `terraform init`: the command passed cdktf's argument parsing, its synth and its
 * stack-dependency checks. A usage error (a stack whose dependencies are not in the command, an
 * unknown flag) stops cdktf before it calls Terraform: `npx cdktf deploy example-network` alone
 * prints "Usage Error: The following dependencies are not included in the stacks to run:
 * example-state" and calls no `terraform init` (run once when this test was written; left out of
 * the suite, where each cdktf run costs about 2 s of CPU).
 */

const README = readFileSync(join(REPO_ROOT, "README.md"), "utf8");

/** The `npx cdktf ...` lines of the README's shell blocks between two headings, comments removed. */
function commandsBetween(from: string, to: string): string[] {
  const section = README.slice(README.indexOf(from), README.indexOf(to, README.indexOf(from)));
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks
    .flatMap((block) => block.split("\n"))
    .map((line) => line.replace(/#.*$/, "").trim())
    .filter((line) => line.startsWith("npx cdktf "));
}

const S3_COMMANDS = commandsBetween("### With state in S3", "### With HCP Terraform");
const HCP_COMMANDS = commandsBetween("### With HCP Terraform", "### Reaching Airflow");
const TEARDOWN_COMMANDS = commandsBetween("### Reaching Airflow", "## What cannot be checked offline");

const FAKE_TERRAFORM = `#!/bin/sh
echo "$PWD|$*" >> "$FAKE_TERRAFORM_LOG"
case "$1" in
  version) if [ "$2" = "-json" ]; then echo '{"terraform_version":"1.11.0","platform":"linux_amd64"}'; else echo "Terraform v1.11.0"; fi; exit 0 ;;
  -v|-version|--version) echo "Terraform v1.11.0"; exit 0 ;;
esac
echo "fake terraform: stopped at '$1' (credentials and a provider registry would be needed from here)" >&2
exit 3
`;

const APP_COMMAND: string = JSON.parse(readFileSync(join(REPO_ROOT, "cdktf.json"), "utf8")).app;

/**
 * What the app command of cdktf.json writes for `config` (with the fixture's Airflow files), run
 * once for real per config. Each command below gets a copy of it as its synth: the app's output is
 * tested in main.test.ts, and what is under test here is what the cdktf CLI does with it and the
 * command's arguments (about 1.6 s of CPU saved per command).
 */
const synthesized = new Map<string, string>();
function synthesizedOutput(config: Record<string, unknown>): string {
  const key = JSON.stringify(config);
  if (!synthesized.has(key)) {
    const dir = mkdtempSync(join(tmpdir(), "mwaa-readme-synth-"));
    mkdirSync(join(dir, "config"));
    writeFileSync(join(dir, "config", `${config.name}.json`), JSON.stringify(config, null, 2));
    const outdir = join(dir, "cdktf.out");
    const app = spawnSync("sh", ["-c", APP_COMMAND], {
      cwd: REPO_ROOT,
      env: { ...process.env, CDKTF_OUTDIR: outdir, MWAA_CONFIG_DIR: join(dir, "config"), MWAA_AIRFLOW_DIR: FIXTURE_AIRFLOW_DIR },
      encoding: "utf8",
    });
    if (app.status !== 0) throw new Error(`the app failed:\n${app.stderr}`);
    synthesized.set(key, outdir);
  }
  return synthesized.get(key)!;
}

/** A project folder like the repository's: its cdktf.json (the app's output as its synth) and node_modules. */
function projectWith(config: Record<string, unknown>) {
  const project = mkdtempSync(join(tmpdir(), "mwaa-readme-deploy-"));
  const cdktfJson = JSON.parse(readFileSync(join(REPO_ROOT, "cdktf.json"), "utf8"));
  // The CLI runs the app with CDKTF_OUTDIR set to its output folder, as it runs the repository's.
  cdktfJson.app = `cp -R '${synthesizedOutput(config)}/.' "$CDKTF_OUTDIR"`;
  writeFileSync(join(project, "cdktf.json"), JSON.stringify(cdktfJson, null, 2));
  symlinkSync(join(REPO_ROOT, "node_modules"), join(project, "node_modules"), "dir");
  const bin = join(project, "fake-bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "terraform"), FAKE_TERRAFORM);
  chmodSync(join(bin, "terraform"), 0o755);
  // `npx cdktf` in a project that installs cdktf-cli runs its node_modules/.bin/cdktf; this `npx`
  // does that resolution without npm's own start-up (about 0.6 s of CPU per command), and nothing else.
  writeFileSync(join(bin, "npx"), `#!/bin/sh\ncommand="$1"; shift\nexec "${project}/node_modules/.bin/$command" "$@"\n`);
  chmodSync(join(bin, "npx"), 0o755);
  return { project, bin };
}

interface CommandRun {
  readonly status: number | null;
  readonly output: string;
  /** `<folder>|<arguments>` of every terraform call. */
  readonly terraformCalls: string[];
}

function run(command: string, config: Record<string, unknown>): Promise<CommandRun> {
  const { project, bin } = projectWith(config);
  const log = join(project, "terraform-calls.log");
  writeFileSync(log, "");
  return new Promise((resolve) => {
    const child = spawn("sh", ["-c", command], {
      cwd: project,
      env: {
        PATH: `${bin}:${process.env.PATH}`,
        HOME: project,
        CHECKPOINT_DISABLE: "1",
        CI: "true",
        FAKE_TERRAFORM_LOG: log,
        MWAA_AIRFLOW_DIR: FIXTURE_AIRFLOW_DIR,
      },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (status) =>
      resolve({ status, output, terraformCalls: readFileSync(log, "utf8").split("\n").filter(Boolean).map((l) => l.replace(project, "<project>")) }),
    );
  });
}

const s3Config = exampleRaw();
const hcpConfig = { ...exampleRaw(), state: { backend: "hcp", organization: "acme-data", workspacePrefix: "mwaa-" } };

/** The stacks a `cdktf deploy|diff|output|destroy <stacks...>` command names. */
const stacksOf = (command: string) => command.split(/\s+/).slice(3).filter((word) => !word.startsWith("-"));

describe("the README's deploy commands", () => {
  it("are found in the README: the bootstrap, the migration, the environment, its outputs, HCP Terraform and the teardown", () => {
    expect(S3_COMMANDS).toEqual(
      expect.arrayContaining([
        "npx cdktf deploy example-state",
        "npx cdktf deploy example-state --migrate-state",
        "npx cdktf deploy example-state example-network example-mwaa",
        "npx cdktf output example-mwaa",
        "npx cdktf diff example-mwaa",
      ]),
    );
    expect(HCP_COMMANDS).toEqual(["npx cdktf deploy example-network example-mwaa"]);
    expect(TEARDOWN_COMMANDS).toEqual(["npx cdktf destroy example-mwaa example-network"]);
  });

  const cases = [
    ...[...new Set(S3_COMMANDS)].map((command) => ({ command, backend: "s3", config: s3Config })),
    ...HCP_COMMANDS.map((command) => ({ command, backend: "hcp", config: hcpConfig })),
    ...TEARDOWN_COMMANDS.map((command) => ({ command, backend: "s3", config: s3Config })),
  ];
  // Two at a time: each is a cdktf CLI process and its synth, CPU-bound on a 2-core machine.
  const runs = new Map<string, Promise<CommandRun>>();
  beforeAll(() => {
    let queue: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
    cases.forEach(({ command, backend, config }, index) => {
      const lane = index % queue.length;
      const started = queue[lane].then(() => run(command, config));
      queue[lane] = started;
      runs.set(`${backend} ${command}`, started);
    });
    queue = [];
  });

  it.each(cases.map(({ command, backend }) => [command, backend]))(
    "`%s` (%s state) passes cdktf's checks and reaches terraform init in a stack it names",
    async (command, backend) => {
      const result = await runs.get(`${backend} ${command}`)!;
      expect(result.output).not.toMatch(/Usage Error|Unknown argument|Not enough non-option arguments|Found more than one stack/);
      const inits = result.terraformCalls.filter((call) => call.split("|")[1].startsWith("init"));
      expect(inits.length).toBeGreaterThan(0);
      const folders = stacksOf(command).map((stack) => `<project>/cdktf.out/stacks/${stack}`);
      for (const init of inits) expect(folders).toContain(init.split("|")[0]);
      if (command.includes("--migrate-state")) expect(inits[0]).toMatch(/\|init .*-migrate-state/);
      expect(result.output).toMatch(/fake terraform: stopped at 'init'|terraform init failed/);
    },
    300_000,
  );
});
