import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** What a synth wrote for reviewers: the summary (REVIEW.md) and every detail file, in name order. */
export function readReviewFiles(outdir: string): { summary: string; detail: string } {
  const detail = ["environments", "stacks"]
    .map((kind) => join(outdir, "review", kind))
    .filter((folder) => existsSync(folder))
    .flatMap((folder) => readdirSync(folder).sort().map((file) => readFileSync(join(folder, file), "utf8")))
    .join("\n");
  return { summary: readFileSync(join(outdir, "REVIEW.md"), "utf8"), detail };
}
