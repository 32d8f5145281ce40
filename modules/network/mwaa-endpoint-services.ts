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
