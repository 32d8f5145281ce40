import { IamRole, IamRoleConfig } from "@cdktf/provider-aws/lib/iam-role";
import { Construct } from "constructs";

/** The organisation's settings for every role the stacks create (config `roles`). */
export interface RoleSettings {
  /** ARN of the permissions boundary policy. @default none */
  readonly permissionsBoundaryArn?: string;
  /** IAM path, `/` or `/segment/.../`. @default "/" (IAM's; not written) */
  readonly path?: string;
}

/**
 * Every IAM role of the stacks is made here, so that none misses the organisation's permissions
 * boundary or path: a construct passes what the role is for, never the boundary or the path
 * itself (a test holds every `new IamRole` of the code to this file). Unset settings are left out
 * of the Terraform, as IAM's defaults.
 */
export function projectRole(scope: Construct, id: string, settings: RoleSettings, config: Omit<IamRoleConfig, "path" | "permissionsBoundary">): IamRole {
  return new IamRole(scope, id, {
    ...config,
    ...(settings.path !== undefined ? { path: settings.path } : {}),
    ...(settings.permissionsBoundaryArn !== undefined ? { permissionsBoundary: settings.permissionsBoundaryArn } : {}),
  });
}

/** A role's ARN, known before it exists: `arn:<partition>:iam::<account>:role<path><name>`. */
export function roleArnOf(partition: string, account: string, name: string, path = "/"): string {
  return `arn:${partition}:iam::${account}:role${path}${name}`;
}
