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
