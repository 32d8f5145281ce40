import { environmentArn, executionRoleName } from "../../../config/names";
import { MWAA_SERVICE_PRINCIPALS } from "../service-principals";
import { environmentKey } from "./kms-keys";
import { allow, PolicyStatement } from "./policy-document";
import { passRoleStatement } from "./roles";
import { networkTeamArn } from "./network-teams-vpc";
import { DeployerScope, regionalArn, resourceTagged } from "./scope";

/**
 * `aws_mwaa_environment` (provider: internal/service/mwaa/environment.go): CreateEnvironment
 * (with its tags: airflow:TagResource), GetEnvironment (read and the waits), UpdateEnvironment,
 * Tag/UntagResource, DeleteEnvironment; on the environment's ARN, known at synth.
 *
 * And what MWAA checks against the caller while it creates the environment (MWAA guide,
 * "Accessing an Amazon MWAA environment", AmazonMWAAFullConsoleAccess; Service Authorization
 * Reference, CreateEnvironment): iam:PassRole of the execution role to airflow.amazonaws.com; the
 * service-linked role AWSServiceRoleForAmazonMWAA; with `endpoint_management = SERVICE` only, the
 * VPC endpoints of its webserver and database and their network interfaces in our subnets and group;
 * grants on the environment key.
 */
export function mwaaEnvironmentStatements(scope: DeployerScope): PolicyStatement[] {
  // airflow.amazonaws.com: the service MWAA's API passes the role to and names its linked role for.
  const mwaa = MWAA_SERVICE_PRINCIPALS[0];
  const key = environmentKey(scope);
  return [
    allow(
      "ManageEnvironment",
      ["airflow:CreateEnvironment", "airflow:GetEnvironment", "airflow:UpdateEnvironment", "airflow:DeleteEnvironment", "airflow:TagResource", "airflow:UntagResource", "airflow:ListTagsForResource"],
      [environmentArn(scope.environment, scope.account, scope.region)],
    ),
    passRoleStatement(scope, "PassExecutionRole", [executionRoleName(scope.environment)], [mwaa]),
    allow(
      "MwaaServiceLinkedRole",
      ["iam:CreateServiceLinkedRole"],
      [`arn:${scope.partition}:iam::${scope.account}:role/aws-service-role/${mwaa}/AWSServiceRoleForAmazonMWAA`],
      { StringEquals: { "iam:AWSServiceName": mwaa } },
    ),
    ...serviceManagedEndpointStatements(scope),
    // MWAA encrypts the environment with grants on its key (kms:DescribeKey is in the key's own
    // statements). A created key's id is unknown at synth and it may have no alias yet when the
    // environment is created: it carries the environment's tag (a key the stacks do not own: its
    // ARN), and the grant must be for an AWS service's resource.
    allow("MwaaGrantsOnEnvironmentKey", ["kms:CreateGrant"], key.resources, {
      ...key.condition,
      Bool: { "kms:GrantIsForAWSResource": "true" },
    }),
  ];
}

/**
 * With `endpoint_management = SERVICE`, MWAA creates its webserver and database endpoints and their
 * network interfaces on the deployer's behalf, in the environment's subnets and security group. With
 * CUSTOMER, the VPC's owner creates them: the deployer needs none of this.
 */
function serviceManagedEndpointStatements(scope: DeployerScope): PolicyStatement[] {
  if (scope.config.airflow.endpointManagement === "CUSTOMER") return [];
  const ec2 = (type: string) => regionalArn(scope, "ec2", `${type}/*`);
  const actions = ["ec2:CreateVpcEndpoint", "ec2:CreateNetworkInterface"];
  const { network } = scope.config;
  const inNetwork =
    network.mode === "existing"
      ? [
          // A network team's VPC and subnets, by the ids the config validated; the MWAA group is the
          // team's (by id) or the network stack's (tagged).
          allow("MwaaEndpointsInNetworkTeamsVpc", actions, [
            networkTeamArn(scope, "vpc", network.vpcId),
            ...network.privateSubnets.map((s) => networkTeamArn(scope, "subnet", s.subnetId)),
            ...(network.securityGroupIds.mwaa ? [networkTeamArn(scope, "security-group", network.securityGroupIds.mwaa)] : []),
          ]),
          ...(network.securityGroupIds.mwaa ? [] : [allow("MwaaEndpointsInTaggedNetwork", actions, [ec2("security-group")], resourceTagged(scope))]),
        ]
      : // The VPC, subnets and security group are the network stack's, tagged for this environment.
        [allow("MwaaEndpointsInTaggedNetwork", actions, [ec2("vpc"), ec2("subnet"), ec2("security-group")], resourceTagged(scope))];
  return [
    ...inNetwork,
    // The endpoints and interfaces MWAA creates carry no tag of ours and have no id yet, and their
    // endpoint service is MWAA's own (its name is not documented): only MWAA, calling on the
    // deployer's behalf (aws:ViaAWSService), may create them; the deployer itself cannot.
    allow("MwaaEndpointsCreated", actions, [ec2("vpc-endpoint"), ec2("network-interface")], {
      Bool: { "aws:ViaAWSService": "true" },
    }),
  ];
}
