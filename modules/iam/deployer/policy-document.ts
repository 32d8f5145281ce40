/**
 * IAM policy documents as IAM reads them (the JSON a principal's managed policy holds), built as
 * plain data: the deployer's permissions are a file for an administrator to attach, not a resource
 * of the stacks, so they are written beside the stacks rather than synthesized into them.
 */

/** `{ operator: { key: value(s) } }`, as in a policy's Condition element. */
export type PolicyCondition = Record<string, Record<string, string | string[]>>;

export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow";
  readonly Action: string[];
  readonly Resource: string[];
  readonly Condition?: PolicyCondition;
}

export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: PolicyStatement[];
}

/**
 * IAM's limit on a customer managed policy: 6,144 characters, whitespace not counted (IAM User
 * Guide, "IAM and AWS STS quotas").
 */
export const MANAGED_POLICY_SIZE_LIMIT = 6144;

/** An Allow statement, its actions and resources sorted and without repeats, so output is stable. */
export function allow(sid: string, actions: string[], resources: string[], condition?: PolicyCondition): PolicyStatement {
  const sorted = (values: string[]) => [...new Set(values)].sort();
  return {
    Sid: sid,
    Effect: "Allow",
    Action: sorted(actions),
    Resource: sorted(resources),
    ...(condition ? { Condition: condition } : {}),
  };
}

/** The characters IAM counts against the limit: the JSON without whitespace outside strings. */
export function policySize(document: PolicyDocument): number {
  return JSON.stringify(document).length;
}

/**
 * The statements in as few documents as fit the managed-policy limit, in order. A statement that
 * alone exceeds the limit is an error of this module, not of the user's config.
 */
export function policyDocuments(statements: readonly PolicyStatement[]): PolicyDocument[] {
  const documents: PolicyDocument[] = [];
  let current: PolicyStatement[] = [];
  const document = (list: PolicyStatement[]): PolicyDocument => ({ Version: "2012-10-17", Statement: list });
  for (const statement of statements) {
    if (policySize(document([statement])) > MANAGED_POLICY_SIZE_LIMIT) {
      throw new Error(`deployer policy statement ${statement.Sid} alone exceeds IAM's ${MANAGED_POLICY_SIZE_LIMIT}-character managed-policy limit`);
    }
    if (current.length > 0 && policySize(document([...current, statement])) > MANAGED_POLICY_SIZE_LIMIT) {
      documents.push(document(current));
      current = [];
    }
    current.push(statement);
  }
  if (current.length > 0) documents.push(document(current));
  return documents;
}
