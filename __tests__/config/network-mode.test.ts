import { networkTeamOf } from "../../config/network-mode";
import { exampleConfig, problemsAfter } from "../helpers/config-fixtures";
import { allFromNetworkTeam, inNetworkTeamsVpc, TEAM } from "../helpers/network-team-fixtures";

type Edit = (raw: Record<string, any>) => void;
const inTeamsVpc = (edit: Edit = () => {}): Edit => (raw) => {
  inNetworkTeamsVpc(raw);
  edit(raw);
};

describe("network.mode existing: a network team's VPC", () => {
  it("accepts the team's VPC, two subnets in two zones, route tables and the endpoints they provide", () => {
    expect(problemsAfter(inTeamsVpc())).toEqual([]);
    expect(problemsAfter(allFromNetworkTeam)).toEqual([]);
  });

  it("resolves the network per mode, so the stacks get each mode's fields and no other", () => {
    expect(exampleConfig().network).toMatchObject({ mode: "create", flowLogRetentionDays: 365, privateSubnets: [{ cidr: "10.40.0.0/20", availabilityZone: "eu-west-1a" }, expect.anything()] });
    expect(exampleConfig(inTeamsVpc()).network).toEqual({
      mode: "existing",
      vpcId: TEAM.vpcId,
      vpcCidr: "10.40.0.0/16",
      privateSubnets: [
        { subnetId: TEAM.subnetIds[0], availabilityZone: "eu-west-1a" },
        { subnetId: TEAM.subnetIds[1], availabilityZone: "eu-west-1b" },
      ],
      routeTableIds: [...TEAM.routeTableIds],
      securityGroupIds: {},
      providedEndpoints: ["airflow.api", "airflow.env", "airflow.ops"],
      providedEndpointCidrs: ["10.100.0.0/16"],
      webserverIngressCidrs: ["10.0.0.0/16"],
    });
  });

  it("tells the guardrails of the team's ids on the environment's network stack only", () => {
    const config = exampleConfig(inTeamsVpc());
    expect(networkTeamOf(config.network, "example", "example-network")).toMatchObject({ vpcId: TEAM.vpcId, subnets: [{ id: TEAM.subnetIds[0] }, { id: TEAM.subnetIds[1] }] });
    expect(networkTeamOf(config.network, "example", "example-mwaa")).toBeUndefined();
    expect(networkTeamOf(exampleConfig().network, "example", "example-network")).toBeUndefined();
  });

  it.each<[string, Edit, RegExp]>([
    ["an id that is not the VPC's form", inTeamsVpc((r) => (r.network.vpcId = "vpc-${file(\"x\")}")), /^network\.vpcId: got "vpc-\$\{file\(\\"x\\"\)\}"; is not allowed; allowed: 'vpc-' followed by 8 or 17 lowercase hexadecimal digits/],
    ["a subnet id of 12 digits", inTeamsVpc((r) => (r.network.privateSubnets[0].subnetId = "subnet-0123456789ab")), /^network\.privateSubnets\[0\]\.subnetId: got "subnet-0123456789ab"; is not allowed; allowed: 'subnet-' followed by 8 or 17/],
    ["no VPC id", inTeamsVpc((r) => delete r.network.vpcId), /^network\.vpcId: is required when network\.mode is existing/],
    ["a subnet without its id", inTeamsVpc((r) => delete r.network.privateSubnets[1].subnetId), /^network\.privateSubnets\[1\]\.subnetId: is required when network\.mode is existing/],
    ["one subnet twice", inTeamsVpc((r) => (r.network.privateSubnets[1].subnetId = TEAM.subnetIds[0])), /^network\.privateSubnets\[1\]\.subnetId: got "subnet-0a1b2c3d4e5f60711"; is also network\.privateSubnets\[0\]\.subnetId; MWAA needs two different subnets$/],
    ["two subnets in one zone", inTeamsVpc((r) => (r.network.privateSubnets[1].availabilityZone = "eu-west-1a")), /^network\.privateSubnets\[1\]\.availabilityZone: got "eu-west-1a"; is also the zone of network\.privateSubnets\[0\]/],
    ["a zone of another Region", inTeamsVpc((r) => (r.network.privateSubnets[0].availabilityZone = "us-east-1a")), /^network\.privateSubnets\[0\]\.availabilityZone: got "us-east-1a"; must be an Availability Zone of region eu-west-1/],
    ["a CIDR for the team's subnet", inTeamsVpc((r) => (r.network.privateSubnets[0].cidr = "10.40.0.0/20")), /^network\.privateSubnets\[0\]\.cidr: got "10\.40\.0\.0\/20"; applies only to network\.mode create/],
    ["a flow log retention for the team's VPC", inTeamsVpc((r) => (r.network.flowLogRetentionDays = 365)), /^network\.flowLogRetentionDays: got 365; applies only to network\.mode create: the network team keeps its VPC's flow logs/],
    ["no route tables for the S3 gateway this stack creates", inTeamsVpc((r) => delete r.network.routeTableIds), /^network\.routeTableIds: is required when network\.mode is existing and the network stack creates the S3 gateway endpoint/],
    ["route tables when the team provides the S3 gateway", inTeamsVpc((r) => Object.assign(r.network, { providedEndpoints: ["s3"], securityGroupIds: { mwaa: TEAM.mwaaGroup }, webserverIngressCidrs: [], providedEndpointCidrs: undefined })), /^network\.routeTableIds: got .*; is not used: the network team provides the S3 gateway endpoint/],
    ["the team's S3 gateway with a security group created here", inTeamsVpc((r) => Object.assign(r.network, { providedEndpoints: ["s3"], routeTableIds: undefined })), /^network\.providedEndpoints: got \["s3"\]; lists s3 while the network stack creates the MWAA security group/],
    ["an endpoint service MWAA does not need", inTeamsVpc((r) => (r.network.providedEndpoints = ["ssm"])), /^network\.providedEndpoints\[0\]: got "ssm"; is not allowed; allowed: a list of sqs, logs, .*, s3, secretsmanager, none twice \(secretsmanager with secrets\.backend secretsmanager\)$/],
    ["an endpoint listed twice", inTeamsVpc((r) => (r.network.providedEndpoints = ["sqs", "sqs"])), /^network\.providedEndpoints\[1\]: got "sqs"; is also network\.providedEndpoints\[0\]; list each once$/],
    ["an endpoint group when the team provides every interface endpoint", (r) => (allFromNetworkTeam(r), (r.network.securityGroupIds.endpoints = TEAM.endpointGroup)), /^network\.securityGroupIds\.endpoints: got "sg-0a1b2c3d"; is not used: the network team provides every interface endpoint/],
    ["webserver networks for the team's MWAA group", inTeamsVpc((r) => Object.assign(r.network, { securityGroupIds: { mwaa: TEAM.mwaaGroup }, providedEndpointCidrs: undefined })), /^network\.webserverIngressCidrs: got \["10\.0\.0\.0\/16"\]; applies only to the MWAA security group the network stack creates/],
    ["shared endpoint networks for the team's MWAA group", inTeamsVpc((r) => Object.assign(r.network, { securityGroupIds: { mwaa: TEAM.mwaaGroup }, webserverIngressCidrs: [] })), /^network\.providedEndpointCidrs: got \["10\.100\.0\.0\/16"\]; applies only to the MWAA security group the network stack creates/],
    ["the internet as where shared endpoints live", inTeamsVpc((r) => (r.network.providedEndpointCidrs = ["0.0.0.0/0"])), /^network\.providedEndpointCidrs\[0\]: got "0\.0\.0\.0\/0"; must be a private network .*the MWAA group never reaches the internet$/],
    ["an unknown key among the team's groups", inTeamsVpc((r) => (r.network.securityGroupIds = { workers: TEAM.mwaaGroup })), /^network\.securityGroupIds\.workers: got "sg-0a1b2c3d4e5f60715"; is not a known setting; allowed here: mwaa, endpoints$/],
  ])("refuses %s, naming the field and what is allowed", (_, edit, expected) => {
    const problems = problemsAfter(edit);
    expect(problems.join("\n")).toMatch(new RegExp(expected.source, "m"));
  });
});

describe("network.mode create (the default)", () => {
  it.each<[string, Edit, RegExp]>([
    ["a network team's field", (r) => (r.network.vpcId = TEAM.vpcId), /^network\.vpcId: got "vpc-0a1b2c3d4e5f60718"; applies only to network\.mode existing/],
    ["a subnet id", (r) => (r.network.privateSubnets[0].subnetId = TEAM.subnetIds[0]), /^network\.privateSubnets\[0\]\.subnetId: got .*; applies only to network\.mode existing/],
    ["a subnet without its CIDR", (r) => delete r.network.privateSubnets[0].cidr, /^network\.privateSubnets\[0\]\.cidr: is required when network\.mode is create/],
    ["an unknown mode", (r) => (r.network.mode = "shared"), /^network\.mode: got "shared"; is not allowed; allowed: create or existing$/],
  ])("refuses %s", (_, edit, expected) => {
    expect(problemsAfter(edit).join("\n")).toMatch(new RegExp(expected.source, "m"));
  });
});

describe("airflow.endpointManagement", () => {
  it("is SERVICE by default, and CUSTOMER is accepted in a network team's VPC", () => {
    expect(exampleConfig().airflow.endpointManagement).toBe("SERVICE");
    expect(problemsAfter(inTeamsVpc((r) => (r.airflow.endpointManagement = "CUSTOMER")))).toEqual([]);
  });

  it("refuses CUSTOMER in a VPC the stacks create, where nobody would create MWAA's endpoints", () => {
    expect(problemsAfter((r) => (r.airflow.endpointManagement = "CUSTOMER"))).toEqual([
      expect.stringMatching(/^airflow\.endpointManagement: got "CUSTOMER"; needs network\.mode existing: .*the environment would fail after 72 hours in PENDING/),
    ]);
  });

  it("refuses a value MWAA does not know", () => {
    expect(problemsAfter((r) => (r.airflow.endpointManagement = "NETWORK_TEAM"))).toEqual([
      expect.stringMatching(/^airflow\.endpointManagement: got "NETWORK_TEAM"; is not allowed; allowed: one of SERVICE, CUSTOMER/),
    ]);
  });
});
