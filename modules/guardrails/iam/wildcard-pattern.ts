/**
 * IAM's wildcards in `Action` and `Resource` patterns: the pattern matches the whole value, `*`
 * standing for any run of characters (`:` and `/` included) and `?` for one. Action names are
 * compared in any case, resource ARNs as written (IAM User Guide, "IAM JSON policy elements:
 * Action" and "Resource").
 */

export type Case = "any case" | "exact case";

const compiled = new Map<string, RegExp>();

export function wildcardMatches(pattern: string, value: string, letters: Case): boolean {
  const key = `${letters}\u0000${pattern}`;
  let regex = compiled.get(key);
  if (!regex) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    regex = new RegExp(`^${body}$`, letters === "any case" ? "is" : "s");
    compiled.set(key, regex);
  }
  return regex.test(value);
}
