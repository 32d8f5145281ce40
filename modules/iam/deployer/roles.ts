import { allow, PolicyStatement } from "./policy-document";
import { DeployerScope, roleArn } from "./scope";

/**
 * `aws_iam_role` and `aws_iam_role_policy` (provider: internal/service/iam/role.go,
 * role_policy.go). Role create: CreateRole with its tags (TagRole); read: GetRole,
 * ListRolePolicies, ListAttachedRolePolicies (tags come with GetRole); update: UpdateRole,
 * UpdateRoleDescription, UpdateAssumeRolePolicy, Tag/UntagRole; delete: the role's instance
 * profiles (ListInstanceProfilesForRole), its inline and attached policies, then DeleteRole.
 * Inline policy: PutRolePolicy, GetRolePolicy, DeleteRolePolicy. Role names are known at synth.
 * No iam:AttachRolePolicy: the stacks attach no managed policy.
 */
export function roleStatements(scope: DeployerScope, sid: string, roleNames: string[]): PolicyStatement {
  return allow(
    sid,
    [
      "iam:CreateRole",
      "iam:GetRole",
      "iam:UpdateRole",
      "iam:UpdateRoleDescription",
      "iam:UpdateAssumeRolePolicy",
      "iam:DeleteRole",
      "iam:TagRole",
      "iam:UntagRole",
      "iam:ListRolePolicies",
      "iam:ListAttachedRolePolicies",
      "iam:ListInstanceProfilesForRole",
      "iam:PutRolePolicy",
      "iam:GetRolePolicy",
      "iam:DeleteRolePolicy",
    ],
    roleNames.map((name) => roleArn(scope, name)),
  );
}

/** `iam:PassRole` of this environment's roles, only to the service that uses them. */
export function passRoleStatement(scope: DeployerScope, sid: string, roleNames: string[], services: string[]): PolicyStatement {
  return allow(sid, ["iam:PassRole"], roleNames.map((name) => roleArn(scope, name)), {
    StringEquals: { "iam:PassedToService": services },
  });
}
