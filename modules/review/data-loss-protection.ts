import { Finding } from "../guardrails/evaluate";
import { STATEFUL_RESOURCES } from "../guardrails/stateful-resources";
import { preventsDestroy } from "../guardrails/destroy-protection";
import { ReviewedGroup } from "./reviewed-group";

/**
 * The rules that keep data from being lost: a destroy (or a replacement) refused by Terraform, a
 * bucket Terraform cannot empty, objects S3 does not expire. One finding of any of them that is not
 * PASS means data of this environment can be lost.
 */
export const DATA_LOSS_RULES = ["DATA.PREVENT_DESTROY", "S3.NO_FORCE_DESTROY", "DATA.LIFECYCLE_KEEPS_DATA"] as const;

/** How an environment's data is protected, as the summary states it. */
export interface DataLossProtection {
  /** Resources of the group that hold data, counted by type (`aws_s3_bucket: 2`). */
  readonly holdingData: Readonly<Record<string, number>>;
  /** How many of them Terraform refuses to destroy (`prevent_destroy`), whatever the findings say. */
  readonly protectedFromDestroy: number;
  /** Every finding of DATA_LOSS_RULES that is not PASS: what can lose data, and whether it is waived. */
  readonly exposures: readonly Finding[];
}

export function dataLossProtection(group: ReviewedGroup): DataLossProtection {
  const holdingData: Record<string, number> = {};
  let protectedFromDestroy = 0;
  for (const stack of group.stacks) {
    for (const type of Object.keys(STATEFUL_RESOURCES)) {
      for (const resource of stack.resources(type)) {
        holdingData[type] = (holdingData[type] ?? 0) + 1;
        if (preventsDestroy(resource.config)) protectedFromDestroy += 1;
      }
    }
  }
  const exposures = group.findings.filter((f) => (DATA_LOSS_RULES as readonly string[]).includes(f.rule.id) && f.status !== "PASS");
  return { holdingData, protectedFromDestroy, exposures };
}

/** `3 aws_kms_key, 4 aws_s3_bucket, …`, or `none`. */
export function describeHoldingData(holding: Readonly<Record<string, number>>): string {
  const entries = Object.entries(holding).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? "none" : entries.map(([type, count]) => `${count} ${type}`).join(", ");
}

export const totalHoldingData = (holding: Readonly<Record<string, number>>): number => Object.values(holding).reduce((a, b) => a + b, 0);
