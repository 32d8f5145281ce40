import { PolicyStatement, SynthesizedStack } from "../guardrails/synthesized-stack";
import { humanize, table } from "./references";

interface PolicyUse {
  /** Where the policy is attached, as the reviewer knows it. */
  readonly where: string;
  /** Who the statements apply to when they name no principal (identity policies). */
  readonly holder?: string;
  readonly statements: PolicyStatement[];
}

function policyUses(stack: SynthesizedStack): PolicyUse[] {
  const local = (path: string) => path.split("/").slice(1).join("/");
  return [
    ...stack.resources("aws_iam_role").map((r) => ({
      where: `trust of role ${r.config.name}`,
      statements: stack.policyStatements(r.config.assume_role_policy) ?? [],
    })),
    ...stack.resources("aws_iam_role_policy").map((p) => ({
      where: `policy ${p.config.name} of ${humanize(stack, p.config.role).replace(/\.name$/, "")}`,
      holder: `role ${humanize(stack, p.config.role).replace(/\.name$/, "")}`,
      statements: stack.policyStatements(p.config.policy) ?? [],
    })),
    ...stack.resources("aws_kms_key").map((k) => ({
      where: `key policy of ${local(k.path)}`,
      statements: stack.policyStatements(k.config.policy) ?? [],
    })),
    ...stack.resources("aws_s3_bucket_policy").map((p) => ({
      where: `bucket policy of ${humanize(stack, p.config.bucket).replace(/\.(id|bucket)$/, "")}`,
      statements: stack.policyStatements(p.config.policy) ?? [],
    })),
  ];
}

/** Every statement of every policy in the stack: principal, actions, resources, conditions. */
export function iamTable(stack: SynthesizedStack): string {
  const rows = policyUses(stack).flatMap((use) =>
    use.statements.map((s) => [
      use.where,
      s.principals?.map((p) => `${p.type}: ${p.identifiers.join(", ")}`).join("; ") ?? use.holder ?? "",
      s.effect ?? "Allow",
      (s.actions ?? s.not_actions?.map((a) => `NOT ${a}`) ?? []).join(", "),
      (s.resources ?? []).map((r) => humanize(stack, r)).join(", "),
      (s.condition ?? []).map((c) => `${c.test} ${c.variable} = ${c.values.map((v) => humanize(stack, v)).join(", ")}`).join("; "),
    ]),
  );
  if (rows.length === 0) return "_No IAM, key or bucket policy in this stack._";
  return table(["policy", "principal", "effect", "actions", "resources", "conditions"], rows);
}
