import { MWAA_INTERFACE_ENDPOINT_SERVICES, ProvidableEndpointService, S3_GATEWAY_ENDPOINT_SERVICE } from "../modules/network/mwaa-endpoint-services";
import type { NetworkTeamNetwork } from "../modules/guardrails/network-team";
import { networkStackName } from "./names";
import { ParsedConfig } from "./schema";

/**
 * Who owns the environment's network. `create` (the default): the network stack creates the VPC,
 * its subnets, route tables, endpoints, security groups and flow logs. `existing`: a network team
 * owns the VPC, the subnets, their route tables and flow logs; the network stack creates only what
 * the config does not say the team provides (security groups, interface endpoints, the S3 gateway).
 */
export const NETWORK_MODES = ["create", "existing"] as const;
export type NetworkMode = (typeof NETWORK_MODES)[number];

interface NetworkCommon {
  /** The VPC's IPv4 CIDR: where the MWAA group may send traffic, and what its rules are judged against. */
  readonly vpcCidr: string;
  readonly webserverIngressCidrs: string[];
}

/** A VPC the network stack creates (today's behaviour). */
export interface CreatedNetworkConfig extends NetworkCommon {
  readonly mode: "create";
  readonly privateSubnets: { readonly cidr: string; readonly availabilityZone: string }[];
  readonly flowLogRetentionDays: number;
}

/** A network team's VPC: every id validated in config (config/aws-resource-ids.ts). */
export interface ExistingNetworkConfig extends NetworkCommon {
  readonly mode: "existing";
  readonly vpcId: string;
  readonly privateSubnets: { readonly subnetId: string; readonly availabilityZone: string }[];
  /** Route tables of the two subnets, for the S3 gateway this stack creates; empty when the team provides it. */
  readonly routeTableIds: string[];
  /** The team's security groups to use instead of creating them. */
  readonly securityGroupIds: { readonly mwaa?: string; readonly endpoints?: string };
  /** Endpoint services the team already provides: none of them is created here. */
  readonly providedEndpoints: ProvidableEndpointService[];
  /** Private networks outside the VPC where the team's provided endpoints live (a shared-services VPC). */
  readonly providedEndpointCidrs: string[];
}

export type NetworkConfig = CreatedNetworkConfig | ExistingNetworkConfig;

/** The network as stacks receive it, per mode. Validation (network-mode-rules.ts) guarantees each mode's fields. */
export function resolveNetwork(network: ParsedConfig["network"]): NetworkConfig {
  const common = { vpcCidr: network.vpcCidr, webserverIngressCidrs: network.webserverIngressCidrs };
  if (network.mode === "existing") {
    return {
      ...common,
      mode: "existing",
      vpcId: network.vpcId!,
      privateSubnets: network.privateSubnets.map((s) => ({ subnetId: s.subnetId!, availabilityZone: s.availabilityZone })),
      routeTableIds: network.routeTableIds ?? [],
      securityGroupIds: network.securityGroupIds ?? {},
      providedEndpoints: network.providedEndpoints ?? [],
      providedEndpointCidrs: network.providedEndpointCidrs ?? [],
    };
  }
  return {
    ...common,
    mode: "create",
    privateSubnets: network.privateSubnets.map((s) => ({ cidr: s.cidr!, availabilityZone: s.availabilityZone })),
    flowLogRetentionDays: network.flowLogRetentionDays,
  };
}

/** What the network stack creates in a network team's VPC: what the team does not provide. */
export interface MissingFromNetworkTeam {
  readonly mwaaSecurityGroup: boolean;
  readonly endpointSecurityGroup: boolean;
  /** Interface endpoints to create, by service. */
  readonly interfaceServices: readonly string[];
  readonly s3Gateway: boolean;
}

/** Defined once for the network stack and its deployer policy, which must agree. */
export function missingFromNetworkTeam(network: ExistingNetworkConfig): MissingFromNetworkTeam {
  const interfaceServices = MWAA_INTERFACE_ENDPOINT_SERVICES.filter((service) => !network.providedEndpoints.includes(service));
  return {
    mwaaSecurityGroup: network.securityGroupIds.mwaa === undefined,
    endpointSecurityGroup: interfaceServices.length > 0 && network.securityGroupIds.endpoints === undefined,
    interfaceServices,
    s3Gateway: !network.providedEndpoints.includes(S3_GATEWAY_ENDPOINT_SERVICE),
  };
}

/**
 * What the guardrails learn of a network team's VPC: the ids the config validated, for the
 * environment's network stack (the one that uses them) and no other stack. Undefined otherwise.
 */
export function networkTeamOf(network: NetworkConfig, environment: string, stack: string): NetworkTeamNetwork | undefined {
  if (network.mode !== "existing" || stack !== networkStackName(environment)) return undefined;
  return {
    vpcId: network.vpcId,
    vpcCidr: network.vpcCidr,
    subnets: network.privateSubnets.map((s) => ({ id: s.subnetId, availabilityZone: s.availabilityZone })),
    routeTableIds: network.routeTableIds,
    securityGroupIds: network.securityGroupIds,
    providedEndpoints: network.providedEndpoints,
  };
}
