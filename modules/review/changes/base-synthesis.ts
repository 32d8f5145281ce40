import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { REVIEW_FILE, REVIEW_PATHS } from "../../synthesis/output-folder";
import { ChangeReviewError } from "./synthesis-on-disk";

/**
 * The base of a change review given as a git revision: its tree is exported (`git archive`, so
 * neither the working tree nor the index is touched) into a scratch folder and synthesized there
 * with its own code and its own `cdktf.json` app command, into `<scratch>/cdktf.out`. The base's
 * `config/` and `airflow/` are read, unless MWAA_CONFIG_DIR or MWAA_AIRFLOW_DIR name an absolute path.
 * Dependencies are the head's `node_modules` when the lock files are equal; otherwise `npm ci` runs.
 */
export interface BaseSynthesis {
  readonly outdir: string;
  /** The commit synthesized. */
  readonly commit: string;
  /** Removes the scratch folder. */
  dispose(): void;
}

const git = (repo: string, args: string[]) => spawnSync("git", args, { cwd: repo, encoding: "buffer", maxBuffer: 1 << 30 });

/** The commit `revision` names in `repo`, or undefined when it names none. */
export function resolveCommit(repo: string, revision: string): string | undefined {
  // `--end-of-options`: a revision starting with `-` is a name, never an option.
  const run = spawnSync("git", ["rev-parse", "--verify", "--quiet", "--end-of-options", `${revision}^{commit}`], { cwd: repo, encoding: "utf8" });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

export function synthesizeRevision(repo: string, commit: string, log: (line: string) => void): BaseSynthesis {
  const scratch = mkdtempSync(join(tmpdir(), "mwaa-review-base-"));
  const dispose = () => rmSync(scratch, { recursive: true, force: true });
  try {
    const archive = git(repo, ["archive", "--format=tar", commit]);
    if (archive.status !== 0) throw new ChangeReviewError(`git archive ${commit} failed: ${archive.stderr.toString().trim()}`);
    const untar = spawnSync("tar", ["-x", "-C", scratch], { input: archive.stdout });
    if (untar.status !== 0) throw new ChangeReviewError(`unpacking the base ${commit} failed: ${untar.stderr.toString().trim()}`);
    if (!existsSync(join(scratch, "cdktf.json"))) throw new ChangeReviewError(`the base ${commit} has no cdktf.json at the repository root: it is not a checkout of this project`);

    const lock = (dir: string) => (existsSync(join(dir, "package-lock.json")) ? readFileSync(join(dir, "package-lock.json"), "utf8") : undefined);
    if (lock(scratch) !== undefined && lock(scratch) === lock(repo) && existsSync(join(repo, "node_modules"))) {
      symlinkSync(resolve(repo, "node_modules"), join(scratch, "node_modules"), "dir");
    } else {
      log(`The base's package-lock.json differs from this checkout's: installing its dependencies (npm ci)...`);
      const install = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: scratch, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
      if (install.status !== 0) throw new ChangeReviewError(`npm ci in the base ${commit} failed: ${install.stderr.trim().split("\n").slice(-5).join("\n")}`);
    }

    const app = (JSON.parse(readFileSync(join(scratch, "cdktf.json"), "utf8")) as { app?: unknown }).app;
    if (typeof app !== "string") throw new ChangeReviewError(`the base ${commit}'s cdktf.json has no app command`);
    const outdir = join(scratch, "cdktf.out");
    log(`Synthesizing the base ${commit.slice(0, 12)} (${app})...`);
    // The base's own app command, as cdktf runs it (through a shell); it is the target branch's code, not the pull request's.
    const synth = spawnSync(app, { cwd: scratch, shell: true, encoding: "utf8", env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: "1" }, stdio: ["ignore", "ignore", "pipe"] });
    // Exit 1 with a review is a base with violations: still comparable.
    if (!existsSync(join(outdir, REVIEW_PATHS.terraform))) {
      if (synth.status === 0 || existsSync(join(outdir, REVIEW_FILE))) {
        throw new ChangeReviewError(
          `the base ${commit.slice(0, 12)} synthesized, but predates the change review (its synth writes no ${REVIEW_PATHS.terraform}): compare with a base made by this version or later, or with a cdktf.out kept from before the change (--base <folder>)`,
        );
      }
      throw new ChangeReviewError(`the base ${commit.slice(0, 12)} did not synthesize (exit ${synth.status}): ${synth.stderr.trim().split("\n").slice(-8).join("\n")}`);
    }
    return { outdir, commit, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
