import { NotCheckedRow } from "./not-checked";
import type { SynthesizedStack } from "./synthesized-stack";

/**
 * A network team's VPC as the environment's config declares it (network.mode existing), set by the
 * synth on the environment's network stack (stacks/synthesize.ts), never by the stacks' code. Its
 * ids were validated in config (config/aws-resource-ids.ts); what they name is not in any stack,
 * so no rule can see it: the rules accept these ids where the stacks use them, say so in their
 * evidence, and the review lists what that leaves unchecked (notCheckedInNetworkTeamsVpc).
 */
export interface NetworkTeamNetwork {
  readonly vpcId: string;
  readonly vpcCidr: string;
  readonly subnets: readonly { readonly id: string; readonly availabilityZone: string }[];
  /** The subnets' route tables, which get the route of the S3 gateway the stack creates. */
  readonly routeTableIds: readonly string[];
  /** The team's security groups the environment uses instead of creating them, by role. */
  readonly securityGroupIds: { readonly mwaa?: string; readonly endpoints?: string };
  /** Endpoint services the team provides, by service name (sqs, airflow.api, s3...). */
  readonly providedEndpoints: readonly string[];
}

/** How evidence and the review name the team's VPC: a resource path acknowledgements accept (`<stack> (...)`). */
export const networkTeamVpcPath = (stack: string, network: NetworkTeamNetwork) => `${stack} (network team's VPC ${network.vpcId})`;

/** The phrase every finding and row about what the team provides carries. */
export const PROVIDED_NOT_CHECKED = "provided by the network team (config), not checked";

/** A literal id of the team's network, and how evidence names it. */
export interface NetworkTeamId {
  readonly kind: "vpc" | "subnet" | "security-group";
  readonly text: string;
}

/**
 * What a literal id of the team's network is, when `value` is one the config declares that a stack
 * may hand on (the VPC, a subnet, a security group); undefined for anything else.
 */
export function networkTeamId(network: NetworkTeamNetwork | undefined, value: unknown): NetworkTeamId | undefined {
  if (!network || typeof value !== "string") return undefined;
  if (value === network.vpcId) return { kind: "vpc", text: `the network team's VPC ${value} (config network.vpcId)` };
  const subnet = network.subnets.findIndex((s) => s.id === value);
  if (subnet >= 0) return { kind: "subnet", text: `the network team's subnet ${value} (config network.privateSubnets[${subnet}].subnetId)` };
  const role = (Object.keys(network.securityGroupIds) as ("mwaa" | "endpoints")[]).find((r) => network.securityGroupIds[r] === value);
  return role && { kind: "security-group", text: `the network team's security group ${value} (config network.securityGroupIds.${role})` };
}

export type { NotCheckedRow } from "./not-checked";

/**
 * The review's NOT CHECKED rows for a stack in a network team's VPC: the VPC's routes and flow
 * logs, its subnets' public addresses and its default security group, each endpoint the team
 * provides and each of its security groups the environment uses. These are what the config says
 * are someone else's: shown as the team's, never as a PASS. Empty for any other stack.
 */
export function notCheckedInNetworkTeamsVpc(stack: SynthesizedStack): NotCheckedRow[] {
  const network = stack.networkTeam;
  if (!network) return [];
  const vpc = networkTeamVpcPath(stack.name, network);
  const subnets = network.subnets.map((s) => `${s.id} (${s.availabilityZone})`).join(", ");
  const row = (rules: string[], resource: string, evidence: string): NotCheckedRow => ({ rules, resource, status: "NOT CHECKED", evidence });
  const groups = (Object.entries(network.securityGroupIds) as [string, string | undefined][]).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return [
    row(
      ["VPC.NO_INTERNET_PATH"],
      vpc,
      `the network team's VPC (config network.mode existing): its route tables, gateways, NAT, peering, transit and VPN attachments are in no stack here, so no rule saw whether subnets ${subnets} reach the internet or other networks; not checked`,
    ),
    row(["VPC.FLOW_LOGS"], vpc, "the network team's VPC: its flow logs, if any, are the network team's and in no stack here; not checked"),
    row(["VPC.NO_PUBLIC_IP"], vpc, `the network team's subnets ${subnets}: whether they give instances public IP addresses is in no stack here; not checked`),
    row(["VPC.DEFAULT_SG_CLOSED"], vpc, "the network team's VPC: its default security group is in no stack here; not checked"),
    ...network.providedEndpoints.map((service) =>
      row(
        ["VPC.MWAA_ENDPOINTS", "VPC.ENDPOINT_POLICIES"],
        `${stack.name} (network team's endpoint ${service})`,
        `${PROVIDED_NOT_CHECKED}: whether it exists, resolves with private DNS in both subnets, admits the MWAA security group, and what its endpoint policy allows${service === "s3" ? " (without one, every bucket of every account)" : ""}`,
      ),
    ),
    ...groups.map(([role, id]) =>
      row(
        ["SG.NO_OPEN_INGRESS", "SG.NO_INTERNET_EGRESS", "SG.DESCRIPTIONS"],
        `${stack.name} (network team's security group ${id})`,
        `the network team's security group for ${role === "mwaa" ? "the MWAA environment" : "the interface endpoints"} (config network.securityGroupIds.${role}): its rules are in no stack here; not checked`,
      ),
    ),
  ];
}
