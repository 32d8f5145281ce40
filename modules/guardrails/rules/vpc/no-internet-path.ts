import { check, Rule } from "../../rule";
import { ANYWHERE } from "../security-groups/security-group-rules";
import { blocks } from "../../terraform-document";

const GATEWAYS = ["aws_internet_gateway", "aws_egress_only_internet_gateway", "aws_nat_gateway", "aws_internet_gateway_attachment"];

export const vpcNoInternetPath: Rule = {
  id: "VPC.NO_INTERNET_PATH",
  title: "The VPC has no path to the internet",
  sources: ["Playbook 2 (CS0012300: private subnets, no public access)", "MWAA guide: private network with VPC endpoints"],
  explanation: "With no internet or NAT gateway and no default route, the environment reaches AWS only through VPC endpoints.",
  fix: "Remove internet and NAT gateways and 0.0.0.0/0 routes; add the VPC endpoint the traffic was for.",
  evaluate: (stack) => {
    const gateways = GATEWAYS.flatMap((type) => stack.resources(type)).map((g) => g.path);
    const routes = [
      ...stack.resources("aws_route").filter((r) => ANYWHERE.includes(r.config.destination_cidr_block) || ANYWHERE.includes(r.config.destination_ipv6_cidr_block)).map((r) => r.path),
      ...stack.resources("aws_route_table").filter((t) => blocks(t.config.route).some((r) => ANYWHERE.includes(r.cidr_block) || ANYWHERE.includes(r.ipv6_cidr_block))).map((t) => t.path),
    ];
    return stack.resources("aws_vpc").map((vpc) => {
      const found = [...gateways, ...routes];
      return check(vpc.path, found.length === 0, found.length === 0 ? "no internet or NAT gateway, no default route" : `internet path: ${found.join(", ")}`);
    });
  },
};
