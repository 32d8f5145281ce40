import { check, Rule } from "../../rule";
import { isAccessLogTarget } from "./access-log-targets";

export const s3AccessLogging: Rule = {
  id: "S3.ACCESS_LOGS",
  title: "Buckets write server access logs (log buckets excepted)",
  sources: ["checkov CKV_AWS_18", "Security Hub S3.9"],
  explanation: "Access logs record every request to DAGs and state, including denied ones; a log bucket does not log itself.",
  fix: "Add an aws_s3_bucket_logging that targets an SSE-S3 log bucket (EncryptedBucket with accessLogBucketName).",
  evaluate: (stack) =>
    stack.resources("aws_s3_bucket").map((bucket) => {
      if (isAccessLogTarget(stack, bucket)) return check(bucket.path, true, "is an access log target");
      const logging = stack.bucketPart(bucket, "aws_s3_bucket_logging")[0];
      return check(bucket.path, logging !== undefined, logging ? `logs to ${logging.config.target_bucket} under ${logging.config.target_prefix ?? "/"}` : "no access logging");
    }),
};
