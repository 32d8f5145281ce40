import { SynthesizedStack } from "../guardrails/synthesized-stack";
import { blocks } from "../guardrails/terraform-document";
import { codeSpan, markdownText } from "./markdown";
import { humanize, table } from "./references";

/** Endpoints, route tables and security group rules of a stack that holds a VPC. */
export function networkSummary(stack: SynthesizedStack): string | undefined {
  if (stack.resources("aws_vpc").length === 0) return undefined;
  const parts: string[] = [];

  for (const vpc of stack.resources("aws_vpc")) {
    parts.push(`VPC ${codeSpan(vpc.config.cidr_block)}, DNS support ${markdownText(vpc.config.enable_dns_support)}, DNS hostnames ${markdownText(vpc.config.enable_dns_hostnames)}.`);
  }
  parts.push(
    table(
      ["subnet", "CIDR", "zone", "public IP on launch"],
      stack.resources("aws_subnet").map((s) => [humanize(stack, `\${aws_subnet.${s.logicalId}.id}`).replace(/\.id$/, ""), s.config.cidr_block, s.config.availability_zone, s.config.map_public_ip_on_launch ?? false]),
    ),
  );
  parts.push(
    "**Endpoints**",
    table(
      ["service", "type", "private DNS", "subnets", "route tables", "security groups"],
      stack.resources("aws_vpc_endpoint").map((e) => [
        e.config.service_name,
        e.config.vpc_endpoint_type,
        e.config.private_dns_enabled ?? "",
        (e.config.subnet_ids ?? []).length || "",
        (e.config.route_table_ids ?? []).length || "",
        (e.config.security_group_ids ?? []).map((g: string) => humanize(stack, g)).join(", "),
      ]),
    ),
  );
  const routes = [
    ...stack.resources("aws_route_table").map((t) => [t.path.split("/").slice(1).join("/"), blocks(t.config.route).map((r) => `${r.cidr_block ?? r.ipv6_cidr_block} via ${r.gateway_id ?? r.nat_gateway_id ?? "?"}`).join(", ") || "local route only"]),
    ...stack.resources("aws_route").map((r) => [humanize(stack, r.config.route_table_id), `${r.config.destination_cidr_block ?? r.config.destination_ipv6_cidr_block} (aws_route)`]),
  ];
  parts.push("**Routes**", table(["route table", "routes"], routes));
  const gateways = ["aws_internet_gateway", "aws_nat_gateway", "aws_egress_only_internet_gateway"].flatMap((t) => stack.resources(t));
  parts.push(gateways.length === 0 ? "No internet gateway, NAT gateway or egress-only gateway." : `Gateways: ${markdownText(gateways.map((g) => g.path).join(", "))}.`);

  const groups = stack.resources("aws_security_group").map((g) => [humanize(stack, `\${aws_security_group.${g.logicalId}.id}`).replace(/\.id$/, ""), g.config.name, g.config.description]);
  parts.push("**Security groups**", table(["group", "name", "description"], groups));
  const rules = (["ingress", "egress"] as const).flatMap((direction) =>
    stack.resources(`aws_vpc_security_group_${direction}_rule`).map((r) => [
      humanize(stack, r.config.security_group_id).replace(/\.id$/, ""),
      direction,
      r.config.ip_protocol === "-1" ? "all" : `${r.config.ip_protocol} ${r.config.from_port}${r.config.to_port !== r.config.from_port ? `-${r.config.to_port}` : ""}`,
      humanize(stack, r.config.cidr_ipv4 ?? r.config.cidr_ipv6 ?? r.config.referenced_security_group_id ?? r.config.prefix_list_id).replace(/\.(id|prefix_list_id)$/, ""),
      r.config.description,
    ]),
  );
  parts.push(table(["group", "direction", "protocol and ports", "peer", "description"], rules));
  const defaults = stack.resources("aws_default_security_group");
  parts.push(defaults.length > 0 ? `Default security group: adopted with ${blocks(defaults[0].config.ingress).length} ingress and ${blocks(defaults[0].config.egress).length} egress rules.` : "Default security group: not managed.");
  return parts.join("\n\n");
}
