import { restrictingConditionsOn } from "../../iam/conditions";
import { stackAccounts } from "../../iam/principals";
import { check, Rule } from "../../rule";
import { trustStatements } from "./trust";

export const iamConfusedDeputy: Rule = {
  id: "IAM.CONFUSED_DEPUTY",
  title: "Roles a service assumes are conditioned on aws:SourceAccount and aws:SourceArn",
  evaluates: "every service statement of every role's trust policy: aws:SourceAccount (this account) and aws:SourceArn conditions that restrict",
  sources: ["MWAA guide: cross-service confused deputy prevention", "Playbook 3"],
  explanation:
    "Without the conditions, the service may assume the role on behalf of another account's resource. Each must restrict: aws:SourceAccount equal to this stack's account, aws:SourceArn an ARN that names an account or a bucket; not a wildcard that matches everything, not an ...IfExists or ForAllValues operator that holds when the key is absent.",
  fix: "Add StringEquals aws:SourceAccount (this account) and ArnLike aws:SourceArn (the resource that uses the role) conditions to every service statement of the trust policy.",
  evaluate: (stack) =>
    stack.resources("aws_iam_role").flatMap((role) => {
      const accounts = stackAccounts(stack);
      const serviceStatements = (trustStatements(stack, role) ?? []).filter(({ statement }) => (statement.principals ?? []).some((p) => p.type === "Service"));
      if (serviceStatements.length === 0) return [];
      const gaps = serviceStatements.flatMap(({ statement: s, name }) => {
        const account = restrictingConditionsOn(s, "aws:SourceAccount", "principal").some((c) => accounts.length === 0 || c.values.every((v) => accounts.includes(v) || v.includes("${")));
        const arn = restrictingConditionsOn(s, "aws:SourceArn", "principal").length > 0;
        const missing = [...(account ? [] : [`aws:SourceAccount${accounts.length > 0 ? ` = ${accounts.join(" or ")}` : ""}`]), ...(arn ? [] : ["a restricting aws:SourceArn"])];
        return missing.length > 0 ? [`${name} lacks ${missing.join(" and ")}`] : [];
      });
      return [check(role.path, gaps.length === 0, gaps.length === 0 ? "service trust conditioned on aws:SourceAccount and aws:SourceArn" : `unconditioned service trust: ${gaps.join("; ")}`)];
    }),
};
