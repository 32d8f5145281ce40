import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ChangeReview } from "../../../../modules/review/changes/change-review";
import { writeChangeReview } from "../../../../modules/review/changes/change-files";
import { CHANGES_PLACE, COMMENT_LIMIT, SUMMARY_LIMIT } from "../../../../modules/review/review-summary";

/*
 * The comment is the summary with the change review inside it: it must stay one pull-request
 * comment when both are as large as they get, and keep what destroys data where it is read first.
 */

const destroyingBuckets = (count: number): ChangeReview => ({
  base: "origin/main",
  head: "cdktf.out",
  stacksAdded: [],
  stacksRemoved: [],
  resources: Array.from({ length: count }, (_, i) => ({ stack: "prod-mwaa", address: `aws_s3_bucket.b${i}`, type: "aws_s3_bucket", path: `prod-mwaa/bucket-${i}`, action: "changed" as const, arguments: ["bucket"] })),
  blocks: [],
  destructions: Array.from({ length: count }, (_, i) => ({
    stack: "prod-mwaa",
    address: `aws_s3_bucket.b${i}`,
    type: "aws_s3_bucket",
    path: `prod-mwaa/bucket-${i}`,
    kind: "replaced" as const,
    reasons: [`bucket: old-${i} → new-${i} forces a new resource`],
    loses: "the bucket with every object version in it",
    preventDestroy: true,
  })),
  statements: [],
  findings: [],
  newPassingChecks: 0,
  gonePassingChecks: 0,
  controls: [],
});

describe("the pull-request comment", () => {
  it("fits one comment with a summary at its limit and hundreds of changes, what destroys data right after the verdict", () => {
    const verdict = "# Review of the synthesized MWAA stacks\n\n**PASS: no guardrail violation.**\n";
    const summary = `${verdict}${CHANGES_PLACE}${"| x |\n".repeat((SUMMARY_LIMIT - 200) / 6)}`;
    const outdir = mkdtempSync(join(tmpdir(), "mwaa-comment-"));
    const { comment } = writeChangeReview(outdir, destroyingBuckets(500), summary);
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(comment.indexOf("### Destroys data")).toBeGreaterThan(comment.indexOf("**PASS: no guardrail violation.**"));
    expect(comment.indexOf("### Destroys data")).toBeLessThan(comment.indexOf("## Environments"));
    expect(comment).toContain("**500 change(s) destroy or replace a resource that holds data.**");
    expect(comment).toMatch(/_\d+ more row\(s\) not shown here[^_]*`review\/changes\.json`\._/);
    // The full change review keeps every row.
    expect(readFileSync(join(outdir, "review/changes.md"), "utf8")).toContain("| prod-mwaa | prod-mwaa/bucket-499 | replaced |");
  });
});
