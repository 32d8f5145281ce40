import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COMMENT_LIMIT } from "../modules/review/review-summary";
import { REVIEW_PATHS } from "../modules/synthesis/output-folder";
import { synthesizeEnvironments } from "../stacks/synthesize";
import { exampleConfig, REPO_ROOT } from "./helpers/config-fixtures";
import { TODAY } from "./helpers/synth";

/*
 * `npm run review -- --base …` as a user runs it: package.json's script (the compiled review.ts,
 * built by Jest's globalSetup), from the repository, on two syntheses kept in folders. A git
 * revision as the base is synthesized from its own tree (modules/review/changes/base-synthesis.ts);
 * that costs a full install and synth, so here only its refusals are run.
 */

const reviewScript: string = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).scripts.review;

function review(...args: string[]) {
  return spawnSync("sh", ["-c", `${reviewScript} "$@"`, "review", ...args], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, CDKTF_OUTDIR: "" } });
}

async function synthesized(edit: (raw: Record<string, any>) => void = () => {}): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), "mwaa-review-cli-"));
  await synthesizeEnvironments([exampleConfig(edit)], { outdir, today: TODAY });
  return outdir;
}

const CHANGE_FILES = [REVIEW_PATHS.changesMarkdown, REVIEW_PATHS.changesJson, REVIEW_PATHS.comment];

let base: string;
let head: string;
beforeAll(async () => {
  base = await synthesized();
  head = await synthesized((raw) => (raw.storage = { dagBucketName: "example-dags-v2-111122223333-eu-west-1" }));
});

describe("npm run review", () => {
  it("compares a synth with a base folder and writes the changes and the pull-request comment", () => {
    const run = review("--base", base, "--head", head);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Compared .* with .*: \d+ resource change\(s\), 1 destroying data, /);
    const comment = readFileSync(join(head, REVIEW_PATHS.comment), "utf8");
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    // Summary first: the verdict, then what changed, then the summary's tables.
    expect(comment.indexOf("**PASS: no guardrail violation.**")).toBeLessThan(comment.indexOf("## What changed against the base"));
    expect(comment.indexOf("## What changed against the base")).toBeLessThan(comment.indexOf("## Environments"));
    expect(comment).toContain("**1 change(s) destroy or replace a resource that holds data.**");
    expect(comment).toMatch(/\| example-mwaa \| example-mwaa\/dag-bucket\/bucket \| replaced \| the bucket with every object version in it/);
    expect(JSON.parse(readFileSync(join(head, REVIEW_PATHS.changesJson), "utf8")).format).toBe("secure-mwaa-cdktf/changes@1");
  });

  it.each([
    [["--bogus"], /unknown argument "--bogus"; usage: npm run review -- --base/],
    [["--head", "x"], /--base is required; usage:/],
    [["--base"], /--base needs a value; usage:/],
    [["--base", "no-such-branch-or-folder"], /--base "no-such-branch-or-folder": neither a folder nor a git revision of this repository/],
  ])("refuses %j with what to do, exit 2, no stack trace and no change files left", (args, message) => {
    const kept = mkdtempSync(join(tmpdir(), "mwaa-review-cli-"));
    cpSync(head, kept, { recursive: true });
    expect(review("--base", base, "--head", kept).status).toBe(0);
    const run = review(...(args as string[]), ...(args.includes("--head") ? [] : ["--head", kept]));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/^The change review could not run: /);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    if (!args.includes("--head")) for (const file of CHANGE_FILES) expect(existsSync(join(kept, file))).toBe(false);
  });

  it("refuses a head folder that holds no synth, naming it and saying to synthesize", () => {
    const empty = mkdtempSync(join(tmpdir(), "mwaa-review-cli-"));
    const run = review("--base", base, "--head", empty);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${empty}: holds no REVIEW.md; name the output folder of a synth (\`npx cdktf synth\` writes cdktf.out)`);
  });

  it("refuses a synth whose judged Terraform is missing, naming the file", () => {
    const partial = mkdtempSync(join(tmpdir(), "mwaa-review-cli-"));
    cpSync(head, partial, { recursive: true });
    rmSync(join(partial, REVIEW_PATHS.terraform));
    const run = review("--base", partial, "--head", head);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${join(partial, REVIEW_PATHS.terraform)}: not found. Run \`npx cdktf synth\` first`);
  });
});
