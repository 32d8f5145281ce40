import { createHash } from "node:crypto";
import { AIRFLOW_LOG_TYPES, AirflowLogType } from "./mwaa-limits";

/**
 * Names of AWS things derived from an environment's config. Deterministic (same config, same
 * names) and unique per account and Region where AWS needs that (S3 bucket names are global).
 */

/** AWS partition of a Region, for ARNs. */
export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

/**
 * Fits a name into `max` characters. Too long a name keeps its start and gets a short hash of the
 * whole, so two long names that share a start still differ.
 */
export function fitName(name: string, max: number): string {
  if (name.length <= max) return name;
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 8);
  return `${name.slice(0, max - hash.length - 1).replace(/[-_.]+$/, "")}-${hash}`;
}

/** Lowercase, S3-safe form of an environment name ('_' is not allowed in bucket names). */
export function bucketSlug(environmentName: string): string {
  return environmentName.toLowerCase().replace(/_/g, "-");
}

export function networkStackName(environmentName: string): string {
  return `${environmentName}-network`;
}

export function mwaaStackName(environmentName: string): string {
  return `${environmentName}-mwaa`;
}

export function defaultDagBucketName(environmentName: string, account: string, region: string): string {
  return fitName(`${bucketSlug(environmentName)}-dags-${account}-${region}`, 63);
}

/** Target of the DAG bucket's server access logs (SSE-S3: log delivery accepts nothing else). */
export function accessLogBucketName(environmentName: string, account: string, region: string): string {
  return fitName(`${bucketSlug(environmentName)}-s3-logs-${account}-${region}`, 63);
}

/** Target of the state bucket's server access logs. */
export function stateAccessLogBucketName(environmentName: string, account: string, region: string): string {
  return fitName(`${bucketSlug(environmentName)}-tfstate-logs-${account}-${region}`, 63);
}

export function stateStackName(environmentName: string): string {
  return `${environmentName}-state`;
}

export function defaultStateBucketName(environmentName: string, account: string, region: string): string {
  return fitName(`${bucketSlug(environmentName)}-tfstate-${account}-${region}`, 63);
}

export function stateKeyAlias(environmentName: string): string {
  return `alias/${environmentName}-tfstate`;
}

/** Where a stack's state lives in the state bucket: one key per stack, grouped by environment. */
export function stateObjectKey(environmentName: string, stackName: string): string {
  return `${environmentName}/${stackName}.tfstate`;
}

/** The HCP Terraform workspace that keeps a stack's state. */
export function hcpWorkspaceName(workspacePrefix: string, stackName: string): string {
  return `${workspacePrefix}${stackName}`;
}

export function aliasArn(alias: string, account: string, region: string): string {
  return `arn:${partitionOf(region)}:kms:${region}:${account}:${alias}`;
}

export function executionRoleName(environmentName: string): string {
  return fitName(`${environmentName}-mwaa-execution`, 64);
}

export function flowLogsRoleName(environmentName: string): string {
  return fitName(`${environmentName}-vpc-flow-logs`, 64);
}

export function environmentKeyAlias(environmentName: string): string {
  return `alias/${environmentName}-mwaa`;
}

export function networkLogsKeyAlias(environmentName: string): string {
  return `alias/${environmentName}-network-logs`;
}

/** MWAA writes to these groups whatever we do; we create them first so they get our key. */
export function airflowLogGroupName(environmentName: string, logType: AirflowLogType): string {
  const suffix = AIRFLOW_LOG_TYPES.find((t) => t.key === logType)!.suffix;
  return `airflow-${environmentName}-${suffix}`;
}

/** Prefix of every Airflow log group of the environment, as the MWAA guide scopes its policy. */
export function airflowLogGroupPrefix(environmentName: string): string {
  return `airflow-${environmentName}-`;
}

export function flowLogGroupName(environmentName: string): string {
  return `/mwaa/${environmentName}/vpc-flow-logs`;
}

export function environmentArn(environmentName: string, account: string, region: string): string {
  return `arn:${partitionOf(region)}:airflow:${region}:${account}:environment/${environmentName}`;
}

/** The execution role's ARN, known before it exists: key policies name it in conditions. */
export function executionRoleArn(environmentName: string, account: string, region: string, path = "/"): string {
  // The role's path (config roles.path) is part of its ARN: a policy naming it without one matches nothing.
  return `arn:${partitionOf(region)}:iam::${account}:role${path}${executionRoleName(environmentName)}`;
}

/** A log group's ARN as CloudWatch Logs puts it in the encryption context (`kms:EncryptionContext:aws:logs:arn`). */
export function logGroupArn(logGroupName: string, account: string, region: string): string {
  return `arn:${partitionOf(region)}:logs:${region}:${account}:log-group:${logGroupName}`;
}
