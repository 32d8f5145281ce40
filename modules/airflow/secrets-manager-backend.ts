/**
 * Airflow's AWS Secrets Manager backend as MWAA runs it, in one place: the config checks the
 * options a config file sets by hand against it, the MWAA stack writes the options from it, the
 * execution role and the endpoint policy are scoped by it, and the guardrail IAM.SECRETS_SCOPE
 * reads the prefixes back from the environment's written options with it. Plain data and pure
 * functions: the guardrails import nothing else of the app.
 *
 * Sources: the MWAA guide, "Configuring an Apache Airflow connection using an AWS Secrets Manager
 * secret" (`secrets.backend`, `secrets.backend_kwargs` with `connections_prefix` and
 * `variables_prefix`); the Amazon provider's SecretsManagerBackend, which reads one secret with
 * `GetSecretValue(SecretId=<prefix><sep><id>)` per connection or variable (sep `/` by default)
 * and calls nothing else: no ListSecrets.
 */

export const SECRETS_MANAGER_BACKEND = "airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend";
/** The other backend the MWAA guide documents (Systems Manager Parameter Store). */
export const PARAMETER_STORE_BACKEND = "airflow.providers.amazon.aws.secrets.systems_manager.SystemsManagerParameterStoreBackend";

/** Where Airflow reads secrets (every component), and its arguments. */
export const SECRETS_BACKEND_OPTION = "secrets.backend";
export const SECRETS_BACKEND_KWARGS_OPTION = "secrets.backend_kwargs";
/**
 * Airflow 3: the backend of the workers running tasks, searched before `secrets.backend`
 * (Airflow's "Secrets Backend" page, search path), and its arguments.
 */
export const WORKERS_SECRETS_BACKEND_OPTION = "workers.secrets_backend";
export const WORKERS_SECRETS_BACKEND_KWARGS_OPTION = "workers.secrets_backend_kwargs";

/** Each backend option with the option holding its arguments. */
export const SECRETS_BACKEND_OPTION_PAIRS = [
  { backend: SECRETS_BACKEND_OPTION, kwargs: SECRETS_BACKEND_KWARGS_OPTION },
  { backend: WORKERS_SECRETS_BACKEND_OPTION, kwargs: WORKERS_SECRETS_BACKEND_KWARGS_OPTION },
] as const;

/** The backend's arguments that name where it reads: connections, variables and configuration. */
export const PREFIX_KWARGS = ["connections_prefix", "variables_prefix", "config_prefix"] as const;

/** What separates a prefix from a connection id or variable key (the backend's default `sep`). */
export const SECRET_NAME_SEPARATOR = "/";

/**
 * What the execution role needs on its secrets: the value, and the metadata boto3 and the
 * console show with it. No ListSecrets: it takes no resource ARN (it lists every secret of the
 * account, names and descriptions) and the backend never calls it.
 */
export const SECRET_READ_ACTIONS = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"];

/** The Airflow options that make every component read connections and variables from `prefixes`. */
export function secretsManagerOptions(prefixes: { readonly connectionsPrefix: string; readonly variablesPrefix: string }): Record<string, string> {
  return {
    [SECRETS_BACKEND_OPTION]: SECRETS_MANAGER_BACKEND,
    [SECRETS_BACKEND_KWARGS_OPTION]: JSON.stringify({ connections_prefix: prefixes.connectionsPrefix, variables_prefix: prefixes.variablesPrefix }),
  };
}

/** ARN pattern of every secret the backend may read under `prefix`: `<prefix>/<id>`, and the random suffix Secrets Manager appends. */
export function secretArnPattern(partition: string, region: string, account: string, prefix: string): string {
  return `arn:${partition}:secretsmanager:${region}:${account}:secret:${prefix}${SECRET_NAME_SEPARATOR}*`;
}

/**
 * The prefixes an environment's written Airflow options name for Secrets Manager, in the arguments
 * of every backend option set to SecretsManagerBackend (option names compared without case, as
 * Airflow reads them). Only prefixes written there count: the backend's own defaults
 * (`airflow/connections`...) are shared by every environment of the account, so none is this
 * environment's. `unreadable` says why the prefixes cannot be told (arguments that are not a JSON
 * object, an expression, another separator): what cannot be read is never taken as no prefix.
 */
export function secretsManagerPrefixes(options: unknown): { readonly prefixes: string[]; readonly unreadable?: string } {
  if (options === undefined || options === null) return { prefixes: [] };
  if (typeof options !== "object" || Array.isArray(options)) return { prefixes: [], unreadable: `airflow_configuration_options is ${JSON.stringify(options)}, not an object` };
  const byName = new Map(Object.entries(options as Record<string, unknown>).map(([key, value]) => [key.toLowerCase(), value]));
  const prefixes: string[] = [];
  for (const pair of SECRETS_BACKEND_OPTION_PAIRS) {
    const backend = byName.get(pair.backend);
    if (backend === undefined) continue;
    if (typeof backend !== "string") return { prefixes, unreadable: `${pair.backend} is ${JSON.stringify(backend)}` };
    if (backend.trim() !== SECRETS_MANAGER_BACKEND) continue;
    const kwargs = byName.get(pair.kwargs);
    if (kwargs === undefined) continue;
    let parsed: unknown;
    try {
      parsed = typeof kwargs === "string" && !kwargs.includes("${") ? JSON.parse(kwargs) : undefined;
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { prefixes, unreadable: `${pair.kwargs} = ${JSON.stringify(kwargs)} is not a JSON object` };
    for (const name of PREFIX_KWARGS) {
      const value = (parsed as Record<string, unknown>)[name];
      if (value === undefined || value === null) continue;
      if (typeof value !== "string" || value === "") return { prefixes, unreadable: `${pair.kwargs} ${name} = ${JSON.stringify(value)} is not a prefix` };
      prefixes.push(value);
    }
    const sep = (parsed as Record<string, unknown>).sep;
    if (sep !== undefined && sep !== SECRET_NAME_SEPARATOR) return { prefixes, unreadable: `${pair.kwargs} sets sep = ${JSON.stringify(sep)}: secret names then do not follow <prefix>/<id>` };
  }
  return { prefixes: [...new Set(prefixes)] };
}
