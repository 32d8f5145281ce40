import { RULE_IDS } from "../modules/guardrails/rules";
import type { Problem } from "./rules";

/**
 * What an acknowledgement (a reviewed exception to a guardrail rule) may waive, and for how long.
 * A config author writes them; the platform team bounds them: each names at least one stack, so no
 * pattern waives a rule everywhere, and each ends within a maximum number of days, so none is
 * forever. The maximum is the platform team's setting (an environment variable of the pipeline that
 * runs the synth), not the config file's.
 */

/** The variable that sets the maximum, in whole days. */
export const MAX_ACKNOWLEDGEMENT_DAYS_VARIABLE = "MWAA_MAX_ACKNOWLEDGEMENT_DAYS";
/** A quarter: long enough to fix what was waived, short enough that someone looks again. */
export const DEFAULT_MAX_ACKNOWLEDGEMENT_DAYS = 90;
/** A ceiling even the variable cannot lift: a year-long exception is a policy, not an exception. */
export const MAX_ACKNOWLEDGEMENT_DAYS_CEILING = 365;

/** Against what day, and how far ahead, an acknowledgement's expiry is judged. */
export interface AcknowledgementPolicy {
  /** `YYYY-MM-DD` (UTC). */
  readonly today: string;
  readonly maxDays: number;
}

export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** The policy in force: today, and the maximum from the environment; a string says what is wrong with the variable. */
export function acknowledgementPolicyFrom(env: NodeJS.ProcessEnv, today: string = todayUtc()): AcknowledgementPolicy | string {
  const text = env[MAX_ACKNOWLEDGEMENT_DAYS_VARIABLE];
  if (text === undefined || text === "") return { today, maxDays: DEFAULT_MAX_ACKNOWLEDGEMENT_DAYS };
  const days = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!(days >= 1 && days <= MAX_ACKNOWLEDGEMENT_DAYS_CEILING)) {
    return `${MAX_ACKNOWLEDGEMENT_DAYS_VARIABLE}=${JSON.stringify(text)}: must be a whole number of days from 1 to ${MAX_ACKNOWLEDGEMENT_DAYS_CEILING}; unset it for the default of ${DEFAULT_MAX_ACKNOWLEDGEMENT_DAYS}`;
  }
  return { today, maxDays: days };
}

/** `day` plus `days`, both `YYYY-MM-DD`. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * Why `pattern` does not name at least a stack of environment `name`, if it does not. Findings name
 * `<stack>/<construct path>` or `<stack> (<what>)`, and the stacks of an environment are named
 * `<name>-<part>`; so a pattern must start with such a stack name and `/` or ` (`. A `*` may only end
 * it (it matches every path with that prefix).
 */
export function resourcePatternProblem(pattern: string, name: string): string | undefined {
  const example = `e.g. \`${name}-mwaa/dag-bucket/*\` or \`${name}-network/vpc\``;
  if (pattern.slice(0, -1).includes("*")) return `may hold \`*\` only at the end, where it matches every resource path with that prefix; ${example}`;
  const stackName = /^(.+?)(\/| \()/.exec(pattern)?.[1];
  if (stackName === undefined || !stackName.startsWith(`${name}-`) || stackName.length === name.length + 1 || stackName.includes("*")) {
    return `must name at least a stack of this environment: start with \`${name}-<stack>/\` (a resource path as the synth prints it), ${example}; a pattern without a stack would waive the rule for every stack`;
  }
  return undefined;
}

/** Problems of the raw `guardrails.acknowledgements` of environment `name` (fields of the wrong type are the schema's). */
export function acknowledgementProblems(acknowledgements: unknown, name: unknown, policy: AcknowledgementPolicy): Problem[] {
  if (!Array.isArray(acknowledgements)) return [];
  const latest = addDays(policy.today, policy.maxDays);
  return acknowledgements.flatMap((ack, index) => {
    const { rule, resource, expires } = typeof ack === "object" && ack !== null ? (ack as Record<string, unknown>) : {};
    const at = `guardrails.acknowledgements[${index}]`;
    const problems: Problem[] = [];
    if (typeof rule === "string" && !RULE_IDS.includes(rule)) {
      problems.push({ path: `${at}.rule`, value: rule, message: `is not a guardrail rule; rules: ${RULE_IDS.join(", ")}` });
    }
    if (typeof resource === "string" && resource.length > 0 && typeof name === "string") {
      const problem = resourcePatternProblem(resource, name);
      if (problem) problems.push({ path: `${at}.resource`, value: resource, message: problem });
    }
    if (typeof expires === "string" && /^\d{4}-\d{2}-\d{2}$/.test(expires)) {
      if (!isCalendarDate(expires)) {
        problems.push({ path: `${at}.expires`, value: expires, message: "is not a calendar date" });
      } else if (expires > latest) {
        problems.push({
          path: `${at}.expires`,
          value: expires,
          message: `is more than ${policy.maxDays} days ahead (the latest allowed today is ${latest}); choose an earlier day and renew the exception after a new review (the maximum is ${MAX_ACKNOWLEDGEMENT_DAYS_VARIABLE}, default ${DEFAULT_MAX_ACKNOWLEDGEMENT_DAYS})`,
        });
      }
    }
    return problems;
  });
}
