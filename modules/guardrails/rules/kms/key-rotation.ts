import { check, Rule } from "../../rule";

export const kmsKeyRotation: Rule = {
  id: "KMS.ROTATION",
  title: "Customer-managed keys rotate",
  evaluates: "enable_key_rotation of every aws_kms_key",
  sources: ["checkov CKV_AWS_7", "Trivy AVD-AWS-0065", "Security Hub KMS.4"],
  explanation: "Yearly rotation limits how much data one key version protects.",
  fix: "Set enable_key_rotation = true (CustomerManagedKey does).",
  evaluate: (stack) =>
    stack.resources("aws_kms_key").map((key) =>
      check(key.path, key.config.enable_key_rotation === true, `enable_key_rotation = ${key.config.enable_key_rotation ?? "unset"}`),
    ),
};
