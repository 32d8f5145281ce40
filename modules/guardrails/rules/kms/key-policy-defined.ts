import { check, Rule } from "../../rule";

export const kmsKeyPolicyDefined: Rule = {
  id: "KMS.POLICY_DEFINED",
  title: "Every key has an explicit key policy",
  sources: ["checkov CKV2_AWS_64"],
  explanation: "Without a policy the key gets AWS's default, which nobody reviewed for this environment.",
  fix: "Give the key a policy from a data.aws_iam_policy_document (CustomerManagedKey does).",
  evaluate: (stack) =>
    stack.resources("aws_kms_key").map((key) => {
      const statements = stack.policyStatements(key.config.policy);
      return check(key.path, statements !== undefined && statements.length > 0, statements ? `${statements.length} statement(s)` : "no policy");
    }),
};
