import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { REVIEW_PATHS } from "./modules/synthesis/output-folder";
import { compareSyntheses } from "./modules/review/changes/change-review";
import { removeChangeReview, writeChangeReview } from "./modules/review/changes/change-files";
import { BaseSynthesis, resolveCommit, synthesizeRevision } from "./modules/review/changes/base-synthesis";
import { ChangeReviewError, readSynthesis } from "./modules/review/changes/synthesis-on-disk";
import { visible } from "./modules/text/visible-text";

/*
 * `npm run review -- --base <git revision | output folder> [--head <output folder>]`: what the synth
 * in the head folder (default: cdktf.out, where `npx cdktf synth` just wrote) changes against the
 * base (the target branch, synthesized from its own tree, or a kept earlier cdktf.out). Writes
 * review/changes.md, review/changes.json and review/comment.md into the head folder.
 */

const USAGE = "usage: npm run review -- --base <git revision, e.g. origin/main, or a previous cdktf.out folder> [--head <output folder, default cdktf.out>]";

function parseArguments(args: readonly string[]): { base: string; head: string } {
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i];
    if (flag !== "--base" && flag !== "--head") throw new ChangeReviewError(`unknown argument ${JSON.stringify(visible(flag))}; ${USAGE}`);
    const value = args[i + 1];
    if (value === undefined || value === "" || value.startsWith("--")) throw new ChangeReviewError(`${flag} needs a value; ${USAGE}`);
    if (flag in values) throw new ChangeReviewError(`${flag} is given twice; ${USAGE}`);
    values[flag] = value;
    i += 1;
  }
  if (!values["--base"]) throw new ChangeReviewError(`--base is required; ${USAGE}`);
  return { base: values["--base"], head: headFolderOf(args) };
}

/** The head folder, read before anything else is checked: a run that fails leaves no change files there. */
function headFolderOf(args: readonly string[]): string {
  const at = args.indexOf("--head");
  const value = at === -1 ? undefined : args[at + 1];
  return value && !value.startsWith("--") ? value : process.env.CDKTF_OUTDIR || "cdktf.out";
}

function main(): number {
  let base: BaseSynthesis | undefined;
  const headFolder = resolve(headFolderOf(process.argv.slice(2)));
  removeChangeReview(headFolder);
  try {
    const args = parseArguments(process.argv.slice(2));
    const head = readSynthesis(headFolder);
    const baseIsFolder = existsSync(args.base) && statSync(args.base).isDirectory();
    let baseFolder = resolve(args.base);
    let baseName = args.base;
    if (!baseIsFolder) {
      const commit = resolveCommit(process.cwd(), args.base);
      if (!commit) throw new ChangeReviewError(`--base ${JSON.stringify(visible(args.base))}: neither a folder nor a git revision of this repository (fetch it first, e.g. git fetch origin main)`);
      base = synthesizeRevision(process.cwd(), commit, (line) => process.stderr.write(`${line}\n`));
      baseFolder = base.outdir;
      baseName = `${args.base} (${commit.slice(0, 12)})`;
    }
    const review = compareSyntheses(readSynthesis(baseFolder), head, { base: visible(baseName), head: visible(args.head) });
    writeChangeReview(headFolder, review, head.summary);
    const losing = review.destructions.filter((d) => d.loses).length;
    process.stdout.write(
      `Compared ${visible(baseName)} with ${visible(args.head)}: ${review.resources.length} resource change(s), ${losing} destroying data, ${review.findings.length} guardrail status change(s), ${review.statements.length} policy statement(s) added or removed.\n` +
        `Wrote ${[REVIEW_PATHS.changesMarkdown, REVIEW_PATHS.changesJson, REVIEW_PATHS.comment].map((p) => join(args.head, p)).join(", ")}.\n`,
    );
    return 0;
  } catch (error) {
    removeChangeReview(headFolder);
    if (!(error instanceof ChangeReviewError)) throw error;
    process.stderr.write(`The change review could not run: ${error.message}\n`);
    return 2;
  } finally {
    base?.dispose();
  }
}

process.exitCode = main();
