import { check, Rule } from "../../rule";

export const iamConfusedDeputy: Rule = {
  id: "IAM.CONFUSED_DEPUTY",
  title: "Roles a service assumes are conditioned on aws:SourceAccount and aws:SourceArn",
  sources: ["MWAA guide: cross-service confused deputy prevention", "Playbook 3"],
  explanation: "Without the conditions, the service may assume the role on behalf of another account's resource.",
  fix: "Add StringEquals aws:SourceAccount and ArnLike aws:SourceArn conditions to every service statement of the trust policy.",
  evaluate: (stack) =>
    stack.resources("aws_iam_role").flatMap((role) => {
      const serviceStatements = (stack.policyStatements(role.config.assume_role_policy) ?? []).filter(
        (s) => (s.effect ?? "Allow") === "Allow" && (s.principals ?? []).some((p) => p.type === "Service"),
      );
      if (serviceStatements.length === 0) return [];
      const unconditioned = serviceStatements.filter((s) => {
        const vars = (s.condition ?? []).map((c) => c.variable);
        return !vars.includes("aws:SourceAccount") || !vars.includes("aws:SourceArn");
      });
      return [
        check(role.path, unconditioned.length === 0, unconditioned.length === 0 ? "service trust conditioned on aws:SourceAccount and aws:SourceArn" : `unconditioned service trust: ${unconditioned.map((s) => s.sid ?? "(no sid)").join(", ")}`),
      ];
    }),
};
