import { EnvironmentConfig } from "../../../config/environment-config";
import { partitionOf } from "../../../config/names";
import { APP_TAG_KEYS } from "../../../config/rules";
import { roleArnOf } from "../project-role";
import { PolicyCondition } from "./policy-document";

/**
 * What every deployer statement is scoped by: the environment's account, Region and partition, and
 * the `MwaaEnvironment` tag that the provider's `default_tags` put on every resource of the
 * environment (stacks/environment-stack.ts). Resources whose name is known at synth are named by
 * ARN; those whose id AWS assigns (VPC, subnets, security groups, keys) are scoped by that tag.
 */
export interface DeployerScope {
  readonly config: EnvironmentConfig;
  readonly environment: string;
  readonly account: string;
  readonly region: string;
  readonly partition: string;
}

/** The tag every resource of an environment carries, valued with the environment's name. */
export const ENVIRONMENT_TAG_KEY: (typeof APP_TAG_KEYS)[number] = "MwaaEnvironment";

export function deployerScope(config: EnvironmentConfig): DeployerScope {
  return { config, environment: config.name, account: config.account, region: config.region, partition: partitionOf(config.region) };
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>` of this environment's account and Region. */
export function regionalArn(scope: DeployerScope, service: string, resource: string): string {
  return `arn:${scope.partition}:${service}:${scope.region}:${scope.account}:${resource}`;
}

/** An IAM role of the environment, by name, under the environment's role path (IAM is global: no Region). */
export function roleArn(scope: DeployerScope, roleName: string): string {
  return roleArnOf(scope.partition, scope.account, roleName, scope.config.roles.path);
}

/** A log group by name, and its streams (IAM authorizes some log actions on `log-group:<name>:*`). */
export function logGroupArns(scope: DeployerScope, name: string): string[] {
  const arn = regionalArn(scope, "logs", `log-group:${name}`);
  return [arn, `${arn}:*`];
}

/** Creating a resource only with the environment's tag in the request. */
export function requestTagged(scope: DeployerScope): PolicyCondition {
  return { StringEquals: { [`aws:RequestTag/${ENVIRONMENT_TAG_KEY}`]: scope.environment } };
}

/** Acting on a resource only while it carries the environment's tag. */
export function resourceTagged(scope: DeployerScope): PolicyCondition {
  return { StringEquals: { [`aws:ResourceTag/${ENVIRONMENT_TAG_KEY}`]: scope.environment } };
}
