import { vpcFlowLogs } from "../../../../../modules/guardrails/rules/vpc/flow-logs";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";

/** A VPC with one flow log of ALL traffic with `overrides`, delivered to this stack's log group by default. */
function judged(overrides: object): string[] {
  const stack = new SynthesizedStack("n", {
    provider: { aws: [{ region: "eu-west-1", allowed_account_ids: ["111122223333"] }] },
    resource: {
      aws_vpc: { v: {} },
      aws_cloudwatch_log_group: { g: {} },
      aws_flow_log: { f: { vpc_id: "${aws_vpc.v.id}", traffic_type: "ALL", log_destination: "${aws_cloudwatch_log_group.g.arn}", ...overrides } },
    },
  });
  return vpcFlowLogs.evaluate(stack).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`);
}

describe("VPC.FLOW_LOGS keeps flow logs in this account", () => {
  it("passes a flow log to this stack's log group, or to a log group ARN in this stack's account", () => {
    expect(judged({})).toEqual([
      "PASS n/v: flow log of ALL traffic to cloud-watch-logs ${aws_cloudwatch_log_group.g.arn}",
      "PASS n/f: delivered to ${aws_cloudwatch_log_group.g.arn}",
    ]);
    expect(judged({ log_destination: "arn:aws:logs:eu-west-1:111122223333:log-group:flows" }).every((e) => e.startsWith("PASS"))).toBe(true);
  });

  it("fails a destination in another account, and the VPC it was its only flow log for", () => {
    expect(judged({ log_destination: "arn:aws:logs:eu-west-1:999999999999:log-group:stolen" })).toEqual([
      "FAIL n/v: no flow log of ALL traffic kept in this account",
      "FAIL n/f: log_destination = arn:aws:logs:eu-west-1:999999999999:log-group:stolen is neither a log group or bucket of this stack nor a log group in this stack's account",
    ]);
  });

  it("fails a literal bucket and a cross-account delivery role", () => {
    expect(judged({ log_destination_type: "s3", log_destination: "arn:aws:s3:::somebody-elses" })[1]).toMatch(/^FAIL .*log_destination = arn:aws:s3:::somebody-elses/);
    expect(judged({ deliver_cross_account_role: "arn:aws:iam::999999999999:role/d" })[1]).toMatch(/^FAIL .*deliver_cross_account_role = .*records delivered to another account/);
  });
});
