import { grants } from "../../iam/action-pattern";
import { admitsAnyone, isAccountRoot, stackAccounts } from "../../iam/principals";
import { allows, PolicyStatement } from "../../iam/policy-statement";
import { reachesEveryResource } from "../../iam/resource-pattern";
import { allKmsActions } from "../../iam/sensitive-actions";
import { check, Rule } from "../../rule";
import { keyPolicySubjects, origin } from "./key-policies";

/** An AWS principal of the statement is this account's root. */
const namesRoot = (s: PolicyStatement, accounts: string[]) => (s.principals ?? []).some((p) => p.type === "AWS" && p.identifiers.some((id) => isAccountRoot(id, accounts)));

export const kmsRootAdministration: Rule = {
  id: "KMS.ADMINISTRABLE",
  title: "Key policies keep the account root, so the key stays administrable",
  evaluates: "every key policy (policy argument or aws_kms_key_policy): an unconditioned Allow of kms:* to this account's root, and no Deny that takes kms:PutKeyPolicy from it",
  sources: ["Seed post: \"The new key policy will not allow you to update the key policy in the future\""],
  explanation:
    "Without an Allow for arn:aws:iam::<account>:root, KMS refuses the policy, or a mistake locks everyone out of the key for good. The statement must grant every KMS action (kms:*, however written) on the key to this stack's account, unconditioned, and no unconditioned Deny may take kms:PutKeyPolicy away from it.",
  fix: "Keep an Allow kms:* statement for the account root principal (CustomerManagedKey's AccountAdministration).",
  evaluate: (stack) => {
    const accounts = stackAccounts(stack);
    const kms = allKmsActions();
    return keyPolicySubjects(stack)
      .filter((subject) => subject.policies.length > 0)
      .map(({ resource, policies }) => {
        const problems = policies.flatMap((policy) => {
          if (!policy.reading.readable) return [`${origin(policy)} is unverifiable (see IAM.UNVERIFIABLE_POLICY)`];
          const statements = policy.reading.statements;
          const root = statements.find(
            (s) => allows(s) && namesRoot(s, accounts) && !s.condition?.length && !s.not_resources && (s.resources ?? ["*"]).some(reachesEveryResource) && kms.every((a) => grants(s, a)),
          );
          const lockout = statements.find((s) => !allows(s) && grants(s, "kms:PutKeyPolicy") && !s.condition?.length && (admitsAnyone(s) || namesRoot(s, accounts)));
          return [
            ...(root ? [] : [`${origin(policy)} has no unconditioned Allow of every KMS action for the root of ${accounts.length > 0 ? accounts.join(" or ") : "this account"}`]),
            ...(lockout ? [`${origin(policy)} denies kms:PutKeyPolicy to the account (${lockout.sid || "a Deny statement"})`] : []),
          ];
        });
        const sids = policies.flatMap((p) => (p.reading.readable ? p.reading.statements.filter((s) => allows(s) && namesRoot(s, accounts)).map((s) => s.sid || "no sid") : []));
        return check(resource, problems.length === 0, problems.length === 0 ? `account root administers the key (${sids.join(", ")})` : problems.join("; "));
      });
  },
};
