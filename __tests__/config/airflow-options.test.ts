import { problemsAfter } from "../helpers/config-fixtures";

const withOptions = (options: Record<string, string>) => problemsAfter((raw) => (raw.airflow.configurationOptions = options));

describe("Airflow configuration options that reveal secrets or read them elsewhere", () => {
  it("accepts ordinary options and the safe values of the guarded ones", () => {
    expect(
      withOptions({
        "core.default_timezone": "utc",
        "webserver.expose_config": "False",
        "core.hide_sensitive_var_conn_fields": "true",
        "secrets.backend": "airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend",
        "secrets.backend_kwargs": '{"connections_prefix": "airflow/connections", "variables_prefix": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:airflow/variables"}',
      }),
    ).toEqual([]);
  });

  it.each([
    ["webserver.expose_config", "true", /shows Airflow's configuration, secrets included, to every UI user; allowed: false or non-sensitive-only/],
    ["core.hide_sensitive_var_conn_fields", "false", /shows the passwords and keys of variables and connections in the UI; allowed: true/],
    ["webserver.expose_stacktrace", "True", /shows stack traces/],
    ["api.auth_backends", "airflow.api.auth.backend.default", /lets anyone call Airflow's REST API without credentials/],
    ["secrets.backend", "my_plugin.ExfiltratingBackend", /is not a secrets backend the MWAA guide documents/],
    ["secrets.backend_kwargs", '{"connections_prefix": "arn:aws:secretsmanager:eu-west-1:999999999999:secret:x"}', /names secrets of account 999999999999, not this environment's \(111122223333\)/],
    ["secrets.backend_kwargs", "connections_prefix=x", /must be a JSON object of the backend's arguments/],
    ["secrets.backend_kwargs", "[1,2]", /must be a JSON object of the backend's arguments/],
    ["api.auth_backend", "airflow.api.auth.backend.default", /lets anyone call Airflow's REST API without credentials/],
    ["api.expose_config", "True", /shows Airflow's configuration/],
    ["api.expose_stacktrace", "true", /shows stack traces/],
  ])("refuses %s = %s, naming the field and why", (option, value, message) => {
    const problems = withOptions({ [option]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^airflow\\.configurationOptions\\.${option.replace(".", "\\.")}: got `));
    expect(problems[0]).toMatch(message);
  });
});
