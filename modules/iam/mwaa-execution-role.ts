import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { partitionOf } from "../../config/names";
import { EXECUTION_ROLE_KEY_ACTIONS, executionRoleViaServices } from "../encryption/key-use";
import { ENVIRONMENT_BUCKET_ACTIONS } from "../network/s3-endpoint-access";
import { allow, deny, forPrincipals, fromSource } from "./policy-statements";
import { MWAA_SERVICE_PRINCIPALS } from "./service-principals";

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
}

/**
 * The role MWAA's components run as, with the MWAA guide's policy for an environment encrypted by
 * a customer-managed key and nothing broader: metrics of this environment, read-only access to this
 * bucket, this environment's log groups, MWAA's Celery queues, and this key only through SQS and S3.
 * No `kms:PutKeyPolicy`, no `iam:PassRole`, no `service:*` action. Only MWAA may assume it, and only
 * for this environment of this account (confused-deputy conditions).
 */
export class MwaaExecutionRole extends Construct {
  readonly role: IamRole;
  readonly arn: string;
  readonly trustPolicy: DataAwsIamPolicyDocument;
  readonly permissions: DataAwsIamPolicyDocument;
  /** The inline policy; the environment must depend on it, or MWAA starts without permissions. */
  readonly policy: IamRolePolicy;

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

    this.role = new IamRole(this, "role", {
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
      ],
    });

    this.policy = new IamRolePolicy(this, "policy", {
      name: "mwaa-execution",
      role: this.role.name,
      policy: this.permissions.json,
    });
  }
}
