import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { homedir, hostname, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { exampleRaw, FIXTURE_AIRFLOW_DIR, FIXTURE_CONFIG_DIR, REPO_ROOT } from "./helpers/config-fixtures";
import { readReviewFiles } from "./helpers/review-files";

/*
 * The app as `cdktf synth` runs it: the `app` command of cdktf.json (compile when a source changed,
 * then run), in the project folder, with CDKTF_OUTDIR set the way the CLI sets it, on the tests'
 * config folder (the example environment) unless a test names another.
 */

const appCommand: string = JSON.parse(readFileSync(join(REPO_ROOT, "cdktf.json"), "utf8")).app;

function runApp(env: Record<string, string>) {
  return spawnSync("sh", ["-c", appCommand], {
    cwd: REPO_ROOT,
    env: { ...process.env, MWAA_CONFIG_DIR: FIXTURE_CONFIG_DIR, MWAA_AIRFLOW_DIR: FIXTURE_AIRFLOW_DIR, ...env },
    encoding: "utf8",
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The app's output on the example config, made once for the tests that read it or copy it (none
 * writes to it). The app is compiled before any test file starts (jest.config.js, globalSetup); the
 * app command compiles it here only where that did not happen.
 */
const exampleOutput = (() => {
  let outdir: string | undefined;
  return () => {
    if (outdir === undefined) {
      const dir = mkdtempSync(join(tmpdir(), "mwaa-app-"));
      const run = runApp({ CDKTF_OUTDIR: dir });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      outdir = dir;
    }
    return outdir;
  };
})();

describe("the app on the example config", () => {
  let outdir: string;
  beforeAll(() => {
    outdir = exampleOutput();
  }, 60_000);
  const stack = (name: string) => readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8");

  it("synthesizes the state, network and MWAA stacks of every environment of its config folder, and the review", () => {
    expect(readdirSync(join(outdir, "stacks")).sort()).toEqual(["example-mwaa", "example-network", "example-state"]);
    expect(readFileSync(join(outdir, "REVIEW.md"), "utf8")).toMatch(/^# Review of the synthesized MWAA stacks\n/);
  });

  it("writes byte-identical output when run twice", () => {
    const again = mkdtempSync(join(tmpdir(), "mwaa-app-"));
    expect(runApp({ CDKTF_OUTDIR: again }).status).toBe(0);
    const first = filesUnder(outdir).map((f) => relative(outdir, f)).sort();
    expect(filesUnder(again).map((f) => relative(again, f)).sort()).toEqual(first);
    for (const file of first) {
      expect(readFileSync(join(again, file)).equals(readFileSync(join(outdir, file)))).toBe(true);
    }
  });

  it("names no path or host of the machine that made it", () => {
    // The user name is left out: "root" is also the account principal `arn:aws:iam::<account>:root`.
    const machineMarks = [REPO_ROOT, homedir(), tmpdir(), outdir, hostname()].filter((mark) => mark.length > 3);
    const found = filesUnder(outdir).flatMap((file) => {
      const text = readFileSync(file, "utf8");
      const marks = machineMarks.filter((mark) => text.includes(mark));
      const absolute = text.match(/"\/(home|root|tmp|Users|work|var)\/[^"]*"/g) ?? [];
      return [...marks, ...absolute].map((mark) => `${relative(outdir, file)}: ${mark}`);
    });
    expect(found).toEqual([]);
  });

  it("matches the reviewed snapshot of the example environment", () => {
    expect(JSON.parse(stack("example-state"))).toMatchSnapshot("example-state");
    expect(JSON.parse(stack("example-network"))).toMatchSnapshot("example-network");
    expect(JSON.parse(stack("example-mwaa"))).toMatchSnapshot("example-mwaa");
  });
});

describe("the app on many environments", () => {
  it("synthesizes them in worker processes into exactly what one process writes", () => {
    const dir = mkdtempSync(join(tmpdir(), "mwaa-many-"));
    const airflow = mkdtempSync(join(tmpdir(), "mwaa-many-airflow-"));
    for (let i = 1; i <= 8; i++) {
      writeFileSync(join(dir, `env${i}.json`), JSON.stringify({ ...exampleRaw(), name: `env${i}` }));
      // Each with the fixture's Airflow files: staged by this process, uploaded by whichever synthesizes it.
      cpSync(join(FIXTURE_AIRFLOW_DIR, "example"), join(airflow, `env${i}`), { recursive: true });
    }
    const [one, two] = [mkdtempSync(join(tmpdir(), "mwaa-app-")), mkdtempSync(join(tmpdir(), "mwaa-app-"))];
    expect(runApp({ CDKTF_OUTDIR: one, MWAA_CONFIG_DIR: dir, MWAA_AIRFLOW_DIR: airflow, MWAA_SYNTH_WORKERS: "1" }).status).toBe(0);
    const parallel = runApp({ CDKTF_OUTDIR: two, MWAA_CONFIG_DIR: dir, MWAA_AIRFLOW_DIR: airflow, MWAA_SYNTH_WORKERS: "2" });
    expect(parallel.stderr).toBe("");
    expect(parallel.status).toBe(0);

    const files = filesUnder(one).map((f) => relative(one, f)).sort();
    // Three stacks, four uploaded files and a review detail per environment, the manifest, the
    // summary, the findings (JSON and SARIF) and the Terraform judged; and each stack's deployer policy.
    expect(files.filter((f) => !f.includes("/deployer-policy"))).toHaveLength(8 * 3 + 8 * 4 + 8 + 5);
    expect(files.filter((f) => f.endsWith("/deployer-policy.json"))).toHaveLength(8 * 3);
    expect(filesUnder(two).map((f) => relative(two, f)).sort()).toEqual(files);
    for (const file of files) expect(readFileSync(join(two, file), "utf8")).toBe(readFileSync(join(one, file), "utf8"));
  });
});

describe("the app under `cdktf synth --hcl`", () => {
  it("renders every stack as HCL with no unrendered object, token or stray key", () => {
    const outdir = mkdtempSync(join(tmpdir(), "mwaa-hcl-"));
    expect(runApp({ CDKTF_OUTDIR: outdir, SYNTH_HCL_OUTPUT: "true" }).status).toBe(0);
    expect(readFileSync(join(outdir, "REVIEW.md"), "utf8")).toContain("**PASS: no guardrail violation.**");
    for (const stack of ["example-state", "example-network", "example-mwaa"]) {
      const hcl = readFileSync(join(outdir, "stacks", stack, "cdk.tf"), "utf8");
      expect(hcl).toMatch(/resource "aws_/);
      expect(hcl).not.toMatch(/\[object Object\]|\$\{TfToken|^\s*\d+ = /m);
    }
  });
});

describe("the app on a config that breaks a guardrail", () => {
  it("writes the review, then exits non-zero listing each violation with its rule, resource and fix", () => {
    const dir = mkdtempSync(join(tmpdir(), "mwaa-guardrail-config-"));
    writeFileSync(join(dir, "example.json"), JSON.stringify({ ...exampleRaw(), airflow: { ...exampleRaw().airflow, webserverAccessMode: "PUBLIC_ONLY" } }));
    const outdir = mkdtempSync(join(tmpdir(), "mwaa-app-"));

    const run = runApp({ CDKTF_OUTDIR: outdir, MWAA_CONFIG_DIR: dir });

    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^1 guardrail violation \(see .*REVIEW\.md; no stack was published, so cdktf deploy --skip-synth has nothing to apply; acknowledge a reviewed exception in the environment's guardrails\.acknowledgements\):\n/);
    expect(run.stderr).toContain("  - [MWAA.PRIVATE_WEBSERVER] example-mwaa/airflow/environment: The Airflow UI is reachable only from private networks. Found: webserver_access_mode = PUBLIC_ONLY. Fix: Set airflow.webserverAccessMode to PRIVATE_ONLY");
    expect(run.stderr).not.toMatch(/^\s+at /m);
    const { summary, detail } = readReviewFiles(outdir);
    expect(summary).toContain("**FAIL: 1 guardrail violation(s); the synth failed and published no stack.**");
    expect(summary).toContain("| example | MWAA.PRIVATE_WEBSERVER | example-mwaa/airflow/environment | webserver_access_mode = PUBLIC_ONLY |");
    expect(detail).toMatch(/\| example-mwaa\/airflow\/environment \| FAIL \| webserver_access_mode = PUBLIC_ONLY \|/);
    // The review, and nothing a deploy could pick up.
    expect(readdirSync(outdir).sort()).toEqual(["REVIEW.md", "review"]);
  });
});

describe("the app on a bad config", () => {
  const configDirWith = (files: Record<string, unknown>) => {
    const dir = mkdtempSync(join(tmpdir(), "mwaa-bad-config-"));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(content));
    return dir;
  };

  it("exits non-zero with one line per problem, no stack trace and no output", () => {
    const bad: Record<string, any> = { ...exampleRaw(), region: "Ireland" };
    bad.airflow = { ...bad.airflow, maxWorkers: 99, surprise: 1 };
    const configDir = configDirWith({ "example.json": bad });
    const outdir = join(mkdtempSync(join(tmpdir(), "mwaa-app-")), "cdktf.out");

    const run = runApp({ CDKTF_OUTDIR: outdir, MWAA_CONFIG_DIR: configDir });

    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trim().split("\n");
    expect(lines[0]).toBe("3 problems in the environment config:");
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^ {2}- .*example\.json: region: got "Ireland"; is not allowed; allowed: a Region code/),
      expect.stringMatching(/^ {2}- .*example\.json: airflow\.surprise: got 1; is not a known setting/),
      expect.stringMatching(/^ {2}- .*example\.json: airflow\.maxWorkers: got 99; must be at most airflow\.workerQuota \(25\)/),
    ]);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(outdir)).toBe(false);
  });

  it("after a good synth, leaves neither the old stacks nor the old review", () => {
    // A good synth's output: the example's, copied (the app removes what it finds in the folder).
    const outdir = mkdtempSync(join(tmpdir(), "mwaa-app-"));
    cpSync(exampleOutput(), outdir, { recursive: true });
    expect(existsSync(join(outdir, "REVIEW.md"))).toBe(true);

    const run = runApp({ CDKTF_OUTDIR: outdir, MWAA_CONFIG_DIR: configDirWith({ "example.json": { ...exampleRaw(), region: "Ireland" } }) });

    expect(run.status).toBe(1);
    expect(readdirSync(outdir)).toEqual(["stacks"]);
    expect(filesUnder(join(outdir, "stacks"))).toEqual([]);
  }, 60_000);

  it("refuses a number of synth processes that is not one, naming the variable", () => {
    const outdir = join(mkdtempSync(join(tmpdir(), "mwaa-app-")), "cdktf.out");
    const run = runApp({ CDKTF_OUTDIR: outdir, MWAA_SYNTH_WORKERS: "two" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("MWAA_SYNTH_WORKERS: got 'two'; must be a whole number of processes, at least 1");
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(outdir, "REVIEW.md"))).toBe(false);
  });

  it("tells a user with no environment file how to start", () => {
    const run = runApp({ CDKTF_OUTDIR: join(tmpdir(), "unused"), MWAA_CONFIG_DIR: configDirWith({}) });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/holds no <environment>\.json file; copy config\/example\.json from the repository and edit it/);
  });
});
