import { grantingPatterns } from "../../iam/action-pattern";
import { PASS_ROLE } from "../../iam/sensitive-actions";
import { check, Rule } from "../../rule";
import { allows, identityPolicies } from "./identity-policies";

export const iamNoPassRole: Rule = {
  id: "IAM.NO_PASS_ROLE",
  title: "No policy lets its principal pass roles",
  evaluates: "every Allow of every identity policy: any action pattern or NotAction IAM would match against iam:PassRole",
  sources: ["Trivy AVD-AWS-0342", "Playbook 3"],
  explanation:
    "iam:PassRole lets a principal hand a more powerful role to a service it controls: a privilege escalation path. Any pattern IAM would match against iam:PassRole counts (iam:P*, IAM:passrole, *), and so does a NotAction that does not list it.",
  fix: "Remove iam:PassRole; no role in this project needs it.",
  evaluate: (stack) =>
    identityPolicies(stack).map(({ resource, statements }) => {
      const through = [...new Set(statements.filter(allows).flatMap((s) => grantingPatterns(s, PASS_ROLE)))];
      return check(resource, through.length === 0, through.length === 0 ? "no pattern matches iam:PassRole" : `allows iam:PassRole through ${through.join(", ")}`);
    }),
};
