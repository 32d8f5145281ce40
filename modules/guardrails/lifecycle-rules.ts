import { literalBool } from "./literal-bool";
import { block } from "./terraform-document";

/**
 * The rules of an S3 lifecycle configuration, in one shape whichever resource wrote them: an
 * aws_s3_bucket_lifecycle_configuration (`rule` blocks with `status`) or the deprecated
 * `lifecycle_rule` argument of aws_s3_bucket (`enabled`). What cannot be read statically (a rule
 * list or block that is an expression, a `dynamic` block) is reported, never taken as "no rule".
 */

/** One lifecycle rule, as far as losing data goes. */
export interface LifecycleRule {
  /** Its id, or its position when it has none, for evidence. */
  readonly name: string;
  /** False only when written off literally (status "Disabled", enabled = false): a disabled rule expires nothing. */
  readonly enabled: boolean;
  /** What makes S3 expire current object versions (`expiration` with days or date), as written; undefined when none. */
  readonly expiresCurrent?: string;
}

export type LifecycleReading = { readonly rules: LifecycleRule[] } | { readonly unreadable: string };

const isObject = (value: unknown): value is Record<string, any> => typeof value === "object" && value !== null && !Array.isArray(value);
const set = (value: unknown) => value !== undefined && value !== null;

/**
 * Reads a list of rule blocks (`rule` of the resource, `lifecycle_rule` of the bucket). `enabled`
 * says from a rule's body whether it is switched on: true, false, or unreadable.
 */
function readRules(value: unknown, argument: string, enabled: (rule: Record<string, any>) => boolean | "unreadable"): LifecycleReading {
  const list = Array.isArray(value) ? value : [value];
  if (!set(value) || list.length === 0) return { unreadable: `no ${argument} block the rules can read` };
  const rules: LifecycleRule[] = [];
  for (const [index, rule] of list.entries()) {
    if (!isObject(rule)) return { unreadable: `${argument} ${JSON.stringify(rule)} is an expression known only at plan time` };
    const name = typeof rule.id === "string" ? rule.id : `#${index + 1}`;
    if (set(rule.dynamic)) return { unreadable: `${argument} ${name} has a dynamic block, generated at plan time` };
    const expirations = Array.isArray(rule.expiration) ? rule.expiration : set(rule.expiration) ? [rule.expiration] : [];
    if (expirations.some((e) => !isObject(e))) return { unreadable: `${argument} ${name}: expiration ${JSON.stringify(rule.expiration)} is an expression known only at plan time` };
    const expiring = expirations.find((e) => set(e.days) || set(e.date));
    rules.push({
      name,
      enabled: enabled(rule) !== false,
      expiresCurrent: expiring ? (set(expiring.days) ? `days = ${JSON.stringify(expiring.days)}` : `date = ${JSON.stringify(expiring.date)}`) : undefined,
    });
  }
  return { rules };
}

/** The rules of an aws_s3_bucket_lifecycle_configuration. */
export function lifecycleConfigurationRules(config: Record<string, any>): LifecycleReading {
  if (set(block(config.dynamic)?.rule)) return { unreadable: "a dynamic rule block, generated at plan time" };
  return readRules(config.rule, "rule", (rule) => (rule.status === "Disabled" ? false : true));
}

/** The deprecated lifecycle_rule argument of aws_s3_bucket, or undefined when the bucket sets none. */
export function inlineLifecycleRules(bucket: Record<string, any>): LifecycleReading | undefined {
  if (set(block(bucket.dynamic)?.lifecycle_rule)) return { unreadable: "a dynamic lifecycle_rule block, generated at plan time" };
  if (!set(bucket.lifecycle_rule) || (Array.isArray(bucket.lifecycle_rule) && bucket.lifecycle_rule.length === 0)) return undefined;
  return readRules(bucket.lifecycle_rule, "lifecycle_rule", (rule) => {
    const enabled = literalBool(rule.enabled);
    return enabled === undefined ? true : enabled;
  });
}
