import { Finding } from "../guardrails/evaluate";
import { RULES } from "../guardrails/rules";
import { REVIEW_PATHS } from "../synthesis/output-folder";
import { AWS_PROVIDER_VERSION } from "../terraform/aws-provider-version";
import { BoundedBlock, renderWithin } from "./bounded-markdown";
import { dataLossProtection, describeHoldingData, totalHoldingData } from "./data-loss-protection";
import { humanize } from "./references";
import { acknowledgementEffect, countOf, daysLeft, detailFile, ReviewedGroup, verdict } from "./reviewed-group";
import { controlCited, controlHow, ControlStatus, controlStatus, PlaybookControl, SEED_CONTROLS, uncheckedRules } from "./seed-controls";

/**
 * The most characters of the summary: a pull-request comment holds at most 65,536, and the change
 * review (modules/review/changes) posts the summary with its own section in one comment.
 */
export const SUMMARY_LIMIT = 60_000;

/** The most characters of the pull-request comment (the summary with the change review): under GitHub's 65,536. */
export const COMMENT_LIMIT = 65_000;

/** The first heading after the verdict. */
const ENVIRONMENTS_HEADING = "## Environments";

/** Where the change review goes into the summary for the comment: after the verdict, before the tables. */
export const CHANGES_PLACE = `\n${ENVIRONMENTS_HEADING}\n`;

/** Acknowledgements expiring within this many days are called out: the exception ends soon. */
export const EXPIRING_SOON_DAYS = 14;

/** One finding's evidence in the reviewer's words (construct paths, not Terraform addresses). */
export function readableEvidence(group: ReviewedGroup, finding: Finding): string {
  const stack = group.stacks.find((s) => s.name === finding.stack);
  return stack ? humanize(stack, finding.evidence) : finding.evidence;
}

function verdictLine(groups: readonly ReviewedGroup[]): string {
  const failed = groups.reduce((n, g) => n + countOf(g.findings, "FAIL"), 0);
  const acknowledged = groups.reduce((n, g) => n + countOf(g.findings, "ACKNOWLEDGED"), 0);
  const notMet = SEED_CONTROLS.filter((c) => groups.some((g) => g.kind === "environment" && controlStatus(c, g) === "NOT MET")).length;
  const parts = [
    failed > 0 ? `**FAIL: ${failed} guardrail violation(s); the synth failed and published no stack.**` : "**PASS: no guardrail violation.**",
    `${acknowledged} violation(s) waived by acknowledged exceptions.`,
    `${notMet} playbook control(s) not met by these stacks (below).`,
  ];
  return parts.join(" ");
}

function environmentsTable(groups: readonly ReviewedGroup[]): BoundedBlock {
  // Failing groups first, then those with exceptions: what needs a reviewer comes before what does not.
  const rank = (g: ReviewedGroup) => (countOf(g.findings, "FAIL") > 0 ? 0 : countOf(g.findings, "ACKNOWLEDGED") > 0 ? 1 : 2);
  const ordered = [...groups].sort((a, b) => rank(a) - rank(b));
  return {
    header: ["environment", "stacks", "guardrails", "FAIL", "ACKNOWLEDGED", "PASS", "playbook controls not met", "detail"],
    rows: ordered.map((g) => [
      g.kind === "environment" ? g.name : `${g.name} (stack outside any environment)`,
      g.stacks.map((s) => s.name).join(", "),
      verdict(g),
      countOf(g.findings, "FAIL"),
      countOf(g.findings, "ACKNOWLEDGED"),
      countOf(g.findings, "PASS"),
      g.kind === "environment"
        ? SEED_CONTROLS.filter((c) => !["PASS", "NOT APPLICABLE"].includes(controlStatus(c, g))).map((c) => `${c.control}: ${controlStatus(c, g)}`).join("; ") || "none"
        : "not judged (outside the environments)",
      detailFile(g),
    ]),
    rest: "review/",
  };
}

function failuresSection(groups: readonly ReviewedGroup[]): BoundedBlock[] {
  const rows = groups.flatMap((g) =>
    g.findings
      .filter((f) => f.status === "FAIL")
      .map((f) => [g.name, f.rule.id, f.resource, f.expiredAcknowledgement ? `${readableEvidence(g, f)} (acknowledgement expired on ${f.expiredAcknowledgement.expires})` : readableEvidence(g, f), f.rule.fix]),
  );
  return [
    "## Violations (FAIL)",
    rows.length === 0 ? "_None._" : { header: ["environment", "rule", "resource", "found", "fix"], rows, rest: REVIEW_PATHS.findingsJson },
  ];
}

function acknowledgementsSection(groups: readonly ReviewedGroup[], today: string): BoundedBlock[] {
  const rows = groups.flatMap((g) =>
    (g.acknowledgements ?? []).map((ack, index) => {
      const left = daysLeft(ack.expires, today);
      return [g.name, ack.rule, ack.resource, ack.reason, ack.expires, left <= 0 ? (left === 0 ? "expired today" : `expired ${-left} day(s) ago`) : left <= EXPIRING_SOON_DAYS ? `${left}: expires soon` : left, acknowledgementEffect(g, ack, index)];
    }),
  );
  return [
    "## Acknowledged exceptions",
    rows.length === 0
      ? "_None: every rule applies in full to every environment._"
      : { header: ["environment", "rule", "resource", "reason", "expires", "days left", "waives now"], rows, rest: REVIEW_PATHS.findingsJson },
  ];
}

function dataLossSection(groups: readonly ReviewedGroup[]): BoundedBlock[] {
  const rows = groups.map((g) => {
    const protection = dataLossProtection(g);
    const total = totalHoldingData(protection.holdingData);
    return [
      g.name,
      describeHoldingData(protection.holdingData),
      total === 0 ? "nothing holds data" : protection.protectedFromDestroy === total ? `all ${total}` : `${protection.protectedFromDestroy} of ${total}: NOT ALL`,
      protection.exposures.length === 0
        ? "none"
        : protection.exposures
            .map((f) => `${f.resource} (${f.rule.id}, ${f.status}${f.acknowledgement ? ` until ${f.acknowledgement.expires}` : ""}): ${readableEvidence(g, f)}`)
            .join("; "),
    ];
  });
  return [
    "## Data-loss protection",
    "Keys, buckets, log groups and the MWAA environment (its Airflow metadata database) cannot come back once destroyed. `prevent_destroy` makes Terraform refuse any plan that destroys one, including a replacement forced by a changed argument; `npm run review -- --base` (a git ref or a previous `cdktf.out`) names every change that would destroy one.",
    { header: ["environment", "resources holding data", "refuse destroy (prevent_destroy)", "can lose data"], rows, rest: REVIEW_PATHS.findingsJson },
  ];
}

/** Why a control is not PASS, in a sentence. */
function controlShortfall(control: PlaybookControl, status: ControlStatus, group: ReviewedGroup): string {
  const outOfReach = (group.notChecked ?? []).filter((row) => row.rules.some((rule) => control.rules.includes(rule)));
  if (status === "NOT CHECKED" && outOfReach.length > 0) return `the config puts part of it out of reach of the rules (a network team's VPC, a security team's key): ${[...new Set(outOfReach.map((row) => row.resource))].join(", ")}; see the rows below`;
  if (status === "NOT CHECKED") return `nothing for ${uncheckedRules(control, group.findings).join(", ")} to judge in these stacks (no resource of theirs): the control cannot be shown met`;
  if (status === "NOT APPLICABLE") return "no resource of its rules in these stacks";
  return `its rules (${control.rules.join(", ")}) have findings that are ${status}`;
}

function notMetSection(groups: readonly ReviewedGroup[]): BoundedBlock[] {
  const rows = groups
    .filter((g) => g.kind === "environment")
    .flatMap((g) => [
      ...SEED_CONTROLS.map((c) => ({ c, status: controlStatus(c, g), cited: controlCited(c, g) }))
        .filter(({ status, cited }) => status !== "PASS" || cited)
        .map(({ c, status, cited }) => [g.name, c.control, cited ? `${status} (cited, not checked)` : status, c.judge ? controlHow(c, g) : controlShortfall(c, status, g)]),
      ...(g.notChecked ?? []).map((row) => [g.name, `${row.rules.join(", ")}: ${row.resource}`, row.status, row.evidence]),
      ...(g.startupScript
        ? [[g.name, "startup.sh", "NOT CHECKED", `shell code no rule can judge (SHA-256 ${g.startupScript.sha256}): read it whole in ${detailFile(g)}`]]
        : []),
    ]);
  return [
    "## Controls not met or not checked",
    "A control shows PASS only when rules checked it on these stacks; what they do not check is said here.",
    rows.length === 0 ? "_None._" : { header: ["environment", "control", "status", "why"], rows, rest: "review/environments/" },
  ];
}

function passingSection(groups: readonly ReviewedGroup[]): BoundedBlock[] {
  const passing = groups.flatMap((g) => g.findings.filter((f) => f.status === "PASS").map((f) => ({ group: g.name, rule: f.rule })));
  const byRule = new Map<string, { title: string; count: number; groups: Set<string> }>();
  for (const { group, rule } of passing) {
    const entry = byRule.get(rule.id) ?? { title: rule.title, count: 0, groups: new Set<string>() };
    entry.count += 1;
    entry.groups.add(group);
    byRule.set(rule.id, entry);
  }
  const order = RULES.map((r) => r.id);
  const rows = [...byRule.entries()]
    .sort(([a], [b]) => (order.indexOf(a) === -1 ? Infinity : order.indexOf(a)) - (order.indexOf(b) === -1 ? Infinity : order.indexOf(b)))
    .map(([id, e]) => [id, e.title, e.count, e.groups.size === groups.length ? `all ${groups.length}` : [...e.groups].join(", ")]);
  return [
    "## Passing checks",
    {
      folded: `${passing.length} checks PASS under ${byRule.size} rules: one line per rule (each check is in its environment's detail)`,
      blocks: [{ header: ["rule", "title", "PASS", "environments"], rows, rest: REVIEW_PATHS.findingsJson }],
    },
  ];
}

/**
 * `cdktf.out/REVIEW.md`: what the platform team reads first, and what the pull-request workflow
 * posts. The verdict, then what needs a person (violations, exceptions with their days left, data
 * that can be lost, controls not met or not checked), then passing checks folded one line per rule.
 * Fits SUMMARY_LIMIT for any number of environments; each one's detail is a file of its own.
 */
export function renderSummary(groups: readonly ReviewedGroup[], today: string, extra: readonly BoundedBlock[] = [], limit = SUMMARY_LIMIT): string {
  return renderWithin(
    [
      "# Review of the synthesized MWAA stacks",
      `Generated by \`cdktf synth\` on ${today} from the environment configs; do not edit. Every count is read from the Terraform configuration each stack wrote, checked against the AWS provider \`hashicorp/aws\` ${AWS_PROVIDER_VERSION} (the version every stack pins); with a violation, no stack is left in \`cdktf.out/stacks/\` to deploy. Detail: one file per environment in \`review/environments/\`; every finding: \`${REVIEW_PATHS.findingsJson}\` and \`${REVIEW_PATHS.findingsSarif}\`.`,
      verdictLine(groups),
      ...extra,
      ENVIRONMENTS_HEADING,
      environmentsTable(groups),
      ...failuresSection(groups),
      ...acknowledgementsSection(groups, today),
      ...dataLossSection(groups),
      ...notMetSection(groups),
      ...passingSection(groups),
    ],
    limit,
  );
}
