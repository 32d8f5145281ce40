import { vpcDefaultSecurityGroupClosed } from "../../../modules/guardrails/rules/vpc/default-security-group-closed";
import { SynthesizedStack } from "../../../modules/guardrails/synthesized-stack";

const results = (name: string, resource: Record<string, Record<string, Record<string, any>>>) =>
  vpcDefaultSecurityGroupClosed.evaluate(new SynthesizedStack(name, { resource })).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`);

describe("rule VPC.DEFAULT_SG_CLOSED", () => {
  it("passes a VPC whose default group is adopted with no rules", () => {
    expect(results("example-network", { aws_vpc: { vpc: {} }, aws_default_security_group: { closed: { vpc_id: "${aws_vpc.vpc.id}", ingress: [], egress: [] } } })).toEqual([
      "PASS example-network/vpc: default security group adopted by example-network/closed",
      "PASS example-network/closed: no ingress and no egress rules",
    ]);
  });

  it("fails a VPC whose default group is not adopted", () => {
    expect(results("example-network", { aws_vpc: { vpc: {} } })).toEqual(["FAIL example-network/vpc: default security group not managed: AWS's allow rules stay"]);
  });

  it("fails a default group with rules, or rules given as an expression, in a stack without the VPC", () => {
    expect(
      results("example-mwaa", {
        aws_default_security_group: {
          reopened: { vpc_id: "${data.terraform_remote_state.network.outputs.vpc_id}", egress: { cidr_blocks: ["10.40.0.0/16"] } },
          computed: { vpc_id: "${data.terraform_remote_state.network.outputs.vpc_id}", ingress: "${local.rules}" },
        },
      }),
    ).toEqual([
      "FAIL example-mwaa/reopened: egress rules",
      'FAIL example-mwaa/computed: unverifiable: ingress = "${local.rules}" is an expression known only at plan time',
    ]);
  });
});
