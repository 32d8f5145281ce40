import { shown } from "../../own-references";
import { AddressSet } from "../../address-space";
import { readCidr } from "../../cidr-values";
import { publicPart } from "../../non-public-address-space";
import { Evaluation, check, fail } from "../../rule";
import { SynthesizedStack } from "../../synthesized-stack";

/**
 * Resources that open a path between a VPC's subnets and the internet, or a network that may lead
 * to it, whichever stack declares them: the stacks of an environment hand VPC, subnet and route
 * table ids to each other through remote state, so a gateway declared in any of them reaches the
 * subnets. Names and arguments from the AWS provider (hashicorp/aws 6.25.0).
 */
export const PATH_RESOURCES: Readonly<Record<string, string>> = {
  aws_internet_gateway: "an internet gateway: traffic to and from the internet",
  aws_internet_gateway_attachment: "an internet gateway attached to a VPC",
  aws_egress_only_internet_gateway: "an egress-only internet gateway: IPv6 traffic to the internet",
  aws_nat_gateway: "a NAT gateway: traffic to the internet (public) or to networks beyond the VPC (private)",
  aws_nat_gateway_eip_association: "a public address for a NAT gateway",
  aws_ec2_carrier_gateway: "a carrier gateway: traffic to the carrier network and the internet from a Wavelength Zone",
  aws_vpn_gateway: "a virtual private gateway: a VPN or Direct Connect path into the VPC",
  aws_vpn_gateway_attachment: "a virtual private gateway attached to a VPC",
  aws_vpn_gateway_route_propagation: "routes propagated from a virtual private gateway into a route table",
  aws_vpn_connection: "a site-to-site VPN connection over the internet",
  aws_dx_gateway_association: "a Direct Connect gateway associated with a virtual private or transit gateway",
  aws_ec2_transit_gateway_vpc_attachment: "a transit gateway attachment: the VPC joins every network the transit gateway routes to",
  aws_ec2_transit_gateway_vpc_attachment_accepter: "an accepted transit gateway attachment of the VPC",
  aws_networkmanager_vpc_attachment: "a Cloud WAN attachment: the VPC joins a core network",
  aws_vpc_peering_connection: "a VPC peering connection: a path to another VPC and whatever it reaches",
  aws_vpc_peering_connection_accepter: "an accepted VPC peering connection",
  aws_odb_network_peering_connection: "a peering connection between the VPC and an Oracle Database@AWS network",
  aws_ec2_local_gateway_route_table_vpc_association: "an Outposts local gateway route table associated with the VPC: a path to the on-premises network",
  aws_vpc_route_server_vpc_association: "a route server associated with the VPC: routes learned over BGP",
  aws_vpc_route_server_propagation: "routes a route server learned over BGP, propagated into a route table",
  aws_ec2_client_vpn_network_association: "a Client VPN endpoint associated with a subnet: clients on the internet inside the VPC",
  aws_api_gateway_vpc_link: "an API Gateway VPC link: a public API into the VPC",
  aws_apigatewayv2_vpc_link: "an API Gateway VPC link: a public API into the VPC",
  aws_cloudfront_vpc_origin: "a CloudFront VPC origin: a public distribution into the VPC",
  aws_ec2_instance_connect_endpoint: "an EC2 Instance Connect Endpoint: SSH and RDP from the internet into the subnet",
  aws_default_vpc: "the Region's default VPC, which has an internet gateway and public subnets",
  aws_default_subnet: "a default subnet: public, routed to the default VPC's internet gateway",
};

/** Arguments of a route that name where its traffic goes (`aws_route`, and route blocks of route tables). */
const ROUTE_TARGETS = [
  "gateway_id",
  "nat_gateway_id",
  "egress_only_gateway_id",
  "transit_gateway_id",
  "vpc_peering_connection_id",
  "network_interface_id",
  "instance_id",
  "carrier_gateway_id",
  "local_gateway_id",
  "core_network_arn",
  "vpc_endpoint_id",
];

const isSet = (value: unknown) => value !== undefined && value !== null && value !== "";

/** Where a route sends traffic, read from `aws_route` or a route block (whose destination arguments are named differently). */
function routeEvidence(stack: SynthesizedStack, route: Record<string, any>, names: { cidr: string; ipv6: string }): { compliant: boolean; evidence: string } {
  const targets = ROUTE_TARGETS.filter((t) => isSet(route[t]));
  const destinations = [names.cidr, names.ipv6].filter((d) => isSet(route[d])).map((d) => readCidr(stack, route[d]));
  const prefixList = isSet(route.destination_prefix_list_id) ? `prefix list ${shown(route.destination_prefix_list_id)}` : undefined;
  const to = [...destinations.map((d) => d.text), ...(prefixList ? [prefixList] : [])].join(", ") || "no destination";
  // The local route keeps traffic inside the VPC; it is the only route a private VPC has.
  if (targets.length === 1 && route.gateway_id === "local") return { compliant: true, evidence: `${to} via local` };
  const via = targets.map((t) => `${t} ${shown(route[t])}`).join(", ") || "a target the rules do not know";
  const notes: string[] = [];
  const reached = publicPart(AddressSet.of(destinations.flatMap((d) => (d.kind === "cidr" ? [d.cidr] : []))));
  if (!reached.isEmpty) notes.push(`covers public address space ${reached.describe()}`);
  for (const d of destinations) if (d.kind === "unverifiable") notes.push(`unverifiable destination: ${d.text} ${d.reason}`);
  if (prefixList) notes.push("a prefix list destination whose entries the rules do not read");
  if (notes.length === 0) notes.push("traffic leaves the VPC, and may go on to the internet");
  return { compliant: false, evidence: `route to ${to} via ${via}: ${notes.join("; ")}` };
}

/** An `aws_route_table` or `aws_default_route_table`: its inline routes and route propagation. */
function routeTableEvaluation(stack: SynthesizedStack, table: { path: string; config: Record<string, any> }): Evaluation {
  const problems: string[] = [];
  const local: string[] = [];
  const routes = table.config.route;
  if (isSet(routes)) {
    const items = Array.isArray(routes) ? routes : [routes];
    for (const item of items) {
      if (typeof item !== "object" || item === null) {
        problems.push(`unverifiable: route = ${shown(item)} is an expression known only at plan time`);
        continue;
      }
      const judged = routeEvidence(stack, item, { cidr: "cidr_block", ipv6: "ipv6_cidr_block" });
      (judged.compliant ? local : problems).push(judged.evidence);
    }
  }
  const vgws = table.config.propagating_vgws;
  if (isSet(vgws) && !(Array.isArray(vgws) && vgws.length === 0)) problems.push(`propagating_vgws = ${shown(vgws)}: routes from a virtual private gateway`);
  const evidence = problems.length > 0 ? problems.join("; ") : local.length > 0 ? `local routes only: ${local.join(", ")}` : "local route only";
  return check(table.path, problems.length === 0, evidence);
}

/** Route tables whose routes this rule reads: an association to anything else attaches unseen routes. */
const ROUTE_TABLES = ["aws_route_table", "aws_default_route_table"];

/**
 * An `aws_route_table_association` or `aws_main_route_table_association`: its subnets (or the whole
 * VPC, for the main table) take the routes of the table it names, so that table must be one whose
 * routes are judged here. A literal id or any other expression is a route table no rule has seen;
 * an edge association with a gateway routes the gateway's traffic into the VPC.
 */
function associationEvaluation(stack: SynthesizedStack, association: { path: string; type: string; config: Record<string, any> }): Evaluation {
  const { route_table_id: table, gateway_id: gateway } = association.config;
  const problems: string[] = [];
  const target = stack.referenced(table);
  const judged = target && ROUTE_TABLES.includes(target.resource.type) && target.attribute === "id";
  if (!judged) problems.push(`unverifiable: route_table_id = ${shown(table)} is not a route table of this stack, so its routes are not judged`);
  if (isSet(gateway)) problems.push(`gateway_id = ${shown(gateway)}: an edge association routes a gateway's traffic into the VPC`);
  return check(association.path, problems.length === 0, problems.length === 0 ? `route table ${target!.resource.path}, judged here` : problems.join("; "));
}

/** Every route, route table, route table association and path resource of the stack. */
export function internetPathEvaluations(stack: SynthesizedStack): Evaluation[] {
  return [
    ...ROUTE_TABLES.flatMap((type) => stack.resources(type).map((t) => routeTableEvaluation(stack, t))),
    ...["aws_route_table_association", "aws_main_route_table_association"].flatMap((type) => stack.resources(type).map((a) => associationEvaluation(stack, a))),
    ...stack.resources("aws_route").map((r) => {
      const judged = routeEvidence(stack, r.config, { cidr: "destination_cidr_block", ipv6: "destination_ipv6_cidr_block" });
      return check(r.path, judged.compliant, judged.evidence);
    }),
    ...Object.entries(PATH_RESOURCES).flatMap(([type, what]) => stack.resources(type).map((r) => fail(r.path, `${type}: ${what}`))),
  ];
}
