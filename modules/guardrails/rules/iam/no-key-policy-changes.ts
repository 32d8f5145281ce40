import { check, Rule } from "../../rule";
import { allows, identityPolicies } from "./identity-policies";

const KEY_ADMIN_ACTIONS = /^kms:(PutKeyPolicy|Put\*|CreateGrant|ScheduleKeyDeletion|DisableKey|\*)$/;

export const iamNoKeyPolicyChanges: Rule = {
  id: "IAM.NO_KEY_ADMINISTRATION",
  title: "Workload roles cannot change or delete keys",
  sources: ["Seed post (its role was given kms:PutKeyPolicy)", "Playbook 3"],
  explanation: "A role that can rewrite a key policy or schedule a key's deletion can lock everyone out of the data the key protects.",
  fix: "Grant only kms:Decrypt, kms:DescribeKey, kms:GenerateDataKey* and kms:Encrypt, through kms:ViaService.",
  evaluate: (stack) =>
    identityPolicies(stack).map(({ resource, statements }) => {
      const admin = statements.filter(allows).flatMap((s) => s.actions ?? []).filter((a) => KEY_ADMIN_ACTIONS.test(a));
      return check(resource, admin.length === 0, admin.length === 0 ? "no key administration actions" : `allows ${admin.join(", ")}`);
    }),
};
