import { PolicyReading } from "../guardrails/iam/policy-document";
import { describePolicy, Grantee, managedPolicyRoutes, policyArguments, PolicyArgument, policyIdentity } from "../guardrails/iam/policy-routes";
import { SynthesizedStack, SynthResource } from "../guardrails/synthesized-stack";
import { blocks } from "../guardrails/terraform-document";
import { humanize, table } from "./references";

interface PolicyUse {
  /** Where the policy is set, as the reviewer knows it. */
  readonly where: string;
  /** Who the statements apply to when they name no principal (identity policies). */
  readonly holder?: string;
  readonly reading: PolicyReading;
}

const local = (path: string) => path.split("/").slice(1).join("/");

/** A principal of a route: its construct path in this stack, or the name, ARN or reference the route gives. */
function grantee(stack: SynthesizedStack, g: Grantee): string {
  return `${g.kind} ${g.principal ? local(g.principal.path) : humanize(stack, g.reference)}`;
}

/** Where a policy argument is set, and who holds it, in the words of a review. */
function describeArgument(stack: SynthesizedStack, { resource, argument }: PolicyArgument, attachedTo: (policy: SynthResource) => string[]): { where: string; holder?: string } {
  const c = resource.config;
  const owner = (reference: unknown) => humanize(stack, reference).replace(/\.(name|id|arn)$/, "");
  switch (resource.type) {
    case "aws_iam_role": {
      if (argument === "assume_role_policy") return { where: `trust of role ${c.name}` };
      const inline = /^inline_policy\[(\d+)\]/.exec(argument);
      const name = inline ? blocks(c.inline_policy)[Number(inline[1])]?.name : undefined;
      return { where: `inline policy${name ? ` ${name}` : ""} of role ${c.name}`, holder: `role ${local(resource.path)}` };
    }
    case "aws_iam_role_policy":
    case "aws_iam_user_policy":
    case "aws_iam_group_policy": {
      const kind = resource.type.split("_")[2];
      return { where: `policy ${c.name} of ${owner(c[kind])}`, holder: `${kind} ${owner(c[kind])}` };
    }
    case "aws_iam_policy": {
      const holders = attachedTo(resource);
      return { where: `managed policy ${c.name ?? local(resource.path)}`, holder: holders.length > 0 ? holders.join(", ") : "not attached in this stack" };
    }
    case "aws_ssoadmin_permission_set_inline_policy":
      return { where: `inline policy of permission set ${owner(c.permission_set_arn)}`, holder: `permission set ${owner(c.permission_set_arn)}` };
    case "aws_kms_key_policy":
      return { where: `key policy of ${owner(c.key_id)} (${local(resource.path)})` };
    case "aws_s3_bucket_policy":
      return { where: `bucket policy of ${humanize(stack, c.bucket).replace(/\.(id|bucket)$/, "")}` };
    default:
      return { where: resource.type.startsWith("aws_kms_") ? `key policy of ${local(resource.path)}` : `${argument} of ${resource.type} ${local(resource.path)}` };
  }
}

function policyUses(stack: SynthesizedStack): PolicyUse[] {
  const routes = managedPolicyRoutes(stack).map((route) => ({ ...route, identity: policyIdentity(stack, route.policy) }));
  const attachedTo = (policy: SynthResource) =>
    routes.filter((r) => r.identity.kind === "stack" && r.identity.policy === policy).flatMap((r) => r.grantees.map((g) => grantee(stack, g)));
  return [
    ...policyArguments(stack).map((argument) => ({ ...describeArgument(stack, argument, attachedTo), reading: stack.readPolicy(argument.value) })),
    // Attached from outside the stack: shown, so that nothing granted is missing from the table.
    ...routes
      .filter((r) => r.identity.kind !== "stack")
      .map((r) => ({
        where: `managed policy ${describePolicy(r.identity)} (${r.via.type} ${local(r.via.path)})`,
        holder: r.grantees.map((g) => grantee(stack, g)).join(", "),
        reading: { readable: false, reason: "its document is not in this stack" } as const,
      })),
  ];
}

/**
 * Every statement of every policy in the stack as a row: policy, principal, effect, actions,
 * resources, conditions. A policy no rule could read is one row marked UNVERIFIABLE, with why.
 * The change review compares these rows between two syntheses.
 */
export function iamStatementRows(stack: SynthesizedStack): string[][] {
  return policyUses(stack).flatMap((use) =>
    !use.reading.readable
      ? [[use.where, use.holder ?? "", "UNVERIFIABLE", humanize(stack, use.reading.reason), "", ""]]
      : use.reading.statements.map((s) => [
          use.where,
          [
            ...(s.principals ?? []).map((p) => `${p.type}: ${p.identifiers.map((id) => humanize(stack, id)).join(", ")}`),
            ...(s.not_principals ?? []).map((p) => `NOT ${p.type}: ${p.identifiers.map((id) => humanize(stack, id)).join(", ")}`),
          ].join("; ") || (use.holder ?? ""),
          s.effect ?? "Allow",
          [...(s.actions ?? []), ...(s.not_actions ?? []).map((a) => `NOT ${a}`)].join(", "),
          [...(s.resources ?? []), ...(s.not_resources ?? []).map((r) => `NOT ${r}`)].map((r) => humanize(stack, r)).join(", "),
          (s.condition ?? []).map((c) => `${c.test} ${c.variable} = ${c.values.map((v) => humanize(stack, v)).join(", ")}`).join("; "),
        ]),
  );
}

export const IAM_COLUMNS = ["policy", "principal", "effect", "actions", "resources", "conditions"];

/** Every statement of every policy in the stack, as a table (iamStatementRows). */
export function iamTable(stack: SynthesizedStack): string {
  const rows = iamStatementRows(stack);
  if (rows.length === 0) return "_No IAM, key or bucket policy in this stack._";
  return table(IAM_COLUMNS, rows);
}
