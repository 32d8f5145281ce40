import { Rule } from "../../rule";
import { evaluateAddressSpace } from "./security-group-rules";

export const sgNoOpenIngress: Rule = {
  id: "SG.NO_OPEN_INGRESS",
  title: "No security group admits public address space",
  sources: ["checkov CKV_AWS_24", "checkov CKV_AWS_25", "checkov CKV_AWS_260", "checkov CKV_AWS_277", "Playbook 2"],
  explanation:
    "Ingress is judged by the addresses it admits, not by how they are written: 0.0.0.0/0, ::/0, 0::0/0 or split halves that add up to them open the environment to every host on the internet, and a private environment admits no public address at all. Every CIDR block and prefix list entry counts; one the rules cannot read (an expression, a looked-up prefix list) fails.",
  fix: "Admit the environment's own security group and named private networks (network.webserverIngressCidrs); write CIDR blocks as literals.",
  evaluate: (stack) => evaluateAddressSpace(stack, "ingress"),
};
