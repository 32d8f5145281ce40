import { PATH_RESOURCES } from "../../../modules/guardrails/rules/vpc/internet-paths";
import { vpcNoInternetPath } from "../../../modules/guardrails/rules/vpc/no-internet-path";
import { SynthesizedStack } from "../../../modules/guardrails/synthesized-stack";

type Resources = Record<string, Record<string, Record<string, any>>>;

/** The route table id the MWAA stack would read from the network stack's state. */
const REMOTE_TABLE = "${data.terraform_remote_state.network.outputs.route_table_id}";

const results = (resource: Resources, name = "example-mwaa") =>
  vpcNoInternetPath.evaluate(new SynthesizedStack(name, { resource })).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`);

describe("rule VPC.NO_INTERNET_PATH", () => {
  it("passes route tables with the local route only", () => {
    expect(results({ aws_route_table: { private: { vpc_id: "${aws_vpc.vpc.id}" }, adopted: { vpc_id: "${aws_vpc.vpc.id}", route: [] } } }, "example-network")).toEqual([
      "PASS example-network/private: local route only",
      "PASS example-network/adopted: local route only",
    ]);
    expect(results({ aws_route: { local: { route_table_id: REMOTE_TABLE, destination_cidr_block: "10.40.0.0/16", gateway_id: "local" } } })).toEqual([
      "PASS example-mwaa/local: 10.40.0.0/16 via local",
    ]);
  });

  it("fails every gateway, attachment and peering in a stack that has no VPC, naming what it is", () => {
    const resource: Resources = Object.fromEntries(Object.keys(PATH_RESOURCES).map((type) => [type, { path: { vpc_id: "${data.terraform_remote_state.network.outputs.vpc_id}" } }]));
    const found = results(resource);
    expect(found).toHaveLength(Object.keys(PATH_RESOURCES).length);
    // One name for every type: a path claimed by several blocks names each by its address.
    expect(found.every((f) => /^FAIL example-mwaa\/(aws_[a-z0-9_]+)\.path: \1: /.test(f))).toBe(true);
    expect(found).toContain("FAIL example-mwaa/aws_internet_gateway.path: aws_internet_gateway: an internet gateway: traffic to and from the internet");
    expect(found).toContain("FAIL example-mwaa/aws_nat_gateway.path: aws_nat_gateway: a NAT gateway: traffic to the internet (public) or to networks beyond the VPC (private)");
    expect(found).toContain("FAIL example-mwaa/aws_ec2_transit_gateway_vpc_attachment.path: aws_ec2_transit_gateway_vpc_attachment: a transit gateway attachment: the VPC joins every network the transit gateway routes to");
  });

  it("fails default routes in any notation, and routes whose destinations add up to public space", () => {
    expect(
      results({
        aws_route: {
          default: { route_table_id: REMOTE_TABLE, destination_cidr_block: "0.0.0.0/0", gateway_id: "igw-0123" },
          v6: { route_table_id: REMOTE_TABLE, destination_ipv6_cidr_block: "0::0/0", egress_only_gateway_id: "eigw-0123" },
          half: { route_table_id: REMOTE_TABLE, destination_cidr_block: "128.0.0.0/1", network_interface_id: "eni-0123" },
        },
      }),
    ).toEqual([
      "FAIL example-mwaa/default: route to 0.0.0.0/0 via gateway_id igw-0123: covers public address space 32.0.0.0/3, 64.0.0.0/3, 128.0.0.0/3 and 100 more blocks",
      "FAIL example-mwaa/v6: route to 0::0/0 via egress_only_gateway_id eigw-0123: covers public address space 4000::/2, 8000::/2, c000::/3 and 370 more blocks",
      "FAIL example-mwaa/half: route to 128.0.0.0/1 via network_interface_id eni-0123: covers public address space 128.0.0.0/3, 176.0.0.0/4, 208.0.0.0/4 and 81 more blocks",
    ]);
  });

  it("fails routes to a transit gateway, a peering or a NAT even for a private destination", () => {
    expect(
      results({
        aws_route: {
          tgw: { route_table_id: REMOTE_TABLE, destination_cidr_block: "10.0.0.0/8", transit_gateway_id: "tgw-0123" },
          peer: { route_table_id: REMOTE_TABLE, destination_cidr_block: "172.16.0.0/12", vpc_peering_connection_id: "${aws_vpc_peering_connection.p.id}" },
          listed: { route_table_id: REMOTE_TABLE, destination_prefix_list_id: "pl-0123", nat_gateway_id: "nat-0123" },
        },
      }),
    ).toEqual([
      "FAIL example-mwaa/tgw: route to 10.0.0.0/8 via transit_gateway_id tgw-0123: traffic leaves the VPC, and may go on to the internet",
      "FAIL example-mwaa/peer: route to 172.16.0.0/12 via vpc_peering_connection_id ${aws_vpc_peering_connection.p.id}: traffic leaves the VPC, and may go on to the internet",
      "FAIL example-mwaa/listed: route to prefix list pl-0123 via nat_gateway_id nat-0123: a prefix list destination whose entries the rules do not read",
    ]);
  });

  it("fails a route it cannot read: an expression destination, or a target it does not know", () => {
    expect(
      results({
        aws_route: {
          variable: { route_table_id: REMOTE_TABLE, destination_cidr_block: "${var.destination}", transit_gateway_id: "tgw-0123" },
          unknown: { route_table_id: REMOTE_TABLE, destination_cidr_block: "10.0.0.0/8", odb_network_arn: "arn:aws:odb:eu-west-1:111122223333:odb-network/x" },
        },
      }),
    ).toEqual([
      "FAIL example-mwaa/variable: route to ${var.destination} via transit_gateway_id tgw-0123: unverifiable destination: ${var.destination} is an expression known only at plan time",
      "FAIL example-mwaa/unknown: route to 10.0.0.0/8 via a target the rules do not know: traffic leaves the VPC, and may go on to the internet",
    ]);
  });

  it("fails inline routes, route propagation and routes given as an expression, in route tables and the default route table", () => {
    expect(
      results(
        {
          aws_route_table: {
            inline: { vpc_id: "${aws_vpc.vpc.id}", route: [{ cidr_block: "0.0.0.0/0", nat_gateway_id: "${aws_nat_gateway.nat.id}" }] },
            propagated: { vpc_id: "${aws_vpc.vpc.id}", propagating_vgws: ["vgw-0123"] },
            computed: { vpc_id: "${aws_vpc.vpc.id}", route: "${local.routes}" },
          },
          aws_default_route_table: { main: { default_route_table_id: "${aws_vpc.vpc.default_route_table_id}", route: { ipv6_cidr_block: "::/1", instance_id: "i-0123" } } },
        },
        "example-network",
      ),
    ).toEqual([
      "FAIL example-network/inline: route to 0.0.0.0/0 via nat_gateway_id ${aws_nat_gateway.nat.id}: covers public address space 32.0.0.0/3, 64.0.0.0/3, 128.0.0.0/3 and 100 more blocks",
      "FAIL example-network/propagated: propagating_vgws = [\"vgw-0123\"]: routes from a virtual private gateway",
      "FAIL example-network/computed: unverifiable: route = ${local.routes} is an expression known only at plan time",
      "FAIL example-network/main: route to ::/1 via instance_id i-0123: covers public address space 4000::/2, 1000::/4, 800::/5 and 364 more blocks",
    ]);
  });
});
