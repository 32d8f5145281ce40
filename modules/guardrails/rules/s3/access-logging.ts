import { Rule } from "../../rule";
import { isAccessLogTarget } from "./access-log-targets";
import { judgeSoleSetting } from "./judge-settings";

export const s3AccessLogging: Rule = {
  id: "S3.ACCESS_LOGS",
  title: "Buckets write server access logs (log buckets excepted)",
  evaluates: "every logging setting of every bucket (aws_s3_bucket_logging resources and the inline argument); log-target buckets excepted; several for one bucket fail",
  sources: ["checkov CKV_AWS_18", "Security Hub S3.9"],
  explanation:
    "Access logs record every request to DAGs and state, including denied ones; a log bucket does not log itself. S3 keeps one logging configuration per bucket: an aws_s3_bucket_logging and the deprecated logging argument of aws_s3_bucket both count, and two for one bucket fail.",
  fix: "Keep exactly one aws_s3_bucket_logging per bucket, targeting an SSE-S3 log bucket (EncryptedBucket with accessLogBucketName).",
  evaluate: (stack) =>
    judgeSoleSetting(stack, "logging", {
      missing: "no access logging",
      exempt: (bucket) => (isAccessLogTarget(stack, bucket) ? { ok: true, evidence: "is an access log target" } : undefined),
      judge: ({ config }) => ({ ok: true, evidence: `logs to ${config.target_bucket} under ${config.target_prefix ?? "/"}` }),
    }),
};
