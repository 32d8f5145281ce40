import { visible } from "../text/visible-text";
import { Evaluation, Rule } from "./rule";
import { RULES } from "./rules";
import { SynthesizedStack } from "./synthesized-stack";

/** A reviewed exception to a rule for one resource, from the environment's config. */
export interface Acknowledgement {
  readonly rule: string;
  /** Construct path as findings print it; a trailing `*` matches every path with that prefix. */
  readonly resource: string;
  readonly reason: string;
  /** `YYYY-MM-DD`; from that day on the violation is an error again. */
  readonly expires: string;
}

export type Status = "PASS" | "FAIL" | "ACKNOWLEDGED";

export interface Finding extends Evaluation {
  readonly rule: Rule;
  readonly stack: string;
  readonly status: Status;
  /** The acknowledgement that turned a violation into ACKNOWLEDGED. */
  readonly acknowledgement?: Acknowledgement;
  /** An acknowledgement that would match but has expired. */
  readonly expiredAcknowledgement?: Acknowledgement;
}

/** Whether `ack` waives `rule` for `resource` (a `*` can only end the pattern: config refuses others). */
const matches = (ack: Acknowledgement, rule: Rule, resource: string) =>
  ack.rule === rule.id && (ack.resource.endsWith("*") ? resource.startsWith(ack.resource.slice(0, -1)) : ack.resource === resource);

/**
 * Not a rule over one stack but over an environment's acknowledgements once all its stacks are
 * judged: an acknowledgement that waives no violation is either stale (the violation was fixed) or
 * mistyped (it waives nothing today but whatever appears at that path tomorrow). Either way it
 * fails, so every exception in force is one a reviewer can see doing something.
 */
export const ACKNOWLEDGEMENTS_MATCH: Rule = {
  id: "GUARDRAILS.ACKNOWLEDGEMENT_MATCHES",
  title: "Every acknowledgement waives a current violation",
  evaluates: "every acknowledgement of an environment against the violations of all its stacks: each matches at least one",
  sources: ["DESIGN: exceptions are acknowledged with a reason, a scope and a bounded expiry"],
  explanation:
    "An acknowledgement that matches no violation waives nothing now, but would silently waive whatever later appears at its path; a stale one hides that the exception is over.",
  fix: "Remove the acknowledgement, or set its rule and resource to those of the violation as the synth prints it",
  evaluate: () => [],
};

/**
 * One finding per acknowledgement of `owner`: PASS when it matches a violation among `findings`
 * (acknowledged or expired), FAIL when it matches none.
 */
export function acknowledgementFindings(owner: string, acknowledgements: readonly Acknowledgement[], findings: readonly Finding[]): Finding[] {
  return acknowledgements.map((ack, index) => {
    const waived = findings.filter((f) => !f.compliant && matches(ack, f.rule, f.resource)).length;
    return {
      rule: ACKNOWLEDGEMENTS_MATCH,
      stack: owner,
      resource: `${owner}: guardrails.acknowledgements[${index}] (${ack.rule} for ${ack.resource})`,
      compliant: waived > 0,
      evidence: waived > 0 ? `matches ${waived} violation(s)` : "matches no violation of this environment's stacks",
      status: waived > 0 ? "PASS" : "FAIL",
    };
  });
}

/** Every rule over one synthesized stack; violations matched against the acknowledgements. */
export function evaluateStack(
  stack: SynthesizedStack,
  acknowledgements: readonly Acknowledgement[],
  today: string,
  rules: readonly Rule[] = RULES,
): Finding[] {
  return rules.flatMap((rule) =>
    rule.evaluate(stack).map((evaluation): Finding => {
      const base = { ...evaluation, rule, stack: stack.name };
      if (evaluation.compliant) return { ...base, status: "PASS" };
      const candidates = acknowledgements.filter((a) => matches(a, rule, evaluation.resource));
      const valid = candidates.find((a) => a.expires > today);
      if (valid) return { ...base, status: "ACKNOWLEDGED", acknowledgement: valid };
      return { ...base, status: "FAIL", expiredAcknowledgement: candidates[0] };
    }),
  );
}

/**
 * One violation as `cdktf synth` prints it: rule, resource, what was found, the fix, on one line.
 * Paths and evidence quote config and code: what a terminal would act on (a line break, an escape
 * sequence, a bidi control) is shown escaped, so no value can forge or hide a line of the output.
 */
export function formatViolation(finding: Finding): string {
  const expired = finding.expiredAcknowledgement
    ? ` (its acknowledgement expired on ${finding.expiredAcknowledgement.expires})`
    : "";
  return visible(`[${finding.rule.id}] ${finding.resource}: ${finding.rule.title}. Found: ${finding.evidence}${expired}. Fix: ${finding.rule.fix}`);
}
