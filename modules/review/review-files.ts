import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { REVIEW_FILE, REVIEW_PATHS } from "../synthesis/output-folder";
import { findingsDocument } from "./findings-document";
import { renderGroupDetail } from "./review-detail";
import { renderSummary } from "./review-summary";
import { detailFile, ReviewedGroup } from "./reviewed-group";
import { sarifLog } from "./sarif-log";
import { terraformSnapshot } from "./terraform-snapshot";

/**
 * Writes the review of a judged synth into `outdir`, passed or failed: the summary (REVIEW.md), one
 * detail file per environment, the findings as JSON and SARIF, and the Terraform each stack wrote
 * (what `npm run review -- --base` compares, also when the synth failed and published no stack).
 * Returns the summary.
 */
export function writeReview(outdir: string, groups: readonly ReviewedGroup[], today: string): string {
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(outdir, path)), { recursive: true });
    writeFileSync(join(outdir, path), text);
  };
  const summary = renderSummary(groups, today);
  for (const group of groups) write(detailFile(group), renderGroupDetail(group));
  const findings = findingsDocument(groups, today);
  write(REVIEW_PATHS.findingsJson, `${JSON.stringify(findings, null, 2)}\n`);
  write(REVIEW_PATHS.findingsSarif, `${JSON.stringify(sarifLog(findings), null, 2)}\n`);
  write(REVIEW_PATHS.terraform, `${JSON.stringify(terraformSnapshot(groups))}\n`);
  // Last: the summary is what CI and people look for first, so it appears only once the rest is there.
  write(REVIEW_FILE, summary);
  return summary;
}
