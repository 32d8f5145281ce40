import { SynthesizedStack } from "../../guardrails/synthesized-stack";
import { iamStatementRows } from "../iam-summary";

/** A policy statement (as the review tabulates it) in the head and not the base, or the reverse. */
export interface StatementChange {
  readonly stack: string;
  readonly action: "added" | "removed";
  /** policy, principal, effect, actions, resources, conditions (iam-summary.ts IAM_COLUMNS). */
  readonly row: readonly string[];
}

/**
 * The statements of every IAM, key, bucket and endpoint policy added and removed in one stack. A
 * statement whose actions, resources, principals or conditions change shows as one removed and one
 * added: the reviewer sees both whole. Rows are compared as the review writes them (construct paths,
 * not Terraform ids), so a renamed construct id alone moves nothing.
 */
export function statementChanges(name: string, base: SynthesizedStack | undefined, head: SynthesizedStack | undefined): StatementChange[] {
  const rows = (stack: SynthesizedStack | undefined) => (stack ? iamStatementRows(stack) : []);
  const keyed = (list: string[][]) => new Map(list.map((row) => [JSON.stringify(row), row]));
  const [before, after] = [keyed(rows(base)), keyed(rows(head))];
  return [
    ...[...before].filter(([k]) => !after.has(k)).map(([, row]): StatementChange => ({ stack: name, action: "removed", row })),
    ...[...after].filter(([k]) => !before.has(k)).map(([, row]): StatementChange => ({ stack: name, action: "added", row })),
  ];
}
