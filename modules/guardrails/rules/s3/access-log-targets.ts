import { bucketSettings, namesBucket } from "../../bucket-parts";
import { SynthesizedStack, SynthResource } from "../../synthesized-stack";

/**
 * Whether `bucket` receives other buckets' server access logs: some logging setting of the stack
 * (an aws_s3_bucket_logging, tied to a bucket or not, or a bucket's inline logging argument) targets
 * it. Such a bucket must use SSE-S3 (log delivery accepts nothing else) and does not log itself
 * (that would loop), so the encryption and logging rules treat it apart.
 */
export function isAccessLogTarget(stack: SynthesizedStack, bucket: SynthResource): boolean {
  if (isMwaaSource(stack, bucket)) return false;
  const { buckets, untied } = bucketSettings(stack, "logging");
  return [...buckets.flatMap((b) => b.settings), ...untied].some((s) => (s.copies ?? 0) > 0 && namesBucket(s.config.target_bucket, bucket));
}

/**
 * A bucket an MWAA environment reads its DAGs from is never treated as a log target, whatever logs
 * into it: otherwise a logging resource pointed at it would exempt it from its key and its own logs.
 */
function isMwaaSource(stack: SynthesizedStack, bucket: SynthResource): boolean {
  const arns = [SynthesizedStack.reference(bucket, "arn"), ...(typeof bucket.config.bucket === "string" ? [`arn:aws:s3:::${bucket.config.bucket}`] : [])];
  return stack.resources("aws_mwaa_environment").some((env) => arns.includes(env.config.source_bucket_arn));
}
