import { describePolicy, managedPolicyRoutes, PolicyIdentity, policyIdentity, PRINCIPAL_TYPES } from "../../iam/policy-routes";
import { check, Evaluation, Rule } from "../../rule";

/** AWS-managed policies that hand over the account or IAM, by name (any case, any path). */
const ADMINISTRATOR_POLICIES = ["AdministratorAccess", "AdministratorAccess-Amplify", "AdministratorAccess-AWSElasticBeanstalk", "PowerUserAccess", "IAMFullAccess"].map((n) => n.toLowerCase());

/** Whether a policy is administrative; undefined when its name cannot be known before the plan. */
function administrative(identity: PolicyIdentity): boolean | undefined {
  const named = (name: string) => ADMINISTRATOR_POLICIES.includes(name.split("/").pop()!.toLowerCase());
  switch (identity.kind) {
    case "stack":
      // Its statements are judged where it is defined (IAM.NO_WILDCARD_ACTIONS and the others).
      return false;
    case "aws-managed":
      return named(identity.name);
    case "lookup":
      return identity.name === undefined ? undefined : named(identity.name);
    case "elsewhere":
      return identity.text.includes("${") ? undefined : named(identity.text);
  }
}

export const iamNoAdminAccess: Rule = {
  id: "IAM.NO_ADMIN_POLICY",
  title: "No role, user or group gets an administrator managed policy",
  evaluates: "every route by which a managed policy reaches a role, user, group or permission set: attachment resources, managed_policy_arns, data.aws_iam_policy",
  sources: ["checkov CKV_AWS_274"],
  explanation:
    "AdministratorAccess (or PowerUserAccess, IAMFullAccess) turns any compromise of the principal into a compromise of the account. Every route counts: aws_iam_role_policy_attachment and its user and group forms, aws_iam_policy_attachment, the *_policy_attachments_exclusive resources, managed_policy_arns, permission-set attachments, and data.aws_iam_policy look-ups; a policy whose name only the plan knows counts as administrative.",
  fix: "Attach only policies scoped to what the principal does.",
  evaluate: (stack) => {
    const routes = managedPolicyRoutes(stack).map((route) => {
      const identity = policyIdentity(stack, route.policy);
      return { ...route, identity, admin: administrative(identity) };
    });
    const verdict = (resource: string, reaching: typeof routes): Evaluation => {
      const bad = reaching.filter((r) => r.admin !== false);
      const how = (r: (typeof routes)[number]) => `${describePolicy(r.identity)} through ${r.via.type}${r.via.path === resource ? "" : ` ${r.via.path}`}${r.admin === undefined ? " (cannot tell which policy)" : ""}`;
      return check(resource, bad.length === 0, bad.length === 0 ? `${reaching.length} managed policies, none administrative` : `attached: ${bad.map(how).join("; ")}`);
    };
    const principals = Object.values(PRINCIPAL_TYPES).flatMap((type) => stack.resources(type));
    return [
      ...principals.map((p) => verdict(p.path, routes.filter((r) => r.grantees.some((g) => g.principal === p)))),
      // A route to a principal outside this stack (or to none) is judged on the route itself.
      ...routes.filter((r) => r.grantees.length === 0 || r.grantees.some((g) => !g.principal)).map((r) => verdict(r.via.path, [r])),
    ];
  },
};
