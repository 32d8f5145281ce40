import { z } from "zod";
import { executionRoleStatement, executionRoleStatementProblems } from "./execution-role-statements";
import { partitionOf } from "./names";
import type { Problem } from "./rules";

/**
 * The organisation's settings for every IAM role the stacks create (`roles`): a permissions
 * boundary and a path, and the statements the execution role gets beyond MWAA's own policy.
 */

/**
 * An IAM path: `/`, or segments between slashes (`/mwaa/`, `/data-platform/mwaa/`). IAM accepts any
 * printable ASCII between the slashes; this takes the characters of IAM names only, so that no
 * path holds a `*` or `?` (a wildcard in the ARNs that policies name), `${` (a Terraform
 * expression) or a quote, and every role ARN stays one MWAA accepts (`role/[A-Za-z0-9+=,.@_/-]+`).
 */
export const IAM_PATH_PATTERN = /^\/([A-Za-z0-9_+=,.@-]+\/)*$/;
/** IAM's limit on a path (CreateRole, Path). */
export const IAM_PATH_MAX_LENGTH = 512;

/**
 * A customer managed policy of this account, by ARN (`arn:<partition>:iam::<account>:policy/<path><name>`).
 * Not an AWS managed policy: those are written as grants, not as ceilings, and one of them
 * (AdministratorAccess, PowerUserAccess) as a boundary limits next to nothing; a boundary is the
 * ceiling the organisation's security team writes for its accounts. IAM only attaches a boundary
 * policy of the role's own account (or an AWS managed one), so another account's is refused too.
 */
export const PERMISSIONS_BOUNDARY_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):policy\/([A-Za-z0-9_+=,.@-]+\/)*[A-Za-z0-9_+=,.@-]{1,128}$/;

export const rolesSchema = z.strictObject({
  permissionsBoundaryArn: z
    .string()
    .regex(PERMISSIONS_BOUNDARY_ARN)
    .optional()
    .meta({
      description: "Permissions boundary of every IAM role the stacks create (the execution role, the flow-log delivery role).",
      allowed: "the ARN of a customer managed policy of this account, arn:<partition>:iam::<account>:policy/<path><name>",
    }),
  path: z
    .string()
    .max(IAM_PATH_MAX_LENGTH)
    .regex(IAM_PATH_PATTERN)
    .optional()
    .meta({ description: "IAM path of every role the stacks create.", allowed: "/ or /segment/.../ of letters, digits and _ + = , . @ -" }),
  executionRoleStatements: z
    .array(executionRoleStatement)
    .default([])
    .meta({ description: "Policy statements the execution role gets beyond MWAA's own policy.", allowed: "IAM statements with Effect, Action and Resource, optionally Sid and Condition" }),
});

export type RolesConfig = z.output<typeof rolesSchema>;

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);

/** Problems of the raw `roles` section that tie it to the environment's account and Region. */
export function rolesProblems(config: Raw): Problem[] {
  const roles = isObject(config.roles) ? config.roles : {};
  const problems: Problem[] = [];
  const boundary = roles.permissionsBoundaryArn;
  const match = typeof boundary === "string" ? PERMISSIONS_BOUNDARY_ARN.exec(boundary) : null;
  if (match && typeof config.account === "string" && match[2] !== config.account) {
    problems.push({
      path: "roles.permissionsBoundaryArn",
      value: boundary,
      message: `is a policy of account ${match[2]}; IAM attaches as a boundary only a policy of the role's own account (${config.account}): name that account's boundary policy`,
    });
  }
  if (match && typeof config.region === "string" && match[1] !== partitionOf(config.region)) {
    problems.push({ path: "roles.permissionsBoundaryArn", value: boundary, message: `is in partition ${match[1]}, not ${partitionOf(config.region)} of region ${config.region}` });
  }
  return [...problems, ...executionRoleStatementProblems(roles.executionRoleStatements, config.account)];
}
