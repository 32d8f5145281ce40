/**
 * How many copies of a resource Terraform creates: `count` and `for_each` decide, and a resource
 * with `count = 0` (or an empty `for_each`) is written but never deployed. A rule that counts a
 * setting must count its copies, or a bucket part with `count = 0` would be certified as deployed.
 *
 * @returns 1 without `count` and `for_each`; the literal count, or the number of keys of a literal
 *   `for_each`; undefined when either is an expression the rules cannot evaluate.
 */
export function resourceCopies(config: Record<string, any>): number | undefined {
  const { count, for_each: forEach } = config;
  if (forEach !== undefined && forEach !== null) {
    if (Array.isArray(forEach)) return new Set(forEach).size;
    if (typeof forEach === "object") return Object.keys(forEach).length;
    return undefined;
  }
  if (count === undefined || count === null) return 1;
  if (typeof count === "number" && Number.isInteger(count) && count >= 0) return count;
  if (typeof count === "string" && /^\d+$/.test(count)) return Number(count);
  return undefined;
}
