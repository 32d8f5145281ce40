import { templateExpressions } from "../../terraform/template-syntax";
import { TerraformDocument } from "../terraform-document";
import { PolicyCondition, PolicyPrincipal, PolicyStatement } from "./policy-statement";

/**
 * Reads a policy argument (`policy`, `assume_role_policy`...) of a written stack into statements,
 * or says why it cannot be read statically. Readable are a `${data.aws_iam_policy_document.X.json}`
 * of this stack (its `source_policy_documents`, `override_policy_documents`, `source_json` and
 * `override_json` merged as the provider merges them, when they are themselves readable) and JSON
 * policy text. Anything whose value only `terraform plan` knows is not: a function (`jsonencode`,
 * `templatefile`...), a variable or local, another resource's attribute, another stack's output,
 * a counted or dynamic document. So are field values that could be anything: the effect, actions,
 * principal types and condition operators and keys must be literal; resources, principals and
 * condition values may also reference AWS identifiers (ARNs, ids, names) of this stack.
 */

export type PolicyReading =
  | { readonly readable: true; readonly statements: PolicyStatement[] }
  | { readonly readable: false; readonly reason: string };

class Unreadable extends Error {}

const unreadable = (reason: string) => new Unreadable(reason);

export function readPolicy(doc: TerraformDocument, value: unknown): PolicyReading {
  try {
    return { readable: true, statements: readPolicyValue(doc, value, []) };
  } catch (error) {
    if (error instanceof Unreadable) return { readable: false, reason: error.message };
    throw error;
  }
}

const DOCUMENT_REFERENCE = /^\$\{\s*data\.aws_iam_policy_document\.([\w-]+)\.(?:json|minified_json)\s*\}$/;

function readPolicyValue(doc: TerraformDocument, value: unknown, seen: string[]): PolicyStatement[] {
  if (typeof value !== "string") throw unreadable(`not policy text but ${value === null ? "null" : Array.isArray(value) ? "a list" : typeof value}`);
  const reference = DOCUMENT_REFERENCE.exec(value);
  if (reference) return readDocument(doc, reference[1], seen);
  const expressions = templateExpressions(value);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    if (expressions.length > 0) throw unreadable(describeTemplate(value, expressions));
    throw unreadable("not valid JSON policy text");
  }
  return readJsonPolicy(doc, parsed);
}

/** Why a template that is not a readable policy cannot be read, for the evidence. */
function describeTemplate(value: string, expressions: string[]): string {
  const body = expressions[0].trim();
  const call = /^(?:provider::[\w-]+::)?([A-Za-z_][\w]*(?:::[\w]+)*)\s*\(/.exec(body);
  const whole = value.trim() === `\${${expressions[0]}}`;
  if (call) return `built with ${call[1]}(...), whose result only terraform plan knows`;
  const counted = /^data\.aws_iam_policy_document\.([\w-]+)\[/.exec(body);
  if (counted) return `data.aws_iam_policy_document.${counted[1]} is counted or for_each: which instance applies only terraform plan knows`;
  const name = /^data\.aws_iam_policy_document\.([\w-]+)\./.exec(body);
  if (name) return `data.aws_iam_policy_document.${name[1]} is not in this stack`;
  const shown = body.length > 80 ? `${body.slice(0, 77)}...` : body;
  return whole ? `${shown}: not a data.aws_iam_policy_document of this stack` : `a template with \${${shown}}`;
}

const isObject = (v: unknown): v is Record<string, any> => typeof v === "object" && v !== null && !Array.isArray(v);

const DOCUMENT_ARGUMENTS = ["//", "statement", "version", "policy_id", "source_policy_documents", "override_policy_documents", "source_json", "override_json", "depends_on", "provider", "lifecycle"];
const STATEMENT_ARGUMENTS = ["sid", "effect", "actions", "not_actions", "resources", "not_resources", "principals", "not_principals", "condition"];

/** A `data.aws_iam_policy_document`, merged with its source and override documents. */
function readDocument(doc: TerraformDocument, name: string, seen: string[]): PolicyStatement[] {
  const where = `data.aws_iam_policy_document.${name}`;
  if (seen.includes(name)) throw unreadable(`${where} includes itself`);
  const body = doc.data?.aws_iam_policy_document?.[name];
  if (!isObject(body)) throw unreadable(`${where} is not in this stack`);
  const other = Object.keys(body).find((key) => !DOCUMENT_ARGUMENTS.includes(key));
  if (other) throw unreadable(`${where} has ${other}: its statements are decided at plan time`);
  const include = (value: unknown, field: string) => {
    try {
      return readPolicyValue(doc, value, [...seen, name]);
    } catch (error) {
      if (error instanceof Unreadable) throw unreadable(`${where}.${field}: ${error.message}`);
      throw error;
    }
  };
  const documents = (field: string): unknown[] => {
    const value = body[field];
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw unreadable(`${where}.${field} is ${describeValue(value)}, not a list of documents`);
    return value;
  };
  // The provider's order: source_json, source_policy_documents, the statements, then the overrides.
  let merged: PolicyStatement[] = [];
  if (body.source_json !== undefined) merged = mergeStatements(merged, include(body.source_json, "source_json"));
  documents("source_policy_documents").forEach((d, i) => (merged = mergeStatements(merged, include(d, `source_policy_documents[${i}]`))));
  merged = mergeStatements(merged, documentStatements(doc, where, body.statement));
  documents("override_policy_documents").forEach((d, i) => (merged = mergeStatements(merged, include(d, `override_policy_documents[${i}]`))));
  if (body.override_json !== undefined) merged = mergeStatements(merged, include(body.override_json, "override_json"));
  return merged;
}

/** The provider's merge: a statement with a Sid replaces the earlier one with that Sid. */
function mergeStatements(into: PolicyStatement[], incoming: PolicyStatement[]): PolicyStatement[] {
  const out = [...into];
  for (const statement of incoming) {
    const same = statement.sid ? out.findIndex((s) => s.sid === statement.sid) : -1;
    if (same >= 0) out[same] = statement;
    else out.push(statement);
  }
  return out;
}

const describeValue = (value: unknown) => (typeof value === "string" ? JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value) : Array.isArray(value) ? "a list" : typeof value);

function documentStatements(doc: TerraformDocument, where: string, value: unknown): PolicyStatement[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((s, i) => {
    const at = `${where}.statement[${i}]`;
    if (!isObject(s)) throw unreadable(`${at} is ${describeValue(s)}`);
    const other = Object.keys(s).find((key) => !STATEMENT_ARGUMENTS.includes(key));
    if (other) throw unreadable(`${at} has ${other}: its content is decided at plan time`);
    const field = new Field(doc, at);
    return {
      ...(s.sid !== undefined ? { sid: field.literal(s.sid, "sid") } : {}),
      effect: effectOf(field, s.effect ?? "Allow", "effect"),
      ...optional("actions", s.actions, (v) => field.list(v, "actions", "literal")),
      ...optional("not_actions", s.not_actions, (v) => field.list(v, "not_actions", "literal")),
      ...optional("resources", s.resources, (v) => field.list(v, "resources", "value")),
      ...optional("not_resources", s.not_resources, (v) => field.list(v, "not_resources", "value")),
      ...optional("principals", s.principals, (v) => documentPrincipals(field, v, "principals")),
      ...optional("not_principals", s.not_principals, (v) => documentPrincipals(field, v, "not_principals")),
      ...optional("condition", s.condition, (v) => documentConditions(field, v)),
    };
  });
}

const optional = <T>(key: string, value: unknown, read: (v: unknown) => T): Record<string, T> => (value === undefined ? {} : { [key]: read(value) });

function effectOf(field: Field, value: unknown, name: string): string {
  const effect = field.literal(value, name);
  if (effect !== "Allow" && effect !== "Deny") throw unreadable(`${field.where}.${name} is ${describeValue(effect)}, neither Allow nor Deny`);
  return effect;
}

function blockList(field: Field, value: unknown, name: string): Record<string, any>[] {
  const list = Array.isArray(value) ? value : [value];
  if (!list.every(isObject)) throw unreadable(`${field.where}.${name} is ${describeValue(value)}, not blocks`);
  return list;
}

function documentPrincipals(field: Field, value: unknown, name: string): PolicyPrincipal[] {
  return blockList(field, value, name).map((p) => ({
    type: field.literal(p.type, `${name}.type`),
    identifiers: field.list(p.identifiers, `${name}.identifiers`, "value"),
  }));
}

function documentConditions(field: Field, value: unknown): PolicyCondition[] {
  return blockList(field, value, "condition").map((c) => ({
    test: field.literal(c.test, "condition.test"),
    variable: field.literal(c.variable, "condition.variable"),
    values: field.list(c.values, "condition.values", "value"),
  }));
}

const JSON_POLICY_KEYS = ["Version", "Id", "Statement"];
const JSON_STATEMENT_KEYS = ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition"];

/** A policy written as JSON text. Element names are IAM's, case-sensitive; any other is refused. */
function readJsonPolicy(doc: TerraformDocument, parsed: unknown): PolicyStatement[] {
  if (!isObject(parsed)) throw unreadable("JSON policy text that is not an object");
  const other = Object.keys(parsed).find((key) => !JSON_POLICY_KEYS.includes(key));
  if (other) throw unreadable(`JSON policy with an element ${other}`);
  const statements = Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement === undefined ? [] : [parsed.Statement];
  return statements.map((s: unknown, i: number) => {
    const field = new Field(doc, `Statement[${i}]`);
    if (!isObject(s)) throw unreadable(`${field.where} is ${describeValue(s)}`);
    const unknown = Object.keys(s).find((key) => !JSON_STATEMENT_KEYS.includes(key));
    if (unknown) throw unreadable(`${field.where} has an element ${unknown}`);
    return {
      ...(s.Sid !== undefined ? { sid: field.literal(s.Sid, "Sid") } : {}),
      effect: effectOf(field, s.Effect, "Effect"),
      ...optional("actions", s.Action, (v) => field.list(v, "Action", "literal", true)),
      ...optional("not_actions", s.NotAction, (v) => field.list(v, "NotAction", "literal", true)),
      ...optional("resources", s.Resource, (v) => field.list(v, "Resource", "value", true)),
      ...optional("not_resources", s.NotResource, (v) => field.list(v, "NotResource", "value", true)),
      ...optional("principals", s.Principal, (v) => jsonPrincipals(field, v, "Principal")),
      ...optional("not_principals", s.NotPrincipal, (v) => jsonPrincipals(field, v, "NotPrincipal")),
      ...optional("condition", s.Condition, (v) => jsonConditions(field, v)),
    };
  });
}

function jsonPrincipals(field: Field, value: unknown, name: string): PolicyPrincipal[] {
  if (value === "*") return [{ type: "*", identifiers: ["*"] }];
  if (!isObject(value)) throw unreadable(`${field.where}.${name} is ${describeValue(value)}`);
  return Object.entries(value).map(([type, ids]) => ({
    type: field.literal(type, `${name} type`),
    identifiers: field.list(ids, `${name}.${type}`, "value", true),
  }));
}

function jsonConditions(field: Field, value: unknown): PolicyCondition[] {
  if (!isObject(value)) throw unreadable(`${field.where}.Condition is ${describeValue(value)}`);
  return Object.entries(value).flatMap(([test, keys]) => {
    if (!isObject(keys)) throw unreadable(`${field.where}.Condition.${test} is ${describeValue(keys)}`);
    return Object.entries(keys).map(([variable, values]) => ({
      test: field.literal(test, "Condition operator"),
      variable: field.literal(variable, `Condition.${test} key`),
      values: field.list(values, `Condition.${test}.${variable}`, "value", true),
    }));
  });
}

/**
 * Attributes of an AWS resource or data source that hold an identifier AWS derives or validates
 * (no wildcard can hide there): what a policy field may reference. Free-form attributes (an SSM
 * parameter's value, a terraform_data output) could hold "*", and are refused.
 */
const IDENTIFIER_ATTRIBUTE = /^(arn|id|name|key_id|account_id|partition|dns_suffix|region|bucket|unique_id|\w+_arn|\w+_id)$/;
const REFERENCE = /^\s*(data\.)?(aws_[a-z0-9_]+)\.([\w-]+)((?:\[\d+\])?)\.([a-z_][a-z0-9_]*)\s*$/;
/**
 * Data sources whose attributes AWS reports about the caller's own context. Any other data source
 * echoes what it was given or found (`data.aws_arn` returns its input, "arn:aws:s3:::*" included),
 * so a policy field may not reference it.
 */
const CONTEXT_DATA_SOURCES: Readonly<Record<string, readonly string[]>> = {
  aws_caller_identity: ["account_id", "arn", "id", "user_id"],
  aws_partition: ["partition", "dns_suffix", "id"],
  aws_region: ["name", "region", "id"],
};

/** Reads the fields of one statement, refusing values that only `terraform plan` knows. */
class Field {
  constructor(
    private readonly doc: TerraformDocument,
    readonly where: string,
  ) {}

  /** A value that must be written out: no expression at all. */
  literal(value: unknown, name: string): string {
    const text = this.text(value, name);
    if (templateExpressions(text).length > 0) throw unreadable(`${this.where}.${name} is ${describeValue(text)}: an expression where a literal is needed`);
    return text;
  }

  /** A value that may reference an AWS identifier of this stack, with literal text around it. */
  value(value: unknown, name: string): string {
    const text = this.text(value, name);
    for (const body of templateExpressions(text)) {
      const reference = REFERENCE.exec(body);
      const known = reference && this.doc[reference[1] ? "data" : "resource"]?.[reference[2]]?.[reference[3]] !== undefined;
      const trusted = reference && (reference[1] ? CONTEXT_DATA_SOURCES[reference[2]]?.includes(reference[5]) : IDENTIFIER_ATTRIBUTE.test(reference[5]));
      if (!reference || !known || !trusted || !text.includes(`\${${body}}`)) {
        throw unreadable(`${this.where}.${name} holds \${${body.trim()}}, which could be anything`);
      }
    }
    return text;
  }

  list(value: unknown, name: string, kind: "literal" | "value", single = false): string[] {
    const items = Array.isArray(value) ? value : single ? [value] : undefined;
    if (!items) throw unreadable(`${this.where}.${name} is ${describeValue(value)}, not a list`);
    return items.map((item) => this[kind](item, name));
  }

  private text(value: unknown, name: string): string {
    if (typeof value === "string") return value;
    if (typeof value === "boolean" || typeof value === "number") return String(value);
    throw unreadable(`${this.where}.${name} is ${describeValue(value)}`);
  }
}
