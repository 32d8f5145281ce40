import { allow, PolicyStatement } from "./policy-document";
import { DeployerScope, roleArn } from "./scope";

/**
 * Calls that make a role or give it permissions: CreateRole (with its permissions boundary),
 * PutRolePermissionsBoundary (a changed boundary) and PutRolePolicy (an inline policy).
 */
const GRANTING_ACTIONS = ["iam:CreateRole", "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy"];

/** What the provider calls on the roles besides GRANTING_ACTIONS. */
const ROLE_ACTIONS = [
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
  "iam:GetRolePolicy",
  "iam:DeleteRolePolicy",
];

/**
 * `aws_iam_role` and `aws_iam_role_policy` (provider: internal/service/iam/role.go,
 * role_policy.go). Role create: CreateRole with its tags (TagRole) and permissions boundary; read:
 * GetRole, ListRolePolicies, ListAttachedRolePolicies (tags and boundary come with GetRole);
 * update: UpdateRole, UpdateRoleDescription, UpdateAssumeRolePolicy, Tag/UntagRole,
 * PutRolePermissionsBoundary; delete: the role's instance profiles (ListInstanceProfilesForRole),
 * its inline and attached policies, then DeleteRole. Inline policy: PutRolePolicy, GetRolePolicy,
 * DeleteRolePolicy. Role names (and the path) are known at synth. No iam:AttachRolePolicy: the
 * stacks attach no managed policy.
 *
 * With `roles.permissionsBoundaryArn`, the calls that make a role or give it permissions are
 * allowed only with that boundary (the condition key iam:PermissionsBoundary, as the IAM User
 * Guide's "Permissions boundaries for IAM entities" delegates role creation), and
 * DeleteRolePermissionsBoundary not at all: the deployer can neither make the roles without the
 * organisation's ceiling nor lift it (taking the setting out of config fails the apply: an
 * administrator lifts a boundary). Without a boundary, one statement as before.
 */
export function roleStatements(scope: DeployerScope, sid: string, roleNames: string[]): PolicyStatement[] {
  const arns = roleNames.map((name) => roleArn(scope, name));
  const boundary = scope.config.roles.permissionsBoundaryArn;
  if (!boundary) return [allow(sid, [...ROLE_ACTIONS, "iam:CreateRole", "iam:PutRolePolicy"], arns)];
  return [allow(sid, ROLE_ACTIONS, arns), allow(`${sid}WithBoundary`, GRANTING_ACTIONS, arns, { StringEquals: { "iam:PermissionsBoundary": boundary } })];
}

/** `iam:PassRole` of this environment's roles, only to the service that uses them. */
export function passRoleStatement(scope: DeployerScope, sid: string, roleNames: string[], services: string[]): PolicyStatement {
  return allow(sid, ["iam:PassRole"], roleNames.map((name) => roleArn(scope, name)), {
    StringEquals: { "iam:PassedToService": services },
  });
}
