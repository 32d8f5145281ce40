/**
 * A boolean argument as Terraform reads it: `true` and `false`, or their string forms, which
 * Terraform converts. Unset (or null) is `undefined`; an expression is only known at plan time.
 */
export function literalBool(value: unknown): boolean | undefined | "unreadable" {
  if (value === undefined || value === null) return undefined;
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  return "unreadable";
}
