import { check, Rule } from "../../rule";
import { block } from "../../terraform-document";

export const s3Versioning: Rule = {
  id: "S3.VERSIONING",
  title: "Buckets are versioned",
  sources: ["checkov CKV_AWS_21", "MWAA guide: the DAG bucket must be versioned"],
  explanation: "Versions undo overwrites and deletions; MWAA needs them to pin plugins and requirements.",
  fix: "Add an aws_s3_bucket_versioning with status Enabled (EncryptedBucket does).",
  evaluate: (stack) =>
    stack.resources("aws_s3_bucket").map((bucket) => {
      const enabled = stack.bucketPart(bucket, "aws_s3_bucket_versioning").some((v) => block(v.config.versioning_configuration)?.status === "Enabled");
      return check(bucket.path, enabled, enabled ? "versioning Enabled" : "no enabled versioning configuration");
    }),
};
