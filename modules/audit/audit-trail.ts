import { Cloudtrail } from "@cdktf/provider-aws/lib/cloudtrail";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { projectRole, RoleSettings } from "../iam/project-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import {
  kmsAccessDeniedAlarmName,
  kmsAccessDeniedMetric,
  trailArn,
  trailBucketName,
  trailKeyAlias,
  trailLogGroupName,
  trailLogsRoleName,
  trailName,
} from "../../config/audit";
import { partitionOf } from "../../config/names";
import { CustomerManagedKey } from "../encryption/customer-managed-key";
import { allow, forPrincipals, fromSource } from "../iam/policy-statements";
import { CLOUDTRAIL_SERVICE_PRINCIPALS } from "../iam/service-principals";
import { EncryptedBucket } from "../storage/encrypted-bucket";
import { cloudTrailBucketStatements, cloudTrailKeyStatements } from "./cloudtrail-policies";
import { KmsAccessDeniedAlarm } from "./kms-access-denied-alarm";

export interface AuditTrailProps {
  readonly environmentName: string;
  /** The organisation's permissions boundary and path for the role CloudTrail assumes. @default IAM's (none, "/") */
  readonly roleSettings?: RoleSettings;
  readonly account: string;
  readonly region: string;
  /** The DAG bucket's ARN: the trail records its object-level (data) events. */
  readonly dagBucketArn: string;
  /** The SSE-S3 bucket that receives the trail bucket's server access logs. */
  readonly accessLogBucketName: string;
  /** The environment key and the execution role: the alarm counts KMS AccessDenied on either. */
  readonly environmentKeyArn: string;
  readonly executionRoleArn: string;
  /** Retention of the trail's log group. */
  readonly logRetentionDays: number;
  /** An SNS topic of the environment's account and Region for the alarm. @default none */
  readonly alarmTopicArn?: string;
  /** The trail key's deletion window. @default 30 */
  readonly keyDeletionWindowDays?: number;
  /** Fail any plan that would destroy the key, the bucket or the log group. @default true */
  readonly preventDestroy?: boolean;
}

/**
 * Playbook control 4: a trail of the environment's own (CloudTrail guide; checkov CKV_AWS_67,
 * CKV_AWS_36, CKV_AWS_35, CKV2_AWS_10):
 *
 * - multi-Region, with the global services' events (IAM), log file validation and every
 *   management event, read and write, plus the DAG bucket's object-level events;
 * - encrypted with a key of its own, not the environment key: the trail's readers and CloudTrail's
 *   statements stay apart from what MWAA and the execution role may use, and a security team's key
 *   (which the stacks cannot add statements to) can still encrypt the environment;
 * - delivered to a versioned, access-logged bucket encrypted with that key (no S3 Bucket Key:
 *   CloudTrail's encryption context must reach KMS), with the trail's documented bucket policy;
 * - and to a log group encrypted with the same key and retained, through a role only CloudTrail,
 *   for this trail, may assume; a metric filter and an alarm there watch KMS AccessDenied.
 */
export class AuditTrail extends Construct {
  readonly trail: Cloudtrail;
  readonly key: CustomerManagedKey;
  readonly bucket: EncryptedBucket;
  readonly logGroup: CloudwatchLogGroup;
  readonly role: IamRole;
  readonly alarm: KmsAccessDeniedAlarm;

  constructor(scope: Construct, id: string, props: AuditTrailProps) {
    super(scope, id);
    const { environmentName: name, account, region } = props;
    const partition = partitionOf(region);
    const arn = trailArn(name, account, region);
    const logGroupName = trailLogGroupName(name);
    const preventDestroy = props.preventDestroy ?? true;

    this.key = new CustomerManagedKey(this, "key", {
      account,
      region,
      alias: trailKeyAlias(name),
      description: `Encrypts the CloudTrail trail of MWAA environment ${name}: its log files and log group`,
      logGroupNamePrefixes: [logGroupName],
      serviceStatements: cloudTrailKeyStatements(arn, account, partition),
      deletionWindowInDays: props.keyDeletionWindowDays,
      preventDestroy,
    });

    const bucketName = trailBucketName(name, account, region);
    this.bucket = new EncryptedBucket(this, "bucket", {
      bucketName,
      kmsKeyArn: this.key.arn,
      bucketKey: false,
      policyStatements: cloudTrailBucketStatements(bucketName, arn, account, partition),
      accessLogBucketName: props.accessLogBucketName,
      preventDestroy,
    });

    this.logGroup = new CloudwatchLogGroup(this, "log-group", {
      name: logGroupName,
      kmsKeyId: this.key.arn,
      retentionInDays: props.logRetentionDays,
      lifecycle: { preventDestroy },
    });

    const trust = new DataAwsIamPolicyDocument(this, "trust-policy", {
      statement: [forPrincipals(allow("CloudTrailOfThisTrail", ["sts:AssumeRole"], [], fromSource(account, arn)), "Service", [...CLOUDTRAIL_SERVICE_PRINCIPALS])],
    });
    this.role = projectRole(this, "role", props.roleSettings ?? {}, {
      name: trailLogsRoleName(name),
      description: "Lets CloudTrail deliver the environment's trail to its one log group",
      assumeRolePolicy: trust.json,
    });
    // CloudTrail names its streams <account>_CloudTrail_<home Region>[_n] ("CloudWatch log group and
    // log stream naming for CloudTrail"; "Role policy document for CloudTrail to use CloudWatch Logs").
    const streams = `${this.logGroup.arn}:log-stream:${account}_CloudTrail_${region}*`;
    const delivery = new DataAwsIamPolicyDocument(this, "delivery-policy", {
      statement: [allow("WriteTrailStreams", ["logs:CreateLogStream", "logs:PutLogEvents"], [streams])],
    });
    const deliveryPolicy = new IamRolePolicy(this, "delivery", {
      name: "deliver-trail-events",
      role: this.role.name,
      policy: delivery.json,
    });

    this.trail = new Cloudtrail(this, "cloudtrail", {
      name: trailName(name),
      s3BucketName: this.bucket.name,
      kmsKeyId: this.key.arn,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      // CloudTrail takes the group's ARN with the stream wildcard.
      cloudWatchLogsGroupArn: `${this.logGroup.arn}:*`,
      cloudWatchLogsRoleArn: this.role.arn,
      eventSelector: [
        {
          readWriteType: "All",
          includeManagementEvents: true,
          // Every object call on the DAG bucket: who read or replaced a DAG, requirements or plugins.
          dataResource: [{ type: "AWS::S3::Object", values: [`${props.dagBucketArn}/`] }],
        },
      ],
      // CloudTrail checks the bucket policy, and the role's access to the group, when it creates the trail.
      dependsOn: [...this.bucket.settings, deliveryPolicy],
    });

    this.alarm = new KmsAccessDeniedAlarm(this, "kms-access-denied", {
      logGroupName: this.logGroup.name,
      keyArn: props.environmentKeyArn,
      roleArn: props.executionRoleArn,
      metric: kmsAccessDeniedMetric(name),
      alarmName: kmsAccessDeniedAlarmName(name),
      topicArn: props.alarmTopicArn,
    });
  }
}
