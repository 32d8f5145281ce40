import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FIXTURE_AIRFLOW_DIR, FIXTURE_CONFIG_DIR, REPO_ROOT } from "./helpers/config-fixtures";

/*
 * The app command compiles with type checking when a source changed and reuses the build when none
 * did. A type error must stop the synth either way: on a first build, and on a change after a good
 * build (where a stale-build check could wrongly skip the compile).
 */

const ENTRIES = ["main.ts", "cdktf.json", "tsconfig.json", "tsconfig.app.json", "package.json", "package-lock.json", "scripts", "config", "stacks", "modules"];
const appCommand: string = JSON.parse(readFileSync(join(REPO_ROOT, "cdktf.json"), "utf8")).app;

describe("the app command on a project with a type error", () => {
  const project = mkdtempSync(join(tmpdir(), "mwaa-type-check-"));
  const source = join(project, "modules", "airflow", "mwaa-environment.ts");
  let good: string;

  beforeAll(() => {
    for (const entry of ENTRIES) cpSync(join(REPO_ROOT, entry), join(project, entry), { recursive: true });
    symlinkSync(join(REPO_ROOT, "node_modules"), join(project, "node_modules"), "dir");
    good = readFileSync(source, "utf8");
  });

  const synth = () => {
    const outdir = join(mkdtempSync(join(tmpdir(), "mwaa-type-check-out-")), "cdktf.out");
    const run = spawnSync("sh", ["-c", appCommand], { cwd: project, env: { ...process.env, CDKTF_OUTDIR: outdir, MWAA_CONFIG_DIR: FIXTURE_CONFIG_DIR, MWAA_AIRFLOW_DIR: FIXTURE_AIRFLOW_DIR }, encoding: "utf8" });
    return { ...run, wrote: existsSync(outdir) };
  };
  // A number where the resource wants a string: transpiling alone would let this through.
  const breakTypes = () => writeFileSync(source, good.replace("environmentClass: props.sizing.environmentClass,", "environmentClass: props.sizing.schedulers,"));

  it("synthesizes while the sources type-check", () => {
    expect(synth()).toMatchObject({ status: 0, wrote: true });
  }, 60_000);

  it("stops with the compiler's error and writes nothing once a change breaks the types", () => {
    breakTypes();
    const run = synth();
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/modules\/airflow\/mwaa-environment\.ts\(\d+,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/);
    expect(run.stderr).toContain("The TypeScript sources do not compile (errors above); nothing was synthesized.");
    expect(run.wrote).toBe(false);
  }, 60_000);

  it("keeps refusing on the next run, and synthesizes again once the error is fixed", () => {
    expect(synth()).toMatchObject({ wrote: false });
    writeFileSync(source, good);
    expect(synth()).toMatchObject({ status: 0, wrote: true });
  }, 60_000);
});
