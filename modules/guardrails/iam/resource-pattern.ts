import { wildcardMatches } from "./wildcard-pattern";

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

/**
 * Whether the `Resource` pattern `pattern` matches `resource` as written: an ARN, or a reference to
 * a resource of the stack with a path after it (`${aws_s3_bucket.x.arn}/*` matches
 * `${aws_s3_bucket.x.arn}/key`).
 */
export const matchesResource = (pattern: string, resource: string): boolean => wildcardMatches(pattern, resource, "exact case");
