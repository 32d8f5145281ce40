import { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";

/**
 * Small builders for IAM policy statements, so every policy reads as a list of intentions and
 * renders as a structured `data.aws_iam_policy_document` that reviewers, checkov and Trivy can read.
 */

export interface Condition {
  readonly test: string;
  readonly variable: string;
  readonly values: string[];
}

export function allow(
  sid: string,
  actions: string[],
  resources: string[],
  conditions: Condition[] = [],
): DataAwsIamPolicyDocumentStatement {
  return statement("Allow", sid, actions, resources, conditions);
}

export function deny(
  sid: string,
  actions: string[],
  resources: string[],
  conditions: Condition[] = [],
): DataAwsIamPolicyDocumentStatement {
  return statement("Deny", sid, actions, resources, conditions);
}

/** A trust-policy statement names no resource: leave `resources` empty. */
function statement(
  effect: "Allow" | "Deny",
  sid: string,
  actions: string[],
  resources: string[],
  conditions: Condition[],
): DataAwsIamPolicyDocumentStatement {
  return {
    sid,
    effect,
    actions,
    ...(resources.length > 0 ? { resources } : {}),
    ...(conditions.length > 0 ? { condition: conditions } : {}),
  };
}

/** A statement of a resource policy or trust policy: the same, with the principals it applies to. */
export function forPrincipals(
  statement: DataAwsIamPolicyDocumentStatement,
  type: "AWS" | "Service" | "*",
  identifiers: string[],
): DataAwsIamPolicyDocumentStatement {
  return { ...statement, principals: [{ type, identifiers }] };
}

/** `aws:SourceAccount` and `aws:SourceArn` conditions against the confused-deputy problem. */
export function fromSource(account: string, sourceArn: string): Condition[] {
  return [
    { test: "StringEquals", variable: "aws:SourceAccount", values: [account] },
    { test: "ArnLike", variable: "aws:SourceArn", values: [sourceArn] },
  ];
}
