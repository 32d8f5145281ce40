import { PolicyStatement } from "./synthesized-stack";

/**
 * Whether a statement's conditions really narrow who may use an Allow to every principal ("*").
 *
 * INTERIM, kept to this one function on purpose: issue 9's IAM work (branch issue9-iam) builds the
 * documented restricting-condition function in modules/guardrails/iam/conditions.ts; at merge,
 * callers switch to it and this file goes.
 *
 * A condition narrows when all of these hold:
 * - its key names the caller or where the request comes from (NARROWING_KEYS);
 * - its operator matches positively: no `Not...` operator (it admits everything but a few), no
 *   `...IfExists` (a request without the key passes), no `ForAllValues:` (true when the key is absent);
 * - it has values, and none is a pattern that matches anything (`*`, `?*`), an account or
 *   organization id with a wildcard, an ARN whose account is a wildcard, or a /0 network.
 */
export function restrictsPrincipal(statement: PolicyStatement): boolean {
  return (statement.condition ?? []).some(narrows);
}

/** Global condition keys that identify the caller, its organization, or the network it calls from. */
const NARROWING_KEYS = [
  "aws:sourcearn",
  "aws:sourceaccount",
  "aws:sourceowner",
  "aws:sourceorgid",
  "aws:sourceorgpaths",
  "aws:principalarn",
  "aws:principalaccount",
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:userid",
  "aws:sourcevpc",
  "aws:sourcevpce",
  "aws:sourceip",
  "aws:vpcsourceip",
];

const POSITIVE_OPERATORS = ["stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike", "ipaddress"];

/** Keys whose values are account or organization ids: any wildcard in them admits strangers. */
const ID_KEYS = ["aws:sourceaccount", "aws:sourceowner", "aws:sourceorgid", "aws:principalaccount", "aws:principalorgid"];

function narrows(condition: { test: string; variable: string; values: unknown }): boolean {
  const key = String(condition.variable ?? "").toLowerCase();
  const operator = String(condition.test ?? "").toLowerCase().replace(/^foranyvalue:/, "");
  const values = (Array.isArray(condition.values) ? condition.values : [condition.values]).map((v) => String(v));
  if (!NARROWING_KEYS.includes(key) || !POSITIVE_OPERATORS.includes(operator)) return false;
  if (values.length === 0) return false;
  return values.every((value) => {
    if (/^[*?]*$/.test(value)) return false;
    if (ID_KEYS.includes(key) && /[*?]/.test(value)) return false;
    if (value.startsWith("arn:") && /[*?]/.test(value.split(":")[4] ?? "*")) return false;
    if (operator === "ipaddress" && /\/0+$/.test(value)) return false;
    return true;
  });
}
