import { ownKeyArn } from "../../own-references";
import { check, Rule } from "../../rule";

export const mwaaCustomerManagedKeyArn: Rule = {
  id: "MWAA.CMK_ARN",
  title: "The environment is encrypted with a customer-managed key, given by its ARN",
  evaluates:
    "kms_key of every aws_mwaa_environment: the ARN of an aws_kms_key of this stack that is not multi_region, or literally the environment's encryption.keyArn in this stack's account (not a multi-Region mrk- key); not an id, alias, expression, other literal ARN or another account's key",
  sources: ["Playbook 1 (customer-managed KMS keys)", "Seed post: key id instead of ARN failed the deploy"],
  explanation:
    "Without kms_key MWAA uses an AWS-owned key the organization cannot control or audit; given a key id or alias, environment creation fails (NotStabilized). A key of another account puts the environment's data under that account's key policy, and a multi-Region key has replicas elsewhere that decrypt it.",
  fix: "Set kms_key to the key's ARN (aws_kms_key.<key>.arn, or the environment's encryption.keyArn), the same single-Region key that encrypts the DAG bucket.",
  evaluate: (stack) =>
    stack.resources("aws_mwaa_environment").map((env) => {
      const key = ownKeyArn(stack, env.config.kms_key, { singleRegion: true });
      const evidence = env.config.kms_key === undefined ? "no kms_key: AWS-owned key" : key.judged ? `kms_key = ${env.config.kms_key}` : `kms_key = ${key.evidence}`;
      return check(env.path, key.judged, evidence);
    }),
};
