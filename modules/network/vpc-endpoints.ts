import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { Construct } from "constructs";

/**
 * Interface endpoints a private MWAA environment needs (MWAA guide, "Managing access to
 * service-specific Amazon VPC endpoints"): queues, logs, metrics, the key, container images and
 * MWAA's own API, environment and operations endpoints.
 */
export const MWAA_INTERFACE_ENDPOINT_SERVICES = [
  "sqs",
  "logs",
  "monitoring",
  "kms",
  "ecr.api",
  "ecr.dkr",
  "airflow.api",
  "airflow.env",
  "airflow.ops",
] as const;

export interface VpcEndpointsProps {
  readonly region: string;
  readonly vpcId: string;
  /** Both private subnets: an endpoint network interface in each zone. */
  readonly subnetIds: string[];
  /** Route tables that get the S3 gateway endpoint's route. */
  readonly routeTableIds: string[];
  /** Security group of the interface endpoints' network interfaces. */
  readonly securityGroupId: string;
  readonly namePrefix: string;
}

/**
 * The endpoints that replace an internet path: one interface endpoint with private DNS per service
 * in both subnets, and an S3 gateway endpoint (free, and what ECR image layers are pulled through).
 */
export class VpcEndpoints extends Construct {
  readonly interfaceEndpoints: Record<string, VpcEndpoint> = {};
  readonly s3Gateway: VpcEndpoint;
  /** The S3 gateway's managed prefix list: the only S3 destination a security group can name. */
  readonly s3PrefixListId: string;

  constructor(scope: Construct, id: string, props: VpcEndpointsProps) {
    super(scope, id);

    for (const service of MWAA_INTERFACE_ENDPOINT_SERVICES) {
      this.interfaceEndpoints[service] = new VpcEndpoint(this, service.replace(".", "-"), {
        vpcId: props.vpcId,
        serviceName: `com.amazonaws.${props.region}.${service}`,
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        subnetIds: props.subnetIds,
        securityGroupIds: [props.securityGroupId],
        tags: { Name: `${props.namePrefix}-${service}` },
      });
    }

    this.s3Gateway = new VpcEndpoint(this, "s3", {
      vpcId: props.vpcId,
      serviceName: `com.amazonaws.${props.region}.s3`,
      vpcEndpointType: "Gateway",
      routeTableIds: props.routeTableIds,
      tags: { Name: `${props.namePrefix}-s3` },
    });
    this.s3PrefixListId = this.s3Gateway.prefixListId;
  }
}
