import { grantingPatterns } from "../../iam/action-pattern";
import { isAccountRoot, stackAccounts } from "../../iam/principals";
import { PolicyStatement } from "../../iam/policy-statement";
import { keyAdministrationActions } from "../../iam/sensitive-actions";
import { check, Rule } from "../../rule";
import { keyPolicySubjects } from "../kms/key-policies";
import { allows, identityPolicies, listed } from "./identity-policies";

/** The key administration actions `statements` allow, each with the patterns that allow it. */
function administration(statements: readonly PolicyStatement[]): string[] {
  const allowed = statements.filter(allows);
  return keyAdministrationActions().flatMap((action) => {
    const through = [...new Set(allowed.flatMap((s) => grantingPatterns(s, action)))];
    return through.length > 0 ? [`${action} (through ${through.join(", ")})`] : [];
  });
}

/**
 * A key-policy statement for this account's root, or for the key administrators the environment's
 * config names (`encryption.keyAdministratorRoleArns`, set on the stack by the synth), alone: IAM
 * policies then decide for the root, and are judged above; the administrators are the reviewed
 * config's, which refuses the stacks' own roles.
 */
const forAdministratorsOnly = (s: PolicyStatement, accounts: string[], administrators: readonly string[]) =>
  !s.not_principals &&
  (s.principals ?? []).length > 0 &&
  (s.principals ?? []).every((p) => p.type === "AWS" && p.identifiers.every((id) => isAccountRoot(id, accounts) || administrators.includes(id)));

export const iamNoKeyPolicyChanges: Rule = {
  id: "IAM.NO_KEY_ADMINISTRATION",
  title: "Workload roles cannot change or delete keys",
  evaluates: "every Allow of every identity policy and key policy: KMS actions that change a key's policy, grants, state or material (in a key policy, only the account root and the roles of the environment's encryption.keyAdministratorRoleArns may hold them)",
  sources: ["Seed post (its role was given kms:PutKeyPolicy)", "Playbook 3"],
  explanation:
    "A role that can rewrite a key policy or schedule a key's deletion can lock everyone out of the data the key protects. Every KMS action that changes a key's policy, grants, tags, aliases, material, state or Region counts, however the pattern is written (kms:putkeypolicy, kms:Put*, kms:*, NotAction), in identity policies and in key policies, where only the account root and the key administrators the environment's config names (never a role the stacks create) may hold them, in statements for them alone.",
  fix: "Grant only kms:Decrypt, kms:DescribeKey, kms:GenerateDataKey* and kms:Encrypt, through kms:ViaService; leave key administration to the account root's statement of the key policy and to the roles of encryption.keyAdministratorRoleArns.",
  evaluate: (stack) => {
    const accounts = stackAccounts(stack);
    return [
      ...identityPolicies(stack).map(({ resource, statements }) => {
        const admin = administration(statements);
        return check(resource, admin.length === 0, admin.length === 0 ? "no key administration action" : `allows ${listed(admin, 4)}`);
      }),
      ...keyPolicySubjects(stack).flatMap(({ resource, policies }) => {
        const readable = policies.flatMap((p) => (p.reading.readable ? p.reading.statements : []));
        const admin = administration(readable.filter((s) => !forAdministratorsOnly(s, accounts, stack.keyAdministrators)));
        // An unverifiable key policy is IAM.UNVERIFIABLE_POLICY's: no PASS for what was not read.
        if (admin.length === 0 && policies.some((p) => !p.reading.readable)) return [];
        const who = stack.keyAdministrators.length > 0 ? `the account root and encryption.keyAdministratorRoleArns (${stack.keyAdministrators.join(", ")})` : "the account root";
        return [check(resource, admin.length === 0, admin.length === 0 ? `key administration only for ${who}` : `key policy allows principals other than ${who} ${listed(admin, 4)}`)];
      }),
    ];
  },
};
