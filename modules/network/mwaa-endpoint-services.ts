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

/** The S3 gateway endpoint's service: DAGs, requirements, plugins and ECR's image layers. */
export const S3_GATEWAY_ENDPOINT_SERVICE = "s3";

/** An AWS service's endpoint service name in a Region, as aws_vpc_endpoint's service_name takes it. */
export function endpointServiceName(region: string, service: string): string {
  return `com.amazonaws.${region}.${service}`;
}

/**
 * Every endpoint the environment's network needs, by service: what a network team may already
 * provide (config network.providedEndpoints) and VPC.MWAA_ENDPOINTS looks for.
 */
export const MWAA_ENDPOINT_SERVICES = [...MWAA_INTERFACE_ENDPOINT_SERVICES, S3_GATEWAY_ENDPOINT_SERVICE] as const;
export type MwaaEndpointService = (typeof MWAA_ENDPOINT_SERVICES)[number];
