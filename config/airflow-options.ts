import type { Problem } from "./rules";

/**
 * Airflow configuration options (`airflow.configurationOptions`) that decide what the Airflow UI and
 * API reveal, and where Airflow reads secrets. A config file comes from an untrusted pull request,
 * and MWAA applies what it is given: these are held to safe values here, before any stack is built.
 * Option names follow Airflow's configuration reference (`section.option`).
 */

/** Options with the only values that keep secrets out of the UI and the API closed to anonymous callers. */
const EXPOSE_CONFIG = { allowed: ["false", "non-sensitive-only"], why: "shows Airflow's configuration, secrets included, to every UI user" };
const EXPOSE_STACKTRACE = { allowed: ["false"], why: "shows stack traces, with local values, to UI users" };
/** Airflow 3 moved the webserver's options to `[api]`; both names are held. */
const SAFE_VALUES: Readonly<Record<string, { readonly allowed: readonly string[]; readonly why: string }>> = {
  "webserver.expose_config": EXPOSE_CONFIG,
  "api.expose_config": EXPOSE_CONFIG,
  "core.hide_sensitive_var_conn_fields": { allowed: ["true"], why: "shows the passwords and keys of variables and connections in the UI" },
  "webserver.expose_stacktrace": EXPOSE_STACKTRACE,
  "api.expose_stacktrace": EXPOSE_STACKTRACE,
};
/** The API's authentication backends: the plural name, and the singular one Airflow 2 still reads. */
const API_AUTH_OPTIONS = ["api.auth_backends", "api.auth_backend"];

/** An API authentication backend that lets anyone call the REST API without credentials. */
const OPEN_API_BACKEND = /airflow\.api\.auth\.backend\.default/;
/** The secrets backends the MWAA guide documents: AWS Secrets Manager and Systems Manager Parameter Store. */
const SECRETS_BACKENDS = [
  "airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend",
  "airflow.providers.amazon.aws.secrets.systems_manager.SystemsManagerParameterStoreBackend",
];
const ARN_ACCOUNT = /arn:aws[\w-]*:[\w-]+:[\w-]*:(\d{12}):/g;

/** Problems of the raw `airflow.configurationOptions` of an environment in `account` (wrong types are the schema's). */
export function airflowOptionProblems(options: unknown, account: unknown): Problem[] {
  if (typeof options !== "object" || options === null || Array.isArray(options)) return [];
  return Object.entries(options as Record<string, unknown>).flatMap(([option, value]): Problem[] => {
    if (typeof value !== "string") return [];
    const path = `airflow.configurationOptions.${option}`;
    const text = value.trim().toLowerCase();
    const safe = SAFE_VALUES[option];
    if (safe && !safe.allowed.includes(text)) {
      return [{ path, value, message: `${safe.why}; allowed: ${safe.allowed.join(" or ")}, or leave it out for MWAA's default` }];
    }
    if (API_AUTH_OPTIONS.includes(option) && OPEN_API_BACKEND.test(value)) {
      return [{ path, value, message: "lets anyone call Airflow's REST API without credentials; leave it out for MWAA's own authentication" }];
    }
    if (option === "secrets.backend" && !SECRETS_BACKENDS.includes(value.trim())) {
      return [{ path, value, message: `is not a secrets backend the MWAA guide documents; allowed: ${SECRETS_BACKENDS.join(" or ")}` }];
    }
    if (option === "secrets.backend_kwargs") return backendKwargsProblems(path, value, account);
    return [];
  });
}

/** `secrets.backend_kwargs`: JSON whose ARNs, if any, name the environment's own account. */
function backendKwargsProblems(path: string, value: string, account: unknown): Problem[] {
  const invalid = [{ path, value, message: "must be a JSON object of the backend's arguments, e.g. {\"connections_prefix\": \"airflow/connections\"}" }];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return invalid;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return invalid;
  const foreign = [...value.matchAll(ARN_ACCOUNT)].map((m) => m[1]).filter((id) => id !== account);
  return foreign.length === 0
    ? []
    : [{ path, value, message: `names secrets of account ${[...new Set(foreign)].join(", ")}, not this environment's (${String(account)}); Airflow would read connections and variables another account controls: use prefixes of this account's secrets` }];
}
