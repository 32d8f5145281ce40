import { iamAction, serviceActions, takesNoResourceArn } from "./iam-actions";
import { PolicyStatement } from "./policy-statement";
import { wildcardMatches } from "./wildcard-pattern";

/**
 * Actions as IAM matches them: a pattern matches the whole `service:action` name, case-insensitive,
 * `*` standing for any run of characters and `?` for one. A statement grants what its `Action`
 * patterns match, or, with `NotAction`, every action (of every service, today's and tomorrow's)
 * that none of its patterns match.
 */

/** Whether the action pattern `pattern` matches the action `action` (`service:Name`). */
export const matchesAction = (pattern: string, action: string): boolean => wildcardMatches(pattern, action, "any case");

/** Whether `pattern` has a wildcard. */
const isWildcard = (text: string) => /[*?]/.test(text);

/**
 * The patterns by which a statement grants `action` (whatever its effect): its matching `Action`
 * patterns, or `NotAction [...]` when it lists NotAction and none of them matches.
 */
export function grantingPatterns(statement: PolicyStatement, action: string): string[] {
  const found = (statement.actions ?? []).filter((p) => matchesAction(p, action));
  if (statement.not_actions && !statement.not_actions.some((p) => matchesAction(p, action))) found.push(notAction(statement));
  return found;
}

export const grants = (statement: PolicyStatement, action: string): boolean => grantingPatterns(statement, action).length > 0;

const notAction = (statement: PolicyStatement) => `NotAction [${(statement.not_actions ?? []).join(", ")}]`;

/** `service` and `name` of a pattern; a pattern without `:` spans services (IAM accepts only `*`). */
function parts(pattern: string): { service: string; name: string } {
  const colon = pattern.indexOf(":");
  return colon < 0 ? { service: pattern, name: pattern } : { service: pattern.slice(0, colon), name: pattern.slice(colon + 1) };
}

/**
 * What in `statements` grants every action of a service, or actions of services nobody chose:
 * `*`, a wildcard service part (`*:Get*`), `NotAction` (everything not listed), a pattern of a
 * service IAM does not know that has a wildcard, and any set of patterns that together match every
 * action the service has (`s3:*`, `s3:?*`, `kms:*Key*` with the rest...). One line per finding.
 */
export function wholeServiceGrants(statements: readonly PolicyStatement[]): string[] {
  const found: string[] = [];
  const byService = new Map<string, string[]>();
  for (const statement of statements) {
    if (statement.not_actions && !statement.not_actions.some((p) => p.replace(/[*?]/g, "") === "" && p.includes("*"))) {
      found.push(`${notAction(statement)} grants every action it does not list, of every service`);
    }
    for (const pattern of statement.actions ?? []) {
      const { service, name } = parts(pattern);
      if (isWildcard(service) || pattern.indexOf(":") < 0) {
        if (isWildcard(pattern)) found.push(`${pattern} matches actions of every service`);
      } else if (!serviceActions(service)) {
        if (isWildcard(name)) found.push(`${pattern}: IAM knows no service ${service}, so what it matches cannot be told`);
      } else {
        const key = service.toLowerCase();
        byService.set(key, [...(byService.get(key) ?? []), pattern]);
      }
    }
  }
  for (const [service, patterns] of byService) {
    const all = [...serviceActions(service)!.values()];
    const wildcards = patterns.filter(isWildcard);
    if (wildcards.length > 0 && all.every((a) => patterns.some((p) => matchesAction(p, `${service}:${a.name}`)))) {
      found.push(`${wildcards.join(", ")} ${wildcards.length > 1 ? "match" : "matches"} every ${service} action (${all.length})`);
    }
  }
  return found;
}

/**
 * The patterns of a statement that grant at least one action taking a resource ARN: for those,
 * `"*"` means every resource. A pattern of an unknown service, one matching no known action, or
 * NotAction, is assumed to.
 */
export function patternsNeedingResource(statement: PolicyStatement): string[] {
  const found = (statement.actions ?? []).filter((pattern) => {
    const { service } = parts(pattern);
    if (isWildcard(service) || pattern.indexOf(":") < 0) return true;
    const known = serviceActions(service);
    if (!known) return true;
    if (!isWildcard(pattern)) return !iamAction(pattern) || !takesNoResourceArn(pattern);
    const matched = [...known.values()].map((a) => `${service}:${a.name}`).filter((a) => matchesAction(pattern, a));
    return matched.length === 0 || matched.some((a) => !takesNoResourceArn(a));
  });
  if (statement.not_actions) found.push(notAction(statement));
  return found;
}
