import { ownKeyArn } from "../../own-references";
import { check, Rule } from "../../rule";

export const logsKmsEncryption: Rule = {
  id: "LOGS.KMS_ENCRYPTION",
  title: "Log groups are encrypted with a customer-managed key of this stack or the environment's",
  evaluates: "kms_key_id of every aws_cloudwatch_log_group: the ARN of an aws_kms_key of this stack, or literally the environment's encryption.keyArn in this stack's account",
  sources: ["checkov CKV_AWS_158", "Playbook 1"],
  explanation:
    "Airflow task logs and flow logs can hold data and addresses; a customer key puts reading them under its policy. Another account's key puts them under that account's policy, and an expression or alias names a key no rule has seen.",
  fix: "Set kms_key_id to the ARN of a key of this stack (aws_kms_key.<key>.arn) or the environment's encryption.keyArn, and let logs.<region>.amazonaws.com use the key for the group (CustomerManagedKey's logGroupNamePrefixes; for encryption.keyArn, the statements the synth writes for its administrators).",
  evaluate: (stack) =>
    stack.resources("aws_cloudwatch_log_group").map((group) => {
      const key = ownKeyArn(stack, group.config.kms_key_id, { singleRegion: false });
      return check(group.path, key.judged, `kms_key_id = ${key.evidence}`);
    }),
};
