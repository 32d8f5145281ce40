import { parseRelease, versionOptionMessage } from "./airflow-version-options";
import { DEFAULT_AIRFLOW_VERSION } from "./mwaa-limits";
import type { Problem } from "./rules";
import { PARAMETER_STORE_BACKEND, SECRETS_BACKEND_OPTION_PAIRS, SECRETS_MANAGER_BACKEND } from "../modules/airflow/secrets-manager-backend";

/**
 * Airflow configuration options (`airflow.configurationOptions`) that decide what the Airflow UI and
 * API reveal, and where Airflow reads secrets. A config file comes from an untrusted pull request,
 * and MWAA applies what it is given: these are held to safe values here, before any stack is built.
 * Option names follow Airflow's configuration reference (`section.option`). Airflow reads option
 * names without regard to case (MWAA passes them on as `AIRFLOW__SECTION__OPTION`), so every check
 * compares the lowercase name; MWAA's API itself accepts lowercase names only (the schema's rule).
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
/** The API's authentication backends: the plural name, the singular one Airflow 2 still reads, and Airflow 3's. */
const API_AUTH_OPTIONS = ["api.auth_backends", "api.auth_backend", "fab.auth_backends"];

/** An API authentication backend that lets anyone call the REST API without credentials. */
const OPEN_API_BACKEND = /airflow\.api\.auth\.backend\.default/;
/** Where Airflow reads secrets (every component, and on Airflow 3 the workers running tasks), and their arguments. */
const SECRETS_BACKEND_OPTIONS: readonly string[] = SECRETS_BACKEND_OPTION_PAIRS.map((pair) => pair.backend);
const SECRETS_KWARGS_OPTIONS: readonly string[] = SECRETS_BACKEND_OPTION_PAIRS.map((pair) => pair.kwargs);
const ARN_ACCOUNT = /arn:aws[\w-]*:[\w-]+:[\w-]*:(\d{12}):/g;

/**
 * What MWAA's API accepts in AirflowConfigurationOptions (API reference, CreateEnvironment): keys of
 * at most 64 characters, values of 1 to 65536 printable ASCII characters.
 */
const MAX_OPTION_NAME_LENGTH = 64;
const OPTION_VALUE = /^[ -~]{1,65536}$/;

/**
 * Problems of the raw `airflow.configurationOptions` of an environment in `account` running Airflow
 * `version` (raw `airflow.version`; wrong types and unknown versions are the schema's), whose
 * `secrets.backend` is `secretsBackend` (raw; absent means none).
 */
export function airflowOptionProblems(options: unknown, account: unknown, version: unknown = DEFAULT_AIRFLOW_VERSION, secretsBackend: unknown = "none"): Problem[] {
  if (typeof options !== "object" || options === null || Array.isArray(options)) return [];
  const release = typeof version === "string" ? parseRelease(version) : undefined;
  return Object.entries(options as Record<string, unknown>).flatMap(([key, value]): Problem[] => {
    if (typeof value !== "string") return [];
    const path = `airflow.configurationOptions.${key}`;
    const option = key.toLowerCase();
    const versionMessage = release && versionOptionMessage(option, value, release);
    return [
      ...mwaaArgumentProblems(path, key, value),
      ...(versionMessage ? [{ path, value, message: versionMessage }] : []),
      ...safetyProblems(path, option, value, account, secretsBackend),
    ];
  });
}

function mwaaArgumentProblems(path: string, key: string, value: string): Problem[] {
  const problems: Problem[] = [];
  if (key.length > MAX_OPTION_NAME_LENGTH) {
    problems.push({ path, value: key, message: `is longer than the ${MAX_OPTION_NAME_LENGTH} characters MWAA accepts for an option name` });
  }
  if (!OPTION_VALUE.test(value)) {
    problems.push({ path, value, message: "must be 1 to 65536 printable ASCII characters, what MWAA accepts for an option value; leave the option out rather than empty" });
  }
  return problems;
}

function safetyProblems(path: string, option: string, value: string, account: unknown, secretsBackend: unknown): Problem[] {
  const text = value.trim().toLowerCase();
  const safe = SAFE_VALUES[option];
  if (safe && !safe.allowed.includes(text)) {
    return [{ path, value, message: `${safe.why}; allowed: ${safe.allowed.join(" or ")}, or leave it out for MWAA's default` }];
  }
  if (API_AUTH_OPTIONS.includes(option) && OPEN_API_BACKEND.test(value)) {
    return [{ path, value, message: "lets anyone call Airflow's REST API without credentials; leave it out for MWAA's own authentication" }];
  }
  const secretsOption = SECRETS_BACKEND_OPTIONS.includes(option) || SECRETS_KWARGS_OPTIONS.includes(option);
  if (secretsOption && secretsBackend === "secretsmanager") {
    return [{ path, value, message: "is set by secrets.backend = secretsmanager, with secrets.connectionsPrefix and secrets.variablesPrefix; remove it" }];
  }
  if (SECRETS_BACKEND_OPTIONS.includes(option) && value.trim() === SECRETS_MANAGER_BACKEND) {
    return [{
      path,
      value,
      message:
        "set secrets.backend to secretsmanager instead (with secrets.connectionsPrefix and secrets.variablesPrefix): it also gives the execution role read access to exactly those secrets, the secretsmanager endpoint a private network needs, and decryption through Secrets Manager; remove the option",
    }];
  }
  if (SECRETS_BACKEND_OPTIONS.includes(option) && value.trim() !== PARAMETER_STORE_BACKEND) {
    return [{ path, value, message: `is not a secrets backend the MWAA guide documents; allowed: ${PARAMETER_STORE_BACKEND}, or secrets.backend = secretsmanager for AWS Secrets Manager` }];
  }
  if (SECRETS_KWARGS_OPTIONS.includes(option)) return backendKwargsProblems(path, value, account);
  return [];
}

/** `secrets.backend_kwargs` (or the workers'): JSON whose ARNs, if any, name the environment's own account. */
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
