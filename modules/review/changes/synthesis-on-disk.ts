import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SynthesizedStack } from "../../guardrails/synthesized-stack";
import { REVIEW_FILE, REVIEW_PATHS } from "../../synthesis/output-folder";
import { FINDINGS_FORMAT, FindingsDocument } from "../findings-document";
import { TERRAFORM_SNAPSHOT_FORMAT, TerraformSnapshot } from "../terraform-snapshot";

/** A change review that cannot run: a missing or unreadable synth, a bad flag, a base that does not build. */
export class ChangeReviewError extends Error {}

/** One synth as the change review reads it back from its output folder. */
export interface SynthesisOnDisk {
  /** The folder, as the user named it. */
  readonly folder: string;
  /** Every stack judged, in deployment order, with the environment it belongs to. */
  readonly stacks: readonly { readonly group: string; readonly stack: SynthesizedStack }[];
  readonly findings: FindingsDocument;
  /** REVIEW.md as written. */
  readonly summary: string;
}

function readJson(folder: string, path: string, format: string): unknown {
  const file = join(folder, path);
  if (!existsSync(file)) {
    throw new ChangeReviewError(`${file}: not found. Run \`npx cdktf synth\` first (a synth writes it, passed or failed); a cdktf.out from before the review files existed cannot be compared`);
  }
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ChangeReviewError(`${file}: not JSON (${(error as Error).message}); synthesize again`);
  }
  if ((value as { format?: unknown })?.format !== format) {
    throw new ChangeReviewError(`${file}: format is ${JSON.stringify((value as { format?: unknown })?.format)}, expected "${format}"; synthesize it again with this version`);
  }
  return value;
}

/** Reads the synth in `folder` (a `cdktf.out`): its judged Terraform, its findings and its summary. */
export function readSynthesis(folder: string): SynthesisOnDisk {
  if (!existsSync(join(folder, REVIEW_FILE))) {
    throw new ChangeReviewError(`${folder}: holds no ${REVIEW_FILE}; name the output folder of a synth (\`npx cdktf synth\` writes cdktf.out)`);
  }
  const snapshot = readJson(folder, REVIEW_PATHS.terraform, TERRAFORM_SNAPSHOT_FORMAT) as TerraformSnapshot;
  const findings = readJson(folder, REVIEW_PATHS.findingsJson, FINDINGS_FORMAT) as FindingsDocument;
  return {
    folder,
    stacks: snapshot.stacks.map((s) => ({ group: s.group, stack: new SynthesizedStack(s.name, s.configuration) })),
    findings,
    summary: readFileSync(join(folder, REVIEW_FILE), "utf8"),
  };
}
