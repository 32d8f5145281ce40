/**
 * What an `aws_vpc_endpoint` connects to, as the rules read it (AWS provider hashicorp/aws 6.x):
 * its type, `Gateway` when unset (the provider's default), and the AWS service its service_name
 * names literally. Any other service name (another account's PrivateLink service
 * `com.amazonaws.vpce.<region>.vpce-svc-...`, an expression) names no AWS service.
 */

export interface AwsService {
  /** Absent for a global service name, `com.amazonaws.<service>`. */
  readonly region?: string;
  readonly name: string;
}

/** `com.amazonaws.<region>.<service>` or `com.amazonaws.<global service>`; undefined for anything else. */
export function awsService(serviceName: unknown): AwsService | undefined {
  if (typeof serviceName !== "string" || !serviceName.startsWith("com.amazonaws.") || serviceName.startsWith("com.amazonaws.vpce.")) return undefined;
  const rest = serviceName.slice("com.amazonaws.".length);
  const regional = /^([a-z]{2}(?:-[a-z]+)+-\d+)\.([a-z0-9][a-z0-9.-]*)$/.exec(rest);
  if (regional) return { region: regional[1], name: regional[2] };
  return /^[a-z0-9][a-z0-9.-]*$/.test(rest) ? { name: rest } : undefined;
}

/** The endpoint's type as written, or the provider's default. */
export const endpointType = (config: Record<string, any>): unknown => config.vpc_endpoint_type ?? "Gateway";

/** Whether the endpoint is S3's gateway endpoint: type Gateway, service `com.amazonaws.<region>.s3`. */
export const isS3Gateway = (config: Record<string, any>): boolean => {
  const service = awsService(config.service_name);
  return endpointType(config) === "Gateway" && service?.region !== undefined && service.name === "s3";
};
