import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveCommit, synthesizeRevision } from "../../../../modules/review/changes/base-synthesis";
import { ChangeReviewError } from "../../../../modules/review/changes/synthesis-on-disk";

/*
 * A base given as a git revision is exported and synthesized with its own app command. A scratch
 * repository stands in for the project here, its app command a shell line, so that what the
 * revision path does (export, dependencies, run, read what it wrote) is shown without a full synth.
 */

function repositoryWithApp(app: string): { repo: string; commit: string } {
  const repo = mkdtempSync(join(tmpdir(), "mwaa-base-repo-"));
  const git = (...args: string[]) => spawnSync("git", args, { cwd: repo, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" } });
  git("init", "-q");
  writeFileSync(join(repo, "cdktf.json"), JSON.stringify({ app }));
  writeFileSync(join(repo, "package-lock.json"), "{}");
  git("add", ".");
  git("commit", "-q", "-m", "base");
  // Installed, not committed: the base shares it, its lock file being the same.
  mkdirSync(join(repo, "node_modules"));
  return { repo, commit: git("rev-parse", "HEAD").stdout.trim() };
}

const quiet = () => undefined;

describe("a base given as a git revision", () => {
  it("is synthesized from its own tree with its own app command, into a scratch folder removed afterwards", () => {
    const { repo, commit } = repositoryWithApp('mkdir -p "$CDKTF_OUTDIR/review" && echo summary > "$CDKTF_OUTDIR/REVIEW.md" && echo "{}" > "$CDKTF_OUTDIR/review/terraform.json"');
    expect(resolveCommit(repo, "HEAD")).toBe(commit);
    const base = synthesizeRevision(repo, commit, quiet);
    expect(readFileSync(join(base.outdir, "REVIEW.md"), "utf8")).toBe("summary\n");
    expect(existsSync(join(base.outdir, "..", "node_modules"))).toBe(true);
    base.dispose();
    expect(existsSync(base.outdir)).toBe(false);
  });

  it("names no commit for a revision that is not one, nor for one that reads as an option", () => {
    const { repo } = repositoryWithApp("true");
    expect(resolveCommit(repo, "no-such-branch")).toBeUndefined();
    expect(resolveCommit(repo, "--output=/tmp/x")).toBeUndefined();
  });

  it("says a base that synthesizes but writes no review predates the change review, and what to compare with instead", () => {
    const { repo, commit } = repositoryWithApp('mkdir -p "$CDKTF_OUTDIR" && echo summary > "$CDKTF_OUTDIR/REVIEW.md"');
    expect(() => synthesizeRevision(repo, commit, quiet)).toThrow(new ChangeReviewError(
      `the base ${commit.slice(0, 12)} synthesized, but predates the change review (its synth writes no review/terraform.json): compare with a base made by this version or later, or with a cdktf.out kept from before the change (--base <folder>)`,
    ));
  });

  it("says a base whose synth fails did not synthesize, with its exit code and the end of what it printed", () => {
    const { repo, commit } = repositoryWithApp("echo broken config >&2; exit 3");
    expect(() => synthesizeRevision(repo, commit, quiet)).toThrow(`the base ${commit.slice(0, 12)} did not synthesize (exit 3): broken config`);
  });
});
