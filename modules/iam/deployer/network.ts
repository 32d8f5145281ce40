import { endpointServiceName, MWAA_INTERFACE_ENDPOINT_SERVICES, S3_GATEWAY_ENDPOINT_SERVICE, SECRETS_MANAGER_ENDPOINT_SERVICE } from "../../network/mwaa-endpoint-services";
import { allow, PolicyStatement } from "./policy-document";
import { DeployerScope, regionalArn, requestTagged, resourceTagged } from "./scope";

/**
 * The EC2 side of `<env>-network` (provider: internal/service/ec2/vpc_*.go): `aws_vpc`,
 * `aws_subnet`, `aws_route_table`, `aws_route_table_association`, `aws_security_group`,
 * `aws_default_security_group`, `aws_vpc_security_group_ingress_rule`/`_egress_rule`,
 * `aws_vpc_endpoint` and `aws_flow_log`. AWS assigns their ids, so nothing can be named at synth:
 * a resource is created only with the environment's tag in the request (the provider sends
 * `default_tags` as TagSpecifications of the create call), and acted on only while it carries it.
 */

/** The EC2 resource types the network stack creates, as IAM names them in ARNs. */
const NETWORK_RESOURCE_TYPES = ["vpc", "subnet", "route-table", "security-group", "security-group-rule", "vpc-endpoint", "vpc-flow-log"];

/** Create calls grouped so that no group's resource types include a parent of another's call. */
const NEW_RESOURCES = [
  { sid: "CreateTaggedVpc", actions: ["CreateVpc"], types: ["vpc"] },
  { sid: "CreateTaggedVpcParts", actions: ["CreateSubnet", "CreateRouteTable", "CreateSecurityGroup"], types: ["subnet", "route-table", "security-group"] },
  {
    sid: "CreateTaggedRulesFlowLogs",
    actions: ["AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "CreateFlowLogs"],
    types: ["security-group-rule", "vpc-flow-log"],
  },
  // Endpoints only to the services the stack's endpoints are for (below): an endpoint to another
  // account's PrivateLink service would be a path out of the network with no internet path.
  { sid: "CreateTaggedMwaaEndpoints", actions: ["CreateVpcEndpoint"], types: ["vpc-endpoint"] },
];

/**
 * The endpoint services the network stack connects: MWAA's interface endpoints, the S3 gateway,
 * and Secrets Manager when Airflow reads secrets there.
 */
function endpointServices(scope: DeployerScope): string[] {
  const secrets = scope.config.secrets.backend === "secretsmanager" ? [SECRETS_MANAGER_ENDPOINT_SERVICE] : [];
  return [...MWAA_INTERFACE_ENDPOINT_SERVICES, S3_GATEWAY_ENDPOINT_SERVICE, ...secrets].map((service) => endpointServiceName(scope.region, service));
}

/** Create calls that carry the new resource's tags, as `ec2:CreateAction` names them. */
const CREATE_ACTIONS = NEW_RESOURCES.flatMap((group) => group.actions);

export function networkStatements(scope: DeployerScope): PolicyStatement[] {
  const arns = (types: string[]) => types.map((type) => regionalArn(scope, "ec2", `${type}/*`));
  return [
    // A create call is authorized on the new resource and on the existing ones it goes into (a
    // subnet's VPC, an endpoint's subnets). Each statement below names only new resources, so
    // the request's tag never stands in for the parent's: those need ManageTaggedNetworkResources.
    ...NEW_RESOURCES.map(({ sid, actions, types }) =>
      allow(
        sid,
        actions.map((action) => `ec2:${action}`),
        arns(types),
        types.includes("vpc-endpoint")
          ? { StringEquals: { ...requestTagged(scope).StringEquals, "ec2:VpceServiceName": endpointServices(scope) } }
          : requestTagged(scope),
      ),
    ),
    // Tags of a create call are authorized as ec2:CreateTags of that call only.
    allow("TagOnCreate", ["ec2:CreateTags"], arns(NETWORK_RESOURCE_TYPES), {
      ...requestTagged(scope),
      StringEquals: { ...requestTagged(scope).StringEquals, "ec2:CreateAction": CREATE_ACTIONS },
    }),
    allow(
      "ManageTaggedNetworkResources",
      [
        // creating a resource inside the tagged VPC, subnets, route tables and groups
        ...CREATE_ACTIONS.filter((action) => action !== "CreateVpc").map((action) => `ec2:${action}`),
        "ec2:DescribeVpcAttribute",
        "ec2:ModifyVpcAttribute",
        "ec2:DeleteVpc",
        "ec2:ModifySubnetAttribute",
        "ec2:DeleteSubnet",
        "ec2:AssociateRouteTable",
        "ec2:DisassociateRouteTable",
        "ec2:ReplaceRouteTableAssociation",
        "ec2:DeleteRouteTable",
        "ec2:RevokeSecurityGroupIngress",
        "ec2:RevokeSecurityGroupEgress",
        "ec2:ModifySecurityGroupRules",
        "ec2:UpdateSecurityGroupRuleDescriptionsIngress",
        "ec2:UpdateSecurityGroupRuleDescriptionsEgress",
        "ec2:DeleteSecurityGroup",
        "ec2:ModifyVpcEndpoint",
        "ec2:DeleteVpcEndpoints",
        "ec2:DeleteFlowLogs",
        "ec2:CreateTags",
        "ec2:DeleteTags",
      ],
      arns(NETWORK_RESOURCE_TYPES),
      resourceTagged(scope),
    ),
    // `aws_default_security_group` adopts the group AWS made with the VPC, untagged: its first
    // tagging cannot be tied to a create call or to an existing tag. AWS offers no narrower scope
    // (no condition key names a VPC's default group, and the VPC's ARN is unknown at synth).
    allow("TagDefaultSecurityGroup", ["ec2:CreateTags"], arns(["security-group"]), requestTagged(scope)),
  ];
}

/**
 * What the network resources' refresh reads, all Describe calls that take no resource ARN:
 * VPCs (and the main route table, default network ACL and default security group they report),
 * subnets, route tables, security groups and their rules, endpoints and the services and prefix
 * lists behind them, flow logs, and the network interfaces a security group's delete waits for.
 */
export const NETWORK_DESCRIBE_ACTIONS = [
  "ec2:DescribeVpcs",
  "ec2:DescribeSubnets",
  "ec2:DescribeRouteTables",
  "ec2:DescribeNetworkAcls",
  "ec2:DescribeSecurityGroups",
  "ec2:DescribeSecurityGroupRules",
  "ec2:DescribeVpcEndpoints",
  "ec2:DescribeVpcEndpointServices",
  "ec2:DescribePrefixLists",
  "ec2:DescribeFlowLogs",
  "ec2:DescribeNetworkInterfaces",
];
