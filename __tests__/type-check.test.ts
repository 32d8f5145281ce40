import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { FIXTURE_AIRFLOW_DIR, FIXTURE_CONFIG_DIR, REPO_ROOT } from "./helpers/config-fixtures";

/*
 * The app command compiles with type checking when a source changed and reuses the build when none
 * did. A type error must stop the synth either way: on a first build, and on a change after a good
 * build (where a stale-build check could wrongly skip the compile).
 *
 * The copy is the project as a clone that has synthesized before holds it: its sources, and the
 * repository's build (dist/, with the compiler's incremental state and the app command's record of
 * what it compiled; Jest's globalSetup brings it up to date first), timestamps kept. The app command
 * in the copy judges for itself whether that build is current, as in any clone; the compiles after a
 * change are then incremental, as a user's are, instead of repeating a first build of every file.
 */

const ENTRIES = ["main.ts", "cdktf.json", "tsconfig.json", "tsconfig.app.json", "package.json", "package-lock.json", "scripts", "config", "stacks", "modules"];
/** The build folder: absent where the app was never compiled (the copy then compiles from scratch). */
const BUILD = "dist";
const appCommand: string = JSON.parse(readFileSync(join(REPO_ROOT, "cdktf.json"), "utf8")).app;

/**
 * The compiler's record of the build (dist/.tsbuildinfo) names every file it read relative to dist/.
 * The project's own files are where it says in the copy too; the packages are not: the copy's
 * node_modules is a link, which the compiler follows to the repository's. Those names are re-aimed at
 * the same files, or the compiler would take every package for a changed file and check the whole
 * program again after the first change.
 */
function rebaseBuildRecord(project: string): void {
  const record = join(project, BUILD, ".tsbuildinfo");
  if (!existsSync(record)) return;
  const info = JSON.parse(readFileSync(record, "utf8"));
  if (!Array.isArray(info.fileNames)) return;
  const packages = join(REPO_ROOT, "node_modules") + sep;
  info.fileNames = info.fileNames.map((name: string) => {
    const file = resolve(REPO_ROOT, BUILD, name);
    const own = file.startsWith(REPO_ROOT + sep) && !file.startsWith(packages);
    return relative(join(project, BUILD), own ? join(project, relative(REPO_ROOT, file)) : file);
  });
  writeFileSync(record, JSON.stringify(info));
}

describe("the app command on a project with a type error", () => {
  const project = mkdtempSync(join(tmpdir(), "mwaa-type-check-"));
  const source = join(project, "modules", "airflow", "mwaa-environment.ts");
  let good: string;

  beforeAll(() => {
    const entries = existsSync(join(REPO_ROOT, BUILD)) ? [...ENTRIES, BUILD] : ENTRIES;
    // Not a compile lock another synth may hold in dist/ (scripts/run-app.js): the copy would wait on it.
    const copied = (path: string) => !path.endsWith(`${sep}.build-lock`);
    for (const entry of entries) cpSync(join(REPO_ROOT, entry), join(project, entry), { recursive: true, preserveTimestamps: true, filter: copied });
    rebaseBuildRecord(project);
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
