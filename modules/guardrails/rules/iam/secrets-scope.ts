import { secretsManagerPrefixes, SECRET_NAME_SEPARATOR } from "../../../airflow/secrets-manager-backend";
import { grantingPatterns } from "../../iam/action-pattern";
import { IamAction, serviceActions } from "../../iam/iam-actions";
import { stackAccounts } from "../../iam/principals";
import { PolicyStatement } from "../../iam/policy-statement";
import { check, Rule } from "../../rule";
import { SynthesizedStack } from "../../synthesized-stack";
import { allows, identityPolicies, listed, statementName } from "./identity-policies";

/** What the stack's environments read from Secrets Manager, and where; `problem` when it cannot be told. */
interface SecretsScope {
  readonly prefixes: string[];
  readonly region?: string;
  readonly account?: string;
  readonly problem?: string;
}

/** The Region of the stack's AWS providers, when they all name the same one literally. */
function stackRegion(stack: SynthesizedStack): string | undefined {
  const regions = [...new Set(stack.awsProviders.map((p) => p.region))];
  return regions.length === 1 && typeof regions[0] === "string" && /^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(regions[0]) ? regions[0] : undefined;
}

/**
 * The prefixes the stack's MWAA environments read secrets under, from their written
 * airflow_configuration_options (see modules/airflow/secrets-manager-backend.ts), in the stack's
 * account and Region. A prefix with a wildcard, or options no rule can read, leave no scope.
 */
function secretsScope(stack: SynthesizedStack): SecretsScope {
  const [account] = stackAccounts(stack);
  const region = stackRegion(stack);
  const prefixes: string[] = [];
  for (const environment of stack.resources("aws_mwaa_environment")) {
    const read = secretsManagerPrefixes(environment.config.airflow_configuration_options);
    if (read.unreadable) return { prefixes: [], problem: `the secrets ${environment.path} reads cannot be told: ${read.unreadable}` };
    const wild = read.prefixes.find((prefix) => /[*?]|\$\{|&\{/.test(prefix));
    if (wild !== undefined) return { prefixes: [], problem: `${environment.path} reads secrets under ${JSON.stringify(wild)}, which is not one prefix` };
    prefixes.push(...read.prefixes);
  }
  if (prefixes.length > 0 && (!account || !region)) return { prefixes: [], problem: "the stack's account (allowed_account_ids) or Region cannot be told" };
  return { prefixes: [...new Set(prefixes)], region, account };
}

/** Whether a Resource pattern reaches only secrets under one of the scope's prefixes. */
function withinScope(resource: string, scope: SecretsScope): boolean {
  const match = /^arn:[a-z-]+:secretsmanager:([^:]*):([^:]*):secret:(.*)$/.exec(resource);
  if (!match || match[1] !== scope.region || match[2] !== scope.account) return false;
  return scope.prefixes.some((prefix) => match[3].startsWith(`${prefix}${SECRET_NAME_SEPARATOR}`));
}

/** The Secrets Manager actions a statement grants, however its patterns or NotAction are written. */
const secretsActions = (statement: PolicyStatement): IamAction[] =>
  [...serviceActions("secretsmanager")!.values()].filter((action) => grantingPatterns(statement, `secretsmanager:${action.name}`).length > 0);

/** What one Allow grants on Secrets Manager beyond reading the scope's secrets. */
function beyondScope(statement: PolicyStatement, scope: SecretsScope): string[] {
  const granted = secretsActions(statement);
  if (granted.length === 0) return [];
  const found: string[] = [];
  const changes = granted.filter((action) => action.accessLevel !== "Read").map((action) => action.name);
  if (changes.length > 0) found.push(`${listed(changes, 4)} (${changes.includes("ListSecrets") ? "lists every secret of the account, or " : ""}changes secrets; an environment only reads its own)`);
  const onSecrets = granted.filter((action) => action.accessLevel === "Read" && action.resourceTypes.length > 0);
  if (onSecrets.length === 0) return found;
  if (statement.not_resources !== undefined) {
    found.push(`${listed(onSecrets.map((a) => a.name), 4)} on NotResource (every secret it does not list)`);
  } else {
    const outside = (statement.resources ?? ["*"]).filter((resource) => !withinScope(resource, scope));
    if (outside.length > 0) found.push(`${listed(onSecrets.map((a) => a.name), 4)} on ${listed(outside, 4)}`);
  }
  return found;
}

export const iamSecretsScope: Rule = {
  id: "IAM.SECRETS_SCOPE",
  title: "Roles read only this environment's secrets, under its Secrets Manager prefixes",
  evaluates:
    "every Allow of every identity policy: the Secrets Manager actions it grants (patterns and NotAction expanded against the IAM action list), read-only and on secrets under the prefixes the stack's aws_mwaa_environment reads (secrets.backend_kwargs of airflow_configuration_options), in the stack's account and Region",
  sources: ["Playbook 3 (least privilege)", "MWAA guide: Configuring an Apache Airflow connection using a Secrets Manager secret"],
  explanation:
    "Connections and variables hold the passwords and keys of every system the DAGs reach. The MWAA guide's example lets the execution role read every secret of the Region, which hands a DAG the secrets of every other team and environment of the account. " +
    "Secrets Manager access is allowed only as read actions (GetSecretValue, DescribeSecret and the other Read actions) on secrets whose ARN pattern starts with `secret:<prefix>/` for a prefix the environment's written secrets backend options name, in this stack's account and Region: not `*`, not another prefix, not NotResource, not ListSecrets (every secret's name), not a write or a resource policy change. " +
    "Every identity policy of the stack is held to it, not only the execution role's: a policy can reach the execution role from any stack (attached by name), and no other role of these stacks needs secrets. The backend's default prefixes count for nothing (they are shared by every environment of the account), and options no rule can read leave no secret in scope.",
  fix: "Set secrets.backend to secretsmanager and keep the execution role's access to what it writes (ReadEnvironmentSecrets); a DAG that needs another secret needs it under the environment's prefixes, or a reviewed acknowledgement.",
  evaluate: (stack) => {
    const scope = secretsScope(stack);
    return identityPolicies(stack).map(({ resource, statements }) => {
      const found = statements.flatMap((s, i) => (allows(s) ? beyondScope(s, scope).map((what) => `${statementName(s, i)}: ${what}`) : []));
      const granted = statements.some((s) => allows(s) && secretsActions(s).length > 0);
      if (found.length > 0) {
        const why = scope.problem ? ` (${scope.problem})` : scope.prefixes.length === 0 ? " (the environment reads no secret from Secrets Manager)" : "";
        return check(resource, false, `beyond this environment's secrets${why}: ${found.join("; ")}`);
      }
      return check(resource, true, granted ? `reads only secrets under ${scope.prefixes.map((p) => `${p}${SECRET_NAME_SEPARATOR}`).join(", ")}` : "no Secrets Manager access");
    });
  },
};
