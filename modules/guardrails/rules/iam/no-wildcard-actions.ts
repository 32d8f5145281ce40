import { wholeServiceGrants } from "../../iam/action-pattern";
import { check, Rule } from "../../rule";
import { allows, identityPolicies } from "./identity-policies";

export const iamNoWildcardActions: Rule = {
  id: "IAM.NO_WILDCARD_ACTIONS",
  title: "No policy allows \"*\" or a whole service (\"service:*\")",
  evaluates: "every Allow of every identity policy, by every route (role, user and group policies, managed policies and their attachments, inline blocks): actions and NotAction expanded against the IAM action list",
  sources: ["checkov CKV_AWS_62", "checkov CKV_AWS_63", "checkov CKV_AWS_49", "checkov CKV2_AWS_40", "Security Hub IAM.1", "Security Hub IAM.21", "Trivy AVD-AWS-0345", "Playbook 3"],
  explanation:
    "A wildcard action grants everything a service can do today and whatever it adds tomorrow. Actions are matched as IAM matches them (any case, * and ?, NotAction as everything it does not list), against the full IAM action list: s3:?* or patterns that together match every s3 action count as s3:*.",
  fix: "List the actions the principal needs (the MWAA guide lists the execution role's).",
  evaluate: (stack) =>
    identityPolicies(stack).map(({ resource, statements }) => {
      const broad = wholeServiceGrants(statements.filter(allows));
      return check(resource, broad.length === 0, broad.length === 0 ? "no allowed pattern spans a whole service" : `wildcard actions: ${broad.join("; ")}`);
    }),
};
