import { check, Evaluation } from "../../rule";
import { SynthesizedStack } from "../../synthesized-stack";
import { blocks } from "../../terraform-document";

/** One security group rule, whatever resource or block declares it. */
export interface GroupRule {
  readonly resource: string;
  readonly direction: "ingress" | "egress";
  readonly cidrs: string[];
  readonly description?: string;
}

/** Rules from `aws_vpc_security_group_*_rule`, `aws_security_group_rule` and inline blocks. */
export function securityGroupRules(stack: SynthesizedStack): GroupRule[] {
  const standalone = (["ingress", "egress"] as const).flatMap((direction) =>
    stack.resources(`aws_vpc_security_group_${direction}_rule`).map((r) => ({
      resource: r.path,
      direction,
      cidrs: [r.config.cidr_ipv4, r.config.cidr_ipv6].filter((c): c is string => typeof c === "string"),
      description: r.config.description,
    })),
  );
  const legacy = stack.resources("aws_security_group_rule").map((r) => ({
    resource: r.path,
    direction: r.config.type as "ingress" | "egress",
    cidrs: [...(r.config.cidr_blocks ?? []), ...(r.config.ipv6_cidr_blocks ?? [])],
    description: r.config.description,
  }));
  const inline = stack.resources("aws_security_group").flatMap((group) =>
    (["ingress", "egress"] as const).flatMap((direction) =>
      blocks(group.config[direction]).map((block) => ({
        resource: `${group.path} (${direction} block)`,
        direction,
        cidrs: [...(block.cidr_blocks ?? []), ...(block.ipv6_cidr_blocks ?? [])],
        description: block.description,
      })),
    ),
  );
  return [...standalone, ...legacy, ...inline];
}

export const ANYWHERE = ["0.0.0.0/0", "::/0"];

/** One evaluation per rule of `direction`: compliant unless its peer is the whole internet. */
export function evaluateNotAnywhere(stack: SynthesizedStack, direction: "ingress" | "egress"): Evaluation[] {
  const word = direction === "ingress" ? "from" : "to";
  return securityGroupRules(stack)
    .filter((r) => r.direction === direction)
    .map((r) => {
      const open = r.cidrs.filter((c) => ANYWHERE.includes(c));
      return check(r.resource, open.length === 0, `${word} ${(open.length > 0 ? open : r.cidrs).join(", ") || "a security group or prefix list"}`);
    });
}
