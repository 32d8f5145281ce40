import { check, Rule } from "../../rule";

/** A reference to a key resource's ARN, or a literal key ARN (not an alias, not a key id). */
const KEY_ARN = /^(\$\{aws_kms_key\.[^.]+\.arn\}|arn:aws[\w-]*:kms:[\w-]+:\d{12}:key\/[\w-]+)$/;

export const mwaaCustomerManagedKeyArn: Rule = {
  id: "MWAA.CMK_ARN",
  title: "The environment is encrypted with a customer-managed key, given by its ARN",
  evaluates: "kms_key of every aws_mwaa_environment: must be a KMS key ARN (not an id or alias, not unset)",
  sources: ["Playbook 1 (customer-managed KMS keys)", "Seed post: key id instead of ARN failed the deploy"],
  explanation:
    "Without kms_key MWAA uses an AWS-owned key the organization cannot control or audit; given a key id or alias, environment creation fails (NotStabilized).",
  fix: "Set kms_key to the key's ARN (aws_kms_key.<key>.arn), the same key that encrypts the DAG bucket.",
  evaluate: (stack) =>
    stack.resources("aws_mwaa_environment").map((env) => {
      const key = env.config.kms_key;
      return check(env.path, typeof key === "string" && KEY_ARN.test(key), key === undefined ? "no kms_key: AWS-owned key" : `kms_key = ${key}`);
    }),
};
