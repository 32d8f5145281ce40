import { MWAA_INTERFACE_ENDPOINT_SERVICES } from "../../../../../modules/network/mwaa-endpoint-services";
import { NetworkTeamNetwork } from "../../../../../modules/guardrails/network-team";
import { vpcMwaaEndpoints } from "../../../../../modules/guardrails/rules/vpc/mwaa-endpoints";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";

const VPC = "vpc-0a1b2c3d4e5f60718";
const SUBNETS = ["subnet-0a1b2c3d4e5f60711", "subnet-0a1b2c3d4e5f60712"];
const TABLES = ["rtb-0a1b2c3d4e5f60713", "rtb-0a1b2c3d4e5f60714"];

const team = (providedEndpoints: string[]): NetworkTeamNetwork => ({
  vpcId: VPC,
  vpcCidr: "10.40.0.0/16",
  subnets: SUBNETS.map((id, i) => ({ id, availabilityZone: `eu-west-1${"ab"[i]}` })),
  routeTableIds: TABLES,
  securityGroupIds: {},
  providedEndpoints,
});

/** Interface endpoints of `services` in the team's VPC, in `subnets`, and an S3 gateway on `tables` (none when `tables` is undefined). */
function endpoints(services: readonly string[], subnets: string[] = SUBNETS, tables?: string[]): Record<string, object> {
  return {
    ...Object.fromEntries(
      services.map((service) => [service.replace(".", "-"), { vpc_id: VPC, service_name: `com.amazonaws.eu-west-1.${service}`, vpc_endpoint_type: "Interface", private_dns_enabled: true, subnet_ids: subnets }]),
    ),
    ...(tables ? { s3: { vpc_id: VPC, service_name: "com.amazonaws.eu-west-1.s3", vpc_endpoint_type: "Gateway", route_table_ids: tables } } : {}),
  };
}

function judged(resource: Record<string, object>, network?: NetworkTeamNetwork): string[] {
  const stack = new SynthesizedStack("example-network", { resource: { aws_vpc_endpoint: resource } });
  stack.networkTeam = network;
  return vpcMwaaEndpoints.evaluate(stack).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`);
}

const CREATED = MWAA_INTERFACE_ENDPOINT_SERVICES.filter((s) => !s.startsWith("airflow."));
const AIRFLOW = ["airflow.api", "airflow.env", "airflow.ops"];

describe("rule VPC.MWAA_ENDPOINTS in a network team's VPC", () => {
  it("passes the endpoints created in both of the team's subnets plus those the config says the team provides, which it says were not checked", () => {
    expect(judged(endpoints(CREATED, SUBNETS, TABLES), team(AIRFLOW))).toEqual([
      `PASS example-network (network team's VPC ${VPC}): created here with private DNS in subnets ${SUBNETS.join(", ")}: sqs, logs, monitoring, kms, ecr.api, ecr.dkr; S3 gateway created here on route tables ${TABLES.join(", ")}; airflow.api, airflow.env, airflow.ops: provided by the network team (config), not checked`,
    ]);
  });

  it("judges nothing, and so passes nothing, when the team provides every endpoint: the review lists each NOT CHECKED", () => {
    expect(judged({}, team([...MWAA_INTERFACE_ENDPOINT_SERVICES, "s3"]))).toEqual([]);
  });

  it("fails a service neither created nor provided, an endpoint missing from one of the team's subnets, and an S3 gateway off its route tables", () => {
    expect(judged(endpoints(CREATED.filter((s) => s !== "kms"), SUBNETS, TABLES), team(AIRFLOW))).toEqual([expect.stringMatching(/^FAIL example-network \(network team's VPC vpc-0a1b2c3d4e5f60718\): missing or incomplete: kms; created here/)]);
    expect(judged(endpoints(CREATED, [SUBNETS[0], "subnet-0123456789abcdef0"], TABLES), team(AIRFLOW))).toEqual([
      expect.stringMatching(/^FAIL .*: missing or incomplete: sqs, logs, monitoring, kms, ecr\.api, ecr\.dkr; S3 gateway created here/),
    ]);
    expect(judged(endpoints(CREATED, SUBNETS, [TABLES[0]]), team(AIRFLOW))).toEqual([expect.stringMatching(/^FAIL .*: missing or incomplete: s3 \(gateway\);/)]);
  });

  it("counts only endpoints in the team's VPC, by its id", () => {
    const elsewhere = Object.fromEntries(Object.entries(endpoints(CREATED, SUBNETS, TABLES)).map(([name, e]) => [name, { ...e, vpc_id: "vpc-0123456789abcdef0" }]));
    expect(judged(elsewhere, team(AIRFLOW))).toEqual([expect.stringMatching(/^FAIL .*: missing or incomplete: sqs, logs, monitoring, kms, ecr\.api, ecr\.dkr, s3 \(gateway\); airflow\.api/)]);
  });

  it("judges no network team's VPC in a stack the config does not tell it of", () => {
    expect(judged(endpoints(CREATED, SUBNETS, TABLES))).toEqual([]);
  });
});
