import { Rule } from "../../rule";
import { evaluateNotAnywhere } from "./security-group-rules";

export const sgNoOpenIngress: Rule = {
  id: "SG.NO_OPEN_INGRESS",
  title: "No security group admits the whole internet",
  sources: ["checkov CKV_AWS_24", "checkov CKV_AWS_25", "checkov CKV_AWS_260", "checkov CKV_AWS_277", "Playbook 2"],
  explanation: "Ingress from 0.0.0.0/0 or ::/0 exposes the environment to every host on the internet.",
  fix: "Admit the environment's own security group and named private networks (network.webserverIngressCidrs).",
  evaluate: (stack) => evaluateNotAnywhere(stack, "ingress"),
};
