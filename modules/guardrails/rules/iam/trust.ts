import { ROLE_USES } from "../../../iam/service-principals";
import { allows, PolicyStatement } from "../../iam/policy-statement";
import { SynthesizedStack, SynthResource } from "../../synthesized-stack";
import { statementName } from "./identity-policies";

/**
 * The Allow statements of a role's trust policy, each with its name for evidence (Deny statements
 * only narrow who may assume it); undefined when the policy cannot be read.
 */
export function trustStatements(stack: SynthesizedStack, role: SynthResource): { statement: PolicyStatement; name: string }[] | undefined {
  return stack
    .policyStatements(role.config.assume_role_policy)
    ?.map((statement, i) => ({ statement, name: statementName(statement, i) }))
    .filter(({ statement }) => allows(statement));
}

/**
 * The services that may assume `role`: those of the resources of this stack that use it
 * (ROLE_USES in modules/iam/service-principals.ts), with what those resources make of it.
 */
export function intendedServices(stack: SynthesizedStack, role: SynthResource): { services: string[]; uses: string[] } {
  const arn = SynthesizedStack.reference(role, "arn");
  const uses = ROLE_USES.filter((use) => stack.resources(use.type).some((r) => r.config[use.argument] === arn || (role.config.arn !== undefined && r.config[use.argument] === role.config.arn)));
  return { services: [...new Set(uses.flatMap((u) => u.services))], uses: uses.map((u) => u.role) };
}
