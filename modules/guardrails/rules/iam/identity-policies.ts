import { PolicyStatement, SynthesizedStack } from "../../synthesized-stack";
import { blocks } from "../../terraform-document";

/** Permission policies granted to IAM principals: inline role policies, managed policies, inline blocks. */
export function identityPolicies(stack: SynthesizedStack): { resource: string; statements: PolicyStatement[] }[] {
  const policies = [...stack.resources("aws_iam_role_policy"), ...stack.resources("aws_iam_policy"), ...stack.resources("aws_iam_user_policy"), ...stack.resources("aws_iam_group_policy")].map((r) => ({
    resource: r.path,
    statements: stack.policyStatements(r.config.policy) ?? [],
  }));
  const inline = stack.resources("aws_iam_role").flatMap((role) =>
    blocks(role.config.inline_policy).map((p) => ({
      resource: role.path,
      statements: stack.policyStatements(p.policy) ?? [],
    })),
  );
  return [...policies, ...inline];
}

export const allows = (s: PolicyStatement) => (s.effect ?? "Allow") === "Allow";
