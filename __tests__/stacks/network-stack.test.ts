import { MWAA_INTERFACE_ENDPOINT_SERVICES } from "../../modules/network/vpc-endpoints";
import { exampleConfig } from "../helpers/config-fixtures";
import { policyJsonRef, policyStatements, ref, resourceAt, resources, StackJson, synthEnvironment } from "../helpers/synth";

describe("the network stack of the example environment", () => {
  let network: StackJson;
  beforeAll(() => {
    network = synthEnvironment(exampleConfig()).network;
  });

  const vpcId = () => ref(network, "aws_vpc", "network/vpc", "id");
  const mwaaGroupId = () => ref(network, "aws_security_group", "mwaa-security-group/group", "id");
  const endpointGroupId = () => ref(network, "aws_security_group", "endpoint-security-group/group", "id");

  it("creates a VPC with DNS support and DNS hostnames on the configured CIDR", () => {
    const vpc = resourceAt(network, "aws_vpc", "network/vpc");
    expect(vpc).toMatchObject({ cidr_block: "10.40.0.0/16", enable_dns_support: true, enable_dns_hostnames: true });
  });

  it("creates two private subnets in two distinct Availability Zones, with no public IPs", () => {
    const subnets = Object.values(resources(network, "aws_subnet"));
    expect(subnets).toHaveLength(2);
    expect(subnets.map((s) => s.availability_zone).sort()).toEqual(["eu-west-1a", "eu-west-1b"]);
    expect(subnets.map((s) => s.cidr_block).sort()).toEqual(["10.40.0.0/20", "10.40.16.0/20"]);
    for (const subnet of subnets) {
      expect(subnet.vpc_id).toBe(vpcId());
      expect(subnet.map_public_ip_on_launch).toBe(false);
    }
  });

  it("gives each subnet its own route table with no route to the internet or a NAT", () => {
    const tables = Object.values(resources(network, "aws_route_table"));
    expect(tables).toHaveLength(2);
    for (const table of tables) expect(table.route ?? []).toEqual([]);
    expect(resources(network, "aws_route")).toEqual({});
    for (const type of ["aws_internet_gateway", "aws_nat_gateway", "aws_egress_only_internet_gateway", "aws_eip"]) {
      expect(resources(network, type)).toEqual({});
    }
    const associations = Object.values(resources(network, "aws_route_table_association"));
    expect(associations.map((a) => a.subnet_id).sort()).toEqual(
      [ref(network, "aws_subnet", "private-subnet-1", "id"), ref(network, "aws_subnet", "private-subnet-2", "id")].sort(),
    );
  });

  it("creates an interface endpoint with private DNS in both subnets for every service MWAA needs", () => {
    const endpoints = Object.values(resources(network, "aws_vpc_endpoint")).filter(
      (e) => e.vpc_endpoint_type === "Interface",
    );
    expect(endpoints.map((e) => e.service_name).sort()).toEqual(
      [
        "sqs", "logs", "monitoring", "kms", "ecr.api", "ecr.dkr", "airflow.api", "airflow.env", "airflow.ops",
      ].map((s) => `com.amazonaws.eu-west-1.${s}`).sort(),
    );
    expect(MWAA_INTERFACE_ENDPOINT_SERVICES).toHaveLength(9);
    for (const endpoint of endpoints) {
      expect(endpoint.private_dns_enabled).toBe(true);
      expect(endpoint.vpc_id).toBe(vpcId());
      expect(endpoint.subnet_ids).toHaveLength(2);
      expect(endpoint.security_group_ids).toEqual([endpointGroupId()]);
    }
  });

  it("routes S3 through a gateway endpoint on both private route tables", () => {
    const gateway = resourceAt(network, "aws_vpc_endpoint", "endpoints/s3");
    expect(gateway).toMatchObject({ vpc_endpoint_type: "Gateway", service_name: "com.amazonaws.eu-west-1.s3" });
    expect(gateway.route_table_ids.sort()).toEqual(
      [
        ref(network, "aws_route_table", "private-route-table-1", "id"),
        ref(network, "aws_route_table", "private-route-table-2", "id"),
      ].sort(),
    );
  });

  it("limits the S3 gateway to the environment's DAG bucket, in this account, and ECR's image layers", () => {
    const gateway = resourceAt(network, "aws_vpc_endpoint", "endpoints/s3");
    expect(gateway.policy).toBe(policyJsonRef(network, "endpoints/s3-policy"));
    const everyone = [{ type: "*", identifiers: ["*"] }];
    expect(policyStatements(network, "endpoints/s3-policy")).toEqual([
      {
        sid: "EnvironmentBucketsOfThisAccount",
        effect: "Allow",
        principals: everyone,
        actions: ["s3:GetObject*", "s3:GetBucket*", "s3:List*"],
        resources: ["arn:aws:s3:::example-dags-111122223333-eu-west-1", "arn:aws:s3:::example-dags-111122223333-eu-west-1/*"],
        condition: [{ test: "StringEquals", variable: "aws:ResourceAccount", values: ["111122223333"] }],
      },
      {
        sid: "EcrImageLayers",
        effect: "Allow",
        principals: everyone,
        actions: ["s3:GetObject"],
        resources: ["arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*"],
      },
    ]);
  });

  it("keeps AWS's full-access default on the interface endpoints, as the MWAA guide recommends", () => {
    const interfaces = Object.values(resources(network, "aws_vpc_endpoint")).filter((e) => e.vpc_endpoint_type === "Interface");
    for (const endpoint of interfaces) expect(endpoint.policy).toBeUndefined();
    expect(resources(network, "aws_vpc_endpoint_policy")).toEqual({});
  });

  it("lets only the MWAA security group reach the endpoints, on 443", () => {
    const rules = Object.values(resources(network, "aws_vpc_security_group_ingress_rule")).filter(
      (r) => r.security_group_id === endpointGroupId(),
    );
    expect(rules).toEqual([
      expect.objectContaining({ ip_protocol: "tcp", from_port: 443, to_port: 443, referenced_security_group_id: mwaaGroupId() }),
    ]);
  });

  it("lets the MWAA security group admit itself and the configured private networks on 443 only", () => {
    const rules = Object.values(resources(network, "aws_vpc_security_group_ingress_rule")).filter(
      (r) => r.security_group_id === mwaaGroupId(),
    );
    expect(rules).toHaveLength(2);
    expect(rules).toContainEqual(expect.objectContaining({ ip_protocol: "-1", referenced_security_group_id: mwaaGroupId() }));
    expect(rules).toContainEqual(
      expect.objectContaining({ ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ipv4: "10.0.0.0/16" }),
    );
  });

  it("limits the MWAA security group's egress to the VPC CIDR and the S3 prefix list", () => {
    const rules = Object.values(resources(network, "aws_vpc_security_group_egress_rule"));
    expect(rules).toHaveLength(2);
    expect(rules).toContainEqual(
      expect.objectContaining({ security_group_id: mwaaGroupId(), ip_protocol: "-1", cidr_ipv4: "10.40.0.0/16" }),
    );
    expect(rules).toContainEqual(
      expect.objectContaining({
        security_group_id: mwaaGroupId(),
        ip_protocol: "tcp",
        from_port: 443,
        to_port: 443,
        prefix_list_id: ref(network, "aws_vpc_endpoint", "endpoints/s3", "prefix_list_id"),
      }),
    );
    const anywhere = JSON.stringify(network).match(/0\.0\.0\.0\/0|::\/0/g);
    expect(anywhere).toBeNull();
  });

  it("describes every security group and every rule", () => {
    const described = [
      ...Object.values(resources(network, "aws_security_group")),
      ...Object.values(resources(network, "aws_vpc_security_group_ingress_rule")),
      ...Object.values(resources(network, "aws_vpc_security_group_egress_rule")),
    ];
    expect(described.length).toBe(2 + 3 + 2);
    for (const item of described) expect(item.description).toMatch(/\w{3,}/);
  });

  it("keeps rules out of the security groups themselves, so Terraform never rewrites them wholesale", () => {
    for (const group of Object.values(resources(network, "aws_security_group"))) {
      expect(group.ingress).toBeUndefined();
      expect(group.egress).toBeUndefined();
    }
  });

  it("closes the VPC's default security group", () => {
    const defaultGroup = resourceAt(network, "aws_default_security_group", "default-security-group");
    expect(defaultGroup).toMatchObject({ vpc_id: vpcId(), ingress: [], egress: [] });
  });

  it("sends all VPC flow logs to a log group encrypted with a key of its own", () => {
    const flowLog = resourceAt(network, "aws_flow_log", "flow-logs/flow-log");
    const logGroup = resourceAt(network, "aws_cloudwatch_log_group", "flow-logs/log-group");
    expect(flowLog).toMatchObject({
      vpc_id: vpcId(),
      traffic_type: "ALL",
      log_destination_type: "cloud-watch-logs",
      log_destination: ref(network, "aws_cloudwatch_log_group", "flow-logs/log-group", "arn"),
      iam_role_arn: ref(network, "aws_iam_role", "flow-logs/role", "arn"),
    });
    expect(logGroup).toMatchObject({
      name: "/mwaa/example/vpc-flow-logs",
      kms_key_id: ref(network, "aws_kms_key", "flow-logs-key/key", "arn"),
      retention_in_days: 365,
    });
    const key = resourceAt(network, "aws_kms_key", "flow-logs-key/key");
    expect(key.enable_key_rotation).toBe(true);
    expect(key.policy).toBe(policyJsonRef(network, "flow-logs-key/policy"));
    const logsStatement = policyStatements(network, "flow-logs-key/policy").find((s) => s.sid === "CloudWatchLogsEncryption");
    expect(logsStatement.condition).toEqual([
      {
        test: "ArnLike",
        variable: "kms:EncryptionContext:aws:logs:arn",
        values: ["arn:aws:logs:eu-west-1:111122223333:log-group:/mwaa/example/vpc-flow-logs*"],
      },
    ]);
  });

  it("lets only this account's VPC Flow Logs assume the delivery role, which writes only its log group", () => {
    const [trust] = policyStatements(network, "flow-logs/trust-policy");
    expect(trust.principals).toEqual([{ type: "Service", identifiers: ["vpc-flow-logs.amazonaws.com"] }]);
    expect(trust.condition).toEqual(
      expect.arrayContaining([
        { test: "StringEquals", variable: "aws:SourceAccount", values: ["111122223333"] },
        { test: "ArnLike", variable: "aws:SourceArn", values: ["arn:aws:ec2:eu-west-1:111122223333:vpc-flow-log/*"] },
      ]),
    );
    const delivery = policyStatements(network, "flow-logs/delivery-policy");
    const groupArn = ref(network, "aws_cloudwatch_log_group", "flow-logs/log-group", "arn");
    expect(delivery.find((s) => s.sid === "WriteThisLogGroup").resources).toEqual([groupArn, `${groupArn}:log-stream:*`]);
    for (const statement of delivery) expect(statement.resources).not.toContain("*");
  });

  it("hands the subnets and the MWAA security group to the MWAA stack as outputs", () => {
    expect(Object.keys(network.output)).toEqual(
      expect.arrayContaining(["vpc_id", "private_subnet_ids", "mwaa_security_group_id"]),
    );
  });
});

describe("the network stack's S3 gateway policy", () => {
  it("names the DAG bucket the config names, before the MWAA stack creates it", () => {
    const { network } = synthEnvironment(exampleConfig((raw) => (raw.storage = { dagBucketName: "acme-airflow-dags" })));
    const [environmentBuckets] = policyStatements(network, "endpoints/s3-policy");
    expect(environmentBuckets.resources).toEqual(["arn:aws:s3:::acme-airflow-dags", "arn:aws:s3:::acme-airflow-dags/*"]);
  });
});

describe("the network stack's webserver ingress", () => {
  it("admits no network but the environment itself when webserverIngressCidrs is empty", () => {
    const { network } = synthEnvironment(exampleConfig((raw) => (raw.network.webserverIngressCidrs = [])));
    const cidrRules = Object.values(resources(network, "aws_vpc_security_group_ingress_rule")).filter((r) => r.cidr_ipv4);
    expect(cidrRules).toEqual([]);
  });
});
