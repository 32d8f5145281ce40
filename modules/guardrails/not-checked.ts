/**
 * Something the config says is someone else's (a network team's VPC, a security team's key) and no
 * rule of these stacks could judge: the review shows it NOT CHECKED, never PASS, and the playbook
 * controls of its rules with it.
 */
export interface NotCheckedRow {
  /** The rules that would judge it, were it in a stack. */
  readonly rules: readonly string[];
  /** What it is, as a resource path acknowledgements and the review use. */
  readonly resource: string;
  readonly status: "NOT CHECKED";
  readonly evidence: string;
}
