import { check, Rule } from "../../rule";

const ADMIN_POLICIES = /:policy\/(AdministratorAccess|PowerUserAccess|IAMFullAccess)$/;

export const iamNoAdminAccess: Rule = {
  id: "IAM.NO_ADMIN_POLICY",
  title: "No role gets an administrator managed policy",
  sources: ["checkov CKV_AWS_274"],
  explanation: "AdministratorAccess (or PowerUserAccess, IAMFullAccess) turns any compromise of the role into a compromise of the account.",
  fix: "Attach only policies scoped to what the role does.",
  evaluate: (stack) =>
    stack.resources("aws_iam_role").map((role) => {
      const attached = [
        ...((role.config.managed_policy_arns ?? []) as string[]),
        ...stack.attachedTo(role, "aws_iam_role_policy_attachment", "role", ["name", "id"], role.config.name).map((a) => a.config.policy_arn as string),
      ];
      const admin = attached.filter((arn) => ADMIN_POLICIES.test(String(arn)));
      return check(role.path, admin.length === 0, admin.length === 0 ? `${attached.length} managed policies, none administrative` : `attached: ${admin.join(", ")}`);
    }),
};
