import { App } from "cdktf";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { EnvironmentConfig } from "../config/environment-config";
import { formatViolation } from "../modules/guardrails/evaluate";
import { renderReview } from "../modules/review/review-report";
import { addEnvironmentStacks } from "./environment-app";

export interface SynthesisOptions {
  /** @default cdktf's: CDKTF_OUTDIR, or cdktf.out */
  readonly outdir?: string;
  /** `YYYY-MM-DD` against which acknowledgements expire. @default today (UTC) */
  readonly today?: string;
}

export interface SynthesisResult {
  readonly outdir: string;
  /** One line per guardrail violation; the synth has failed when there is any. */
  readonly violations: string[];
}

/**
 * Builds every environment's stacks, synthesizes them with the guardrails applied, and writes
 * `REVIEW.md` beside the stacks. Violations do not stop the output: reviewers see them as FAIL.
 */
export function synthesizeEnvironments(configs: readonly EnvironmentConfig[], options: SynthesisOptions = {}): SynthesisResult {
  const app = new App(options.outdir ? { outdir: options.outdir } : {});
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const environments = addEnvironmentStacks(app, configs, { today });
  app.synth();

  const reviews = environments.map((env, index) => {
    // What the guardrails judged, so the report and the verdicts cannot disagree (and `--hcl`
    // output, which writes no JSON, is reviewed the same way).
    const stacks = [env.state, env.network, env.mwaa]
      .filter((s) => s !== undefined)
      .map((s) => env.guardrails.stacks.get(s.node.id)!);
    return {
      name: configs[index].name,
      config: configs[index],
      stacks,
      findings: stacks.flatMap((s) => env.guardrails.findings.get(s.name) ?? []),
    };
  });
  writeFileSync(join(app.outdir, "REVIEW.md"), renderReview(reviews));

  const violations = reviews.flatMap((r) => r.findings.filter((f) => f.status === "FAIL").map(formatViolation));
  return { outdir: app.outdir, violations };
}
