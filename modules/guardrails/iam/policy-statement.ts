/**
 * One statement of a policy, in the shape of an `aws_iam_policy_document` statement, whether it was
 * read from such a data source or from JSON policy text. Strings are kept as Terraform wrote them:
 * a value may hold a reference (`${aws_s3_bucket.x.arn}/*`) or an IAM policy variable
 * (`$${aws:username}`, `&{aws:username}`); the reader has refused anything else.
 */
export interface PolicyStatement {
  readonly sid?: string;
  /** `Allow` or `Deny` (the reader refuses anything else; a document's default is Allow). */
  readonly effect?: string;
  readonly actions?: string[];
  readonly not_actions?: string[];
  readonly resources?: string[];
  readonly not_resources?: string[];
  /** Type `*` with identifier `*` is the JSON `"Principal": "*"`. */
  readonly principals?: PolicyPrincipal[];
  readonly not_principals?: PolicyPrincipal[];
  readonly condition?: PolicyCondition[];
}

export interface PolicyPrincipal {
  readonly type: string;
  readonly identifiers: string[];
}

export interface PolicyCondition {
  /** The operator, e.g. `StringEquals`, `ForAnyValue:StringLike`, `ArnLikeIfExists`. */
  readonly test: string;
  /** The condition key, e.g. `aws:SourceArn`. */
  readonly variable: string;
  readonly values: string[];
}

export const allows = (s: PolicyStatement): boolean => (s.effect ?? "Allow") === "Allow";

/** How evidence names a statement of a resource policy: its Sid, or that it has none. */
export const sidOf = (s: PolicyStatement): string => s.sid ?? "(no sid)";
