import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { REVIEW_PATHS } from "../../synthesis/output-folder";
import { renderWithin } from "../bounded-markdown";
import { markdownText } from "../markdown";
import { CHANGES_PLACE, COMMENT_LIMIT } from "../review-summary";
import { ChangeReview, changeBlocks, CHANGES_FORMAT } from "./change-review";

const CHANGE_FILES = [REVIEW_PATHS.changesMarkdown, REVIEW_PATHS.changesJson, REVIEW_PATHS.comment];

/** Removes what an earlier change review wrote into `outdir`: a failed run leaves none of it. */
export function removeChangeReview(outdir: string): void {
  for (const path of CHANGE_FILES) rmSync(join(outdir, path), { force: true });
}

/**
 * Writes the change review into the head's output folder: in full (`changes.md`, `changes.json`),
 * and as the pull-request comment: the head's summary with the changes after its verdict, the
 * changes cut to what fits COMMENT_LIMIT (each cut says where the whole is).
 */
export function writeChangeReview(outdir: string, review: ChangeReview, summary: string): { comment: string } {
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(outdir, path)), { recursive: true });
    writeFileSync(join(outdir, path), text);
  };
  const { headline, detail } = changeBlocks(review);
  write(REVIEW_PATHS.changesMarkdown, renderWithin([`# Changes from ${markdownText(review.base)} to ${markdownText(review.head)}`, ...headline, ...detail], Infinity));
  write(REVIEW_PATHS.changesJson, `${JSON.stringify({ format: CHANGES_FORMAT, ...review }, null, 2)}\n`);
  const at = summary.indexOf(CHANGES_PLACE);
  const [before, after] = at === -1 ? [summary, ""] : [summary.slice(0, at), summary.slice(at)];
  // What to weigh right after the verdict; what it rests on, folded, after the summary's tables.
  const SPLIT = "\n<!-- the summary's tables -->\n";
  const changes = renderWithin([...headline, SPLIT, { folded: "The policy statements, resources and other blocks that changed", blocks: detail }], COMMENT_LIMIT - summary.length - 4);
  const [first, folded] = changes.split(SPLIT);
  const comment = `${before.trimEnd()}\n\n${first.trimEnd()}\n${after.trimEnd()}\n\n${folded.trim()}\n`;
  write(REVIEW_PATHS.comment, comment);
  return { comment };
}
