import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { load } from "js-yaml";
import { REVIEW_FILE, REVIEW_FOLDER, REVIEW_PATHS } from "../modules/synthesis/output-folder";
import { actionlintErrors } from "./helpers/actionlint";

/**
 * The pull-request workflow (.github/workflows/review.yml), read as GitHub reads it: linted by
 * actionlint, then checked for what a reviewer relies on: the files it posts and uploads are the
 * ones the synth writes, it runs the README's commands, its token can do no more than it needs, and
 * no pull-request value reaches a script as code.
 */
const ROOT = join(__dirname, "..");
const WORKFLOW_FILE = ".github/workflows/review.yml";
const WORKFLOW_TEXT = readFileSync(join(ROOT, WORKFLOW_FILE), "utf8");
const workflow = load(WORKFLOW_TEXT) as any;
const OUTPUT_FOLDER: string = JSON.parse(readFileSync(join(ROOT, "cdktf.json"), "utf8")).output;
const output = (path: string) => `${OUTPUT_FOLDER}/${path}`;

const steps = (document: any): any[] => Object.values<any>(document.jobs).flatMap((job) => job.steps ?? []);
const stepUsing = (document: any, action: string) => steps(document).find((step) => step.uses?.startsWith(`${action}@`));
const runCommands = (document: any): string[] => steps(document).flatMap((step) => (step.run ? [step.run.trim()] : []));
const copy = (document: any) => structuredClone(document);

/** Every `uses:` not pinned to a full commit SHA with its version in a comment (`@<sha> # v1.2.3`). */
function unpinnedActions(document: any, text: string): string[] {
  const uses = [...Object.values<any>(document.jobs).map((job) => job.uses), ...steps(document).map((step) => step.uses)].filter(Boolean);
  return uses.filter((ref: string) => {
    const pinned = /^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/.test(ref);
    const commented = text.split("\n").some((line) => line.includes(`uses: ${ref} # v`) && /# v\d+\.\d+\.\d+\s*$/.test(line));
    return !(pinned && commented);
  });
}

/**
 * Every `${{ }}` expression written into a script: GitHub substitutes it into the script's text
 * before the shell (or github-script's JavaScript) runs, so a branch name or a title becomes code.
 * Values reach scripts through `env:` instead.
 */
function expressionsInScripts(document: any): string[] {
  return steps(document).flatMap((step) =>
    [step.run, step.with?.script].filter((script) => typeof script === "string" && script.includes("${{")).map(() => step.name ?? step.id ?? step.uses),
  );
}

/** The permissions each job's token gets: its own, else the workflow's. */
function jobPermissions(document: any): unknown[] {
  return Object.values<any>(document.jobs).map((job) => job.permissions ?? document.permissions);
}

describe("the pull-request workflow", () => {
  it("passes actionlint: keys, expressions and the contexts they read, permission scopes, runner labels", async () => {
    expect(await actionlintErrors(WORKFLOW_TEXT, WORKFLOW_FILE)).toEqual([]);
    const misspeltStep = WORKFLOW_TEXT.replace("steps.synth.outcome == 'failure'", "steps.synt.outcome == 'failure'");
    expect(await actionlintErrors(misspeltStep, WORKFLOW_FILE)).toEqual([expect.stringContaining('property "synt" is not defined')]);
  });

  it("runs on pull_request, never pull_request_target (which would run the pull request's code with a write token and the secrets)", () => {
    expect(Object.keys(workflow.on)).toEqual(["pull_request"]);
    expect(WORKFLOW_TEXT).not.toMatch(/^\s*pull_request_target\s*:/m);
  });

  it("gives every job's token exactly contents: read, pull-requests: write and security-events: write", () => {
    const expected = Object.keys(workflow.jobs).map(() => ({ contents: "read", "pull-requests": "write", "security-events": "write" }));
    expect(jobPermissions(workflow)).toEqual(expected);
    const widened = copy(workflow);
    Object.values<any>(widened.jobs)[0].permissions = "write-all";
    expect(jobPermissions(widened)).not.toEqual(expected);
  });

  it("pins every action to a full commit SHA, its version in a comment", () => {
    expect(unpinnedActions(workflow, WORKFLOW_TEXT)).toEqual([]);
    const checkout = stepUsing(workflow, "actions/checkout").uses as string;
    const byTag = WORKFLOW_TEXT.replace(checkout, "actions/checkout@v7");
    expect(unpinnedActions(load(byTag), byTag)).toEqual(["actions/checkout@v7"]);
  });

  it("writes no ${{ }} expression into a script: the base branch's name reaches the review through env", () => {
    expect(expressionsInScripts(workflow)).toEqual([]);
    const review = steps(workflow).find((step) => step.id === "review");
    expect(review.env).toEqual({ BASE_REF: "${{ github.base_ref }}" });
    const injected = copy(workflow);
    steps(injected).find((step) => step.id === "review").run = 'npm run review -- --base "origin/${{ github.head_ref }}"';
    expect(expressionsInScripts(injected)).toEqual([review.name]);
  });

  it("runs the README's commands (npm ci, npx cdktf synth without cdktf's version check), then the change review against the base branch", () => {
    expect(runCommands(workflow).slice(0, 3)).toEqual(["npm ci", "npx cdktf synth", 'npm run review -- --base "origin/$BASE_REF"']);
    const quickStart = readFileSync(join(ROOT, "README.md"), "utf8").split("## Quick start")[1].split("\n## ")[0];
    expect(quickStart).toContain("npm ci");
    expect(quickStart).toContain("npx cdktf synth");
    const synth = steps(workflow).find((step) => step.run === "npx cdktf synth");
    const job = Object.values<any>(workflow.jobs).find((candidate) => candidate.steps.includes(synth));
    expect({ ...job.env, ...synth.env }.CHECKPOINT_DISABLE).toBe("1");
    // The whole history, so that origin/<base branch> is there to compare with.
    expect(stepUsing(workflow, "actions/checkout").with["fetch-depth"]).toBe(0);
    // `npm run review` is a script of this project (review.ts, through the app's compile step).
    expect(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts.review).toBe("node scripts/run-app.js review");
  });

  it("goes on after a failed synth, to post and upload its review, and fails the job at the end", () => {
    const all = steps(workflow);
    const synth = all.find((step) => step.id === "synth");
    expect(synth["continue-on-error"]).toBe(true);
    const last = all[all.length - 1];
    expect(last.if).toContain("steps.synth.outcome == 'failure'");
    expect(last.run.trim()).toMatch(/exit 1$/);
    for (const step of all.slice(all.indexOf(synth) + 1, -1)) expect(step["continue-on-error"] === true || /!cancelled\(\)|always\(\)/.test(step.if ?? "")).toBe(true);
  });

  it("uploads the synth's SARIF findings to code scanning, under a category, whenever the file exists", () => {
    const upload = stepUsing(workflow, "github/codeql-action/upload-sarif");
    expect(upload.with.sarif_file).toBe(output(REVIEW_PATHS.findingsSarif));
    expect(upload.with.category).toEqual(expect.any(String));
    expect(upload.if).toContain(`hashFiles('${output(REVIEW_PATHS.findingsSarif)}') != ''`);
  });

  it("keeps REVIEW.md and the review folder as an artifact", () => {
    const artifact = stepUsing(workflow, "actions/upload-artifact");
    expect(artifact.with.path.trim().split("\n")).toEqual([output(REVIEW_FILE), `${output(REVIEW_FOLDER)}/`]);
  });

  it("reviews one push of a pull request at a time", () => {
    expect(workflow.concurrency).toEqual({ group: expect.stringContaining("${{ github.event.pull_request.number }}"), "cancel-in-progress": true });
  });
});

describe("the workflow's comment step", () => {
  const MARKER = "<!-- secure-mwaa-cdktf review -->";
  const step = stepUsing(workflow, "actions/github-script");
  const script: string = step.with.script;
  // What actions/github-script runs: the script as the body of an async function of these names.
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor;
  let workspace: string;

  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), "review-comment-"));
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  function write(path: string, text: string): void {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }

  interface Scenario {
    changeReview?: "success" | "failure";
    comments?: { id: number; user: { login: string }; body: string }[];
    refuseWith?: number;
    headRepository?: string;
  }

  async function runStep({ changeReview = "success", comments = [], refuseWith, headRepository = "acme/mwaa" }: Scenario) {
    const posted = { created: [] as string[], updated: [] as { id: number; body: string }[], notices: [] as string[], summary: "" };
    const refuse = async () => {
      if (refuseWith) throw Object.assign(new Error(refuseWith === 403 ? "Resource not accessible by integration" : "Server Error"), { status: refuseWith });
    };
    const github = {
      paginate: async () => comments,
      rest: {
        issues: {
          listComments: () => undefined,
          createComment: async ({ body }: any) => (await refuse(), posted.created.push(body)),
          updateComment: async ({ comment_id, body }: any) => (await refuse(), posted.updated.push({ id: comment_id, body })),
        },
      },
    };
    const context = {
      serverUrl: "https://github.com",
      repo: { owner: "acme", repo: "mwaa" },
      runId: 42,
      issue: { number: 7 },
      payload: { pull_request: { head: { repo: { full_name: headRepository } } } },
    };
    const core = {
      warning: () => undefined,
      notice: (message: string) => posted.notices.push(message),
      summary: { addRaw: (text: string) => ((posted.summary = text), { write: async () => undefined }) },
    };
    // The step's env, its paths taken from the workspace, as the runner gives them.
    const env = { ...step.env, CHANGE_REVIEW_OUTCOME: changeReview, COMMENT_FILE: join(workspace, step.env.COMMENT_FILE), SUMMARY_FILE: join(workspace, step.env.SUMMARY_FILE) };
    await new AsyncFunction("require", "github", "context", "core", "process", script)(require, github, context, core, { env });
    return posted;
  }

  it("reads the files the synth and the change review write", () => {
    expect(step.env.COMMENT_FILE).toBe(output(REVIEW_PATHS.comment));
    expect(step.env.SUMMARY_FILE).toBe(output(REVIEW_FILE));
    expect(step.env.CHANGE_REVIEW_OUTCOME).toBe("${{ steps.review.outcome }}");
  });

  it("posts the change review's comment, marked so it is found again, and shows it in the job summary", async () => {
    write(output(REVIEW_PATHS.comment), "## Review\nexample: PASS");
    const posted = await runStep({});
    expect(posted.created).toEqual([`${MARKER}\n## Review\nexample: PASS`]);
    expect(posted.summary).toBe("## Review\nexample: PASS");
  });

  it("updates its own comment on the next push rather than adding another", async () => {
    write(output(REVIEW_PATHS.comment), "second push");
    const posted = await runStep({ comments: [{ id: 5, user: { login: "github-actions[bot]" }, body: `${MARKER}\nfirst push` }] });
    expect(posted).toMatchObject({ created: [], updated: [{ id: 5, body: `${MARKER}\nsecond push` }] });
  });

  it("leaves alone anyone else's comment that carries the marker", async () => {
    write(output(REVIEW_PATHS.comment), "the review");
    const posted = await runStep({ comments: [{ id: 6, user: { login: "mallory" }, body: `${MARKER}\nAll PASS` }] });
    expect(posted).toMatchObject({ created: [`${MARKER}\nthe review`], updated: [] });
  });

  it("posts REVIEW.md, saying the changes are missing, when the change review could not run", async () => {
    write(output(REVIEW_PATHS.comment), "a stale comment");
    write(output(REVIEW_FILE), "# Review\nexample: FAIL");
    const [body] = (await runStep({ changeReview: "failure" })).created;
    expect(body).toMatch(/The change review could not run.*\n\n# Review\nexample: FAIL$/s);
  });

  it("says there is no review when the synth stopped before writing one", async () => {
    const [body] = (await runStep({ changeReview: "failure" })).created;
    expect(body).toContain("The synth stopped before it judged anything");
  });

  it("keeps the comment within GitHub's 65,536 characters, pointing to the artifact", async () => {
    write(output(REVIEW_PATHS.comment), "x".repeat(70_000));
    const [body] = (await runStep({})).created;
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(/Cut at GitHub's comment limit: the whole review is in the `review` artifact/);
  });

  it("does not fail a fork's pull request, whose token may not comment: it says so in a notice", async () => {
    write(output(REVIEW_PATHS.comment), "the review");
    const posted = await runStep({ refuseWith: 403, headRepository: "someone/mwaa" });
    expect(posted.notices).toEqual([expect.stringMatching(/^This pull request comes from a fork, whose token is read-only/)]);
  });

  it("fails on any other error", async () => {
    write(output(REVIEW_PATHS.comment), "the review");
    await expect(runStep({ refuseWith: 500 })).rejects.toThrow("Server Error");
  });
});
