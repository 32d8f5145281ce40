import { narrowsPrincipals } from "../../iam/conditions";
import { admitsAnyone } from "../../iam/principals";
import { allows, sidOf } from "../../iam/policy-statement";
import { check, Rule } from "../../rule";
import { keyPolicySubjects } from "./key-policies";

export const kmsNoWildcardPrincipal: Rule = {
  id: "KMS.NO_WILDCARD_PRINCIPAL",
  title: "No key policy allows any principal without a condition that narrows who",
  evaluates: "every Allow of every key policy (policy argument or aws_kms_key_policy): Principal \"*\" or NotPrincipal only under a condition that narrows who",
  sources: ["checkov CKV_AWS_33", "Playbook 1 (its sample policy's Principal \"*\" is not copied)"],
  explanation:
    "An Allow to Principal \"*\" (or NotPrincipal) lets any AWS account use the key unless a condition narrows who may: aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn, kms:CallerAccount, aws:SourceAccount/aws:SourceArn, aws:SourceVpce with a specific value. A condition that matches everyone (StringLike aws:PrincipalArn \"*\", an ...IfExists operator, aws:SecureTransport) does not count.",
  fix: "Name the principals (the account root, a service), or condition the statement on kms:CallerAccount or aws:PrincipalAccount equal to this account (IAM.OWN_ACCOUNT_GRANTS accepts no other account, nor a whole organization).",
  evaluate: (stack) =>
    keyPolicySubjects(stack).flatMap(({ resource, policies }) => {
      const readable = policies.flatMap((p) => (p.reading.readable ? [p.reading.statements] : []));
      const open = readable.flat().filter((s) => allows(s) && admitsAnyone(s) && !narrowsPrincipals(s));
      // An unverifiable policy is IAM.UNVERIFIABLE_POLICY's: no PASS is given for what was not read.
      if (open.length === 0 && readable.length < policies.length) return [];
      return [check(resource, open.length === 0, open.length === 0 ? "every Allow names its principals or narrows them with a condition" : `Allow to anyone without a condition that narrows who: ${open.map(sidOf).join(", ")}`)];
    }),
};
