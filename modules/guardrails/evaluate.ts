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

const matches = (ack: Acknowledgement, rule: Rule, resource: string) =>
  ack.rule === rule.id && (ack.resource.endsWith("*") ? resource.startsWith(ack.resource.slice(0, -1)) : ack.resource === resource);

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

/** One violation as `cdktf synth` prints it: rule, resource, what was found, the fix. */
export function formatViolation(finding: Finding): string {
  const expired = finding.expiredAcknowledgement
    ? ` (its acknowledgement expired on ${finding.expiredAcknowledgement.expires})`
    : "";
  return `[${finding.rule.id}] ${finding.resource}: ${finding.rule.title}. Found: ${finding.evidence}${expired}. Fix: ${finding.rule.fix}`;
}
