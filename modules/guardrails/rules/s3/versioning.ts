import { Rule } from "../../rule";
import { judgeSoleSetting } from "./judge-settings";

export const s3Versioning: Rule = {
  id: "S3.VERSIONING",
  title: "Buckets are versioned",
  evaluates: "every versioning setting of every bucket (aws_s3_bucket_versioning resources and the inline argument), wherever it points: Enabled; several for one bucket fail",
  sources: ["checkov CKV_AWS_21", "MWAA guide: the DAG bucket must be versioned"],
  explanation:
    "Versions undo overwrites and deletions; MWAA needs them to pin plugins and requirements. Every setting counts: an aws_s3_bucket_versioning, tied to a bucket of the stack or not, and the deprecated versioning argument of aws_s3_bucket. Two for one bucket fail (Enabled and Suspended: the last applied wins).",
  fix: "Keep exactly one aws_s3_bucket_versioning per bucket, with status Enabled, and no versioning argument on aws_s3_bucket (EncryptedBucket does).",
  evaluate: (stack) =>
    judgeSoleSetting(stack, "versioning", {
      missing: "no versioning configuration",
      judge: ({ config }) => ({ ok: config.status === "Enabled", evidence: `versioning ${config.status ?? "unset"}` }),
    }),
};
