import { DataAwsIamPolicyDocument, DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { partitionOf } from "../../config/names";
import { SECRET_READ_ACTIONS, secretArnPattern } from "../airflow/secrets-manager-backend";
import { EXECUTION_ROLE_KEY_ACTIONS, executionRoleViaServices } from "../encryption/key-use";
import { ENVIRONMENT_BUCKET_ACTIONS } from "../network/s3-endpoint-access";
import { allow, Condition, deny, forPrincipals, fromSource } from "./policy-statements";
import { projectRole, RoleSettings } from "./project-role";
import { MWAA_SERVICE_PRINCIPALS, regionalService } from "./service-principals";

export interface MwaaExecutionRoleProps {
  readonly roleName: string;
  readonly account: string;
  readonly region: string;
  /** ARN of the environment, known before it exists: it scopes the trust and the metrics. */
  readonly environmentArn: string;
  readonly dagBucketArn: string;
  /** The environment key's ARN: a key of the stack, or the literal ARN of a key the stacks do not own. */
  readonly kmsKeyArn: string;
  /** `airflow-<env>-`: the log groups the environment writes to. */
  readonly logGroupNamePrefix: string;
  /** The organisation's boundary and path for the role. @default none: IAM's defaults */
  readonly roleSettings?: RoleSettings;
  /**
   * The Secrets Manager prefixes Airflow reads connections and variables from, and the key that
   * encrypts those secrets. @default none: the role reads no secret
   */
  readonly secrets?: EnvironmentSecrets;
  /**
   * Statements for what the DAGs need beyond MWAA's own policy (config `roles.executionRoleStatements`),
   * in their own inline policy `dag-permissions`. @default none
   */
  readonly additionalStatements?: DataAwsIamPolicyDocumentStatement[];
}

export interface EnvironmentSecrets {
  readonly prefixes: readonly string[];
  readonly kmsKeyArn: string;
}

/**
 * The role MWAA's components run as, with the MWAA guide's policy for an environment encrypted by
 * a customer-managed key and nothing broader: metrics of this environment, read-only access to this
 * bucket, this environment's log groups, MWAA's Celery queues, and this key only through SQS and S3.
 * No `kms:PutKeyPolicy`, no `iam:PassRole`, no `service:*` action. Only MWAA may assume it, and only
 * for this environment of this account (confused-deputy conditions). With the Secrets Manager
 * backend, it reads the secrets under the environment's prefixes and nothing else; statements from
 * config go in a policy of their own, judged by the same guardrails.
 */
export class MwaaExecutionRole extends Construct {
  readonly role: IamRole;
  readonly arn: string;
  readonly trustPolicy: DataAwsIamPolicyDocument;
  readonly permissions: DataAwsIamPolicyDocument;
  /** The inline policy; the environment must depend on it, or MWAA starts without permissions. */
  readonly policy: IamRolePolicy;
  /** The statements from config, when there are any. */
  readonly additionalPermissions?: DataAwsIamPolicyDocument;
  /** Every inline policy of the role: the environment depends on each. */
  readonly policies: IamRolePolicy[];

  constructor(scope: Construct, id: string, props: MwaaExecutionRoleProps) {
    super(scope, id);
    const { account, region } = props;
    const partition = partitionOf(region);

    this.trustPolicy = new DataAwsIamPolicyDocument(this, "trust-policy", {
      statement: [
        forPrincipals(
          allow("MwaaForThisEnvironment", ["sts:AssumeRole"], [], fromSource(account, props.environmentArn)),
          "Service",
          [...MWAA_SERVICE_PRINCIPALS],
        ),
      ],
    });

    this.role = projectRole(this, "role", props.roleSettings ?? {}, {
      name: props.roleName,
      description: "Execution role of the MWAA environment",
      assumeRolePolicy: this.trustPolicy.json,
    });
    this.arn = this.role.arn;

    const bucket = [props.dagBucketArn, `${props.dagBucketArn}/*`];
    this.permissions = new DataAwsIamPolicyDocument(this, "permissions", {
      statement: [
        allow("PublishMetricsOfThisEnvironment", ["airflow:PublishMetrics"], [props.environmentArn]),
        deny("NoBucketListing", ["s3:ListAllMyBuckets"], bucket),
        allow("ReadDagBucket", ENVIRONMENT_BUCKET_ACTIONS, bucket),
        allow(
          "WriteEnvironmentLogs",
          [
            "logs:CreateLogStream",
            "logs:CreateLogGroup",
            "logs:PutLogEvents",
            "logs:GetLogEvents",
            "logs:GetLogRecord",
            "logs:GetLogGroupFields",
            "logs:GetQueryResults",
          ],
          [`arn:${partition}:logs:${region}:${account}:log-group:${props.logGroupNamePrefix}*`],
        ),
        // These actions take no resource ARN: "*" is the only resource IAM accepts for them.
        allow(
          "ActionsWithoutResourceArn",
          ["logs:DescribeLogGroups", "s3:GetAccountPublicAccessBlock", "cloudwatch:PutMetricData"],
          ["*"],
        ),
        // MWAA's Celery queues live in an AWS-owned account, hence the account wildcard.
        allow(
          "UseCeleryQueues",
          [
            "sqs:ChangeMessageVisibility",
            "sqs:DeleteMessage",
            "sqs:GetQueueAttributes",
            "sqs:GetQueueUrl",
            "sqs:ReceiveMessage",
            "sqs:SendMessage",
          ],
          [`arn:${partition}:sqs:${region}:*:airflow-celery-*`],
        ),
        allow("UseEnvironmentKeyThroughSqsAndS3", [...EXECUTION_ROLE_KEY_ACTIONS], [props.kmsKeyArn], [executionRoleViaServices(region)]),
        ...(props.secrets ? secretStatements(props.secrets, partition, region, account) : []),
      ],
    });

    this.policy = new IamRolePolicy(this, "policy", {
      name: "mwaa-execution",
      role: this.role.name,
      policy: this.permissions.json,
    });
    this.policies = [this.policy];

    if (props.additionalStatements && props.additionalStatements.length > 0) {
      this.additionalPermissions = new DataAwsIamPolicyDocument(this, "dag-permissions", { statement: props.additionalStatements });
      this.policies.push(
        new IamRolePolicy(this, "dag-policy", {
          name: "dag-permissions",
          role: this.role.name,
          policy: this.additionalPermissions.json,
        }),
      );
    }
  }
}

/**
 * Reading this environment's secrets: GetSecretValue and DescribeSecret on the secrets under its
 * prefixes only, and kms:Decrypt of their key only when Secrets Manager asks on the role's behalf
 * (kms:ViaService) for one of those secrets (the SecretARN encryption context Secrets Manager
 * binds to each secret's data key). No ListSecrets: the backend reads secrets by name.
 */
function secretStatements(secrets: EnvironmentSecrets, partition: string, region: string, account: string): DataAwsIamPolicyDocumentStatement[] {
  const arns = secrets.prefixes.map((prefix) => secretArnPattern(partition, region, account, prefix));
  const throughSecretsManager: Condition[] = [
    { test: "StringEquals", variable: "kms:ViaService", values: [regionalService("secretsmanager", region)] },
    { test: "StringLike", variable: "kms:EncryptionContext:SecretARN", values: arns },
  ];
  return [
    allow("ReadEnvironmentSecrets", [...SECRET_READ_ACTIONS], arns),
    allow("DecryptEnvironmentSecretsThroughSecretsManager", ["kms:Decrypt"], [secrets.kmsKeyArn], throughSecretsManager),
  ];
}
