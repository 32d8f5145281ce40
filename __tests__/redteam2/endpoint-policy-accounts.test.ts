import { attack, failedRules, policyText, refTo, stackOf } from "../redteam/attack";

/**
 * An interface endpoint to a service MWAA does not need, whose policy opens one action on every
 * account's resources to anyone: code in the private subnets publishes data to any account's SNS
 * topic. It synthesized with exit 0 and a REVIEW.md of PASS (copied from network-paths.test.ts,
 * which another change owns).
 */
describe("red team 2: an endpoint policy that reaches other accounts", () => {
  it("an SNS interface endpoint whose policy lets anyone publish to any account's topics fails", async () => {
    const outcome = await attack((app) =>
      stackOf(app, "example-network").addOverride("resource.aws_vpc_endpoint.sns", {
        vpc_id: refTo(app, "example-network/network/vpc", "id"),
        service_name: "com.amazonaws.eu-west-1.sns",
        vpc_endpoint_type: "Interface",
        private_dns_enabled: true,
        subnet_ids: [refTo(app, "example-network/network/private-subnet-1", "id")],
        security_group_ids: [refTo(app, "example-network/endpoint-security-group/group", "id")],
        policy: policyText({ Effect: "Allow", Principal: "*", Action: ["sns:Publish"], Resource: "*" }),
      }),
    );
    expect(failedRules(outcome)).toContain("VPC.ENDPOINT_POLICIES");
  });
});
