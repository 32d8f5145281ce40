import { Rule } from "../../rule";
import { evaluateAddressSpace } from "./security-group-rules";

export const sgNoInternetEgress: Rule = {
  id: "SG.NO_INTERNET_EGRESS",
  title: "No security group sends traffic to public address space",
  evaluates: "the address space of every egress rule, as SG.NO_OPEN_INGRESS does for ingress; the S3 gateway's prefix list passes",
  sources: ["checkov CKV_AWS_382", "Trivy AVD-AWS-0104", "Playbook 2"],
  explanation:
    "Egress to the internet is how data leaves, in whatever notation it is written (0.0.0.0/0, 0::0/0, halves that add up to it). A private MWAA environment needs only the VPC and the S3 gateway endpoint's prefix list, so any public address fails, as does a CIDR block or prefix list the rules cannot read.",
  fix: "Limit egress to the VPC CIDR and the S3 gateway endpoint's prefix list; write CIDR blocks as literals.",
  evaluate: (stack) => evaluateAddressSpace(stack, "egress"),
};
