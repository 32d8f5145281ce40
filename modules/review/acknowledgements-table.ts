import { Acknowledgement, ACKNOWLEDGEMENTS_MATCH, Finding } from "../guardrails/evaluate";
import { table } from "./references";

/**
 * The exceptions in force for an environment, shown before anything else in its section of the
 * review: what each waives, why, until when, and how many violations it covers right now.
 */
export function acknowledgementsTable(acknowledgements: readonly Acknowledgement[], findings: readonly Finding[]): string {
  if (acknowledgements.length === 0) return "_No acknowledged exception: every rule applies in full._";
  const checks = findings.filter((f) => f.rule === ACKNOWLEDGEMENTS_MATCH);
  return table(
    ["rule", "resource", "reason", "expires", "waives now"],
    acknowledgements.map((ack, index) => {
      const waived = findings.filter((f) => f.acknowledgement === ack).length;
      const expired = findings.filter((f) => f.expiredAcknowledgement === ack).length;
      const matchesNothing = checks[index]?.status === "FAIL";
      return [
        ack.rule,
        ack.resource,
        ack.reason,
        ack.expires,
        matchesNothing
          ? "nothing: FAIL (GUARDRAILS.ACKNOWLEDGEMENT_MATCHES)"
          : expired > 0
            ? `nothing: expired, ${expired} violation(s) FAIL again`
            : `${waived} violation(s)`,
      ];
    }),
  );
}
