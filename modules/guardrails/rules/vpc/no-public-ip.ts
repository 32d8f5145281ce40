import { literalBool } from "../../literal-bool";
import { check, Evaluation, fail, Rule } from "../../rule";
import { SynthesizedStack } from "../../synthesized-stack";

/**
 * A boolean argument that asks for a public address when true. `unsetMeansPublic`: the default is
 * public (a default subnet keeps AWS's true; a load balancer is internet-facing unless internal).
 */
function judged(path: string, name: string, value: unknown, publicWhen: boolean, unsetMeansPublic = false): Evaluation {
  const read = literalBool(value);
  if (read === "unreadable") return fail(path, `unverifiable: ${name} = ${JSON.stringify(value)} is an expression known only at plan time`);
  const isPublic = read === undefined ? unsetMeansPublic : read === publicWhen;
  return check(path, !isPublic, `${name} = ${read ?? `unset (${unsetMeansPublic === publicWhen ? "true" : "false"})`}`);
}

function launchTemplateInterfaces(stack: SynthesizedStack): Evaluation[] {
  return stack.resources("aws_launch_template").flatMap((t) => {
    const interfaces = t.config.network_interfaces;
    if (interfaces === undefined || interfaces === null) return [];
    if (typeof interfaces !== "object") return [fail(t.path, `unverifiable: network_interfaces = ${JSON.stringify(interfaces)} is an expression known only at plan time`)];
    return (Array.isArray(interfaces) ? interfaces : [interfaces]).map((ni, index) =>
      typeof ni === "object" && ni !== null
        ? judged(`${t.path} (network_interfaces ${index + 1})`, "associate_public_ip_address", ni.associate_public_ip_address, true)
        : fail(t.path, `unverifiable: network_interfaces = ${JSON.stringify(ni)} is an expression known only at plan time`),
    );
  });
}

export const vpcNoPublicIp: Rule = {
  id: "VPC.NO_PUBLIC_IP",
  title: "Nothing asks for a public IP address",
  evaluates: "map_public_ip_on_launch of subnets and default subnets, associate_public_ip_address of instances, spot requests, launch configurations and templates, internal of load balancers, and every Elastic IP and association",
  sources: ["checkov CKV_AWS_130", "AWS Config EC2_INSTANCE_NO_PUBLIC_IP", "Trivy AVD-AWS-0009", "Playbook 2 (private subnets)"],
  explanation:
    "An instance, network interface or load balancer with a public address is one route away from the internet. Subnets that map public IPs on launch (a default subnet does unless told otherwise), instances, launch configurations and launch templates that ask for one, Elastic IPs and their associations, and internet-facing load balancers fail; a value the rules cannot read fails too.",
  fix: "Set map_public_ip_on_launch and associate_public_ip_address to false, set internal = true on load balancers, and remove Elastic IPs.",
  evaluate: (stack) => [
    ...stack.resources("aws_subnet").map((s) => judged(s.path, "map_public_ip_on_launch", s.config.map_public_ip_on_launch, true)),
    ...stack.resources("aws_default_subnet").map((s) => judged(s.path, "map_public_ip_on_launch", s.config.map_public_ip_on_launch, true, true)),
    ...["aws_instance", "aws_spot_instance_request", "aws_launch_configuration"].flatMap((type) => stack.resources(type).map((i) => judged(i.path, "associate_public_ip_address", i.config.associate_public_ip_address, true))),
    ...launchTemplateInterfaces(stack),
    ...["aws_lb", "aws_alb", "aws_elb"].flatMap((type) => stack.resources(type).map((lb) => judged(lb.path, "internal", lb.config.internal, false, true))),
    ...stack.resources("aws_eip").map((e) => fail(e.path, "aws_eip: an Elastic IP, a public IPv4 address")),
    ...stack.resources("aws_eip_association").map((e) => fail(e.path, "aws_eip_association: a public IPv4 address on an instance or network interface")),
  ],
};
