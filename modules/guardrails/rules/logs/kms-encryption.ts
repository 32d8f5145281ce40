import { check, Rule } from "../../rule";

export const logsKmsEncryption: Rule = {
  id: "LOGS.KMS_ENCRYPTION",
  title: "Log groups are encrypted with a customer-managed key",
  evaluates: "kms_key_id of every aws_cloudwatch_log_group",
  sources: ["checkov CKV_AWS_158", "Playbook 1"],
  explanation: "Airflow task logs and flow logs can hold data and addresses; a customer key puts reading them under its policy.",
  fix: "Set kms_key_id to the key's ARN, and let logs.<region>.amazonaws.com use the key for the group (CustomerManagedKey's logGroupNamePrefixes).",
  evaluate: (stack) =>
    stack.resources("aws_cloudwatch_log_group").map((group) =>
      check(group.path, typeof group.config.kms_key_id === "string", `kms_key_id = ${group.config.kms_key_id ?? "unset"}`),
    ),
};
