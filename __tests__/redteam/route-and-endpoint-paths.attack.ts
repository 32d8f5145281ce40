import { at, attack, failedRules, policyText, refTo, stackOf } from "./attack";

/**
 * Paths out of the private subnets that the rules accept: a subnet associated with a route table
 * named by a literal id (whose routes no stack shows), and an interface endpoint to a service MWAA
 * does not need whose policy opens one action on every account's resources to anyone. Each
 * synthesizes with exit 0 and a REVIEW.md of PASS today.
 */
describe("red team: network paths", () => {
  it("a private subnet associated with a route table given by a literal id fails", async () => {
    const outcome = await attack((app) =>
      at(app, "example-network/network/private-route-table-association-1").addOverride("route_table_id", "rtb-0123456789abcdef0"),
    );
    expect(outcome.violations).not.toEqual([]);
  });

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
