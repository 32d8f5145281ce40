import { check, Rule } from "../../rule";
import { securityGroupRules } from "./security-group-rules";

export const sgDescriptions: Rule = {
  id: "SG.DESCRIPTIONS",
  title: "Every security group and rule says what it is for",
  evaluates: "description of every aws_security_group and of every rule, whatever resource or block declares it",
  sources: ["checkov CKV_AWS_23"],
  explanation: "Reviewers and incident responders read descriptions to tell an intended rule from a leftover one.",
  fix: "Set description on the group and on each rule.",
  evaluate: (stack) => [
    ...stack.resources("aws_security_group").map((g) => check(g.path, typeof g.config.description === "string" && g.config.description.trim() !== "" && g.config.description !== "Managed by Terraform", `description = ${g.config.description ?? "unset"}`)),
    ...securityGroupRules(stack).map((r) => check(r.resource, typeof r.description === "string" && r.description.trim() !== "", `description = ${r.description ?? "unset"}`)),
  ],
};
