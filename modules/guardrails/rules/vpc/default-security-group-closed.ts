import { check, Evaluation, Rule } from "../../rule";
import { SynthResource } from "../../synthesized-stack";

/** What one direction of an `aws_default_security_group` holds: nothing, rules, or an expression no rule can read. */
function rulesIn(value: unknown): "none" | "rules" | "unverifiable" {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return "none";
  return typeof value === "object" ? "rules" : "unverifiable";
}

function groupEvaluation(group: SynthResource): Evaluation {
  const found = (["ingress", "egress"] as const).map((d) => [d, rulesIn(group.config[d])] as const).filter(([, held]) => held !== "none");
  const evidence = found.map(([d, held]) => (held === "rules" ? `${d} rules` : `unverifiable: ${d} = ${JSON.stringify(group.config[d])} is an expression known only at plan time`));
  return check(group.path, found.length === 0, found.length === 0 ? "no ingress and no egress rules" : evidence.join("; "));
}

export const vpcDefaultSecurityGroupClosed: Rule = {
  id: "VPC.DEFAULT_SG_CLOSED",
  title: "The VPC's default security group allows nothing",
  evaluates: "every aws_vpc has its default security group adopted; every aws_default_security_group in any stack holds no ingress or egress rule",
  sources: ["checkov CKV2_AWS_12", "Security Hub EC2.2"],
  explanation:
    "Anything launched without a security group lands in the default one, which allows all traffic among its members and all egress. Each VPC's default group must be adopted, and every aws_default_security_group, in whichever stack, must hold no rule.",
  fix: "Adopt it with an aws_default_security_group that has no ingress and no egress (PrivateNetwork does).",
  evaluate: (stack) => [
    ...stack.resources("aws_vpc").map((vpc) => {
      const group = stack.attachedTo(vpc, "aws_default_security_group", "vpc_id", ["id"])[0];
      return check(vpc.path, group !== undefined, group === undefined ? "default security group not managed: AWS's allow rules stay" : `default security group adopted by ${group.path}`);
    }),
    ...stack.resources("aws_default_security_group").map(groupEvaluation),
  ],
};
