import { ReviewedGroup } from "./reviewed-group";

/**
 * `review/terraform.json`: the Terraform configuration each stack wrote, in deployment order, with
 * the environment it belongs to. Written by every judged synth, passed or failed: the change review
 * compares two of them, and a failed synth publishes no stack to compare. Not a file Terraform
 * loads (it reads `*.tf.json` in a stack's folder only), so nothing in it can be deployed.
 */
export const TERRAFORM_SNAPSHOT_FORMAT = "secure-mwaa-cdktf/terraform@1";

export interface SnapshotStack {
  readonly name: string;
  /** The environment (or, for a stack outside the environments, the stack itself). */
  readonly group: string;
  readonly configuration: Record<string, unknown>;
}

export interface TerraformSnapshot {
  readonly format: typeof TERRAFORM_SNAPSHOT_FORMAT;
  readonly stacks: readonly SnapshotStack[];
}

export function terraformSnapshot(groups: readonly ReviewedGroup[]): TerraformSnapshot {
  return {
    format: TERRAFORM_SNAPSHOT_FORMAT,
    stacks: groups.flatMap((g) => g.stacks.map((s) => ({ name: s.name, group: g.name, configuration: s.json as Record<string, unknown> }))),
  };
}
