import { check, Rule } from "../../rule";
import { allows, identityPolicies } from "./identity-policies";

export const iamNoPassRole: Rule = {
  id: "IAM.NO_PASS_ROLE",
  title: "No policy lets its principal pass roles",
  sources: ["Trivy AVD-AWS-0342", "Playbook 3"],
  explanation: "iam:PassRole lets a principal hand a more powerful role to a service it controls: a privilege escalation path.",
  fix: "Remove iam:PassRole; no role in this project needs it.",
  evaluate: (stack) =>
    identityPolicies(stack).map(({ resource, statements }) => {
      const passes = statements.filter(allows).some((s) => (s.actions ?? []).some((a) => /^iam:(PassRole|\*|Pass\*)$/i.test(a)));
      return check(resource, !passes, passes ? "allows iam:PassRole" : "no iam:PassRole");
    }),
};
