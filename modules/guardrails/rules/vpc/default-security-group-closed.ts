import { check, Rule } from "../../rule";
import { blocks } from "../../terraform-document";

export const vpcDefaultSecurityGroupClosed: Rule = {
  id: "VPC.DEFAULT_SG_CLOSED",
  title: "The VPC's default security group allows nothing",
  sources: ["checkov CKV2_AWS_12", "Security Hub EC2.2"],
  explanation: "Anything launched without a security group lands in the default one, which allows all traffic among its members and all egress.",
  fix: "Adopt it with an aws_default_security_group that has no ingress and no egress (PrivateNetwork does).",
  evaluate: (stack) =>
    stack.resources("aws_vpc").map((vpc) => {
      const group = stack.attachedTo(vpc, "aws_default_security_group", "vpc_id", ["id"])[0];
      const closed = group !== undefined && blocks(group.config.ingress).length === 0 && blocks(group.config.egress).length === 0;
      return check(vpc.path, closed, group === undefined ? "default security group not managed: AWS's allow rules stay" : closed ? "default security group has no rules" : "default security group has rules");
    }),
};
