import { SynthesizedStack } from "../synthesized-stack";
import { PolicyStatement } from "./policy-statement";

/**
 * Who a statement of a resource policy (key, bucket, endpoint, trust) applies to. `"*"` and
 * `{"AWS": "*"}` are everyone, anonymous callers included; a wildcard inside an identifier is
 * treated the same (IAM refuses it, so nothing is lost). `NotPrincipal` applies to everyone it does
 * not list. A statement that names no principal (none, or an empty list) is read as everyone: AWS
 * refuses a resource policy without a Principal (VPC guide, "Control access to VPC endpoints using
 * endpoint policies"), so that reading fails closed and loses nothing.
 */

const isWildcard = (identifier: string) => /[*?]/.test(identifier);

/** Whether the statement applies to anyone at all (before its conditions). */
export function admitsAnyone(statement: PolicyStatement): boolean {
  if (statement.not_principals !== undefined) return true;
  const principals = statement.principals ?? [];
  return principals.length === 0 || principals.some((p) => p.type === "*" || p.identifiers.some(isWildcard));
}

/** An AWS account id: twelve digits. */
export const isAccountId = (text: string): boolean => /^\d{12}$/.test(text);

/**
 * The account a stack deploys to: the one account every AWS provider block pins with
 * `allowed_account_ids`. When the blocks disagree, or one pins none or several, no account counts
 * as the stack's own (PROVIDER.ACCOUNT_PINNED fails the stack), so no grant to "this account" passes.
 */
export function stackAccounts(stack: SynthesizedStack): string[] {
  const pins = stack.awsProviders.map((p) => (Array.isArray(p.allowed_account_ids) && p.allowed_account_ids.length === 1 ? p.allowed_account_ids[0] : undefined));
  const [first] = pins;
  return pins.length > 0 && typeof first === "string" && isAccountId(first) && pins.every((pin) => pin === first) ? [first] : [];
}

/** The current account as Terraform knows it: `${data.aws_caller_identity.<name>.account_id}`. */
const CALLER_ACCOUNT = /^\$\{\s*data\.aws_caller_identity\.[\w-]+\.account_id\s*\}$/;

/**
 * Whether an AWS principal identifier is the root of one of `accounts` (`arn:<partition>:iam::<id>:root`
 * or the bare id, as IAM accepts both), or of the caller's account. With no account known, no
 * named account's root counts.
 */
export function isAccountRoot(identifier: string, accounts: readonly string[]): boolean {
  const match = /^(?:arn:(?:aws[\w-]*|\$\{\s*data\.aws_partition\.[\w-]+\.partition\s*\}):iam::(.+):root|(\d{12}))$/.exec(identifier);
  const account = match?.[1] ?? match?.[2];
  if (account === undefined) return false;
  if (CALLER_ACCOUNT.test(account)) return true;
  return isAccountId(account) && accounts.includes(account);
}
