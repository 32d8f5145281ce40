import { PolicyStatement, SynthesizedStack } from "./synthesized-stack";

/**
 * A statement of a resource policy (bucket or endpoint policy) as these rules judge it: the
 * negated elements folded into what they grant. `NotPrincipal` in an Allow admits every principal
 * but a few, and `NotResource` every resource but a few, so they read as "*".
 */
export interface ResourcePolicyStatement extends PolicyStatement {
  /** False when the statement had no Principal: read as every principal. */
  readonly namesPrincipals: boolean;
}

/** Arguments of aws_iam_policy_document that merge in statements written elsewhere. */
const MERGED_DOCUMENTS = ["source_policy_documents", "override_policy_documents", "source_json", "override_json"];

/**
 * The statements of a policy argument (a `${data.aws_iam_policy_document.X.json}` reference or JSON
 * text), or undefined when the rules cannot read it: another expression, a document that merges
 * in other documents, JSON that does not parse.
 */
export function readResourcePolicy(stack: SynthesizedStack, policy: unknown): ResourcePolicyStatement[] | undefined {
  if (typeof policy !== "string") return undefined;
  const reference = /^\$\{data\.aws_iam_policy_document\.([^.}]+)\.json\}$/.exec(policy);
  if (reference) {
    const document = stack.json.data?.aws_iam_policy_document?.[reference[1]];
    if (!document || MERGED_DOCUMENTS.some((key) => document[key] !== undefined && document[key] !== null)) return undefined;
  }
  const statements = stack.policyStatements(policy);
  if (!statements) return undefined;
  const raw = reference ? rawDocumentStatements(stack, reference[1]) : rawJsonStatements(policy);
  if (!raw || raw.length !== statements.length) return undefined;
  return statements.map((statement, index) => {
    const negated = raw[index];
    const notPrincipal = negated.not_principals ?? negated.NotPrincipal;
    const notResource = negated.not_resources ?? negated.NotResource;
    return {
      ...statement,
      condition: statement.condition ?? [],
      principals: notPrincipal !== undefined ? [{ type: "*", identifiers: ["*"] }] : statement.principals,
      resources: notResource !== undefined ? ["*"] : statement.resources,
      namesPrincipals: notPrincipal === undefined && statement.principals !== undefined,
    };
  });
}

function rawDocumentStatements(stack: SynthesizedStack, name: string): Record<string, any>[] | undefined {
  const statement = stack.json.data?.aws_iam_policy_document?.[name]?.statement;
  if (statement === undefined) return [];
  return (Array.isArray(statement) ? statement : [statement]).filter((s) => typeof s === "object" && s !== null);
}

function rawJsonStatements(policy: string): Record<string, any>[] | undefined {
  try {
    const statement = JSON.parse(policy).Statement;
    return Array.isArray(statement) ? statement : [statement];
  } catch {
    return undefined;
  }
}

/** Whether a statement applies to every principal: "*", a wildcard identifier, NotPrincipal or no Principal. */
export function appliesToAnyone(statement: ResourcePolicyStatement): boolean {
  if (!statement.namesPrincipals) return true;
  return (statement.principals ?? []).some((p) => p.type === "*" || ([] as unknown[]).concat(p.identifiers ?? []).some((id) => /[*?]/.test(String(id))));
}

/** A statement that grants: anything but a Deny (Allow is the default; a misspelt effect is read as one). */
export const isAllow = (statement: PolicyStatement): boolean => statement.effect !== "Deny";
