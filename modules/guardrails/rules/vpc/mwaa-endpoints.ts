import { MWAA_INTERFACE_ENDPOINT_SERVICES, S3_GATEWAY_ENDPOINT_SERVICE } from "../../../network/mwaa-endpoint-services";
import { check, Rule } from "../../rule";

/** Services a private MWAA environment must reach through interface endpoints (MWAA guide). */
const INTERFACE_SERVICES: readonly string[] = MWAA_INTERFACE_ENDPOINT_SERVICES;

export const vpcMwaaEndpoints: Rule = {
  id: "VPC.MWAA_ENDPOINTS",
  title: "The VPC has every endpoint a private MWAA environment needs",
  evaluates: "the aws_vpc_endpoint resources of every aws_vpc: the nine interface endpoints with private DNS in 2+ subnets and the S3 gateway on route tables",
  sources: ["MWAA guide: required VPC endpoints", "Playbook 2 (VPC endpoints prevent public access)"],
  explanation: "Without an endpoint (and its private DNS, in both subnets) the environment cannot reach that service and fails to create or to run tasks.",
  fix: `Create interface endpoints with private DNS in both subnets for ${INTERFACE_SERVICES.join(", ")}, and an S3 gateway endpoint on the private route tables (VpcEndpoints does).`,
  evaluate: (stack) =>
    stack.resources("aws_vpc").map((vpc) => {
      const endpoints = stack.attachedTo(vpc, "aws_vpc_endpoint", "vpc_id", ["id"]);
      const serviceOf = (name: string) => name.replace(/^com\.amazonaws\.[\w-]+\./, "");
      const missing = INTERFACE_SERVICES.filter(
        (service) =>
          !endpoints.some(
            (e) => serviceOf(e.config.service_name) === service && e.config.vpc_endpoint_type === "Interface" && e.config.private_dns_enabled === true && (e.config.subnet_ids ?? []).length >= 2,
          ),
      );
      const s3 = endpoints.some((e) => serviceOf(e.config.service_name) === S3_GATEWAY_ENDPOINT_SERVICE && e.config.vpc_endpoint_type === "Gateway" && (e.config.route_table_ids ?? []).length > 0);
      if (!s3) missing.push("s3 (gateway)");
      return check(vpc.path, missing.length === 0, missing.length === 0 ? `${INTERFACE_SERVICES.length} interface endpoints with private DNS in 2+ subnets, S3 gateway` : `missing or incomplete: ${missing.join(", ")}`);
    }),
};
