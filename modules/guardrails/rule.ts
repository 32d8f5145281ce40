import { SynthesizedStack } from "./synthesized-stack";

/** One check of one resource (or stack) by one rule. */
export interface Evaluation {
  /** Construct path of what was checked, e.g. `example-mwaa/dag-bucket/bucket`. */
  readonly resource: string;
  readonly compliant: boolean;
  /** What was found, in a sentence: shown in the review report and in errors. */
  readonly evidence: string;
}

/**
 * A guardrail: a pure function from a synthesized stack to evaluations, with where it comes from
 * and how to fix a violation. One rule per file under `rules/<service>/`.
 */
export interface Rule {
  /** Stable id, `SERVICE.WHAT`; acknowledgements name it. */
  readonly id: string;
  readonly title: string;
  /** What it reads, in a sentence: which resources, which of their arguments, in which stacks. */
  readonly evaluates: string;
  /** The controls it implements: checkov CKV_*, Trivy AVD-AWS-*, Security Hub, seed documents. */
  readonly sources: readonly string[];
  readonly explanation: string;
  readonly fix: string;
  evaluate(stack: SynthesizedStack): Evaluation[];
}

export const pass = (resource: string, evidence: string): Evaluation => ({ resource, compliant: true, evidence });
export const fail = (resource: string, evidence: string): Evaluation => ({ resource, compliant: false, evidence });
export const check = (resource: string, compliant: boolean, evidence: string): Evaluation => ({ resource, compliant, evidence });
