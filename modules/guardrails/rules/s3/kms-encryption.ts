import { check, Rule } from "../../rule";
import { isAccessLogTarget } from "./access-log-targets";
import { block } from "../../terraform-document";

export const s3KmsEncryption: Rule = {
  id: "S3.KMS_ENCRYPTION",
  title: "Buckets are encrypted with a customer-managed key (log buckets with SSE-S3)",
  sources: ["checkov CKV_AWS_145", "Trivy AVD-AWS-0132", "Playbook 1", "MWAA guide: the bucket's CMK must be the environment's"],
  explanation:
    "SSE-KMS with a customer-managed key puts reads under the key's policy and in CloudTrail. S3 server access log delivery accepts only SSE-S3 on its target bucket, so a log target is held to SSE-S3 instead.",
  fix: "Add an aws_s3_bucket_server_side_encryption_configuration with sse_algorithm aws:kms and kms_master_key_id set to the key's ARN (EncryptedBucket with kmsKeyArn).",
  evaluate: (stack) =>
    stack.resources("aws_s3_bucket").map((bucket) => {
      const configuration = stack.bucketPart(bucket, "aws_s3_bucket_server_side_encryption_configuration")[0];
      const byDefault = block(block(configuration?.config.rule)?.apply_server_side_encryption_by_default);
      if (isAccessLogTarget(stack, bucket)) {
        return check(bucket.path, byDefault?.sse_algorithm === "AES256", `access log target: sse_algorithm = ${byDefault?.sse_algorithm ?? "unset"} (SSE-S3 required)`);
      }
      const ok = byDefault?.sse_algorithm === "aws:kms" && typeof byDefault.kms_master_key_id === "string";
      return check(bucket.path, ok, byDefault ? `sse_algorithm = ${byDefault.sse_algorithm}, key = ${byDefault.kms_master_key_id ?? "AWS managed"}` : "no default encryption configured");
    }),
};
