import { ExistingNetworkConfig, missingFromNetworkTeam } from "../../../config/network-mode";
import { endpointServiceName, S3_GATEWAY_ENDPOINT_SERVICE } from "../../network/mwaa-endpoint-services";
import { allow, PolicyStatement } from "./policy-document";
import { DeployerScope, requestTagged, resourceTagged } from "./scope";

/**
 * The EC2 side of `<env>-network` in a network team's VPC (config network.mode existing): only the
 * security groups, their rules and the endpoints the team does not provide, as network.ts grants
 * them for a VPC of our own (created with the environment's tag, changed only while they carry it).
 * Nothing on the team's VPC, subnets or route tables beyond what creating and changing those
 * endpoints and groups inside them takes: no route, no subnet or VPC change, no flow log.
 */

/**
 * The team's own resources, by the ids the config validated. The account is left open: in a VPC
 * shared through AWS RAM, the VPC, subnets and route tables belong to the owner account, not to
 * the environment's (EC2 ids are unique, so the id alone names the resource).
 */
export function networkTeamArn(scope: DeployerScope, type: string, id: string): string {
  return `arn:${scope.partition}:ec2:${scope.region}:*:${type}/${id}`;
}

export function networkTeamsVpcStatements(scope: DeployerScope, network: ExistingNetworkConfig): PolicyStatement[] {
  const missing = missingFromNetworkTeam(network);
  const arns = (types: string[]) => types.map((type) => `arn:${scope.partition}:ec2:${scope.region}:${scope.account}:${type}/*`);
  const groups = missing.mwaaSecurityGroup || missing.endpointSecurityGroup;
  const services = [...missing.interfaceServices, ...(missing.s3Gateway ? [S3_GATEWAY_ENDPOINT_SERVICE] : [])];
  const created = [...(groups ? ["security-group", "security-group-rule"] : []), ...(services.length > 0 ? ["vpc-endpoint"] : [])];
  const createActions = [...(groups ? ["CreateSecurityGroup", "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress"] : []), ...(services.length > 0 ? ["CreateVpcEndpoint"] : [])];
  if (created.length === 0) return [];

  const teamResources = [
    networkTeamArn(scope, "vpc", network.vpcId),
    ...network.privateSubnets.map((s) => networkTeamArn(scope, "subnet", s.subnetId)),
    ...(missing.s3Gateway ? network.routeTableIds.map((id) => networkTeamArn(scope, "route-table", id)) : []),
    ...Object.values(network.securityGroupIds).map((id) => networkTeamArn(scope, "security-group", id!)),
  ];
  return [
    ...(groups
      ? [
          allow("CreateTaggedSecurityGroups", ["ec2:CreateSecurityGroup"], arns(["security-group"]), requestTagged(scope)),
          allow("CreateTaggedRules", ["ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress"], arns(["security-group-rule"]), requestTagged(scope)),
        ]
      : []),
    // Endpoints only to the services the stack connects: one to another account's PrivateLink
    // service would be a path out of a network with no internet path.
    ...(services.length > 0
      ? [
          allow("CreateTaggedMwaaEndpoints", ["ec2:CreateVpcEndpoint"], arns(["vpc-endpoint"]), {
            StringEquals: { ...requestTagged(scope).StringEquals, "ec2:VpceServiceName": services.map((service) => endpointServiceName(scope.region, service)) },
          }),
        ]
      : []),
    allow("TagOnCreate", ["ec2:CreateTags"], arns(created), {
      StringEquals: { ...requestTagged(scope).StringEquals, "ec2:CreateAction": createActions },
    }),
    allow(
      "ManageTaggedNetworkResources",
      [
        ...createActions.filter((action) => action !== "CreateSecurityGroup").map((action) => `ec2:${action}`),
        ...(groups
          ? [
              "ec2:RevokeSecurityGroupIngress",
              "ec2:RevokeSecurityGroupEgress",
              "ec2:ModifySecurityGroupRules",
              "ec2:UpdateSecurityGroupRuleDescriptionsIngress",
              "ec2:UpdateSecurityGroupRuleDescriptionsEgress",
              "ec2:DeleteSecurityGroup",
            ]
          : []),
        ...(services.length > 0 ? ["ec2:ModifyVpcEndpoint", "ec2:DeleteVpcEndpoints"] : []),
        "ec2:CreateTags",
        "ec2:DeleteTags",
      ],
      arns(created),
      resourceTagged(scope),
    ),
    // Creating a group or an endpoint is authorized on the VPC, subnets, route tables and groups
    // it goes into too: the team's, untagged, named by id.
    allow(
      "InNetworkTeamsVpc",
      [...(groups ? ["ec2:CreateSecurityGroup"] : []), ...(services.length > 0 ? ["ec2:CreateVpcEndpoint", "ec2:ModifyVpcEndpoint"] : [])],
      teamResources,
    ),
  ];
}
