import { SynthesizedStack, SynthResource } from "../synthesized-stack";
import { blocks } from "../terraform-document";

/**
 * Every way a policy document reaches AWS from a stack, and every route by which a managed policy
 * reaches a principal, as the AWS provider (hashicorp/aws 6.x) spells them. Permissions boundaries
 * (`permissions_boundary`, `aws_ssoadmin_permissions_boundary_attachment`) only ever take
 * permissions away, and `aws_iam_*_policies_exclusive` only name inline policies defined
 * elsewhere: neither grants anything, so neither is a route.
 */

/** identity: grants its holder; trust: who may assume a role; key: a KMS key policy; resource: any other resource policy. */
export type PolicyKind = "identity" | "trust" | "key" | "resource";

export interface PolicyArgument {
  /** The resource whose argument holds the policy: what findings name. */
  readonly resource: SynthResource;
  /** The argument, e.g. `policy`, `inline_policy[0].policy`. */
  readonly argument: string;
  readonly value: unknown;
  readonly kind: PolicyKind;
}

/** Resources that grant a policy document to their principal, and the argument holding it. */
const IDENTITY_POLICIES: Record<string, string> = {
  aws_iam_role_policy: "policy",
  aws_iam_user_policy: "policy",
  aws_iam_group_policy: "policy",
  aws_iam_policy: "policy",
  aws_ssoadmin_permission_set_inline_policy: "inline_policy",
};

/** KMS keys, each of which holds a key policy, and the standalone key-policy resource. */
export const KMS_KEY_TYPES = ["aws_kms_key", "aws_kms_external_key", "aws_kms_replica_key", "aws_kms_replica_external_key"];
export const KMS_KEY_POLICY_TYPE = "aws_kms_key_policy";

/** Arguments that hold a resource policy on any other AWS resource (bucket, queue, endpoint...). */
const RESOURCE_POLICY_ARGUMENTS = ["policy", "access_policy", "access_policies", "policy_document", "resource_policy"];
/** Resources whose `policy` is not an IAM policy: an ECR lifecycle policy holds image rules. */
const NOT_IAM_POLICIES = ["aws_ecr_lifecycle_policy"];

/** Every policy document the stack sets, with the resource and argument that set it. */
export function policyArguments(stack: SynthesizedStack): PolicyArgument[] {
  const found: PolicyArgument[] = [];
  for (const resource of stack.allResources()) {
    const { type, config } = resource;
    const add = (argument: string, value: unknown, kind: PolicyKind) => found.push({ resource, argument, value, kind });
    if (type in IDENTITY_POLICIES) {
      add(IDENTITY_POLICIES[type], config[IDENTITY_POLICIES[type]], "identity");
    } else if (type === "aws_iam_role") {
      add("assume_role_policy", config.assume_role_policy, "trust");
      if (typeof config.inline_policy === "string") add("inline_policy", config.inline_policy, "identity");
      blocks(config.inline_policy).forEach((inline, i) => {
        if (inline.policy !== undefined) add(`inline_policy[${i}].policy`, inline.policy, "identity");
      });
    } else if (KMS_KEY_TYPES.includes(type) || type === KMS_KEY_POLICY_TYPE) {
      if (config.policy !== undefined) add("policy", config.policy, "key");
    } else if (type.startsWith("aws_") && !NOT_IAM_POLICIES.includes(type)) {
      for (const argument of RESOURCE_POLICY_ARGUMENTS) if (config[argument] !== undefined) add(argument, config[argument], "resource");
    }
  }
  return found;
}

/** Principals a managed policy can be attached to, and the resource type that makes each. */
export type GranteeKind = "role" | "user" | "group" | "permission set";
export const PRINCIPAL_TYPES: Record<GranteeKind, string> = {
  role: "aws_iam_role",
  user: "aws_iam_user",
  group: "aws_iam_group",
  "permission set": "aws_ssoadmin_permission_set",
};

export interface Grantee {
  readonly kind: GranteeKind;
  /** As the route names it: a reference, a name or an ARN. */
  readonly reference: unknown;
  /** The principal of this stack it names, if it names one. */
  readonly principal?: SynthResource;
}

export interface ManagedPolicyRoute {
  /** The resource that makes the route (an attachment, or the role of `managed_policy_arns`). */
  readonly via: SynthResource;
  /** The policy as the route names it: an ARN, a reference, or an expression. */
  readonly policy: unknown;
  readonly grantees: Grantee[];
}

/** Attachment resources: the argument naming the policy (or policies) and those naming grantees. */
const ATTACHMENTS: Record<string, { policy: string; grantees: [GranteeKind, string][] }> = {
  aws_iam_role_policy_attachment: { policy: "policy_arn", grantees: [["role", "role"]] },
  aws_iam_user_policy_attachment: { policy: "policy_arn", grantees: [["user", "user"]] },
  aws_iam_group_policy_attachment: { policy: "policy_arn", grantees: [["group", "group"]] },
  aws_iam_policy_attachment: { policy: "policy_arn", grantees: [["role", "roles"], ["user", "users"], ["group", "groups"]] },
  aws_iam_role_policy_attachments_exclusive: { policy: "policy_arns", grantees: [["role", "role_name"]] },
  aws_iam_user_policy_attachments_exclusive: { policy: "policy_arns", grantees: [["user", "user_name"]] },
  aws_iam_group_policy_attachments_exclusive: { policy: "policy_arns", grantees: [["group", "group_name"]] },
  aws_ssoadmin_managed_policy_attachment: { policy: "managed_policy_arn", grantees: [["permission set", "permission_set_arn"]] },
};

/** A single value or a list, as a list (a string holding an expression stays one value). */
const values = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The principal of this stack a route names: by a reference to it, or by its literal name or ARN. */
function principalNamed(stack: SynthesizedStack, kind: GranteeKind, reference: unknown): SynthResource | undefined {
  if (typeof reference !== "string") return undefined;
  const type = PRINCIPAL_TYPES[kind];
  const referenced = stack.referenced(reference);
  if (referenced) return referenced.resource.type === type ? referenced.resource : undefined;
  return stack.resources(type).find((p) => reference === p.config.name || reference === p.config.arn);
}

/** Every route by which a managed policy reaches a role, user, group or permission set. */
export function managedPolicyRoutes(stack: SynthesizedStack): ManagedPolicyRoute[] {
  const grantee = (kind: GranteeKind, reference: unknown): Grantee => ({ kind, reference, principal: principalNamed(stack, kind, reference) });
  const routes: ManagedPolicyRoute[] = [];
  for (const [type, { policy, grantees }] of Object.entries(ATTACHMENTS)) {
    for (const via of stack.resources(type)) {
      const to = grantees.flatMap(([kind, argument]) => values(via.config[argument]).map((r) => grantee(kind, r)));
      for (const arn of values(via.config[policy])) routes.push({ via, policy: arn, grantees: to });
    }
  }
  for (const role of stack.resources("aws_iam_role")) {
    for (const arn of values(role.config.managed_policy_arns)) routes.push({ via: role, policy: arn, grantees: [{ kind: "role", reference: role.config.name, principal: role }] });
  }
  // A customer-managed policy named for each account of a permission set: defined outside this stack.
  for (const via of stack.resources("aws_ssoadmin_customer_managed_policy_attachment")) {
    const named = blocks(via.config.customer_managed_policy_reference).map((r) => `customer-managed policy ${r.path ?? ""}${r.name}`);
    for (const policy of named.length > 0 ? named : ["a customer-managed policy"]) routes.push({ via, policy, grantees: [grantee("permission set", via.config.permission_set_arn)] });
  }
  return routes;
}

export type PolicyIdentity =
  /** An aws_iam_policy of this stack: its document is judged where it is defined. */
  | { readonly kind: "stack"; readonly policy: SynthResource }
  /** An AWS-managed policy, by its path and name (`AdministratorAccess`, `service-role/...`). */
  | { readonly kind: "aws-managed"; readonly name: string }
  /** A `data.aws_iam_policy` look-up, with the name or ARN it looks up when literal. */
  | { readonly kind: "lookup"; readonly address: string; readonly name?: string }
  /** Any other ARN (another account or stack) or an expression. */
  | { readonly kind: "elsewhere"; readonly text: string };

const AWS_MANAGED = /^arn:aws[\w-]*:iam::aws:policy\/(.+)$/;

/** What a route's policy ARN is: where its document lives, if anywhere this stack can see. */
export function policyIdentity(stack: SynthesizedStack, arn: unknown): PolicyIdentity {
  const text = typeof arn === "string" ? arn : JSON.stringify(arn);
  const reference = /^\$\{\s*(data\.)?(aws_iam_policy)\.([\w-]+)\.(arn|id)\s*\}$/.exec(text);
  if (reference && !reference[1]) {
    const policy = stack.resources("aws_iam_policy").find((p) => p.logicalId === reference[3]);
    if (policy) return { kind: "stack", policy };
  }
  if (reference && reference[1]) {
    const lookup = stack.json.data?.aws_iam_policy?.[reference[3]];
    if (lookup) {
      const literal = [lookup.name, lookup.arn].find((v) => typeof v === "string" && !v.includes("${"));
      return { kind: "lookup", address: `data.aws_iam_policy.${reference[3]}`, name: literal === undefined ? undefined : String(literal).replace(/^arn:[^:]*:iam::[^:]*:policy\//, "") };
    }
  }
  const managed = AWS_MANAGED.exec(text);
  if (managed) return { kind: "aws-managed", name: managed[1] };
  return { kind: "elsewhere", text };
}

/** How a policy identity reads in evidence and in the review. */
export function describePolicy(identity: PolicyIdentity): string {
  switch (identity.kind) {
    case "stack":
      return identity.policy.path;
    case "aws-managed":
      return `AWS-managed ${identity.name}`;
    case "lookup":
      return `${identity.address}${identity.name ? ` (${identity.name})` : ""}`;
    case "elsewhere":
      return identity.text;
  }
}
