/**
 * The service principals each role of this project is made for, in one place: the constructs build
 * their trust policies from it, and the guardrail IAM.TRUSTED_PRINCIPALS admits in a role's trust
 * only the services of the resource that uses the role. Plain data, no construct: the guardrails
 * read written Terraform and import nothing else of the app.
 */

/**
 * A service's Regional endpoint as KMS names it in `kms:ViaService` (`s3.eu-west-1.amazonaws.com`),
 * and CloudWatch Logs as its key-policy principal: one spelling for every policy that names one.
 */
export const regionalService = (service: string, region: string): string => `${service}.${region}.amazonaws.com`;

/** MWAA assumes its execution role as both (MWAA guide: execution role trust policy). */
export const MWAA_SERVICE_PRINCIPALS = ["airflow.amazonaws.com", "airflow-env.amazonaws.com"];

/** VPC Flow Logs assumes its delivery role to write to CloudWatch Logs. */
export const VPC_FLOW_LOGS_SERVICE_PRINCIPALS = ["vpc-flow-logs.amazonaws.com"];

/**
 * CloudTrail assumes its CloudWatch Logs role, writes into its bucket and encrypts with its key
 * (CloudTrail guide: "Sending events to CloudWatch Logs", "Amazon S3 bucket policy for CloudTrail").
 */
export const CLOUDTRAIL_SERVICE_PRINCIPALS = ["cloudtrail.amazonaws.com"];

export interface RoleUse {
  /** The resource type that uses the role, and the argument that names it (by ARN). */
  readonly type: string;
  readonly argument: string;
  /** The services that may assume a role used there. */
  readonly services: readonly string[];
  /** The role, as the review and evidence name it. */
  readonly role: string;
}

/** Where a role of this project is used, and which services may therefore assume it. */
export const ROLE_USES: readonly RoleUse[] = [
  { type: "aws_mwaa_environment", argument: "execution_role_arn", services: MWAA_SERVICE_PRINCIPALS, role: "the MWAA environment's execution role" },
  { type: "aws_flow_log", argument: "iam_role_arn", services: VPC_FLOW_LOGS_SERVICE_PRINCIPALS, role: "the VPC flow logs' delivery role" },
  { type: "aws_cloudtrail", argument: "cloud_watch_logs_role_arn", services: CLOUDTRAIL_SERVICE_PRINCIPALS, role: "the trail's CloudWatch Logs role" },
];
