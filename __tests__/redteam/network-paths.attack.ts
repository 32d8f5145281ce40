import { TerraformStack } from "cdktf";
import { attack, failedRules, refTo, stackOf } from "./attack";

/**
 * Ways into and out of the private subnets that are not gateways or routes: an EC2 Instance Connect
 * Endpoint takes SSH from the internet (IAM-signed) into the subnet; an interface endpoint to a
 * service MWAA does not need (API Gateway's execute-api), with AWS's full-access default policy,
 * reaches any account's private APIs.
 */
describe("red team: internet paths that are not routes", () => {
  it("an EC2 Instance Connect Endpoint in a private subnet fails VPC.NO_INTERNET_PATH", async () => {
    const outcome = await attack((app) =>
      stackOf(app, "example-network").addOverride("resource.aws_ec2_instance_connect_endpoint.ssh", {
        subnet_id: refTo(app, "example-network/network/private-subnet-1", "id"),
        security_group_ids: [refTo(app, "example-network/mwaa-security-group/group", "id")],
      }),
    );
    expect(failedRules(outcome)).toContain("VPC.NO_INTERNET_PATH");
  });

  it("an execute-api interface endpoint without a policy fails VPC.ENDPOINT_POLICIES", async () => {
    const outcome = await attack((app) =>
      stackOf(app, "example-network").addOverride("resource.aws_vpc_endpoint.apigw", {
        vpc_id: refTo(app, "example-network/network/vpc", "id"),
        service_name: "com.amazonaws.eu-west-1.execute-api",
        vpc_endpoint_type: "Interface",
        private_dns_enabled: true,
        subnet_ids: [refTo(app, "example-network/network/private-subnet-1", "id")],
        security_group_ids: [refTo(app, "example-network/endpoint-security-group/group", "id")],
      }),
    );
    expect(failedRules(outcome)).toContain("VPC.ENDPOINT_POLICIES");
  });

  // Correctly refused today.
  it("refused: egress to a literal prefix list id the rules cannot read fails SG.NO_INTERNET_EGRESS", async () => {
    const outcome = await attack((app) =>
      stackOf(app, "example-network").addOverride("resource.aws_vpc_security_group_egress_rule.anywhere", {
        security_group_id: refTo(app, "example-network/mwaa-security-group/group", "id"),
        ip_protocol: "-1",
        prefix_list_id: "pl-0123456789abcdef0",
        description: "to a customer-managed prefix list",
      }),
    );
    expect(failedRules(outcome)).toContain("SG.NO_INTERNET_EGRESS");
  });

  it("refused: a NAT gateway and default route added in a stack of their own, on the environment's subnet and route table by id, fail VPC.NO_INTERNET_PATH", async () => {
    const outcome = await attack((app) => {
      const egress = new TerraformStack(app, "shared-egress");
      egress.addOverride("provider.aws", [{ region: "eu-west-1", allowed_account_ids: ["111122223333"] }]);
      egress.addOverride("resource.aws_nat_gateway.out", { subnet_id: "subnet-0123456789abcdef0", connectivity_type: "public", allocation_id: "eipalloc-0123456789abcdef0" });
      egress.addOverride("resource.aws_route.default", { route_table_id: "rtb-0123456789abcdef0", destination_cidr_block: "0.0.0.0/1", nat_gateway_id: "${aws_nat_gateway.out.id}" });
    });
    expect(failedRules(outcome)).toContain("VPC.NO_INTERNET_PATH");
  });
});
