import { App } from "cdktf";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { EnvironmentConfig } from "../config/environment-config";
import { formatViolation } from "../modules/guardrails/evaluate";
import { renderEnvironmentSection, renderReview } from "../modules/review/review-report";
import { addEnvironmentStacks } from "./environment-app";

export interface SynthesisOptions {
  /** @default cdktf's: CDKTF_OUTDIR (set by the CLI), or cdktf.out */
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
  const environments = withoutTokenStackTraces(() => {
    const stacks = addEnvironmentStacks(app, configs, { today });
    app.synth();
    return stacks;
  });

  const reviews = environments.map((env, index) => {
    // What the guardrails judged is what was written (the aspect hands it to the serializer).
    const stacks = [env.state, env.network, env.mwaa].filter((s) => s !== undefined).map((s) => env.guardrails.stacks.get(s.node.id)!);
    return { name: configs[index].name, config: configs[index], stacks, findings: stacks.flatMap((s) => env.guardrails.findings.get(s.name) ?? []) };
  });
  const violations = reviews.flatMap((r) => r.findings.filter((f) => f.status === "FAIL").map(formatViolation));
  writeFileSync(join(app.outdir, "REVIEW.md"), renderReview(reviews.map(renderEnvironmentSection), violations.length));
  return { outdir: app.outdir, violations };
}

/**
 * cdktf captures a full stack trace for every token it creates (thousands per stack), only to quote
 * it if the token later fails to resolve: about a third of a synth's time. While `build` runs, that
 * capture returns nothing. Errors keep their own stack traces. MWAA_TOKEN_STACK_TRACES=1 keeps the
 * capture, for debugging a token that fails to resolve.
 */
export function withoutTokenStackTraces<T>(build: () => T): T {
  const traces = process.env.MWAA_TOKEN_STACK_TRACES === "1" ? undefined : tokenStackTraces();
  if (!traces) return build();
  const capture = traces.captureStackTrace;
  traces.captureStackTrace = () => [];
  try {
    return build();
  } finally {
    traces.captureStackTrace = capture;
  }
}

/**
 * cdktf's private stack-trace module; its tokens call the module's export at each creation, so
 * replacing the export takes effect. A cdktf without it only makes synth slower, never wrong.
 */
function tokenStackTraces(): { captureStackTrace: () => string[] } | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const traces = require("cdktf/lib/tokens/private/stack-trace");
    return typeof traces.captureStackTrace === "function" ? traces : undefined;
  } catch {
    return undefined;
  }
}
