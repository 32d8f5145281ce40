import { regionalService } from "../iam/service-principals";
import { AIRFLOW_LOG_TYPES } from "../../config/mwaa-limits";
import { airflowLogGroupName, executionRoleArn, flowLogGroupName, logGroupArn, partitionOf } from "../../config/names";
import { Condition } from "../iam/policy-statements";
import { KeyPolicyStatement } from "./key-policy-statement";

/**
 * Who uses an environment's key, and how: the facts the execution role's policy, a created key's
 * policy and the statements written for a security team's key share, defined once.
 */

/** What an environment's key-policy statements are built from. */
export interface KeyUser {
  readonly name: string;
  readonly account: string;
  readonly region: string;
  readonly encryption: { readonly organizationId?: string };
  /** The organisation's IAM path of the stacks' roles (config roles.path). @default "/" */
  readonly roles?: { readonly path?: string };
  /** In a network team's VPC (network.mode existing) the stacks create no flow logs. @default the stacks' own VPC */
  readonly network?: { readonly mode?: string };
}

/** The MWAA guide's customer-managed-key policy of the execution role: these actions on the key... */
export const EXECUTION_ROLE_KEY_ACTIONS = ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey*", "kms:Encrypt"];

/** ...only through SQS (its Celery queue) and S3 (its DAG bucket) of the Region. */
export function executionRoleViaServices(region: string): Condition {
  return { test: "StringLike", variable: "kms:ViaService", values: [regionalService("sqs", region), regionalService("s3", region)] };
}

/** What CloudWatch Logs does with a log group's key (MWAA guide and CloudWatch Logs guide, "Encrypt log data"). */
export const LOGS_KEY_ACTIONS = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"];

/** CloudWatch Logs' service principal of a Region: it encrypts a group's events with the group's key. */
export const logsServicePrincipal = (region: string): string => regionalService("logs", region);

/** The key-policy condition that holds CloudWatch Logs to the groups whose ARNs match `arns`. */
export function logsEncryptionContext(test: "ArnLike" | "ArnEquals", arns: string[]): Condition {
  return { test, variable: "kms:EncryptionContext:aws:logs:arn", values: arns };
}

/**
 * What a key administrator may do (the KMS guide's default key policy, "Allows key administrators
 * to administer the KMS key"), spelled out, less what would let an administrator read the data:
 * no cryptographic operation and no kms:CreateGrant (a grant to themselves would), no key material
 * (the keys are of KMS's own material) and no replica (they are single-Region).
 */
export const KEY_ADMINISTRATOR_ACTIONS = [
  "kms:CancelKeyDeletion",
  "kms:CreateAlias",
  "kms:DeleteAlias",
  "kms:DescribeKey",
  "kms:DisableKey",
  "kms:DisableKeyRotation",
  "kms:EnableKey",
  "kms:EnableKeyRotation",
  "kms:GetKeyPolicy",
  "kms:GetKeyRotationStatus",
  "kms:ListGrants",
  "kms:ListKeyPolicies",
  "kms:ListKeyRotations",
  "kms:ListResourceTags",
  "kms:PutKeyPolicy",
  "kms:RevokeGrant",
  "kms:RotateKeyOnDemand",
  "kms:ScheduleKeyDeletion",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:UpdateAlias",
  "kms:UpdateKeyDescription",
];

/** The account root as a key policy's principal: the statement lets IAM policies of the account grant what it lists. */
const accountRoot = (user: KeyUser) => `arn:${partitionOf(user.region)}:iam::${user.account}:root`;

/** `aws:PrincipalOrgID`, when the config names the organization. */
const inOrganization = (user: KeyUser): Condition[] =>
  user.encryption.organizationId ? [{ test: "StringEquals", variable: "aws:PrincipalOrgID", values: [user.encryption.organizationId] }] : [];

export function keyAdministrators(roleArns: readonly string[]): KeyPolicyStatement {
  return {
    sid: "KeyAdministrators",
    principal: { type: "AWS", identifiers: roleArns },
    actions: KEY_ADMINISTRATOR_ACTIONS,
    conditions: [],
    why: "The named roles administer the key (policy, rotation, state, aliases, tags, deletion); they cannot use it.",
  };
}

/**
 * The execution role's use of the key, through SQS and S3 only. The principal is the account root
 * with the role in `aws:PrincipalArn`, not the role itself: KMS refuses a policy naming a role that
 * does not exist yet, and the role is created after the key; IAM then also needs the role's own
 * policy (MwaaExecutionRole's UseEnvironmentKeyThroughSqsAndS3), so neither grants alone.
 */
export function executionRoleKeyUse(user: KeyUser): KeyPolicyStatement {
  return {
    sid: "ExecutionRoleUseThroughSqsAndS3",
    principal: { type: "AWS", identifiers: [accountRoot(user)] },
    actions: EXECUTION_ROLE_KEY_ACTIONS,
    conditions: [
      executionRoleViaServices(user.region),
      { test: "ArnEquals", variable: "aws:PrincipalArn", values: [executionRoleArn(user.name, user.account, user.region, user.roles?.path)] },
      ...inOrganization(user),
    ],
    why: "MWAA's execution role reads the DAG bucket through S3 and uses its Celery queue through SQS, both encrypted with this key.",
  };
}

/**
 * The log groups an environment's key encrypts: the five Airflow groups and, when the stacks make
 * the VPC, its flow logs (in a network team's VPC the flow logs are the team's: naming a group no
 * stack creates would let anyone who creates it use the key).
 */
export function keyEncryptedLogGroups(environmentName: string, ownVpc = true): string[] {
  return [...AIRFLOW_LOG_TYPES.map((type) => airflowLogGroupName(environmentName, type.key)), ...(ownVpc ? [flowLogGroupName(environmentName)] : [])];
}

export function cloudWatchLogsKeyUse(user: KeyUser): KeyPolicyStatement {
  return {
    sid: "CloudWatchLogsForThisEnvironment",
    principal: { type: "Service", identifiers: [logsServicePrincipal(user.region)] },
    actions: LOGS_KEY_ACTIONS,
    conditions: [logsEncryptionContext("ArnEquals", keyEncryptedLogGroups(user.name, user.network?.mode !== "existing").map((group) => logGroupArn(group, user.account, user.region)))],
    why: `CloudWatch Logs encrypts this environment's five Airflow log groups${user.network?.mode !== "existing" ? " and its VPC flow logs" : ""}, and no other group, with this key.`,
  };
}

/**
 * MWAA encrypts what it runs for the environment (its database, queue and secrets) through grants
 * it creates on the key for `airflow.<region>.amazonaws.com`, with the deployer's permissions, while
 * the environment is created (MWAA guide, "Customer managed keys for data encryption": grants).
 * Only for an AWS resource, and only through MWAA (the playbook's "Allow attachment of persistent
 * resources"); IAM then also needs the deployer's MwaaGrantsOnEnvironmentKey.
 */
export function mwaaGrants(user: KeyUser): KeyPolicyStatement {
  return {
    sid: "MwaaGrantsThroughDeployer",
    principal: { type: "AWS", identifiers: [accountRoot(user)] },
    actions: ["kms:CreateGrant"],
    conditions: [
      { test: "Bool", variable: "kms:GrantIsForAWSResource", values: ["true"] },
      { test: "StringEquals", variable: "kms:ViaService", values: [regionalService("airflow", user.region)] },
    ],
    why: `MWAA creates its grants on the key (for airflow.${user.region}.amazonaws.com) with the deployer's permissions when the environment is created.`,
  };
}

/** What the deployer does with the key itself: MWAA checks it, and the DAG bucket's objects are uploaded with it. */
export function deployerKeyUse(user: KeyUser): KeyPolicyStatement[] {
  return [
    {
      sid: "DeployerDescribesKey",
      principal: { type: "AWS", identifiers: [accountRoot(user)] },
      actions: ["kms:DescribeKey"],
      conditions: [],
      why: "The deployer's CreateEnvironment call lets MWAA read the key's metadata (IAM then also needs the deployer's policy).",
    },
    {
      sid: "DeployerUploadsThroughS3",
      principal: { type: "AWS", identifiers: [accountRoot(user)] },
      actions: ["kms:Decrypt", "kms:GenerateDataKey"],
      conditions: [{ test: "StringEquals", variable: "kms:ViaService", values: [regionalService("s3", user.region)] }],
      why: "The deployer uploads the environment's DAGs, requirements, plugins and startup script to the DAG bucket, whose objects this key encrypts (IAM then also needs the deployer's policy).",
    },
  ];
}
