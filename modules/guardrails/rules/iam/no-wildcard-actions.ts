import { check, Rule } from "../../rule";
import { allows, identityPolicies } from "./identity-policies";

export const iamNoWildcardActions: Rule = {
  id: "IAM.NO_WILDCARD_ACTIONS",
  title: "No policy allows \"*\" or a whole service (\"service:*\")",
  sources: ["checkov CKV_AWS_62", "checkov CKV_AWS_63", "checkov CKV_AWS_49", "checkov CKV2_AWS_40", "Security Hub IAM.1", "Security Hub IAM.21", "Trivy AVD-AWS-0345", "Playbook 3"],
  explanation: "A wildcard action grants everything a service can do today and whatever it adds tomorrow.",
  fix: "List the actions the principal needs (the MWAA guide lists the execution role's).",
  evaluate: (stack) =>
    identityPolicies(stack).map(({ resource, statements }) => {
      const wild = statements.filter(allows).flatMap((s) => [...(s.actions ?? []), ...(s.not_actions ?? []).map((a) => `NotAction ${a}`)]).filter((a) => a === "*" || /(^|\s)[\w-]+:\*$/.test(a) || a.startsWith("NotAction"));
      return check(resource, wild.length === 0, wild.length === 0 ? "every allowed action is named" : `wildcard actions: ${wild.join(", ")}`);
    }),
};
