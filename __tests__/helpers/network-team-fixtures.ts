import type { NetworkTeamNetwork } from "../../modules/guardrails/network-team";
/** Ids of a network team's VPC, as a config names them (8 or 17 hex digits, as AWS writes them). */
export const TEAM = {
  vpcId: "vpc-0a1b2c3d4e5f60718",
  subnetIds: ["subnet-0a1b2c3d4e5f60711", "subnet-0a1b2c3d4e5f60712"],
  routeTableIds: ["rtb-0a1b2c3d4e5f60713", "rtb-0a1b2c3d4e5f60714"],
  mwaaGroup: "sg-0a1b2c3d4e5f60715",
  endpointGroup: "sg-0a1b2c3d",
} as const;

/**
 * Edits the example's raw config to run in a network team's VPC (network.mode existing): the
 * team provides MWAA's own three endpoints, shared from 10.100.0.0/16; the network stack creates
 * the rest, on the team's route tables, and both security groups. `extra` replaces network fields.
 */
export function inNetworkTeamsVpc(raw: Record<string, any>, extra: Record<string, unknown> = {}): void {
  raw.network = {
    mode: "existing",
    vpcId: TEAM.vpcId,
    vpcCidr: "10.40.0.0/16",
    privateSubnets: [
      { subnetId: TEAM.subnetIds[0], availabilityZone: "eu-west-1a" },
      { subnetId: TEAM.subnetIds[1], availabilityZone: "eu-west-1b" },
    ],
    routeTableIds: [...TEAM.routeTableIds],
    providedEndpoints: ["airflow.api", "airflow.env", "airflow.ops"],
    providedEndpointCidrs: ["10.100.0.0/16"],
    webserverIngressCidrs: ["10.0.0.0/16"],
    ...extra,
  };
}

/** Every endpoint and both security groups the team's: the network stack creates nothing (a shared VPC). */
export function allFromNetworkTeam(raw: Record<string, any>): void {
  inNetworkTeamsVpc(raw, {
    routeTableIds: undefined,
    providedEndpoints: ["sqs", "logs", "monitoring", "kms", "ecr.api", "ecr.dkr", "airflow.api", "airflow.env", "airflow.ops", "s3"],
    providedEndpointCidrs: undefined,
    webserverIngressCidrs: undefined,
    securityGroupIds: { mwaa: TEAM.mwaaGroup },
  });
  for (const key of Object.keys(raw.network)) if (raw.network[key] === undefined) delete raw.network[key];
}

/**
 * The network team's VPC as the synth hands it to the guardrails (SynthesizedStack.networkTeam),
 * from TEAM's ids: both subnets, the MWAA group, no route tables or provided endpoints unless
 * `overrides` names them.
 */
export function teamNetwork(overrides: Partial<NetworkTeamNetwork> = {}): NetworkTeamNetwork {
  return {
    vpcId: TEAM.vpcId,
    vpcCidr: "10.40.0.0/16",
    subnets: [
      { id: TEAM.subnetIds[0], availabilityZone: "eu-west-1a" },
      { id: TEAM.subnetIds[1], availabilityZone: "eu-west-1b" },
    ],
    routeTableIds: [],
    securityGroupIds: { mwaa: TEAM.mwaaGroup },
    providedEndpoints: [],
    ...overrides,
  };
}
