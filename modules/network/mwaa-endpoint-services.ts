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
 * The interface endpoint Airflow needs when it reads connections and variables from AWS Secrets
 * Manager (config `secrets.backend`): a private network has no other way to the service (MWAA
 * guide, "Configuring an Apache Airflow connection using a Secrets Manager secret"; Secrets Manager
 * guide, "Using an AWS Secrets Manager VPC endpoint"). Not one of the endpoints every environment
 * needs: the secrets it reaches are this account's, so its policy names them (VPC.ENDPOINT_POLICIES
 * holds an endpoint to such a service to this account).
 */
export const SECRETS_MANAGER_ENDPOINT_SERVICE = "secretsmanager";

/**
 * Every endpoint the environment's network needs, by service: what a network team may already
 * provide (config network.providedEndpoints) and VPC.MWAA_ENDPOINTS looks for.
 */
export const MWAA_ENDPOINT_SERVICES = [...MWAA_INTERFACE_ENDPOINT_SERVICES, S3_GATEWAY_ENDPOINT_SERVICE] as const;
export type MwaaEndpointService = (typeof MWAA_ENDPOINT_SERVICES)[number];

/** What a network team may provide: every endpoint MWAA needs, and Secrets Manager's (secrets.backend). */
export const PROVIDABLE_ENDPOINT_SERVICES = [...MWAA_ENDPOINT_SERVICES, SECRETS_MANAGER_ENDPOINT_SERVICE] as const;
export type ProvidableEndpointService = (typeof PROVIDABLE_ENDPOINT_SERVICES)[number];
