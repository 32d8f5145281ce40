import { grantingPatterns } from "../../iam/action-pattern";
import { keyAdministrationActions } from "../../iam/sensitive-actions";
import { check, Rule } from "../../rule";
import { allows, identityPolicies, listed } from "./identity-policies";

export const iamNoKeyPolicyChanges: Rule = {
  id: "IAM.NO_KEY_ADMINISTRATION",
  title: "Workload roles cannot change or delete keys",
  sources: ["Seed post (its role was given kms:PutKeyPolicy)", "Playbook 3"],
  explanation:
    "A role that can rewrite a key policy or schedule a key's deletion can lock everyone out of the data the key protects. Every KMS action that changes a key's policy, grants, tags, aliases, material, state or Region counts, however the pattern is written (kms:putkeypolicy, kms:Put*, kms:*, NotAction).",
  fix: "Grant only kms:Decrypt, kms:DescribeKey, kms:GenerateDataKey* and kms:Encrypt, through kms:ViaService.",
  evaluate: (stack) =>
    identityPolicies(stack).map(({ resource, statements }) => {
      const allowed = statements.filter(allows);
      const admin = keyAdministrationActions().flatMap((action) => {
        const through = [...new Set(allowed.flatMap((s) => grantingPatterns(s, action)))];
        return through.length > 0 ? [`${action} (through ${through.join(", ")})`] : [];
      });
      return check(resource, admin.length === 0, admin.length === 0 ? "no key administration action" : `allows ${listed(admin, 4)}`);
    }),
};
