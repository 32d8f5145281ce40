import {
  DataAwsIamPolicyDocument,
  DataAwsIamPolicyDocumentStatement,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import {
  S3BucketLifecycleConfiguration,
  S3BucketLifecycleConfigurationRule,
} from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { allow, deny, forPrincipals } from "../iam/policy-statements";

export interface EncryptedBucketProps {
  readonly bucketName: string;
  /**
   * Key of the default encryption (SSE-KMS with an S3 bucket key). For the DAG bucket MWAA requires
   * the environment's key.
   * @default undefined: SSE-S3, which is all S3 server access log delivery accepts on its target
   */
  readonly kmsKeyArn?: string;
  /**
   * With `kmsKeyArn`: one S3 Bucket Key per bucket instead of a data key per object. A bucket whose
   * writer sets its own encryption context (CloudTrail's `aws:cloudtrail:arn`) turns it off: with a
   * Bucket Key, S3 asks KMS under the bucket's context instead, which the key policy does not admit.
   * @default true
   */
  readonly bucketKey?: boolean;
  /**
   * Statements added to the bucket policy, for a service that writes into the bucket (CloudTrail's
   * delivery). S3 keeps one policy per bucket, so they belong here. @default none
   */
  readonly policyStatements?: DataAwsIamPolicyDocumentStatement[];
  /** Fail any plan that would destroy the bucket. @default true */
  readonly preventDestroy?: boolean;
  /** Days S3 keeps a version after it is overwritten or deleted. @default kept until deleted */
  readonly noncurrentVersionExpirationDays?: number;
  /** Days after which current objects expire (for log buckets). @default never */
  readonly expirationDays?: number;
  /** Name of the bucket S3 writes this bucket's server access logs to. @default no access logs */
  readonly accessLogBucketName?: string;
  /**
   * Makes this bucket a target of server access logs: S3's log delivery may write the logs of these
   * buckets of this account, each under `<source bucket name>/`. @default receives no logs
   */
  readonly logDelivery?: { readonly account: string; readonly partition: string; readonly sourceBucketNames: string[] };
}

/** Where the server access logs of `bucketName` go inside the log bucket. */
export function accessLogPrefix(bucketName: string): string {
  return `${bucketName}/`;
}

/**
 * A private, versioned bucket: all four public-access-block flags, ACLs disabled, default
 * encryption, a policy that refuses any request without TLS. Never `force_destroy`: deleting a
 * bucket that still holds objects fails instead of losing them. Serves as the DAG bucket (MWAA needs
 * object versions to pin plugins and requirements), the Terraform state bucket (versions are how a
 * bad state write is undone) and, with SSE-S3, as the target of the others' server access logs.
 */
export class EncryptedBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly arn: string;
  readonly name: string;
  readonly publicAccessBlock: S3BucketPublicAccessBlock;
  readonly policy: DataAwsIamPolicyDocument;
  /**
   * The settings that must hold before the first object goes in: versioning (objects get version
   * ids), default encryption, the public access block and the TLS-only policy.
   */
  readonly settings: ITerraformDependable[] = [];

  constructor(scope: Construct, id: string, props: EncryptedBucketProps) {
    super(scope, id);

    this.bucket = new S3Bucket(this, "bucket", {
      bucket: props.bucketName,
      forceDestroy: false,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
    this.arn = this.bucket.arn;
    this.name = this.bucket.bucket;
    // Each read of a resource attribute makes a new cdktf token; one per attribute is enough.
    const bucketId = this.bucket.id;

    const versioning = new S3BucketVersioningA(this, "versioning", {
      bucket: bucketId,
      versioningConfiguration: { status: "Enabled" },
    });

    this.publicAccessBlock = new S3BucketPublicAccessBlock(this, "public-access-block", {
      bucket: bucketId,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });

    const rules: S3BucketLifecycleConfigurationRule[] = [];
    if (props.noncurrentVersionExpirationDays !== undefined) {
      rules.push({
        id: "expire-noncurrent-versions",
        status: "Enabled",
        filter: [{}],
        noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionExpirationDays }],
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
      });
    }
    if (props.expirationDays !== undefined) {
      rules.push({
        id: "expire-objects",
        status: "Enabled",
        filter: [{}],
        expiration: [{ days: props.expirationDays }],
        noncurrentVersionExpiration: [{ noncurrentDays: 1 }],
      });
    }
    if (rules.length > 0) {
      new S3BucketLifecycleConfiguration(this, "lifecycle", {
        bucket: bucketId,
        rule: rules,
        // A noncurrent-version rule means nothing until versioning is on.
        dependsOn: [versioning],
      });
    }

    const encryption = new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket: bucketId,
      rule: [
        props.kmsKeyArn === undefined
          ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
          : {
              applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.kmsKeyArn },
              // One data key per bucket instead of per object: far fewer KMS calls, same key.
              bucketKeyEnabled: props.bucketKey ?? true,
            },
      ],
    });

    new S3BucketOwnershipControls(this, "ownership", {
      bucket: bucketId,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });

    const logDelivery = props.logDelivery;
    const statements: DataAwsIamPolicyDocumentStatement[] = [
      forPrincipals(
        deny("DenyInsecureTransport", ["s3:*"], [this.arn, `${this.arn}/*`], [
          { test: "Bool", variable: "aws:SecureTransport", values: ["false"] },
        ]),
        "*",
        ["*"],
      ),
      // With ACLs disabled, a bucket policy statement is the only way log delivery gets in.
      ...(logDelivery?.sourceBucketNames ?? []).map((source, index) =>
        forPrincipals(
          allow(`ServerAccessLogsDelivery${index + 1}`, ["s3:PutObject"], [`${this.arn}/${accessLogPrefix(source)}*`], [
            { test: "ArnLike", variable: "aws:SourceArn", values: [`arn:${logDelivery!.partition}:s3:::${source}`] },
            { test: "StringEquals", variable: "aws:SourceAccount", values: [logDelivery!.account] },
          ]),
          "Service",
          ["logging.s3.amazonaws.com"],
        ),
      ),
      ...(props.policyStatements ?? []),
    ];
    this.policy = new DataAwsIamPolicyDocument(this, "policy-document", { statement: statements });
    const policy = new S3BucketPolicy(this, "policy", {
      bucket: bucketId,
      policy: this.policy.json,
      // S3 may answer concurrent configuration calls on one bucket with OperationAborted.
      dependsOn: [this.publicAccessBlock],
    });
    this.settings.push(versioning, encryption, this.publicAccessBlock, policy);

    if (props.accessLogBucketName !== undefined) {
      new S3BucketLoggingA(this, "access-logs", {
        bucket: bucketId,
        targetBucket: props.accessLogBucketName,
        targetPrefix: accessLogPrefix(props.bucketName),
      });
    }
  }
}
