import { cloudTrailControl } from "../../../modules/audit/cloudtrail-control";
import { Finding, Status } from "../../../modules/guardrails/evaluate";
import { cloudTrailTrail } from "../../../modules/guardrails/rules/cloudtrail/trail";
import { logsRetention } from "../../../modules/guardrails/rules/logs/retention";

const ARN = "arn:aws:cloudtrail:us-east-1:999988887777:trail/organization-trail";
const finding = (status: Status, rule = cloudTrailTrail, resource = "example-mwaa/trail/cloudtrail"): Finding => ({
  rule,
  stack: "example-mwaa",
  resource,
  status,
  compliant: status !== "FAIL",
  evidence: "",
});

describe("playbook control 4 (CloudTrail)", () => {
  it("is NOT MET with audit.trail none, whatever the findings", () => {
    expect(cloudTrailControl({ trail: "none" }, [finding("PASS")])).toEqual({
      status: "NOT MET",
      how: "These stacks create no trail and name none (audit.trail is none): set audit.trail to create, or to existing with the ARN of the account's or organization's trail.",
    });
  });

  it("with create, is what CLOUDTRAIL.TRAIL found of the environment's trail, worst first", () => {
    const create = { trail: "create", logRetentionDays: 365 } as const;
    expect(cloudTrailControl(create, [finding("PASS"), finding("FAIL", logsRetention)]).status).toBe("PASS");
    expect(cloudTrailControl(create, [finding("PASS"), finding("ACKNOWLEDGED", cloudTrailTrail, "example-audit/other")]).status).toBe("ACKNOWLEDGED");
    expect(cloudTrailControl(create, [finding("ACKNOWLEDGED"), finding("FAIL", cloudTrailTrail, "example-audit/other")]).status).toBe("FAIL");
    expect(cloudTrailControl(create, [finding("PASS")]).how).toMatch(/^The environment's own trail \(example-mwaa\/trail\/cloudtrail\), judged by CLOUDTRAIL.TRAIL: /);
  });

  it("with create, is NOT MET when no stack writes a trail, so no config alone shows it met", () => {
    expect(cloudTrailControl({ trail: "create", logRetentionDays: 365 }, [finding("PASS", logsRetention)])).toEqual({
      status: "NOT MET",
      how: "audit.trail is create, but no stack of the environment writes a trail: nothing records its account.",
    });
  });

  it("with existing, passes citing the named trail, and says the stacks cannot check it", () => {
    const control = cloudTrailControl({ trail: "existing", trailArn: ARN }, []);
    expect(control.status).toBe("PASS");
    expect(control.how).toBe(
      `Cited, not checked: audit.trailArn names ${ARN} as the trail that records this account. No stack can see it: confirm it logs (aws cloudtrail get-trail-status --name ${ARN}) and records management events of this account and Region.`,
    );
  });
});
