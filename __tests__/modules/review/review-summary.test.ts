import { Acknowledgement, Finding, Status } from "../../../modules/guardrails/evaluate";
import { RULES } from "../../../modules/guardrails/rules";
import { SynthesizedStack } from "../../../modules/guardrails/synthesized-stack";
import { renderSummary, SUMMARY_LIMIT } from "../../../modules/review/review-summary";
import { ReviewedGroup } from "../../../modules/review/reviewed-group";

/*
 * The summary is what the pull-request workflow posts as one comment: it must put what needs a
 * person first and fit whatever config brings. Groups are built by hand here (no synth): the
 * summary reads only their findings, acknowledgements and stacks.
 */

const TODAY = "2026-12-01";
const rule = (id: string) => RULES.find((r) => r.id === id)!;

/** A stack holding one DAG bucket, protected from destroy or not. */
function bucketStack(name: string, protectedFromDestroy = true): SynthesizedStack {
  return new SynthesizedStack(name, {
    resource: { aws_s3_bucket: { dags: { bucket: `${name}-dags`, ...(protectedFromDestroy ? { lifecycle: { prevent_destroy: true } } : {}), "//": { metadata: { path: `${name}/dags` } } } } },
  });
}

function finding(stack: string, id: string, status: Status, evidence = "found", acknowledgement?: Acknowledgement): Finding {
  return { rule: rule(id), stack, resource: `${stack}/dags`, compliant: status === "PASS", evidence, status, acknowledgement };
}

function environment(name: string, findings: (stack: string) => Finding[], extra: Partial<ReviewedGroup> = {}): ReviewedGroup {
  const stack = `${name}-mwaa`;
  return { name, kind: "environment", stacks: [bucketStack(stack)], findings: findings(stack), acknowledgements: [], ...extra };
}

const passing = (stack: string) => [finding(stack, "S3.VERSIONING", "PASS"), finding(stack, "S3.TLS_ONLY", "PASS"), finding(stack, "DATA.PREVENT_DESTROY", "PASS")];

describe("the review summary", () => {
  it("opens with the verdict, then lists violations before exceptions, data loss, controls not met and passing checks", () => {
    const summary = renderSummary([environment("prod", (s) => [...passing(s), finding(s, "S3.KMS_ENCRYPTION", "FAIL", "SSE-S3 only")])], TODAY);
    const order = ["**FAIL: 1 guardrail violation(s)", "## Environments", "## Violations (FAIL)", "## Acknowledged exceptions", "## Data-loss protection", "## Controls not met or not checked", "## Passing checks"];
    const positions = order.map((text) => summary.indexOf(text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(summary).toContain("| prod | S3.KMS_ENCRYPTION | prod-mwaa/dags | SSE-S3 only |");
  });

  it("shows each exception with its reason, expiry and the days left, calling out one that expires soon", () => {
    const soon: Acknowledgement = { rule: "S3.KMS_ENCRYPTION", resource: "dev-mwaa/dags", reason: "Public dataset mirror", expires: "2026-12-08" };
    const later: Acknowledgement = { rule: "S3.TLS_ONLY", resource: "dev-mwaa/dags", reason: "Legacy client until Q1", expires: "2027-02-01" };
    const summary = renderSummary(
      [environment("dev", (s) => [finding(s, "S3.KMS_ENCRYPTION", "ACKNOWLEDGED", "SSE-S3 only", soon), finding(s, "S3.TLS_ONLY", "ACKNOWLEDGED", "no TLS condition", later)], { acknowledgements: [soon, later] })],
      TODAY,
    );
    expect(summary).toContain("**PASS: no guardrail violation.** 2 violation(s) waived by acknowledged exceptions.");
    expect(summary).toContain("| dev | S3.KMS_ENCRYPTION | dev-mwaa/dags | Public dataset mirror | 2026-12-08 | 7: expires soon | 1 violation(s) |");
    expect(summary).toContain("| dev | S3.TLS_ONLY | dev-mwaa/dags | Legacy client until Q1 | 2027-02-01 | 62 | 1 violation(s) |");
  });

  it("says which resources holding data are not protected from destroy, and never calls CloudTrail met", () => {
    const exposed: ReviewedGroup = {
      ...environment("sandbox", (s) => [finding(s, "DATA.PREVENT_DESTROY", "FAIL", "no prevent_destroy: a destroy loses the bucket")]),
      stacks: [bucketStack("sandbox-mwaa", false)],
    };
    const summary = renderSummary([exposed], TODAY);
    expect(summary).toContain("| sandbox | 1 aws_s3_bucket | 0 of 1: NOT ALL | sandbox-mwaa/dags (DATA.PREVENT_DESTROY, FAIL): no prevent_destroy: a destroy loses the bucket |");
    expect(summary).toMatch(/\| sandbox \| 4\. CloudTrail logging enabled for MWAA \| NOT MET \| No environment config names a trail/);
    expect(summary).not.toMatch(/CloudTrail[^\n]*\| PASS \|/);
  });

  it("shows CloudTrail met only by a trail the stacks create and a rule passed, or one the config cites", () => {
    const trailArn = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org-trail";
    const cited = renderSummary([environment("cited", passing, { config: { audit: { trail: "existing", trailArn } } })], TODAY);
    expect(cited).toMatch(/\| cited \| 4\. CloudTrail logging enabled for MWAA \| PASS \(cited, not checked\) \| Cited, not checked: audit\.trailArn names arn:aws:cloudtrail:eu-west-1:111122223333:trail\/org-trail/);
    const created = renderSummary([environment("made", (s) => [finding(s, "CLOUDTRAIL.TRAIL", "PASS")], { config: { audit: { trail: "create" } } })], TODAY);
    expect(created).not.toMatch(/\| made \| 4\. CloudTrail/);
    const missing = renderSummary([environment("lost", passing, { config: { audit: { trail: "create" } } })], TODAY);
    expect(missing).toMatch(/\| lost \| 4\. CloudTrail logging enabled for MWAA \| NOT MET \| audit\.trail is create, but no stack of the environment writes a trail/);
  });

  it("shows a control NOT CHECKED, never PASS, when what it judges is not in the stacks", () => {
    // Encryption findings of buckets only: no MWAA environment, no log group, no key was judged.
    const summary = renderSummary([environment("nokey", (s) => [finding(s, "S3.KMS_ENCRYPTION", "PASS")])], TODAY);
    expect(summary).toContain("| nokey | 1. Encrypted with customer-managed KMS keys | NOT CHECKED | nothing for MWAA.CMK_ARN, LOGS.KMS_ENCRYPTION, KMS.ROTATION to judge in these stacks");
    expect(summary).not.toMatch(/1\. Encrypted with customer-managed KMS keys[^\n]*PASS/);
  });

  it("shows what the config puts out of reach of the rules (a network team's VPC) NOT CHECKED, and its control with it", () => {
    const row = { rules: ["VPC.NO_INTERNET_PATH"], resource: "team-network (network team's VPC vpc-0123456789abcdef0)", status: "NOT CHECKED" as const, evidence: "its route tables are in no stack here; not checked" };
    const summary = renderSummary([environment("team", passing, { notChecked: [row] })], TODAY);
    expect(summary).toContain("| team | VPC.NO_INTERNET_PATH: team-network (network team's VPC vpc-0123456789abcdef0) | NOT CHECKED | its route tables are in no stack here; not checked |");
    expect(summary).toMatch(/\| team \| 2\. VPC endpoints, private subnets, no public access \(CS0012300\) \| NOT CHECKED \| the config puts part of it out of reach of the rules/);
  });

  it("folds passing checks into one line per rule, counted across environments", () => {
    const summary = renderSummary([environment("a", passing), environment("b", passing)], TODAY);
    expect(summary).toContain("<details><summary>6 checks PASS under 3 rules");
    expect(summary).toContain("| S3.VERSIONING | Buckets are versioned | 2 | all 2 |");
  });

  it("fits one pull-request comment for hundreds of failing environments, saying where every row is", () => {
    const reason = "A reason long enough to matter ".repeat(20);
    const groups = Array.from({ length: 300 }, (_, i) => {
      const ack: Acknowledgement = { rule: "S3.TLS_ONLY", resource: `env${i}-mwaa/dags`, reason, expires: "2027-01-01" };
      return environment(`env${i}`, (s) => [...RULES.slice(0, 20).map((r) => finding(s, r.id, "FAIL", "x".repeat(500))), finding(s, "S3.TLS_ONLY", "ACKNOWLEDGED", "no TLS", ack)], { acknowledgements: [ack] });
    });
    const summary = renderSummary(groups, TODAY);
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(summary).toContain("**FAIL: 6000 guardrail violation(s)");
    expect(summary).toMatch(/_\d+ more row\(s\) not shown here; long cells shortened \(…\): every row in full is in `review\/findings\.json`\._/);
    // Every section is still there, in order.
    for (const heading of ["## Violations (FAIL)", "## Acknowledged exceptions", "## Data-loss protection", "## Passing checks"]) expect(summary).toContain(heading);
  });

  it("shows every row when they fit", () => {
    const summary = renderSummary([environment("one", (s) => [finding(s, "S3.KMS_ENCRYPTION", "FAIL", "y".repeat(2000))])], TODAY);
    expect(summary).toContain("y".repeat(2000));
    expect(summary).not.toContain("more row(s) not shown");
  });
});
