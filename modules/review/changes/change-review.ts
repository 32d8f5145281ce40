import { SynthesizedStack } from "../../guardrails/synthesized-stack";
import { REVIEW_PATHS } from "../../synthesis/output-folder";
import { BoundedBlock } from "../bounded-markdown";
import { IAM_COLUMNS } from "../iam-summary";
import { Destruction, destructions } from "./replacements";
import { BlockChange, blockChanges, ResourceChange, resourceChanges } from "./resource-changes";
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
  /** Outputs, locals, variables, data sources, providers, backends, moved and removed blocks that differ. */
  readonly blocks: readonly BlockChange[];
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
  const blocks = names_.flatMap((n) => blockChanges(n, before.get(n), after.get(n)));
  const removedStacks = new Set([...before.keys()].filter((n) => !after.has(n)));
  const { changes: findings, newPassing, gonePassing } = findingChanges(base.findings, head.findings);
  return {
    base: names.base,
    head: names.head,
    stacksAdded: [...after.keys()].filter((n) => !before.has(n)),
    stacksRemoved: [...before.keys()].filter((n) => !after.has(n)),
    resources: changes.map(({ before: _b, after: _a, ...change }) => change),
    blocks,
    destructions: destructions(changes, blocks, after, removedStacks),
    statements: names_.flatMap((n) => statementChanges(n, before.get(n), after.get(n))),
    findings,
    newPassingChecks: newPassing,
    gonePassingChecks: gonePassing,
    controls: controlChanges(base.findings, head.findings),
  };
}

const status = (s: string | undefined) => s ?? "(none)";

function destructionConsequence(d: Destruction): string {
  if (d.kind === "left unmanaged") return "stays in AWS, managed by nothing: destroy it deliberately with the old code, or keep its stack";
  if (d.kind === "destroyed") return "the apply destroys it";
  return d.preventDestroy ? "the plan fails (prevent_destroy): see the README's Changes that replace a resource" : "NOT protected: the apply destroys it";
}

/**
 * The change review as Markdown blocks, in two parts: what a reviewer must weigh (what destroys data,
 * other replacements, guardrail status changes), and what it rests on (policy statements, resources
 * and other blocks changed). The comment puts the first after the summary's verdict and folds the
 * second after the summary's tables.
 */
export function changeBlocks(review: ChangeReview): { headline: BoundedBlock[]; detail: BoundedBlock[] } {
  const losing = review.destructions.filter((d) => d.loses);
  const others = review.destructions.filter((d) => !d.loses);
  const count = (action: string) => review.resources.filter((r) => r.action === action).length;
  const rest = REVIEW_PATHS.changesJson;
  const headline: BoundedBlock[] = [
    "## What changed against the base",
    `Compared with the base: ${count("added")} resource(s) added, ${count("removed")} removed, ${count("changed")} changed, ${count("moved")} moved; ${review.blocks.length} other block(s) changed; ${review.stacksAdded.length} stack(s) added, ${review.stacksRemoved.length} removed. **${losing.length} change(s) destroy or replace a resource that holds data.** Which arguments force a new resource is read from the AWS provider's source (\`modules/review/replacement-arguments.ts\`).`,
    "### Destroys data",
    losing.length === 0
      ? "_No change destroys or replaces a resource that holds data._"
      : { header: ["stack", "resource", "change", "loses", "why", "what happens"], rows: losing.map((d) => [d.stack, d.path, d.kind, d.loses, d.reasons.join("; "), destructionConsequence(d)]), rest },
    ...(others.length > 0
      ? ["### Other resources replaced or left unmanaged", { header: ["stack", "resource", "change", "why"], rows: others.map((d) => [d.stack, d.path, d.kind, d.reasons.join("; ")]), rest }]
      : []),
    "### Guardrail status changes",
    review.findings.length === 0
      ? `_No check changed status._ ${review.newPassingChecks} new check(s) pass; ${review.gonePassingChecks} passing check(s) are gone with their resources.`
      : { header: ["environment", "rule", "resource", "before", "after", "evidence"], rows: review.findings.map((f) => [f.group, f.rule, f.resource, status(f.before), status(f.after), f.evidence]), rest },
    ...(review.controls.length > 0
      ? [{ header: ["environment", "playbook control", "before", "after"], rows: review.controls.map((c) => [c.group, c.control, status(c.before), status(c.after)]), rest }]
      : []),
  ];
  const detail: BoundedBlock[] = [
    "### Policy statements added and removed",
    review.statements.length === 0
      ? "_No policy statement added or removed._"
      : { header: ["stack", "change", ...IAM_COLUMNS], rows: review.statements.map((s) => [s.stack, s.action, ...s.row]), rest },
    "### Resources added, removed, changed and moved",
    review.resources.length === 0
      ? "_No resource added, removed, changed or moved._"
      : {
          header: ["stack", "resource", "address", "change", "arguments"],
          rows: review.resources.map((r) => [
            r.stack,
            r.path,
            r.address,
            r.action === "moved" ? `moved from ${r.movedFrom}` : r.action === "removed" && r.forgotten ? "removed from state only (kept in AWS)" : r.action,
            r.arguments.join(", "),
          ]),
          rest,
        },
    "### Other blocks changed",
    review.blocks.length === 0
      ? "_No output, local, variable, data source, provider, backend, moved or removed block changed._"
      : { header: ["stack", "block", "change"], rows: review.blocks.map((b) => [b.stack, b.block, b.action]), rest },
  ];
  return { headline, detail };
}
