import { DataAwsIamPolicyDocument, DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { Construct } from "constructs";
import { allow, forPrincipals } from "../iam/policy-statements";
import {
  bucketAndObjectsArns,
  ECR_LAYER_ACTIONS,
  ecrLayerObjectsArn,
  ENVIRONMENT_BUCKET_ACTIONS,
  OWN_ACCOUNT_CONDITION_KEY,
} from "./s3-endpoint-access";
import { endpointServiceName, MWAA_INTERFACE_ENDPOINT_SERVICES, S3_GATEWAY_ENDPOINT_SERVICE } from "./mwaa-endpoint-services";

export { MWAA_INTERFACE_ENDPOINT_SERVICES };

export interface VpcEndpointsProps {
  readonly account: string;
  readonly region: string;
  /**
   * This environment's buckets the private network may read through the S3 gateway (the DAG
   * bucket), by name: known from the config before the stacks that create them exist.
   */
  readonly environmentBucketNames: string[];
  readonly vpcId: string;
  /** Both private subnets: an endpoint network interface in each zone. */
  readonly subnetIds: string[];
  /**
   * The interface endpoints to create, by service: those a network team does not already provide.
   * @default every service of MWAA_INTERFACE_ENDPOINT_SERVICES
   */
  readonly interfaceServices?: readonly string[];
  /**
   * Route tables that get the S3 gateway endpoint's route.
   * @default none, and no S3 gateway endpoint: a network team provides it
   */
  readonly routeTableIds?: string[];
  /** Security group of the interface endpoints' network interfaces; needed when any is created. */
  readonly securityGroupId?: string;
  readonly namePrefix: string;
}

/**
 * The endpoints that replace an internet path: one interface endpoint with private DNS per service
 * in both subnets, and an S3 gateway endpoint (free, and what ECR image layers are pulled through);
 * in a network team's VPC, only those the team does not already provide.
 *
 * The S3 gateway's policy admits only what MWAA reads: this environment's buckets, in this account,
 * and ECR's image-layer bucket. Without a policy it would admit every bucket of every account, a way
 * out for any data in the VPC. The interface endpoints keep AWS's full-access default, as the MWAA
 * guide recommends: what MWAA reaches through them lives in AWS-owned accounts (see the guardrail
 * VPC.ENDPOINT_POLICIES for why that cannot be narrowed).
 */
export class VpcEndpoints extends Construct {
  readonly interfaceEndpoints: Record<string, VpcEndpoint> = {};
  /** Absent when a network team provides the S3 gateway. */
  readonly s3Gateway?: VpcEndpoint;
  readonly s3GatewayPolicy?: DataAwsIamPolicyDocument;
  /** The S3 gateway's managed prefix list: the only S3 destination a security group can name. */
  readonly s3PrefixListId?: string;

  constructor(scope: Construct, id: string, props: VpcEndpointsProps) {
    super(scope, id);

    const services = props.interfaceServices ?? MWAA_INTERFACE_ENDPOINT_SERVICES;
    if (services.length > 0 && props.securityGroupId === undefined) {
      throw new Error(`VpcEndpoints ${this.node.path}: securityGroupId is required for the interface endpoints (${services.join(", ")})`);
    }
    for (const service of services) {
      this.interfaceEndpoints[service] = new VpcEndpoint(this, service.replace(".", "-"), {
        vpcId: props.vpcId,
        serviceName: endpointServiceName(props.region, service),
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        subnetIds: props.subnetIds,
        securityGroupIds: [props.securityGroupId!],
        tags: { Name: `${props.namePrefix}-${service}` },
      });
    }
    if (props.routeTableIds === undefined) return;

    // Principal "*": ECR's layer downloads are presigned by an ECR account, not by our principals.
    const anyone = (statement: DataAwsIamPolicyDocumentStatement) => forPrincipals(statement, "*", ["*"]);
    this.s3GatewayPolicy = new DataAwsIamPolicyDocument(this, "s3-policy", {
      statement: [
        anyone(
          allow(
            "EnvironmentBucketsOfThisAccount",
            ENVIRONMENT_BUCKET_ACTIONS,
            props.environmentBucketNames.flatMap((name) => bucketAndObjectsArns(name, props.region)),
            [{ test: "StringEquals", variable: OWN_ACCOUNT_CONDITION_KEY, values: [props.account] }],
          ),
        ),
        anyone(allow("EcrImageLayers", ECR_LAYER_ACTIONS, [ecrLayerObjectsArn(props.region)])),
      ],
    });

    this.s3Gateway = new VpcEndpoint(this, "s3", {
      vpcId: props.vpcId,
      serviceName: endpointServiceName(props.region, S3_GATEWAY_ENDPOINT_SERVICE),
      vpcEndpointType: "Gateway",
      routeTableIds: props.routeTableIds,
      policy: this.s3GatewayPolicy.json,
      tags: { Name: `${props.namePrefix}-s3` },
    });
    this.s3PrefixListId = this.s3Gateway.prefixListId;
  }
}
