import { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { allow, Condition, forPrincipals } from "../iam/policy-statements";

/**
 * One Allow statement of a key policy, as plain data: a created key's policy renders it as a
 * `data.aws_iam_policy_document` statement (which the guardrails read), and the statements a
 * security team must add to a key the stacks do not own render it as IAM JSON. One definition, so
 * both say the same thing.
 */
export interface KeyPolicyStatement {
  readonly sid: string;
  readonly principal: { readonly type: "AWS" | "Service"; readonly identifiers: readonly string[] };
  readonly actions: readonly string[];
  readonly conditions: readonly Condition[];
  /** Why the environment needs it, in a sentence: what the review tells the key's administrators. */
  readonly why: string;
}

/** A key-policy statement as IAM JSON. In a key policy, `Resource: "*"` is the key itself. */
export interface IamKeyPolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow";
  readonly Principal: Record<string, string | string[]>;
  readonly Action: string[];
  readonly Resource: "*";
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

/** One value as a string, several as a list: how the KMS guide writes them. */
const oneOrMany = (values: readonly string[]): string | string[] => (values.length === 1 ? values[0] : [...values]);

export function asIamJson(statement: KeyPolicyStatement): IamKeyPolicyStatement {
  const condition: Record<string, Record<string, string | string[]>> = {};
  for (const { test, variable, values } of statement.conditions) {
    if (condition[test]?.[variable] !== undefined) throw new Error(`key policy statement ${statement.sid} tests ${test} ${variable} twice`);
    condition[test] = { ...condition[test], [variable]: oneOrMany(values) };
  }
  return {
    Sid: statement.sid,
    Effect: "Allow",
    Principal: { [statement.principal.type]: oneOrMany(statement.principal.identifiers) },
    Action: [...statement.actions],
    Resource: "*",
    ...(statement.conditions.length > 0 ? { Condition: condition } : {}),
  };
}

export function asDocumentStatement(statement: KeyPolicyStatement): DataAwsIamPolicyDocumentStatement {
  return forPrincipals(
    allow(statement.sid, [...statement.actions], ["*"], statement.conditions.map((c) => ({ ...c, values: [...c.values] }))),
    statement.principal.type,
    [...statement.principal.identifiers],
  );
}
