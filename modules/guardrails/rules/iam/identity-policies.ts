import { policyArguments } from "../../iam/policy-routes";
import { PolicyStatement } from "../../iam/policy-statement";
import { SynthesizedStack } from "../../synthesized-stack";

export { allows } from "../../iam/policy-statement";

/**
 * The readable permission policies a stack grants to IAM principals: inline role, user and group
 * policies, a role's `inline_policy` blocks, managed policies (`aws_iam_policy`, judged whether or
 * not this stack attaches them) and permission-set inline policies. A policy that cannot be read is
 * IAM.UNVERIFIABLE_POLICY's to fail, so these rules neither pass nor fail it.
 */
export function identityPolicies(stack: SynthesizedStack): { resource: string; statements: PolicyStatement[] }[] {
  return policyArguments(stack)
    .filter((a) => a.kind === "identity")
    .flatMap((a) => {
      const reading = stack.readPolicy(a.value);
      return reading.readable ? [{ resource: a.resource.path, statements: reading.statements }] : [];
    });
}

/** A statement as evidence names it: its Sid, or its position. */
export const statementName = (s: PolicyStatement, index: number): string => s.sid || `statement ${index + 1}`;

/** A list for evidence, cut after `max` items. */
export const listed = (items: readonly string[], max = 8): string =>
  items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
