import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { EnvironmentConfig } from "../config/environment-config";
import { flowLogGroupName, flowLogsRoleName, networkLogsKeyAlias } from "../config/names";
import { secretPrefixes } from "../config/secrets";
import { CustomerManagedKey } from "../modules/encryption/customer-managed-key";
import { PrivateNetwork } from "../modules/network/private-network";
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

/**
 * `<env>-network`: the private VPC, its endpoints, the security groups and flow logs. The MWAA
 * stack reads the subnets and the MWAA security group from its state, as NETWORK_OUTPUTS.
 */
export class NetworkStack extends EnvironmentStack {
  constructor(scope: Construct, id: string, config: EnvironmentConfig) {
    super(scope, id, config);
    const { name, account, region, network } = config;

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
    if (config.secrets.backend === "secretsmanager") {
      new SecretsManagerEndpoint(this, "secrets-manager-endpoint", {
        account,
        region,
        secretPrefixes: secretPrefixes(config.secrets),
        vpcId,
        subnetIds: privateNetwork.subnets.map((s) => s.id),
        securityGroupId: endpointSecurityGroup.id,
        namePrefix: name,
      });
    }
    mwaaSecurityGroup.allowHttpsToPrefixList(
      endpoints.s3PrefixListId,
      "HTTPS to S3 through the gateway endpoint: DAGs, requirements, ECR image layers",
    );

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

    new TerraformOutput(this, "vpc_id", { value: vpcId, description: "The private VPC" });
    new TerraformOutput(this, NETWORK_OUTPUTS.subnetIds, {
      value: privateNetwork.subnets.map((s) => s.id),
      description: "The two private subnets MWAA runs in",
    });
    new TerraformOutput(this, NETWORK_OUTPUTS.mwaaSecurityGroupId, {
      value: mwaaSecurityGroup.id,
      description: "Security group of the MWAA environment",
    });
  }
}
