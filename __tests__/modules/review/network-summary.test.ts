import { SynthesizedStack } from "../../../modules/guardrails/synthesized-stack";
import { networkSummary } from "../../../modules/review/network-summary";

describe("the network summary", () => {
  it("shows a security group rule that names no peer with an empty peer cell, not a crash", () => {
    const stack = new SynthesizedStack("shared", {
      resource: {
        aws_vpc: { vpc: { cidr_block: "10.0.0.0/16" } },
        aws_vpc_security_group_ingress_rule: { rule: { security_group_id: "sg-0123", ip_protocol: "tcp", from_port: 443, to_port: 443, description: "HTTPS" } },
      },
    });
    expect(networkSummary(stack)).toContain("| sg-0123 | ingress | tcp 443 |  | HTTPS |");
  });
});
