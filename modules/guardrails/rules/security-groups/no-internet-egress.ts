import { Rule } from "../../rule";
import { evaluateNotAnywhere } from "./security-group-rules";

export const sgNoInternetEgress: Rule = {
  id: "SG.NO_INTERNET_EGRESS",
  title: "No security group sends traffic to the whole internet",
  sources: ["checkov CKV_AWS_382", "Trivy AVD-AWS-0104", "Playbook 2"],
  explanation: "Egress to 0.0.0.0/0 is how data leaves; a private MWAA environment needs only the VPC and S3's prefix list.",
  fix: "Limit egress to the VPC CIDR and the S3 gateway endpoint's prefix list.",
  evaluate: (stack) => evaluateNotAnywhere(stack, "egress"),
};
