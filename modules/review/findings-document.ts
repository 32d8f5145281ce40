import { Finding, Status } from "../guardrails/evaluate";
import { AWS_PROVIDER_VERSION } from "../terraform/aws-provider-version";
import { visible } from "../text/visible-text";
import { dataLossProtection } from "./data-loss-protection";
import { acknowledgementEffect, countOf, daysLeft, detailFile, ReviewedGroup, verdict } from "./reviewed-group";
import { readableEvidence } from "./review-summary";
import { controlHow, ControlStatus, controlStatus, SEED_CONTROLS } from "./seed-controls";

/**
 * `review/findings.json`: every finding of every rule (PASS included), each environment's verdict,
 * controls, exceptions and data-loss protection, for tools, dashboards and the change review.
 * Strings that quote config or code have their hidden characters escaped (visible-text.ts), as in
 * every other output: a consumer printing them cannot be fooled.
 */
export const FINDINGS_FORMAT = "secure-mwaa-cdktf/findings@1";

export interface FindingRecord {
  readonly rule: string;
  readonly title: string;
  readonly status: Status;
  /** The environment (or stack outside the environments) it belongs to. */
  readonly group: string;
  readonly stack: string;
  /** Construct path, as acknowledgements and errors name it. */
  readonly resource: string;
  readonly evidence: string;
  readonly fix: string;
  readonly acknowledgement?: { readonly reason: string; readonly expires: string; readonly daysLeft: number };
  readonly expiredAcknowledgement?: { readonly expires: string };
}

export interface GroupRecord {
  readonly name: string;
  readonly kind: ReviewedGroup["kind"];
  readonly configFile?: string;
  readonly detail: string;
  readonly stacks: readonly string[];
  readonly verdict: string;
  readonly counts: Readonly<Record<Status, number>>;
  readonly controls: readonly { readonly control: string; readonly status: ControlStatus; readonly how: string }[];
  readonly acknowledgements: readonly { readonly rule: string; readonly resource: string; readonly reason: string; readonly expires: string; readonly daysLeft: number; readonly waives: string }[];
  readonly dataLoss: { readonly holdingData: Readonly<Record<string, number>>; readonly protectedFromDestroy: number };
  /** What the config puts out of reach of the rules (a network team's VPC): NOT CHECKED. */
  readonly notChecked: readonly { readonly rules: readonly string[]; readonly resource: string; readonly evidence: string }[];
}

export interface FindingsDocument {
  readonly format: typeof FINDINGS_FORMAT;
  /** The day acknowledgements were judged against. */
  readonly today: string;
  /** The AWS provider version every stack pins and the rules were checked against (TERRAFORM.OPAQUE fails any other). */
  readonly awsProvider: { readonly source: "hashicorp/aws"; readonly version: string };
  readonly verdict: "PASS" | "FAIL";
  readonly counts: Readonly<Record<Status, number>>;
  readonly groups: readonly GroupRecord[];
  readonly findings: readonly FindingRecord[];
}

const counts = (findings: readonly Finding[]): Record<Status, number> => ({
  FAIL: countOf(findings, "FAIL"),
  ACKNOWLEDGED: countOf(findings, "ACKNOWLEDGED"),
  PASS: countOf(findings, "PASS"),
});

function findingRecord(group: ReviewedGroup, finding: Finding, today: string): FindingRecord {
  const ack = finding.acknowledgement;
  return {
    rule: finding.rule.id,
    title: finding.rule.title,
    status: finding.status,
    group: visible(group.name),
    stack: visible(finding.stack),
    resource: visible(finding.resource),
    evidence: visible(readableEvidence(group, finding)),
    fix: finding.rule.fix,
    ...(ack ? { acknowledgement: { reason: visible(ack.reason), expires: ack.expires, daysLeft: daysLeft(ack.expires, today) } } : {}),
    ...(finding.expiredAcknowledgement ? { expiredAcknowledgement: { expires: finding.expiredAcknowledgement.expires } } : {}),
  };
}

export function findingsDocument(groups: readonly ReviewedGroup[], today: string): FindingsDocument {
  const all = groups.flatMap((g) => g.findings);
  return {
    format: FINDINGS_FORMAT,
    today,
    awsProvider: { source: "hashicorp/aws", version: AWS_PROVIDER_VERSION },
    verdict: countOf(all, "FAIL") > 0 ? "FAIL" : "PASS",
    counts: counts(all),
    groups: groups.map((g) => {
      const protection = dataLossProtection(g);
      return {
        name: visible(g.name),
        kind: g.kind,
        ...(g.configFile ? { configFile: visible(g.configFile) } : {}),
        detail: visible(detailFile(g)),
        stacks: g.stacks.map((s) => visible(s.name)),
        verdict: verdict(g),
        counts: counts(g.findings),
        controls:
          g.kind === "environment"
            ? SEED_CONTROLS.map((c) => ({ control: c.control, status: controlStatus(c, g), how: controlHow(c, g) }))
            : [],
        acknowledgements: (g.acknowledgements ?? []).map((ack, index) => ({
          rule: visible(ack.rule),
          resource: visible(ack.resource),
          reason: visible(ack.reason),
          expires: ack.expires,
          daysLeft: daysLeft(ack.expires, today),
          waives: acknowledgementEffect(g, ack, index),
        })),
        dataLoss: { holdingData: protection.holdingData, protectedFromDestroy: protection.protectedFromDestroy },
        notChecked: (g.notChecked ?? []).map((row) => ({ rules: row.rules, resource: visible(row.resource), evidence: visible(row.evidence) })),
      };
    }),
    findings: groups.flatMap((g) => g.findings.map((f) => findingRecord(g, f, today))),
  };
}
