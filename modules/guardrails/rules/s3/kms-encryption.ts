import { BucketSetting } from "../../bucket-parts";
import { ownKeyArn } from "../../own-references";
import { Rule } from "../../rule";
import { SynthesizedStack } from "../../synthesized-stack";
import { block } from "../../terraform-document";
import { isAccessLogTarget } from "./access-log-targets";
import { judgeSoleSetting, Verdict } from "./judge-settings";

/** Server-side encryption with KMS, single- or dual-layer. */
const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

export const s3KmsEncryption: Rule = {
  id: "S3.KMS_ENCRYPTION",
  title: "Buckets are encrypted with a customer-managed key (log buckets with SSE-S3)",
  evaluates: "every default-encryption setting of every bucket (aws_s3_bucket_server_side_encryption_configuration resources and the inline argument), wherever it points: SSE-KMS with a key of this stack (by reference) or the environment's encryption.keyArn; several for one bucket fail; access-log targets must use SSE-S3",
  sources: ["checkov CKV_AWS_145", "Trivy AVD-AWS-0132", "Playbook 1", "MWAA guide: the bucket's CMK must be the environment's"],
  explanation:
    "SSE-KMS with a customer-managed key puts reads under the key's policy and in CloudTrail. S3 server access log delivery accepts only SSE-S3 on its target bucket, so a log target is held to SSE-S3 instead. Every setting counts (the separate resource, tied by reference or by literal name or not at all, and the deprecated server_side_encryption_configuration argument); two for one bucket fail, and a part for a bucket outside the stack must use a KMS key (whether that bucket is a log target cannot be seen).",
  fix: "Keep exactly one aws_s3_bucket_server_side_encryption_configuration per bucket, with sse_algorithm aws:kms and kms_master_key_id set to the key's ARN: aws_kms_key.<key>.arn, or the environment's encryption.keyArn (EncryptedBucket with kmsKeyArn).",
  evaluate: (stack) =>
    judgeSoleSetting(stack, "encryption", {
      missing: "no default encryption configured",
      judge: (setting, bucket) => (bucket && isAccessLogTarget(stack, bucket) ? sseS3(setting) : customerKey(stack, setting)),
    }),
};

const defaults = (setting: BucketSetting) => (setting.config.rules as Record<string, any>[]).map((r) => block(r.apply_server_side_encryption_by_default));

/**
 * SSE-KMS with the environment's key: a key of this stack by reference, or the environment's
 * encryption.keyArn literally (own-references.ts). Any other key id, alias or ARN names a key no
 * rule has seen: alias/aws/s3 or an AWS-managed key's ARN lets every principal of the account that
 * may read the bucket decrypt it.
 */
function customerKey(stack: SynthesizedStack, setting: BucketSetting): Verdict {
  const rules = defaults(setting);
  const keys = rules.map((d) => (d?.kms_master_key_id === undefined ? undefined : ownKeyArn(stack, d.kms_master_key_id, { singleRegion: false })));
  const ok = rules.length > 0 && rules.every((d, i) => KMS_ALGORITHMS.includes(d?.sse_algorithm) && keys[i]?.judged === true);
  const found = rules
    .map((d, i) => (d ? `sse_algorithm = ${d.sse_algorithm}, key = ${keys[i]?.evidence ?? "AWS managed"}` : "a rule without a default"))
    .join("; ");
  return { ok, evidence: found || "no encryption rule" };
}

function sseS3(setting: BucketSetting): Verdict {
  const rules = defaults(setting);
  const ok = rules.length > 0 && rules.every((d) => d?.sse_algorithm === "AES256");
  return { ok, evidence: `access log target: sse_algorithm = ${rules.map((d) => d?.sse_algorithm ?? "unset").join(", ") || "unset"} (SSE-S3 required)` };
}
