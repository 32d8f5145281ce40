import { networkTeamOf } from "../../config/network-mode";
import { evaluateStack } from "../../modules/guardrails/evaluate";
import { SynthesizedStack } from "../../modules/guardrails/synthesized-stack";
import { EnvironmentConfig } from "../../config/environment-config";
import { exampleConfig } from "../helpers/config-fixtures";
import { allFromNetworkTeam, inNetworkTeamsVpc, TEAM } from "../helpers/network-team-fixtures";
import { ref, resourceAt, resources, StackJson, synthEnvironment, TODAY } from "../helpers/synth";

/** Every rule over the environment's stacks, as the synth judges them (the team's ids on the network stack). */
function violations(config: EnvironmentConfig, stacks: Record<string, StackJson>): string[] {
  return Object.entries(stacks).flatMap(([name, json]) => {
    const stack = new SynthesizedStack(name, json);
    stack.environmentAccount = config.account;
    stack.networkTeam = networkTeamOf(config.network, config.name, name);
    return evaluateStack(stack, [], TODAY).filter((f) => f.status !== "PASS").map((f) => `${f.rule.id} ${f.resource}: ${f.evidence}`);
  });
}

describe("the stacks in a network team's VPC (network.mode existing, CUSTOMER endpoint management)", () => {
  const config = exampleConfig((raw) => {
    inNetworkTeamsVpc(raw);
    raw.airflow.endpointManagement = "CUSTOMER";
  });
  let network: StackJson;
  let mwaa: StackJson;
  let state: StackJson;
  beforeAll(() => {
    ({ network, mwaa, state: state! } = synthEnvironment(config) as { network: StackJson; mwaa: StackJson; state: StackJson });
  });
  const mwaaGroupId = () => ref(network, "aws_security_group", "mwaa-security-group/group", "id");

  it("creates no VPC, subnet, route, default group, flow log or flow-log key: the network team owns them", () => {
    for (const type of ["aws_vpc", "aws_subnet", "aws_route_table", "aws_route_table_association", "aws_route", "aws_default_security_group", "aws_flow_log", "aws_kms_key", "aws_cloudwatch_log_group", "aws_iam_role"]) {
      expect({ type, found: resources(network, type) }).toEqual({ type, found: {} });
    }
  });

  it("creates only the interface endpoints the team does not provide, with private DNS in both of its subnets", () => {
    const interfaces = Object.values(resources(network, "aws_vpc_endpoint")).filter((e) => e.vpc_endpoint_type === "Interface");
    expect(interfaces.map((e) => e.service_name).sort()).toEqual(["sqs", "logs", "monitoring", "kms", "ecr.api", "ecr.dkr"].map((s) => `com.amazonaws.eu-west-1.${s}`).sort());
    for (const endpoint of interfaces) {
      expect(endpoint).toMatchObject({ vpc_id: TEAM.vpcId, private_dns_enabled: true, subnet_ids: [...TEAM.subnetIds] });
      expect(endpoint.security_group_ids).toEqual([ref(network, "aws_security_group", "endpoint-security-group/group", "id")]);
    }
  });

  it("routes S3 through a gateway endpoint on the team's route tables, with the DAG bucket policy", () => {
    expect(resourceAt(network, "aws_vpc_endpoint", "endpoints/s3")).toMatchObject({ vpc_endpoint_type: "Gateway", vpc_id: TEAM.vpcId, route_table_ids: [...TEAM.routeTableIds] });
  });

  it("creates both security groups in the team's VPC; the MWAA group reaches the VPC, the shared endpoints on 443 and the S3 gateway", () => {
    for (const group of Object.values(resources(network, "aws_security_group"))) expect(group.vpc_id).toBe(TEAM.vpcId);
    const egress = Object.values(resources(network, "aws_vpc_security_group_egress_rule")).map((r) => r.cidr_ipv4 ?? r.prefix_list_id);
    expect(egress.sort()).toEqual(["10.40.0.0/16", "10.100.0.0/16", ref(network, "aws_vpc_endpoint", "endpoints/s3", "prefix_list_id")].sort());
    expect(resourceAt(network, "aws_vpc_security_group_egress_rule", "to-shared-endpoints-1")).toMatchObject({ ip_protocol: "tcp", from_port: 443, to_port: 443, security_group_id: mwaaGroupId() });
  });

  it("hands the team's VPC and subnets on as the ids the config validated, and the group it created by reference", () => {
    expect(network.output).toMatchObject({
      vpc_id: { value: TEAM.vpcId },
      private_subnet_ids: { value: [...TEAM.subnetIds] },
      mwaa_security_group_id: { value: mwaaGroupId() },
    });
  });

  it("leaves MWAA's database and webserver endpoints to the team, and outputs the two services they connect to", () => {
    const environment = resourceAt(mwaa, "aws_mwaa_environment", "airflow/environment");
    expect(environment.endpoint_management).toBe("CUSTOMER");
    const id = Object.keys(resources(mwaa, "aws_mwaa_environment"))[0];
    expect(mwaa.output).toMatchObject({
      database_vpc_endpoint_service: { value: `\${aws_mwaa_environment.${id}.database_vpc_endpoint_service}` },
      webserver_vpc_endpoint_service: { value: `\${aws_mwaa_environment.${id}.webserver_vpc_endpoint_service}` },
    });
  });

  it("passes every guardrail, the team's ids accepted as the config declares them", () => {
    expect(violations(config, { "example-state": state, "example-network": network, "example-mwaa": mwaa })).toEqual([]);
  });

  it("fails the outputs of the team's ids when the guardrails are not told of the team's VPC", () => {
    // The same literal ids with no declaration from config: ids no rule has seen.
    const stack = new SynthesizedStack("example-network", network);
    stack.environmentAccount = config.account;
    const failing = evaluateStack(stack, [], TODAY).filter((f) => f.status === "FAIL").map((f) => `${f.rule.id} ${f.resource}`);
    expect(failing).toEqual(["STATE.OUTPUTS_FROM_RESOURCES example-network/output private_subnet_ids", "STATE.OUTPUTS_FROM_RESOURCES example-network/output vpc_id"]);
  });
});

describe("the stacks when the network team provides every endpoint and the MWAA group (a shared VPC)", () => {
  const config = exampleConfig(allFromNetworkTeam);
  const { network, mwaa } = synthEnvironment(config);

  it("creates nothing in the network stack, and hands on the team's ids", () => {
    expect(network.resource ?? {}).toEqual({});
    expect(network.output).toMatchObject({ private_subnet_ids: { value: [...TEAM.subnetIds] }, mwaa_security_group_id: { value: TEAM.mwaaGroup } });
  });

  it("keeps SERVICE endpoint management and no endpoint-service outputs by default", () => {
    expect(resourceAt(mwaa, "aws_mwaa_environment", "airflow/environment").endpoint_management).toBe("SERVICE");
    expect(Object.keys(mwaa.output)).not.toContain("database_vpc_endpoint_service");
  });

  it("passes every guardrail", () => {
    expect(violations(config, { "example-network": network, "example-mwaa": mwaa })).toEqual([]);
  });
});

describe("the Secrets Manager endpoint in a network team's VPC", () => {
  const endpointServices = (config: EnvironmentConfig) =>
    Object.values(resources((synthEnvironment(config) as { network: StackJson }).network, "aws_vpc_endpoint")).map((e) => String(e.service_name).split(".").pop());

  it("is created in the team's VPC with the others the team does not provide, and left to the team when it provides it", () => {
    const created = exampleConfig((raw) => {
      inNetworkTeamsVpc(raw);
      raw.secrets = { backend: "secretsmanager" };
    });
    expect(endpointServices(created)).toContain("secretsmanager");
    const provided = exampleConfig((raw) => {
      inNetworkTeamsVpc(raw, { providedEndpoints: ["secretsmanager"] });
      raw.secrets = { backend: "secretsmanager" };
    });
    expect(endpointServices(provided)).not.toContain("secretsmanager");
  });
});
