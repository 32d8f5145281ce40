import { vpcNoPublicIp } from "../../../modules/guardrails/rules/vpc/no-public-ip";
import { SynthesizedStack } from "../../../modules/guardrails/synthesized-stack";

const results = (resource: Record<string, Record<string, Record<string, any>>>) =>
  vpcNoPublicIp.evaluate(new SynthesizedStack("example-mwaa", { resource })).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`);

describe("rule VPC.NO_PUBLIC_IP", () => {
  it("passes subnets, instances, launch templates and load balancers that ask for no public address", () => {
    expect(
      results({
        aws_subnet: { unset: {}, off: { map_public_ip_on_launch: false } },
        aws_default_subnet: { adopted: { availability_zone: "eu-west-1a", map_public_ip_on_launch: "false" } },
        aws_instance: { worker: { associate_public_ip_address: false } },
        aws_launch_template: { workers: { network_interfaces: [{ associate_public_ip_address: "false" }] } },
        aws_lb: { internal: { internal: true } },
      }).every((r) => r.startsWith("PASS")),
    ).toBe(true);
  });

  it("fails whatever asks for a public address, a default that is public included", () => {
    expect(
      results({
        aws_subnet: { public: { map_public_ip_on_launch: "true" } },
        aws_default_subnet: { adopted: { availability_zone: "eu-west-1a" } },
        aws_instance: { bastion: { associate_public_ip_address: true } },
        aws_launch_template: { workers: { network_interfaces: { associate_public_ip_address: "true" } } },
        aws_lb: { facing: {} },
        aws_eip: { ip: { domain: "vpc" } },
        aws_eip_association: { on: { allocation_id: "eipalloc-0123", instance_id: "i-0123" } },
      }),
    ).toEqual([
      "FAIL example-mwaa/public: map_public_ip_on_launch = true",
      "FAIL example-mwaa/adopted: map_public_ip_on_launch = unset (true)",
      "FAIL example-mwaa/bastion: associate_public_ip_address = true",
      "FAIL example-mwaa/workers (network_interfaces 1): associate_public_ip_address = true",
      "FAIL example-mwaa/facing: internal = unset (false)",
      "FAIL example-mwaa/ip: aws_eip: an Elastic IP, a public IPv4 address",
      "FAIL example-mwaa/on: aws_eip_association: a public IPv4 address on an instance or network interface",
    ]);
  });

  it("fails a value it cannot read", () => {
    expect(results({ aws_subnet: { maybe: { map_public_ip_on_launch: "${var.public}" } }, aws_launch_template: { t: { network_interfaces: "${local.nics}" } } })).toEqual([
      'FAIL example-mwaa/maybe: unverifiable: map_public_ip_on_launch = "${var.public}" is an expression known only at plan time',
      'FAIL example-mwaa/t: unverifiable: network_interfaces = "${local.nics}" is an expression known only at plan time',
    ]);
  });
});
