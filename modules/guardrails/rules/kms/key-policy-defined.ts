import { check, Rule } from "../../rule";
import { keyPolicySubjects, origin } from "./key-policies";

export const kmsKeyPolicyDefined: Rule = {
  id: "KMS.POLICY_DEFINED",
  title: "Every key has exactly one explicit key policy",
  evaluates: "every aws_kms_key with its policy argument and the aws_kms_key_policy resources: exactly one policy per key",
  sources: ["checkov CKV2_AWS_64", "Project rule: every resource that sets a property counts"],
  explanation:
    "Without a policy the key gets AWS's default, which nobody reviewed for this environment. A key's policy argument and an aws_kms_key_policy (or two of those) contradict each other: whichever Terraform applies last wins, and the review could certify the other.",
  fix: "Give the key one policy from a data.aws_iam_policy_document (CustomerManagedKey does), either as its policy argument or in one aws_kms_key_policy.",
  evaluate: (stack) =>
    keyPolicySubjects(stack).map(({ resource, key, policies }) => {
      if (policies.length === 0) return check(resource, false, "no policy: AWS's default key policy applies");
      if (policies.length > 1) return check(resource, false, `${policies.length} key policies, which contradict: ${policies.map(origin).join(", ")}`);
      const [only] = policies;
      const what = only.reading.readable ? `${only.reading.statements.length} statement(s)` : "unverifiable (see IAM.UNVERIFIABLE_POLICY)";
      return check(resource, true, key ? `one policy (${origin(only)}): ${what}` : `one policy for key_id ${only.via.config.key_id}, a key outside this stack: ${what}`);
    }),
};
