import { partitionOf } from "../../config/names";

/**
 * What a private MWAA environment reaches through its S3 gateway endpoint, and nothing more. Pure
 * data: the VpcEndpoints construct writes the endpoint policy from it, and the guardrail
 * VPC.ENDPOINT_POLICIES judges every endpoint policy against it.
 *
 * The MWAA guide ("Security in your VPC on Amazon MWAA", section "Example Amazon S3 gateway
 * endpoint policy to allow bucket access",
 * https://docs.aws.amazon.com/mwaa/latest/userguide/vpc-security.html#vpc-external-vpce-policies-s3)
 * names two kinds of bucket: the bucket that holds the DAGs and supporting files, and the Amazon ECR
 * image-layer bucket, "required for your Amazon ECR image to be retrieved". Nothing else in the
 * guide is fetched through S3: requirements, plugins and the startup script live in the DAG bucket.
 */

/**
 * ECR's AWS-owned bucket of a Region's image layers, objects only. ECR hands out presigned URLs
 * signed by an ECR account, so the principal is not ours and the bucket is not ours: only the
 * bucket name can be allowed, read-only. Sources: the MWAA guide above; the ECR guide, "Minimum
 * Amazon S3 bucket permissions for Amazon ECR"
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html#ecr-minimum-s3-perms);
 * aws-samples/data-perimeter-policy-examples, service_owned_resources.md.
 */
export function ecrLayerObjectsArn(region: string): string {
  return `arn:${partitionOf(region)}:s3:::prod-${region}-starport-layer-bucket/*`;
}

/** The only action the ECR layer bucket is read with (the guides above). */
export const ECR_LAYER_ACTIONS = ["s3:GetObject"];

/**
 * What the environment does with its own buckets: the reads of the MWAA guide's execution-role
 * policy ("Amazon MWAA execution role", customer-managed key). MwaaExecutionRole's ReadDagBucket
 * statement grants exactly these, and the S3 gateway policy allows no more. No write: nothing in
 * the VPC needs to write to S3.
 */
export const ENVIRONMENT_BUCKET_ACTIONS = ["s3:GetObject*", "s3:GetBucket*", "s3:List*"];

/**
 * The condition that holds the environment's buckets to its own account (S3 supports the global
 * key aws:ResourceAccount in endpoint policies). Bucket names are global: a name in the config that
 * someone else owns, or takes over after the bucket is deleted, stays out of reach.
 */
export const OWN_ACCOUNT_CONDITION_KEY = "aws:ResourceAccount";

/** `arn:<partition>:s3:::<bucket>` and `.../*`: a bucket and its objects. */
export function bucketAndObjectsArns(bucketName: string, region: string): string[] {
  const arn = `arn:${partitionOf(region)}:s3:::${bucketName}`;
  return [arn, `${arn}/*`];
}
