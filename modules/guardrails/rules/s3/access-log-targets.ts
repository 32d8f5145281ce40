import { SynthesizedStack, SynthResource } from "../../synthesized-stack";

/**
 * Whether `bucket` receives other buckets' server access logs. Such a bucket must use SSE-S3 (log
 * delivery accepts nothing else) and does not log itself (that would loop), so the encryption and
 * logging rules treat it apart.
 */
export function isAccessLogTarget(stack: SynthesizedStack, bucket: SynthResource): boolean {
  const refs = ["bucket", "id"].map((a) => SynthesizedStack.reference(bucket, a));
  return stack
    .resources("aws_s3_bucket_logging")
    .some((l) => refs.includes(l.config.target_bucket) || l.config.target_bucket === bucket.config.bucket);
}
