/**
 * Whether a `Resource` pattern reaches every resource of a service, or of every service: `*`,
 * `arn:*`, a wildcard service (`arn:aws:*:...`), or an ARN whose region, account and resource are
 * nothing but wildcards (`arn:aws:s3:::*`, `arn:aws:kms:*:*:*`). A pattern that starts with a
 * reference to a resource of the stack (`${aws_s3_bucket.x.arn}/*`) starts with that resource's
 * ARN; a reference or policy variable inside an ARN is one specific value. `NotResource` reaches
 * every resource it does not list, and is judged by the caller.
 */
export function reachesEveryResource(pattern: string): boolean {
  if (/^\$\{/.test(pattern)) return false;
  const text = pattern.replace(/\$\$\{[^}]*\}|&\{[^}]*\}|\$\{[^}]*\}/g, "x");
  const wildcard = /[*?]/.test(text);
  const parts = text.split(":");
  if (parts[0] !== "arn" || parts.length < 6) return wildcard;
  if (/[*?]/.test(parts[2])) return true;
  return wildcard && parts.slice(3).join(":").replace(/[*?:/]/g, "") === "";
}
