import { AuditConfig } from "../../config/audit";
import { Finding } from "../guardrails/evaluate";
import { cloudTrailTrail } from "../guardrails/rules/cloudtrail/trail";

/** What the review says of playbook control 4, "CloudTrail logging enabled for MWAA". */
export interface CloudTrailControl {
  readonly status: "PASS" | "FAIL" | "ACKNOWLEDGED" | "NOT MET";
  /** How the control is met, or why it is not, in a sentence or two. */
  readonly how: string;
  /** PASS on the config's word (an existing trail it cites), which no rule could check: the summary lists it. */
  readonly cited?: boolean;
}

/**
 * Control 4 of an environment, from its audit settings and the findings of its stacks:
 *
 * - `create`: what CLOUDTRAIL.TRAIL found of the trails its stacks write, worst first (FAIL, then
 *   ACKNOWLEDGED, then PASS); NOT MET when no stack writes a trail at all, whatever the config says;
 * - `existing`: PASS, citing the trail the config names. No stack can see that trail: the review
 *   says so, and what to run to confirm it;
 * - `none`: NOT MET.
 */
export function cloudTrailControl(audit: AuditConfig, findings: readonly Finding[]): CloudTrailControl {
  switch (audit.trail) {
    case "create": {
      const trails = findings.filter((f) => f.rule.id === cloudTrailTrail.id);
      if (trails.length === 0) {
        return { status: "NOT MET", how: "audit.trail is create, but no stack of the environment writes a trail: nothing records its account." };
      }
      const status = trails.some((f) => f.status === "FAIL") ? "FAIL" : trails.some((f) => f.status === "ACKNOWLEDGED") ? "ACKNOWLEDGED" : "PASS";
      return {
        status,
        how: `The environment's own trail (${trails.map((f) => f.resource).join(", ")}), judged by ${cloudTrailTrail.id}: every Region, every management event and the DAG bucket's object events, log file validation, encrypted with a key of its own into this account's bucket and log group, where an alarm watches KMS AccessDenied on the environment key or by the execution role.`,
      };
    }
    case "existing":
      return {
        status: "PASS",
        cited: true,
        how: `Cited, not checked: audit.trailArn names ${audit.trailArn} as the trail that records this account. No stack can see it: confirm it logs (aws cloudtrail get-trail-status --name ${audit.trailArn}) and records management events of this account and Region.`,
      };
    case "none":
      return {
        status: "NOT MET",
        how: "These stacks create no trail and name none (audit.trail is none): set audit.trail to create, or to existing with the ARN of the account's or organization's trail.",
      };
  }
}
