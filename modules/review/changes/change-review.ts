import { SynthesizedStack } from "../../guardrails/synthesized-stack";
import { REVIEW_PATHS } from "../../synthesis/output-folder";
import { BoundedBlock } from "../bounded-markdown";
import { IAM_COLUMNS } from "../iam-summary";
import { Destruction, destructions } from "./replacements";
import { ResourceChange, resourceChanges } from "./resource-changes";
import { StatementChange, statementChanges } from "./policy-changes";
import { ControlChange, controlChanges, FindingChange, findingChanges } from "./status-changes";
import { SynthesisOnDisk } from "./synthesis-on-disk";

/** What changed from one synth (the base: the target branch, or an earlier cdktf.out) to another (the head). */
export interface ChangeReview {
  readonly base: string;
  readonly head: string;
  readonly stacksAdded: readonly string[];
  readonly stacksRemoved: readonly string[];
  readonly resources: readonly Omit<ResourceChange, "before" | "after">[];
  /** Every resource destroyed or replaced, those that hold data marked with what is lost. */
  readonly destructions: readonly Destruction[];
  readonly statements: readonly StatementChange[];
  readonly findings: readonly FindingChange[];
  readonly newPassingChecks: number;
  readonly gonePassingChecks: number;
  readonly controls: readonly ControlChange[];
}

export const CHANGES_FORMAT = "secure-mwaa-cdktf/changes@1";

export function compareSyntheses(base: SynthesisOnDisk, head: SynthesisOnDisk, names: { base: string; head: string }): ChangeReview {
  const byName = (side: SynthesisOnDisk) => new Map(side.stacks.map((s) => [s.stack.name, s.stack] as [string, SynthesizedStack]));
  const [before, after] = [byName(base), byName(head)];
  const names_ = [...after.keys(), ...[...before.keys()].filter((n) => !after.has(n))];
  const changes = names_.flatMap((n) => resourceChanges(n, before.get(n), after.get(n)));
  const { changes: findings, newPassing, gonePassing } = findingChanges(base.findings, head.findings);
  return {
    base: names.base,
    head: names.head,
    stacksAdded: [...after.keys()].filter((n) => !before.has(n)),
    stacksRemoved: [...before.keys()].filter((n) => !after.has(n)),
    resources: changes.map(({ before: _b, after: _a, ...change }) => change),
    destructions: destructions(changes, after),
    statements: names_.flatMap((n) => statementChanges(n, before.get(n), after.get(n))),
    findings,
    newPassingChecks: newPassing,
    gonePassingChecks: gonePassing,
    controls: controlChanges(base.findings, head.findings),
  };
}

const status = (s: string | undefined) => s ?? "(none)";

function destructionConsequence(d: Destruction): string {
  if (d.kind === "destroyed") return "the apply destroys it: prevent_destroy left with it";
  return d.preventDestroy ? "the plan fails (prevent_destroy): see the README's Changes that replace a resource" : "NOT protected: the apply destroys it";
}

/** The change review as Markdown blocks: what destroys data first, then status changes, policies and resources. */
export function changeBlocks(review: ChangeReview): BoundedBlock[] {
  const losing = review.destructions.filter((d) => d.loses);
  const others = review.destructions.filter((d) => !d.loses);
  const count = (action: string) => review.resources.filter((r) => r.action === action).length;
  const rest = REVIEW_PATHS.changesJson;
  return [
    "## What changed against the base",
    `Compared with the base: ${count("added")} resource(s) added, ${count("removed")} removed, ${count("changed")} changed; ${review.stacksAdded.length} stack(s) added, ${review.stacksRemoved.length} removed. **${losing.length} change(s) destroy or replace a resource that holds data.** Which arguments force a new resource is read from the AWS provider's source (\`modules/review/replacement-arguments.ts\`).`,
    "### Destroys data",
    losing.length === 0
      ? "_No change destroys or replaces a resource that holds data._"
      : { header: ["stack", "resource", "change", "loses", "why", "what happens"], rows: losing.map((d) => [d.stack, d.path, d.kind, d.loses, d.reasons.join("; "), destructionConsequence(d)]), rest },
    ...(others.length > 0
      ? ["### Other resources replaced", { header: ["stack", "resource", "change", "why"], rows: others.map((d) => [d.stack, d.path, d.kind, d.reasons.join("; ")]), rest }]
      : []),
    "### Guardrail status changes",
    review.findings.length === 0
      ? `_No check changed status._ ${review.newPassingChecks} new check(s) pass; ${review.gonePassingChecks} passing check(s) are gone with their resources.`
      : { header: ["environment", "rule", "resource", "before", "after", "evidence"], rows: review.findings.map((f) => [f.group, f.rule, f.resource, status(f.before), status(f.after), f.evidence]), rest },
    ...(review.controls.length > 0
      ? [{ header: ["environment", "playbook control", "before", "after"], rows: review.controls.map((c) => [c.group, c.control, status(c.before), status(c.after)]), rest }]
      : []),
    "### Policy statements added and removed",
    review.statements.length === 0
      ? "_No policy statement added or removed._"
      : { header: ["stack", "change", ...IAM_COLUMNS], rows: review.statements.map((s) => [s.stack, s.action, ...s.row]), rest },
    "### Resources added, removed and changed",
    review.resources.length === 0
      ? "_No resource added, removed or changed._"
      : {
          header: ["stack", "resource", "address", "change", "arguments"],
          rows: review.resources.map((r) => [
            r.stack,
            r.path,
            r.address,
            r.action === "removed" && r.movedTo ? `moved to ${r.movedTo}` : r.action === "removed" && r.forgotten ? "removed from state only (kept in AWS)" : r.action,
            r.arguments.join(", "),
          ]),
          rest,
        },
  ];
}
