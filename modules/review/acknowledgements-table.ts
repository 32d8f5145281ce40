import { table } from "./references";
import { acknowledgementEffect, ReviewedGroup } from "./reviewed-group";

/**
 * The exceptions in force for an environment, shown before anything else in its detail: what each
 * waives, why, until when, and how many violations it covers right now.
 */
export function acknowledgementsTable(group: ReviewedGroup): string {
  const acknowledgements = group.acknowledgements ?? [];
  if (acknowledgements.length === 0) return "_No acknowledged exception: every rule applies in full._";
  return table(
    ["rule", "resource", "reason", "expires", "waives now"],
    acknowledgements.map((ack, index) => [ack.rule, ack.resource, ack.reason, ack.expires, acknowledgementEffect(group, ack, index)]),
  );
}
