import { PolicyCondition, PolicyStatement } from "./policy-statement";
import { isAccountId } from "./principals";

/**
 * When a condition narrows a grant. A rule that accepts "conditioned" must ask what the condition
 * narrows: `StringLike aws:PrincipalArn "*"` is a condition and restricts nothing. A condition
 * restricts only when all of this holds:
 *
 * - its key is one of the documented keys below, for what the rule needs narrowed: who may act
 *   (the principal facet) or which resources (the resource facet). `aws:SecureTransport` is a
 *   condition on the transport: an Allow to "*" over TLS is still an Allow to everyone, so it
 *   narrows neither. `aws:ResourceAccount` does not narrow "*" resources to a team's own (the
 *   account is shared), and `kms:ViaService` narrows the path, not the caller;
 * - its operator compares for a match (StringEquals, StringLike, ArnEquals, ArnLike...), not
 *   `...IfExists` (true when the key is absent, as these keys are for some callers), not a
 *   negation or `Null`, not `ForAllValues:` (true for an absent or empty key) and `ForAnyValue:`
 *   only on a multivalued key;
 * - every value is specific: no value that matches everything (`*`, an ARN with a wildcard
 *   account, an organization path without its organization id). A reference to this stack's
 *   identifiers is specific; an IAM policy variable is not (it is the caller's own value).
 *
 * Keys from the IAM User Guide's global condition context keys and the KMS condition keys.
 */

export type Facet = "principal" | "resource";

type ValueKind = "account" | "arn" | "organization" | "organization-path" | "vpc" | "vpce" | "tag" | "kms-alias";

interface NarrowingKey {
  readonly facet: Facet;
  readonly kind: ValueKind;
  /** A key that holds a set of values: `ForAnyValue:` is how it is matched. */
  readonly multivalued?: boolean;
}

/** Condition keys (lowercase: IAM compares keys case-insensitively) and what they narrow. */
export const NARROWING_KEYS: Readonly<Record<string, NarrowingKey>> = {
  "aws:principalarn": { facet: "principal", kind: "arn" },
  "aws:principalaccount": { facet: "principal", kind: "account" },
  "aws:principalorgid": { facet: "principal", kind: "organization" },
  "aws:principalorgpaths": { facet: "principal", kind: "organization-path", multivalued: true },
  "aws:sourceaccount": { facet: "principal", kind: "account" },
  "aws:sourcearn": { facet: "principal", kind: "arn" },
  "aws:sourceorgid": { facet: "principal", kind: "organization" },
  "aws:sourceorgpaths": { facet: "principal", kind: "organization-path", multivalued: true },
  "aws:sourcevpc": { facet: "principal", kind: "vpc" },
  "aws:sourcevpce": { facet: "principal", kind: "vpce" },
  "kms:calleraccount": { facet: "principal", kind: "account" },
  "kms:resourcealiases": { facet: "resource", kind: "kms-alias", multivalued: true },
  "kms:requestalias": { facet: "resource", kind: "kms-alias" },
};

/** `aws:ResourceTag/<key>`: only resources carrying the tag. */
const RESOURCE_TAG: NarrowingKey = { facet: "resource", kind: "tag" };

function narrowingKey(variable: string): NarrowingKey | undefined {
  const key = variable.toLowerCase();
  return NARROWING_KEYS[key] ?? (key.startsWith("aws:resourcetag/") && key.length > "aws:resourcetag/".length ? RESOURCE_TAG : undefined);
}

const STRING_OPERATORS = ["StringEquals", "StringEqualsIgnoreCase", "StringLike"];
const ARN_OPERATORS = ["ArnEquals", "ArnLike"];
/** Operators whose values may hold `*` and `?` wildcards. */
const WILDCARD_OPERATORS = ["StringLike", "ArnEquals", "ArnLike"];

/** A Terraform reference to this configuration's values: one specific value. */
const PLACEHOLDER = /(?<!\$)\$\{[^}]*\}/g;
/**
 * An IAM policy variable (`&{aws:PrincipalAccount}`, or `$${...}` as Terraform escapes it): the
 * request's own value, so a condition that compares a caller's attribute with it holds for every
 * caller (`aws:PrincipalAccount` equal to `&{aws:PrincipalAccount}`). No value that holds one counts.
 */
const POLICY_VARIABLE = /&\{[^}]*\}|\$\$\{[^}]*\}/;

/** Whether `condition` narrows `facet` (see above). */
export function restricts(condition: PolicyCondition, facet: Facet): boolean {
  const key = narrowingKey(condition.variable);
  if (!key || key.facet !== facet) return false;
  const match = /^(?:(ForAnyValue|ForAllValues):)?(\w+)$/.exec(condition.test);
  if (!match) return false;
  const [, set, operator] = match;
  if (set === "ForAllValues" || (set === "ForAnyValue" && !key.multivalued)) return false;
  const operators = key.kind === "arn" ? [...STRING_OPERATORS, ...ARN_OPERATORS] : STRING_OPERATORS;
  if (!operators.includes(operator)) return false;
  const wildcards = WILDCARD_OPERATORS.includes(operator);
  return condition.values.length > 0 && condition.values.every((value) => specific(value, key.kind, wildcards));
}

/** Whether a value names something specific, with `*`/`?` read as wildcards when `wildcards`. */
function specific(value: string, kind: ValueKind, wildcards: boolean): boolean {
  if (POLICY_VARIABLE.test(value)) return false;
  const text = value.replace(PLACEHOLDER, "x");
  const literal = (part: string) => part.length > 0 && !(wildcards && /[*?]/.test(part));
  const placeholderOnly = value.replace(PLACEHOLDER, "") === "" && value.length > 0;
  switch (kind) {
    case "account":
      return placeholderOnly || isAccountId(text);
    case "organization":
      return placeholderOnly || /^o-[a-z0-9]{10,32}$/.test(text);
    case "organization-path":
      // o-<org>/r-<root>/...: the organization must be named for the path to narrow anything.
      return /^o-[a-z0-9]{10,32}$/.test(text.split("/")[0]);
    case "vpc":
    case "vpce":
      return placeholderOnly || (literal(text) && text.startsWith(`${kind}-`));
    case "tag":
      return (wildcards ? text.replace(/[*?]/g, "") : text).length > 0;
    case "kms-alias":
      return literal(text) && /^alias\/./.test(text);
    case "arn":
      return placeholderOnly || specificArn(text, wildcards);
  }
}

/**
 * An ARN narrows when its account is named (12 digits), or, for services whose ARNs carry no
 * account (S3 buckets), when the resource's first segment is named.
 */
function specificArn(arn: string, wildcards: boolean): boolean {
  const parts = arn.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return false;
  const account = parts[4];
  if (account !== "") return isAccountId(account) || account === "x";
  const resource = parts.slice(5).join(":").split("/")[0];
  return resource.length > 0 && !(wildcards && /[*?]/.test(resource));
}

/** Whether some condition of the statement narrows who may act (principal facet). */
export const narrowsPrincipals = (statement: PolicyStatement): boolean => (statement.condition ?? []).some((c) => restricts(c, "principal"));

/** Whether some condition of the statement narrows which resources it reaches (resource facet). */
export const narrowsResources = (statement: PolicyStatement): boolean => (statement.condition ?? []).some((c) => restricts(c, "resource"));

/** The conditions on `variable` (any case) that narrow `facet`: e.g. a trust's aws:SourceAccount. */
export const restrictingConditionsOn = (statement: PolicyStatement, variable: string, facet: Facet): PolicyCondition[] =>
  (statement.condition ?? []).filter((c) => c.variable.toLowerCase() === variable.toLowerCase() && restricts(c, facet));
