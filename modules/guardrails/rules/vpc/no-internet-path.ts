import { Rule } from "../../rule";
import { internetPathEvaluations } from "./internet-paths";

export const vpcNoInternetPath: Rule = {
  id: "VPC.NO_INTERNET_PATH",
  title: "No stack opens a path between the subnets and the internet",
  evaluates: "every stack, whether or not it owns the VPC: internet, NAT, egress-only, VPN and carrier gateways, transit gateway attachments, peering and the other path resources; every aws_route and route block other than the local route; propagating_vgws; route_table_id of every aws_route_table_association and aws_main_route_table_association (a route table of this stack)",
  sources: ["Playbook 2 (CS0012300: private subnets, no public access)", "MWAA guide: private network with VPC endpoints"],
  explanation:
    "Judged in every stack, not only the one that owns the VPC: stacks share VPC and route table ids through remote state. Internet, NAT, egress-only and carrier gateways, virtual private gateways and VPN connections, transit gateway and Cloud WAN attachments, peering, route servers, Client VPN, VPC links and the default VPC each fail where they are declared, as does every route (aws_route, inline routes, route propagation) other than the local one, whatever its destination, and every association with a route table whose routes no stack shows (a literal id). With none, the environment reaches AWS only through VPC endpoints.",
  fix: "Remove the gateway, attachment or route and add the VPC endpoint the traffic was for; a reviewed path to a private network (a transit gateway to on-premises) is acknowledged with a reason and an expiry.",
  evaluate: internetPathEvaluations,
};
