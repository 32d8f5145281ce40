import { restricts } from "../../iam/conditions";
import { policyArguments } from "../../iam/policy-routes";
import { isAccountRoot, stackAccounts } from "../../iam/principals";
import { allows, PolicyStatement, sidOf } from "../../iam/policy-statement";
import { check, Evaluation, Rule } from "../../rule";
import { SynthesizedStack } from "../../synthesized-stack";

/** Endpoint policies say what callers in the VPC may reach: Principal "*" is their norm (VPC.ENDPOINT_POLICIES judges them). */
const ENDPOINT_POLICY_TYPES = ["aws_vpc_endpoint", "aws_vpc_endpoint_policy"];
/** Condition keys whose value is the calling account. */
const ACCOUNT_KEYS = ["aws:principalaccount", "aws:sourceaccount", "kms:calleraccount"];
/** This stack's account as Terraform knows it. */
const CALLER_ACCOUNT = /^\$\{data\.aws_caller_identity\.[\w-]+\.account_id\}$/;
/** A reference to an identity of this stack (a role's or user's ARN): in this stack's account. */
const OWN_IDENTITY = /^\$\{(aws_iam_role|aws_iam_user|aws_iam_group)\.[\w-]+\.(arn|unique_id)\}$/;

const ownAccount = (value: string, accounts: readonly string[]) => CALLER_ACCOUNT.test(value) || accounts.includes(value);

/** Whether an AWS principal identifier is in this stack's account. */
function ownIdentifier(identifier: string, accounts: readonly string[]): boolean {
  if (accounts.length > 0 && isAccountRoot(identifier, accounts)) return true;
  if (OWN_IDENTITY.test(identifier) || CALLER_ACCOUNT.test(identifier)) return true;
  const arnAccount = /^arn:aws[\w-]*:(?:iam|sts)::([^:]+):/.exec(identifier)?.[1];
  return arnAccount !== undefined && ownAccount(arnAccount, accounts) && !/[*?]/.test(identifier);
}

/** Whether a condition of the statement limits the callers to this stack's account. */
function narrowedToOwnAccount(statement: PolicyStatement, accounts: readonly string[]): boolean {
  return (statement.condition ?? []).some(
    (c) => ACCOUNT_KEYS.includes(c.variable.toLowerCase()) && restricts(c, "principal") && c.values.every((v) => ownAccount(v, accounts)),
  );
}

/** What in one Allow reaches beyond this stack's account, if anything. */
function foreignGrants(statement: PolicyStatement, accounts: readonly string[]): string[] {
  if (statement.not_principals !== undefined) return narrowedToOwnAccount(statement, accounts) ? [] : ["NotPrincipal (everyone it does not list)"];
  return (statement.principals ?? []).flatMap(({ type, identifiers }) => {
    if (type === "Service") return [];
    if (type === "*" || identifiers.includes("*")) return narrowedToOwnAccount(statement, accounts) ? [] : [`${type} "*" without a condition limiting it to this account`];
    if (type === "AWS") return identifiers.filter((id) => !ownIdentifier(id, accounts)).map((id) => `AWS ${id}`);
    return identifiers.map((id) => `${type} ${id}`);
  });
}

export const iamOwnAccountGrants: Rule = {
  id: "IAM.OWN_ACCOUNT_GRANTS",
  title: "Key and resource policies grant nothing beyond this stack's account",
  evaluates: "every Allow of every key policy and resource policy (bucket policies and any other policy argument, endpoint policies aside): its principals are AWS services or identities of this stack's account, and \"*\" or NotPrincipal only under a condition limiting callers to this account",
  sources: ["Playbook 1 and 3 (keys and data stay in the account)", "AWS data perimeter: identity perimeter"],
  explanation:
    "A key policy that names another account's root lets that account decrypt everything the key protects; a bucket policy that admits \"*\" narrowed to another account's principals shares every object with it. Principals count by what IAM evaluates: an account root, a bare account id, a role or user ARN, \"*\" and NotPrincipal; a condition counts only when it limits aws:PrincipalAccount, aws:SourceAccount or kms:CallerAccount to this stack's account (allowed_account_ids).",
  fix: "Name only this account's identities (its root, its roles) or AWS service principals; share data with another account through a reviewed acknowledgement, never a wildcard.",
  evaluate: (stack: SynthesizedStack) => {
    const accounts = stackAccounts(stack);
    return policyArguments(stack)
      .filter((p) => (p.kind === "key" || p.kind === "resource") && !ENDPOINT_POLICY_TYPES.includes(p.resource.type))
      .flatMap((p): Evaluation[] => {
        const reading = stack.readPolicy(p.value);
        if (!reading.readable) return []; // IAM.UNVERIFIABLE_POLICY fails it
        const foreign = reading.statements.filter(allows).flatMap((s) => foreignGrants(s, accounts).map((g) => `${sidOf(s)}: ${g}`));
        const where = `${p.resource.path}${p.argument === "policy" ? "" : ` (${p.argument})`}`;
        return [check(where, foreign.length === 0, foreign.length === 0 ? "grants only to this account's identities and AWS services" : `grants beyond this account: ${foreign.join("; ")}`)];
      });
  },
};
