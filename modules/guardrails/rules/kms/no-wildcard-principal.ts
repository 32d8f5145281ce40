import { check, Rule } from "../../rule";

export const kmsNoWildcardPrincipal: Rule = {
  id: "KMS.NO_WILDCARD_PRINCIPAL",
  title: "No key policy allows any principal without a condition",
  sources: ["checkov CKV_AWS_33", "Playbook 1 (its sample policy's Principal \"*\" is not copied)"],
  explanation: "An Allow to Principal \"*\" without a condition lets any AWS account use the key.",
  fix: "Name the principals (the account root, a service) or condition the statement on aws:PrincipalOrgID / kms:CallerAccount.",
  evaluate: (stack) =>
    stack.resources("aws_kms_key").map((key) => {
      const open = (stack.policyStatements(key.config.policy) ?? []).filter(
        (s) =>
          (s.effect ?? "Allow") === "Allow" &&
          (s.principals ?? []).some((p) => p.identifiers.includes("*")) &&
          (s.condition ?? []).length === 0,
      );
      return check(key.path, open.length === 0, open.length === 0 ? "every Allow names its principals or is conditioned" : `unconditioned Allow to "*": ${open.map((s) => s.sid ?? "(no sid)").join(", ")}`);
    }),
};
