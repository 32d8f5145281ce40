import { check, Rule } from "../../rule";
import { ANYWHERE, securityGroupRules } from "./security-group-rules";

export const sgNoOpenIngress: Rule = {
  id: "SG.NO_OPEN_INGRESS",
  title: "No security group admits the whole internet",
  sources: ["checkov CKV_AWS_24", "checkov CKV_AWS_25", "checkov CKV_AWS_260", "checkov CKV_AWS_277", "Playbook 2"],
  explanation: "Ingress from 0.0.0.0/0 or ::/0 exposes the environment to every host on the internet.",
  fix: "Admit the environment's own security group and named private networks (network.webserverIngressCidrs).",
  evaluate: (stack) =>
    securityGroupRules(stack)
      .filter((r) => r.direction === "ingress")
      .map((r) => {
        const open = r.cidrs.filter((c) => ANYWHERE.includes(c));
        return check(r.resource, open.length === 0, open.length === 0 ? `from ${r.cidrs.join(", ") || "a security group or prefix list"}` : `from ${open.join(", ")}`);
      }),
};
