import { SynthesizedStack } from "../synthesized-stack";
import { PolicyStatement } from "./policy-statement";

/**
 * Who a statement of a resource policy (key, bucket, trust) applies to. `"*"` and `{"AWS": "*"}`
 * are everyone, anonymous callers included; a wildcard inside an identifier is treated the same
 * (IAM refuses it, so nothing is lost). `NotPrincipal` applies to everyone it does not list.
 */

const isWildcard = (identifier: string) => /[*?]/.test(identifier);

/** Whether the statement applies to anyone at all (before its conditions). */
export function admitsAnyone(statement: PolicyStatement): boolean {
  if (statement.not_principals !== undefined) return true;
  return (statement.principals ?? []).some((p) => p.type === "*" || p.identifiers.some(isWildcard));
}

/** The accounts a stack may deploy to: its AWS providers' `allowed_account_ids`. */
export function stackAccounts(stack: SynthesizedStack): string[] {
  const ids = stack.awsProviders.flatMap((p) => (Array.isArray(p.allowed_account_ids) ? p.allowed_account_ids : []));
  return [...new Set(ids.filter((id): id is string => typeof id === "string" && /^\d{12}$/.test(id)))];
}

/** The current account as Terraform knows it: `${data.aws_caller_identity.<name>.account_id}`. */
const CALLER_ACCOUNT = /^\$\{\s*data\.aws_caller_identity\.[\w-]+\.account_id\s*\}$/;

/**
 * Whether an AWS principal identifier is the root of one of `accounts` (`arn:<partition>:iam::<id>:root`
 * or the bare id, as IAM accepts both), or of the caller's account. With no account known, any
 * named account's root counts.
 */
export function isAccountRoot(identifier: string, accounts: readonly string[]): boolean {
  const match = /^(?:arn:(?:aws[\w-]*|\$\{\s*data\.aws_partition\.[\w-]+\.partition\s*\}):iam::(.+):root|(\d{12}))$/.exec(identifier);
  const account = match?.[1] ?? match?.[2];
  if (account === undefined) return false;
  if (CALLER_ACCOUNT.test(account)) return true;
  return /^\d{12}$/.test(account) && (accounts.length === 0 || accounts.includes(account));
}
