import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Construct } from "constructs";
import { deny, forPrincipals } from "../iam/policy-statements";

export interface EncryptedBucketProps {
  readonly bucketName: string;
  /** Key of the default encryption. For the DAG bucket MWAA requires the environment's key. */
  readonly kmsKeyArn: string;
  /** Fail any plan that would destroy the bucket. @default true */
  readonly preventDestroy?: boolean;
  /**
   * Days S3 keeps a version after it is overwritten or deleted.
   * @default undefined (versions are kept until deleted)
   */
  readonly noncurrentVersionExpirationDays?: number;
}

/**
 * A private, versioned bucket: all four public-access-block flags, ACLs disabled, default
 * encryption with a customer-managed key and an S3 bucket key, a policy that refuses any request
 * without TLS. Never `force_destroy`: deleting a bucket that still holds objects fails instead of
 * losing them. Serves as the DAG bucket (MWAA needs object versions to pin plugins and
 * requirements) and as the Terraform state bucket (versions are how a bad state write is undone).
 */
export class EncryptedBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly arn: string;
  readonly name: string;
  readonly publicAccessBlock: S3BucketPublicAccessBlock;
  readonly policy: DataAwsIamPolicyDocument;

  constructor(scope: Construct, id: string, props: EncryptedBucketProps) {
    super(scope, id);

    this.bucket = new S3Bucket(this, "bucket", {
      bucket: props.bucketName,
      forceDestroy: false,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
    this.arn = this.bucket.arn;
    this.name = this.bucket.bucket;

    const versioning = new S3BucketVersioningA(this, "versioning", {
      bucket: this.bucket.id,
      versioningConfiguration: { status: "Enabled" },
    });

    this.publicAccessBlock = new S3BucketPublicAccessBlock(this, "public-access-block", {
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });

    if (props.noncurrentVersionExpirationDays !== undefined) {
      new S3BucketLifecycleConfiguration(this, "lifecycle", {
        bucket: this.bucket.id,
        rule: [
          {
            id: "expire-noncurrent-versions",
            status: "Enabled",
            filter: [{}],
            noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionExpirationDays }],
            abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
          },
        ],
        // A noncurrent-version rule means nothing until versioning is on.
        dependsOn: [versioning],
      });
    }

    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket: this.bucket.id,
      rule: [
        {
          applyServerSideEncryptionByDefault: {
            sseAlgorithm: "aws:kms",
            kmsMasterKeyId: props.kmsKeyArn,
          },
          // One data key per bucket instead of per object: far fewer KMS calls, same key.
          bucketKeyEnabled: true,
        },
      ],
    });

    new S3BucketOwnershipControls(this, "ownership", {
      bucket: this.bucket.id,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });

    this.policy = new DataAwsIamPolicyDocument(this, "policy-document", {
      statement: [
        forPrincipals(
          deny("DenyInsecureTransport", ["s3:*"], [this.bucket.arn, `${this.bucket.arn}/*`], [
            { test: "Bool", variable: "aws:SecureTransport", values: ["false"] },
          ]),
          "*",
          ["*"],
        ),
      ],
    });
    new S3BucketPolicy(this, "policy", {
      bucket: this.bucket.id,
      policy: this.policy.json,
      // S3 may answer concurrent configuration calls on one bucket with OperationAborted.
      dependsOn: [this.publicAccessBlock],
    });
  }
}
