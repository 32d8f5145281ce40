import { bucketAndObjectsArns } from "../../network/s3-endpoint-access";
import { allow, PolicyStatement } from "./policy-document";
import { DeployerScope } from "./scope";

/**
 * An EncryptedBucket (modules/storage/encrypted-bucket.ts): `aws_s3_bucket` and its versioning,
 * public-access-block, lifecycle, encryption, ownership, policy and logging resources (provider:
 * internal/service/s3/bucket*.go). Bucket names are known at synth, so every action is on the
 * buckets' own ARNs.
 *
 * - `aws_s3_bucket` create: CreateBucket, PutBucketTagging; read: HeadBucket (ListBucket) and
 *   every bucket sub-configuration it reports (policy, ACL, CORS, website, versioning,
 *   acceleration, request payment, logging, lifecycle, replication, encryption, object lock,
 *   tagging); delete: DeleteBucket (no `force_destroy`: no object deletion).
 * - each configuration resource: its Put (create, update, and delete, which S3 authorizes as the
 *   Put: DeleteBucketEncryption, DeletePublicAccessBlock, DeleteBucketLifecycle and
 *   DeleteBucketOwnershipControls), its Get (read); the policy has DeleteBucketPolicy.
 */
export const BUCKET_ACTIONS = [
  "s3:CreateBucket",
  "s3:DeleteBucket",
  "s3:ListBucket",
  "s3:GetBucketTagging",
  "s3:PutBucketTagging",
  "s3:GetBucketPolicy",
  "s3:PutBucketPolicy",
  "s3:DeleteBucketPolicy",
  "s3:GetBucketAcl",
  "s3:GetBucketCORS",
  "s3:GetBucketWebsite",
  "s3:GetAccelerateConfiguration",
  "s3:GetBucketRequestPayment",
  "s3:GetReplicationConfiguration",
  "s3:GetBucketObjectLockConfiguration",
  "s3:GetBucketVersioning",
  "s3:PutBucketVersioning",
  "s3:GetBucketPublicAccessBlock",
  "s3:PutBucketPublicAccessBlock",
  "s3:GetLifecycleConfiguration",
  "s3:PutLifecycleConfiguration",
  "s3:GetEncryptionConfiguration",
  "s3:PutEncryptionConfiguration",
  "s3:GetBucketOwnershipControls",
  "s3:PutBucketOwnershipControls",
  "s3:GetBucketLogging",
  "s3:PutBucketLogging",
];

export function bucketStatements(scope: DeployerScope, sid: string, bucketNames: string[]): PolicyStatement {
  return allow(sid, BUCKET_ACTIONS, bucketNames.map((name) => bucketAndObjectsArns(name, scope.region)[0]));
}
