import { Status } from "../../guardrails/evaluate";
import { FindingRecord, FindingsDocument } from "../findings-document";
import { ControlStatus } from "../seed-controls";

/** A check whose status differs between base and head (absent: the resource or the rule is not on that side). */
export interface FindingChange {
  readonly group: string;
  readonly rule: string;
  readonly resource: string;
  readonly before?: Status;
  readonly after?: Status;
  /** The head's evidence (the base's for a check that is gone). */
  readonly evidence: string;
}

/** A playbook control of an environment whose status differs. */
export interface ControlChange {
  readonly group: string;
  readonly control: string;
  readonly before?: ControlStatus;
  readonly after?: ControlStatus;
}

const key = (f: FindingRecord) => JSON.stringify([f.group, f.rule, f.resource]);

/**
 * Checks whose status changed: a new violation or exception, one fixed or gone, a PASS turned FAIL.
 * A new check that passes, or a passing one that is gone with its resource, is counted, not listed.
 */
export function findingChanges(base: FindingsDocument, head: FindingsDocument): { changes: FindingChange[]; newPassing: number; gonePassing: number } {
  const before = new Map(base.findings.map((f) => [key(f), f]));
  const after = new Map(head.findings.map((f) => [key(f), f]));
  const changes: FindingChange[] = [];
  let newPassing = 0;
  let gonePassing = 0;
  for (const [k, f] of after) {
    const was = before.get(k);
    if (was?.status === f.status) continue;
    if (!was && f.status === "PASS") newPassing += 1;
    else changes.push({ group: f.group, rule: f.rule, resource: f.resource, before: was?.status, after: f.status, evidence: f.evidence });
  }
  for (const [k, f] of before) {
    if (after.has(k)) continue;
    if (f.status === "PASS") gonePassing += 1;
    else changes.push({ group: f.group, rule: f.rule, resource: f.resource, before: f.status, evidence: f.evidence });
  }
  return { changes, newPassing, gonePassing };
}

/** Playbook controls whose status changed, environment by environment. */
export function controlChanges(base: FindingsDocument, head: FindingsDocument): ControlChange[] {
  const statuses = (doc: FindingsDocument) => new Map(doc.groups.flatMap((g) => g.controls.map((c) => [JSON.stringify([g.name, c.control]), c.status] as const)));
  const [before, after] = [statuses(base), statuses(head)];
  return [...new Set([...before.keys(), ...after.keys()])]
    .filter((k) => before.get(k) !== after.get(k))
    .map((k) => {
      const [group, control] = JSON.parse(k) as [string, string];
      return { group, control, before: before.get(k), after: after.get(k) };
    });
}
