import { check, Rule } from "../../rule";
import { intendedServices, trustStatements } from "./trust";

export const iamTrustedPrincipals: Rule = {
  id: "IAM.TRUSTED_PRINCIPALS",
  title: "Roles trust only the services they are made for",
  evaluates: "every Allow of every role's trust policy: only the service principals of the resource that uses the role in this stack",
  sources: ["Playbook 3 (least privilege)", "MWAA guide: execution role trust policy"],
  explanation:
    "A trust policy that also admits another account, an AWS principal, \"*\", a federated identity or another service lets them assume the role and act with its permissions. A role may be assumed only by the services of the resource that uses it in this stack (airflow.amazonaws.com and airflow-env.amazonaws.com for an MWAA environment's execution role, vpc-flow-logs.amazonaws.com for a flow log's role); NotPrincipal admits everyone it does not list.",
  fix: "Trust only the service principals of modules/iam/service-principals.ts for the resource that uses the role; for any other principal, have it reviewed and acknowledge IAM.TRUSTED_PRINCIPALS with a reason and an expiry.",
  evaluate: (stack) =>
    stack.resources("aws_iam_role").flatMap((role) => {
      const statements = trustStatements(stack, role);
      if (!statements) return [];
      const { services, uses } = intendedServices(stack, role);
      const others = statements.flatMap(({ statement: s, name }) => {
        if (s.not_principals) return [`everyone but ${s.not_principals.map((p) => `${p.type}: ${p.identifiers.join(", ")}`).join("; ")} (NotPrincipal in ${name})`];
        if (!s.principals?.length) return [`no named principal (${name})`];
        return s.principals.flatMap((p) => p.identifiers.filter((id) => p.type !== "Service" || !services.includes(id.toLowerCase())).map((id) => `${p.type}: ${id}`));
      });
      const intended = services.length > 0 ? `${services.join(", ")} (${uses.join("; ")})` : "none: no resource of this stack uses the role";
      return [check(role.path, others.length === 0, others.length === 0 ? `admits only ${intended}` : `admits ${others.join(", ")}; intended: ${intended}`)];
    }),
};
