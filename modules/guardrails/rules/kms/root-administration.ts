import { check, Rule } from "../../rule";

export const kmsRootAdministration: Rule = {
  id: "KMS.ADMINISTRABLE",
  title: "Key policies keep the account root, so the key stays administrable",
  sources: ["Seed post: \"The new key policy will not allow you to update the key policy in the future\""],
  explanation:
    "Without an Allow for arn:aws:iam::<account>:root, KMS refuses the policy, or a mistake locks everyone out of the key for good.",
  fix: "Keep an Allow kms:* statement for the account root principal (CustomerManagedKey's AccountAdministration).",
  evaluate: (stack) =>
    stack.resources("aws_kms_key").map((key) => {
      const root = (stack.policyStatements(key.config.policy) ?? []).find(
        (s) =>
          (s.effect ?? "Allow") === "Allow" &&
          (s.actions ?? []).includes("kms:*") &&
          (s.principals ?? []).some((p) => p.type === "AWS" && p.identifiers.some((id) => /^arn:aws[\w-]*:iam::\d{12}:root$/.test(id))),
      );
      return check(key.path, root !== undefined, root ? `account root administers the key (${root.sid ?? "no sid"})` : "no account-root statement");
    }),
};
