import { check, Rule } from "../../rule";

export const vpcNoPublicIp: Rule = {
  id: "VPC.NO_PUBLIC_IP",
  title: "Subnets do not give public IPs",
  sources: ["checkov CKV_AWS_130", "Playbook 2 (private subnets)"],
  explanation: "An instance or ENI with a public IP is one route away from the internet.",
  fix: "Set map_public_ip_on_launch = false.",
  evaluate: (stack) =>
    stack.resources("aws_subnet").map((s) => check(s.path, s.config.map_public_ip_on_launch !== true, `map_public_ip_on_launch = ${s.config.map_public_ip_on_launch ?? "false (default)"}`)),
};
