import { Rule } from "../../rule";
import { evaluateAddressSpace } from "./security-group-rules";

export const sgNoOpenIngress: Rule = {
  id: "SG.NO_OPEN_INGRESS",
  title: "No security group admits public address space",
  evaluates: "the address space of every ingress rule (aws_vpc_security_group_ingress_rule, aws_security_group_rule, inline blocks of aws_security_group and aws_default_security_group), CIDRs in any notation, customer prefix lists by their entries: no public address; a peer that cannot be read fails",
  sources: ["checkov CKV_AWS_24", "checkov CKV_AWS_25", "checkov CKV_AWS_260", "checkov CKV_AWS_277", "Playbook 2"],
  explanation:
    "Ingress is judged by the addresses it admits, not by how they are written: 0.0.0.0/0, ::/0, 0::0/0 or split halves that add up to them open the environment to every host on the internet, and a private environment admits no public address at all. Every CIDR block and prefix list entry counts; one the rules cannot read (an expression, a looked-up prefix list) fails.",
  fix: "Admit the environment's own security group and named private networks (network.webserverIngressCidrs); write CIDR blocks as literals.",
  evaluate: (stack) => evaluateAddressSpace(stack, "ingress"),
};
