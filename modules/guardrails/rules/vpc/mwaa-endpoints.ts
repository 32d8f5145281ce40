import { MWAA_INTERFACE_ENDPOINT_SERVICES, S3_GATEWAY_ENDPOINT_SERVICE } from "../../../network/mwaa-endpoint-services";
import { NetworkTeamNetwork, networkTeamVpcPath, PROVIDED_NOT_CHECKED } from "../../network-team";
import { check, Evaluation, Rule } from "../../rule";
import { SynthesizedStack, SynthResource } from "../../synthesized-stack";

/** Services a private MWAA environment must reach through interface endpoints (MWAA guide). */
const INTERFACE_SERVICES: readonly string[] = MWAA_INTERFACE_ENDPOINT_SERVICES;

const serviceOf = (name: unknown) => String(name).replace(/^com\.amazonaws\.[\w-]+\./, "");
const listed = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** What a VPC's endpoints must be: in at least two subnets (or all of `subnets`), on route tables (or all of `routeTables`). */
interface Placement {
  readonly subnets?: readonly string[];
  readonly routeTables?: readonly string[];
}

function completeInterface(e: SynthResource, service: string, placement: Placement): boolean {
  const subnets = listed(e.config.subnet_ids);
  const inSubnets = placement.subnets ? placement.subnets.every((id) => subnets.includes(id)) : subnets.length >= 2;
  return serviceOf(e.config.service_name) === service && e.config.vpc_endpoint_type === "Interface" && e.config.private_dns_enabled === true && inSubnets;
}

function completeS3Gateway(e: SynthResource, placement: Placement): boolean {
  const tables = listed(e.config.route_table_ids);
  const onTables = placement.routeTables ? placement.routeTables.every((id) => tables.includes(id)) : tables.length > 0;
  return serviceOf(e.config.service_name) === S3_GATEWAY_ENDPOINT_SERVICE && e.config.vpc_endpoint_type === "Gateway" && tables.length > 0 && onTables;
}

/** The services of `endpoints` missing or incomplete, except those `provided` names. */
function missingServices(endpoints: SynthResource[], placement: Placement, provided: readonly string[] = []): string[] {
  const missing = INTERFACE_SERVICES.filter((service) => !provided.includes(service) && !endpoints.some((e) => completeInterface(e, service, placement)));
  if (!provided.includes(S3_GATEWAY_ENDPOINT_SERVICE) && !endpoints.some((e) => completeS3Gateway(e, placement))) missing.push("s3 (gateway)");
  return missing;
}

/**
 * The network team's VPC, by the literal id the stack's endpoints name: every service created here
 * in both of its subnets (and the S3 gateway on its route tables), or provided by the team. What
 * the team provides is accepted as the config states it, and the evidence says it was not checked.
 */
function networkTeamVpc(stack: SynthesizedStack, network: NetworkTeamNetwork): Evaluation[] {
  const endpoints = stack.resources("aws_vpc_endpoint").filter((e) => e.config.vpc_id === network.vpcId);
  const subnets = network.subnets.map((s) => s.id);
  const placement = { subnets, routeTables: network.routeTableIds };
  const missing = missingServices(endpoints, placement, network.providedEndpoints);
  const created = INTERFACE_SERVICES.filter((service) => endpoints.some((e) => completeInterface(e, service, placement)));
  const s3 = endpoints.some((e) => completeS3Gateway(e, placement));
  const found = [
    ...(created.length > 0 ? [`created here with private DNS in subnets ${subnets.join(", ")}: ${created.join(", ")}`] : []),
    ...(s3 ? [`S3 gateway created here on route tables ${network.routeTableIds.join(", ")}`] : []),
    ...(network.providedEndpoints.length > 0 ? [`${network.providedEndpoints.join(", ")}: ${PROVIDED_NOT_CHECKED}`] : []),
  ];
  // Every endpoint the team's: nothing here to judge, and no PASS for it (the review lists each as NOT CHECKED).
  if (missing.length === 0 && created.length === 0 && !s3) return [];
  const evidence = [...(missing.length > 0 ? [`missing or incomplete: ${missing.join(", ")}`] : []), ...found].join("; ");
  return [check(networkTeamVpcPath(stack.name, network), missing.length === 0, evidence)];
}

export const vpcMwaaEndpoints: Rule = {
  id: "VPC.MWAA_ENDPOINTS",
  title: "The VPC has every endpoint a private MWAA environment needs",
  evaluates:
    "the aws_vpc_endpoint resources of every aws_vpc: the nine interface endpoints with private DNS in 2+ subnets and the S3 gateway on route tables; in a network team's VPC (config network.mode existing), the endpoints naming its id: each service created in both of its subnets (the S3 gateway on its route tables) or provided by the team, which is not checked",
  sources: ["MWAA guide: required VPC endpoints", "Playbook 2 (VPC endpoints prevent public access)"],
  explanation:
    "Without an endpoint (and its private DNS, in both subnets) the environment cannot reach that service and fails to create or to run tasks. In a network team's VPC, an endpoint the config says the team provides (in the VPC or shared centrally) is in no stack here: it is accepted on the config's word, and the evidence and the review say it was not checked.",
  fix: `Create interface endpoints with private DNS in both subnets for ${INTERFACE_SERVICES.join(", ")}, and an S3 gateway endpoint on the private route tables (VpcEndpoints does); in a network team's VPC, list in network.providedEndpoints only what the team provides.`,
  evaluate: (stack) => [
    ...stack.resources("aws_vpc").map((vpc) => {
      const missing = missingServices(stack.attachedTo(vpc, "aws_vpc_endpoint", "vpc_id", ["id"]), {});
      return check(vpc.path, missing.length === 0, missing.length === 0 ? `${INTERFACE_SERVICES.length} interface endpoints with private DNS in 2+ subnets, S3 gateway` : `missing or incomplete: ${missing.join(", ")}`);
    }),
    ...(stack.networkTeam ? networkTeamVpc(stack, stack.networkTeam) : []),
  ],
};
