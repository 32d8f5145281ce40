import { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { allow, Condition, forPrincipals } from "../iam/policy-statements";
import { CLOUDTRAIL_SERVICE_PRINCIPALS } from "../iam/service-principals";

/**
 * What CloudTrail needs of the bucket and key a trail writes with, as the CloudTrail guide documents
 * it, each statement held to the one trail by `aws:SourceArn` (the guide's confused-deputy advice):
 * no other account's trail may write into the bucket or encrypt with the key. The trail's ARN is
 * known at synth, so the policies can name it before the trail exists (CloudTrail checks both when
 * the trail is created).
 */

const fromTrail = (trailArn: string): Condition => ({ test: "StringEquals", variable: "aws:SourceArn", values: [trailArn] });

const toCloudTrail = (statement: DataAwsIamPolicyDocumentStatement) => forPrincipals(statement, "Service", [...CLOUDTRAIL_SERVICE_PRINCIPALS]);

/**
 * "Amazon S3 bucket policy for CloudTrail": CloudTrail reads the bucket's ACL, then writes log files
 * under `AWSLogs/<account>/` with the bucket-owner-full-control ACL (the one ACL a bucket with
 * BucketOwnerEnforced ownership accepts).
 */
export function cloudTrailBucketStatements(bucketName: string, trailArn: string, account: string, partition: string): DataAwsIamPolicyDocumentStatement[] {
  const bucketArn = `arn:${partition}:s3:::${bucketName}`;
  return [
    toCloudTrail(allow("AWSCloudTrailAclCheck", ["s3:GetBucketAcl"], [bucketArn], [fromTrail(trailArn)])),
    toCloudTrail(
      allow("AWSCloudTrailWrite", ["s3:PutObject"], [`${bucketArn}/AWSLogs/${account}/*`], [
        { test: "StringEquals", variable: "s3:x-amz-acl", values: ["bucket-owner-full-control"] },
        fromTrail(trailArn),
      ]),
    ),
  ];
}

/**
 * "Configure AWS KMS key policies for CloudTrail": CloudTrail generates the data keys of its log
 * files under the encryption context `aws:cloudtrail:arn` (a trail of this account), and describes
 * the key when the trail is created or updated. Readers decrypt through the key's account-root
 * statement and their own IAM policies, so no decrypt statement is added here.
 */
export function cloudTrailKeyStatements(trailArn: string, account: string, partition: string): DataAwsIamPolicyDocumentStatement[] {
  return [
    toCloudTrail(
      allow("CloudTrailEncryptLogs", ["kms:GenerateDataKey*"], ["*"], [
        fromTrail(trailArn),
        { test: "StringLike", variable: "kms:EncryptionContext:aws:cloudtrail:arn", values: [`arn:${partition}:cloudtrail:*:${account}:trail/*`] },
      ]),
    ),
    toCloudTrail(allow("CloudTrailDescribeKey", ["kms:DescribeKey"], ["*"], [fromTrail(trailArn)])),
  ];
}
