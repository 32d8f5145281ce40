import { MWAA_INTERFACE_ENDPOINT_SERVICES, S3_GATEWAY_ENDPOINT_SERVICE } from "../modules/network/mwaa-endpoint-services";
import { isPrivateCidr, parseCidr } from "./cidr";
import { NETWORK_MODES } from "./network-mode";
import type { Problem } from "./rules";

/**
 * Which network fields each network.mode takes, and how a network team's VPC (mode existing) fits
 * together. Reads the raw file defensively, like rules.ts: a field of the wrong type is left to the
 * schema's message.
 */

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Fields of network only a network team's VPC has. */
const EXISTING_ONLY = ["vpcId", "routeTableIds", "securityGroupIds", "providedEndpoints", "providedEndpointCidrs"] as const;

const ONLY_EXISTING = "applies only to network.mode existing (a network team's VPC); remove it or set network.mode to existing";
const NOT_WITH_TEAM_GROUP =
  "applies only to the MWAA security group the network stack creates; the network team's group (network.securityGroupIds.mwaa) keeps its own rules: remove it, or ask the network team to add them";

export function networkModeProblems(network: Raw, airflow: Raw): Problem[] {
  const mode = network.mode ?? "create";
  if (!(NETWORK_MODES as readonly unknown[]).includes(mode)) return [];
  const problems: Problem[] = [];
  if (airflow.endpointManagement === "CUSTOMER" && mode !== "existing") {
    problems.push({
      path: "airflow.endpointManagement",
      value: "CUSTOMER",
      message:
        "needs network.mode existing: with CUSTOMER, the VPC's owner creates the environment's database and webserver endpoints, and with a VPC this project creates nobody would (the environment would fail after 72 hours in PENDING); use SERVICE, or a network team's VPC",
    });
  }
  return [...problems, ...(mode === "existing" ? existingProblems(network) : createProblems(network)), ...endpointCidrProblems(network)];
}

function createProblems(network: Raw): Problem[] {
  const problems: Problem[] = EXISTING_ONLY.filter((field) => field in network).map((field) => ({ path: `network.${field}`, value: network[field], message: ONLY_EXISTING }));
  listOf(network.privateSubnets).forEach((subnet, index) => {
    if (!isObject(subnet)) return;
    const path = `network.privateSubnets[${index}]`;
    if ("subnetId" in subnet) problems.push({ path: `${path}.subnetId`, value: subnet.subnetId, message: ONLY_EXISTING });
    if (subnet.cidr === undefined) problems.push({ path: `${path}.cidr`, message: "is required when network.mode is create: the IPv4 CIDR of the subnet the network stack creates" });
  });
  return problems;
}

function existingProblems(network: Raw): Problem[] {
  const problems: Problem[] = [];
  if (network.vpcId === undefined) problems.push({ path: "network.vpcId", message: "is required when network.mode is existing: the id of the network team's VPC" });
  if ("flowLogRetentionDays" in network) {
    problems.push({ path: "network.flowLogRetentionDays", value: network.flowLogRetentionDays, message: "applies only to network.mode create: the network team keeps its VPC's flow logs; remove it" });
  }

  const subnetIds = new Map<unknown, number>();
  listOf(network.privateSubnets).forEach((subnet, index) => {
    if (!isObject(subnet)) return;
    const path = `network.privateSubnets[${index}]`;
    if ("cidr" in subnet) problems.push({ path: `${path}.cidr`, value: subnet.cidr, message: "applies only to network.mode create: the network team's subnet keeps its own CIDR; remove it" });
    if (subnet.subnetId === undefined) {
      problems.push({ path: `${path}.subnetId`, message: "is required when network.mode is existing: the id of one of the network team's two private subnets" });
    } else if (subnetIds.has(subnet.subnetId)) {
      problems.push({ path: `${path}.subnetId`, value: subnet.subnetId, message: `is also network.privateSubnets[${subnetIds.get(subnet.subnetId)}].subnetId; MWAA needs two different subnets` });
    } else {
      subnetIds.set(subnet.subnetId, index);
    }
  });

  const provided = listOf(network.providedEndpoints);
  problems.push(...twice("network.providedEndpoints", provided), ...twice("network.routeTableIds", listOf(network.routeTableIds)));
  const s3Provided = provided.includes(S3_GATEWAY_ENDPOINT_SERVICE);
  if (s3Provided && "routeTableIds" in network) {
    problems.push({ path: "network.routeTableIds", value: network.routeTableIds, message: "is not used: the network team provides the S3 gateway endpoint (s3 is in network.providedEndpoints); remove it" });
  }
  if (!s3Provided && network.routeTableIds === undefined) {
    problems.push({
      path: "network.routeTableIds",
      message: "is required when network.mode is existing and the network stack creates the S3 gateway endpoint (s3 is not in network.providedEndpoints): the route tables of the two subnets, which get its route",
    });
  }

  const groups = isObject(network.securityGroupIds) ? network.securityGroupIds : {};
  const teamGroup = groups.mwaa !== undefined;
  if (s3Provided && !teamGroup) {
    problems.push({
      path: "network.providedEndpoints",
      value: network.providedEndpoints,
      message:
        "lists s3 while the network stack creates the MWAA security group, whose egress to S3 goes to the prefix list of a gateway endpoint; only a gateway the stack creates has a prefix list the guardrails can judge (SG.NO_INTERNET_EGRESS fails any other): set network.securityGroupIds.mwaa to the network team's group, or remove s3 and set network.routeTableIds",
    });
  }
  const everyInterfaceProvided = MWAA_INTERFACE_ENDPOINT_SERVICES.every((service) => provided.includes(service));
  if (groups.endpoints !== undefined && everyInterfaceProvided) {
    problems.push({ path: "network.securityGroupIds.endpoints", value: groups.endpoints, message: "is not used: the network team provides every interface endpoint, so the network stack creates none; remove it" });
  }
  if (teamGroup && listOf(network.webserverIngressCidrs).length > 0) {
    problems.push({ path: "network.webserverIngressCidrs", value: network.webserverIngressCidrs, message: NOT_WITH_TEAM_GROUP });
  }
  if (teamGroup && "providedEndpointCidrs" in network) {
    problems.push({ path: "network.providedEndpointCidrs", value: network.providedEndpointCidrs, message: NOT_WITH_TEAM_GROUP });
  }
  return problems;
}

/** Each network where a team's shared endpoints live: a private CIDR block, whatever the mode. */
function endpointCidrProblems(network: Raw): Problem[] {
  return listOf(network.providedEndpointCidrs).flatMap((value, index): Problem[] => {
    if (typeof value !== "string") return [];
    const path = `network.providedEndpointCidrs[${index}]`;
    const parsed = parseCidr(value);
    if (typeof parsed === "string") return [{ path, value, message: parsed }];
    if (isPrivateCidr(parsed)) return [];
    return [{ path, value, message: "must be a private network (inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10): the MWAA group never reaches the internet" }];
  });
}

/** One problem per item that repeats an earlier one. */
function twice(path: string, items: unknown[]): Problem[] {
  return items.flatMap((item, index) => {
    const first = items.indexOf(item);
    return first < index ? [{ path: `${path}[${index}]`, value: item, message: `is also ${path}[${first}]; list each once` }] : [];
  });
}
