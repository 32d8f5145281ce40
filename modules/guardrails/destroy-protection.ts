import { block, blocks, TerraformDocument } from "./terraform-document";

/**
 * What keeps Terraform from destroying a resource, and what makes it destroy one without a word in
 * the resource's own block: one reading shared by DATA.PREVENT_DESTROY, the review's data-loss
 * table and the change review.
 */

/** A `moved`/`removed` block's address (`aws_x.name`, written bare or as `${aws_x.name}`). */
export const blockAddress = (value: unknown): string => String(value ?? "").replace(/^\$\{(.*)\}$/, "$1");

/** Whether a resource's configuration keeps `lifecycle.prevent_destroy = true`. */
export const preventsDestroy = (config: Record<string, unknown> | undefined): boolean => block(config?.lifecycle)?.prevent_destroy === true;

/** The addresses `removed` blocks take out of the configuration, and whether each keeps the resource in AWS (`destroy = false`). */
export function removedBlocks(doc: TerraformDocument): { from: string; keeps: boolean }[] {
  return blocks(doc.removed).map((removed) => ({ from: blockAddress(removed.from), keeps: block(removed.lifecycle)?.destroy === false }));
}

/**
 * The `moved` blocks, each with whether its target is a resource of the configuration. One whose
 * target is not there carries the resource to an address nothing declares: Terraform then destroys
 * it (`because … was moved to …, which is not in configuration`), and `prevent_destroy`, which was
 * on the old block, no longer applies.
 */
export function movedBlocks(doc: TerraformDocument): { from: string; to: string; toExists: boolean }[] {
  return blocks(doc.moved).map((moved) => {
    const [from, to] = [blockAddress(moved.from), blockAddress(moved.to)];
    const [type, name] = to.split(".");
    return { from, to, toExists: doc.resource?.[type]?.[name] !== undefined };
  });
}
