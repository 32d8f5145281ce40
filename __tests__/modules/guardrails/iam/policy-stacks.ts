import { Rule } from "../../../../modules/guardrails/rule";
import { SynthesizedStack } from "../../../../modules/guardrails/synthesized-stack";

/**
 * Small hand-written stacks for the IAM and KMS rules: the account 111122223333, and whatever
 * resources and data sources a test gives: each resource with a construct path `s/<logical id>`
 * (its data sources go by their address, as a path claimed twice would).
 */
export const ACCOUNT = "111122223333";

const withPaths = (blocks: Record<string, Record<string, object>>) =>
  Object.fromEntries(Object.entries(blocks).map(([type, byName]) => [type, Object.fromEntries(Object.entries(byName).map(([name, config]) => [name, { "//": { metadata: { path: `s/${name}` } }, ...config }]))]));

export function stackOf(resource: Record<string, Record<string, object>>, data: Record<string, Record<string, object>> = {}): SynthesizedStack {
  return new SynthesizedStack("s", { provider: { aws: [{ allowed_account_ids: [ACCOUNT] }] }, resource: withPaths(resource), data });
}

/** `${data.aws_iam_policy_document.<name>.json}` */
export const documentJson = (name: string) => `\${data.aws_iam_policy_document.${name}.json}`;

/** A stack with one inline role policy, `s/policy`, of the given document statements. */
export function rolePolicy(...statement: object[]): SynthesizedStack {
  return stackOf(
    { aws_iam_role_policy: { policy: { name: "p", role: "r", policy: documentJson("permissions") } } },
    { aws_iam_policy_document: { permissions: { statement } } },
  );
}

/** A rule's verdicts on a stack, as `PASS|FAIL <resource>: <evidence>` lines. */
export const verdicts = (rule: Rule, stack: SynthesizedStack): string[] =>
  rule.evaluate(stack).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`);
