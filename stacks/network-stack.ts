import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { EnvironmentConfig } from "../config/environment-config";
import { flowLogGroupName, flowLogsRoleName, networkLogsKeyAlias } from "../config/names";
import { secretPrefixes } from "../config/secrets";
import { CreatedNetworkConfig, ExistingNetworkConfig, missingFromNetworkTeam } from "../config/network-mode";
import { CustomerManagedKey } from "../modules/encryption/customer-managed-key";
import { PrivateNetwork } from "../modules/network/private-network";
import { SECRETS_MANAGER_ENDPOINT_SERVICE } from "../modules/network/mwaa-endpoint-services";
import { SecretsManagerEndpoint } from "../modules/network/secrets-manager-endpoint";
import { EndpointSecurityGroup, MwaaSecurityGroup } from "../modules/network/security-groups";
import { VpcEndpoints } from "../modules/network/vpc-endpoints";
import { VpcFlowLogs } from "../modules/observability/vpc-flow-logs";
import { EnvironmentStack } from "./environment-stack";

/** The outputs other stacks read from the network stack's state, by name. */
export const NETWORK_OUTPUTS = {
  subnetIds: "private_subnet_ids",
  mwaaSecurityGroupId: "mwaa_security_group_id",
} as const;

const S3_EGRESS_DESCRIPTION = "HTTPS to S3 through the gateway endpoint: DAGs, requirements, ECR image layers";

/**
 * `<env>-network`: the private VPC, its endpoints, the security groups and flow logs; or, in a
 * network team's VPC (network.mode existing), only the security groups and endpoints the team does
 * not provide. The MWAA stack reads the subnets and the MWAA security group from its state, as
 * NETWORK_OUTPUTS: references to this stack's resources, or the ids the config validated.
 */
export class NetworkStack extends EnvironmentStack {
  constructor(scope: Construct, id: string, config: EnvironmentConfig) {
    super(scope, id, config);
    const { network } = config;
    if (network.mode === "existing") this.inNetworkTeamsVpc(config, network);
    else this.inOwnVpc(config, network);
  }

  private inOwnVpc(config: EnvironmentConfig, network: CreatedNetworkConfig): void {
    const { name, account, region } = config;
    const privateNetwork = new PrivateNetwork(this, "network", {
      namePrefix: name,
      vpcCidr: network.vpcCidr,
      privateSubnets: network.privateSubnets,
    });
    const vpcId = privateNetwork.vpc.id;

    const mwaaSecurityGroup = new MwaaSecurityGroup(this, "mwaa-security-group", {
      name: `${name}-mwaa`,
      vpcId,
      vpcCidr: network.vpcCidr,
      webserverIngressCidrs: network.webserverIngressCidrs,
    });
    const endpointSecurityGroup = new EndpointSecurityGroup(this, "endpoint-security-group", {
      name: `${name}-vpc-endpoints`,
      vpcId,
      clientSecurityGroupId: mwaaSecurityGroup.id,
    });

    const endpoints = new VpcEndpoints(this, "endpoints", {
      account,
      region,
      environmentBucketNames: [config.storage.dagBucketName],
      vpcId,
      subnetIds: privateNetwork.subnets.map((s) => s.id),
      routeTableIds: privateNetwork.routeTables.map((t) => t.id),
      securityGroupId: endpointSecurityGroup.id,
      namePrefix: name,
    });
    this.secretsManagerEndpoint(config, vpcId, privateNetwork.subnets.map((s) => s.id), endpointSecurityGroup.id);
    mwaaSecurityGroup.allowHttpsToPrefixList(endpoints.s3PrefixListId!, S3_EGRESS_DESCRIPTION);

    const logGroupName = flowLogGroupName(name);
    // A key the stacks do not own (encryption.keyArn) encrypts the flow logs too: no key is created.
    const flowLogsKeyArn =
      config.encryption.keyArn ??
      new CustomerManagedKey(this, "flow-logs-key", {
        account,
        region,
        alias: networkLogsKeyAlias(name),
        description: `Encrypts the VPC flow logs of MWAA environment ${name}`,
        logGroupNamePrefixes: [logGroupName],
        deletionWindowInDays: config.encryption.keyDeletionWindowDays,
        preventDestroy: config.protectFromDestroy,
        administratorRoleArns: config.encryption.keyAdministratorRoleArns,
      }).arn;
    new VpcFlowLogs(this, "flow-logs", {
      account,
      region,
      vpcId,
      logGroupName,
      kmsKeyArn: flowLogsKeyArn,
      retentionInDays: network.flowLogRetentionDays,
      roleName: flowLogsRoleName(name),
      roleSettings: config.roles,
      preventDestroy: config.protectFromDestroy,
    });

    this.outputs(vpcId, privateNetwork.subnets.map((s) => s.id), mwaaSecurityGroup.id);
  }

  /**
   * The network team owns the VPC, the subnets, their route tables and flow logs: none is created or
   * changed here. What the team does not provide is created in their VPC: the MWAA and endpoint
   * security groups, the missing interface endpoints (private DNS, both subnets) and the S3 gateway
   * on the route tables the config names. Ids come from the config, validated there.
   */
  private inNetworkTeamsVpc(config: EnvironmentConfig, network: ExistingNetworkConfig): void {
    const { name, account, region } = config;
    const { vpcId, securityGroupIds: teamGroups } = network;
    const subnetIds = network.privateSubnets.map((s) => s.subnetId);

    const missing = missingFromNetworkTeam(network);
    const mwaaSecurityGroup = missing.mwaaSecurityGroup
      ? new MwaaSecurityGroup(this, "mwaa-security-group", {
          name: `${name}-mwaa`,
          vpcId,
          vpcCidr: network.vpcCidr,
          webserverIngressCidrs: network.webserverIngressCidrs,
          sharedEndpointCidrs: network.providedEndpointCidrs,
        })
      : undefined;
    const mwaaSecurityGroupId = mwaaSecurityGroup?.id ?? teamGroups.mwaa!;
    // The secretsmanager endpoint (secrets.backend) is created here like any endpoint the team does not provide.
    const secrets = config.secrets.backend === "secretsmanager" && !network.providedEndpoints.includes(SECRETS_MANAGER_ENDPOINT_SERVICE);
    const endpointSecurityGroupId = missing.endpointSecurityGroup || (secrets && teamGroups.endpoints === undefined)
      ? new EndpointSecurityGroup(this, "endpoint-security-group", { name: `${name}-vpc-endpoints`, vpcId, clientSecurityGroupId: mwaaSecurityGroupId }).id
      : teamGroups.endpoints;

    if (missing.interfaceServices.length > 0 || missing.s3Gateway) {
      const endpoints = new VpcEndpoints(this, "endpoints", {
        account,
        region,
        environmentBucketNames: [config.storage.dagBucketName],
        vpcId,
        subnetIds,
        interfaceServices: missing.interfaceServices,
        routeTableIds: missing.s3Gateway ? network.routeTableIds : undefined,
        securityGroupId: endpointSecurityGroupId,
        namePrefix: name,
      });
      if (mwaaSecurityGroup && endpoints.s3PrefixListId) mwaaSecurityGroup.allowHttpsToPrefixList(endpoints.s3PrefixListId, S3_EGRESS_DESCRIPTION);
    }

    if (secrets) this.secretsManagerEndpoint(config, vpcId, subnetIds, endpointSecurityGroupId!);

    this.outputs(vpcId, subnetIds, mwaaSecurityGroupId);
  }

  /** With secrets.backend secretsmanager: the interface endpoint to it, its policy limited to the environment's secrets. */
  private secretsManagerEndpoint(config: EnvironmentConfig, vpcId: string, subnetIds: string[], securityGroupId: string): void {
    if (config.secrets.backend !== "secretsmanager") return;
    new SecretsManagerEndpoint(this, "secrets-manager-endpoint", {
      account: config.account,
      region: config.region,
      secretPrefixes: secretPrefixes(config.secrets),
      vpcId,
      subnetIds,
      securityGroupId,
      namePrefix: config.name,
    });
  }

  private outputs(vpcId: string, subnetIds: string[], mwaaSecurityGroupId: string): void {
    new TerraformOutput(this, "vpc_id", { value: vpcId, description: "The private VPC" });
    new TerraformOutput(this, NETWORK_OUTPUTS.subnetIds, {
      value: subnetIds,
      description: "The two private subnets MWAA runs in",
    });
    new TerraformOutput(this, NETWORK_OUTPUTS.mwaaSecurityGroupId, {
      value: mwaaSecurityGroupId,
      description: "Security group of the MWAA environment",
    });
  }
}
