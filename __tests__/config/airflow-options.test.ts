import { problemsAfter } from "../helpers/config-fixtures";

const AIRFLOW_2 = "2.11.0";
const AIRFLOW_3 = "3.0.6";

/** The problems of the example environment on Airflow `version` with exactly these options. */
const withOptions = (options: Record<string, string>, version = AIRFLOW_2) =>
  problemsAfter((raw) => {
    raw.airflow.version = version;
    raw.airflow.configurationOptions = options;
  });

const fieldOf = (option: string) => new RegExp(`^airflow\\.configurationOptions\\.${option.replace(/\./g, "\\.")}: got `);

describe("Airflow configuration options that reveal secrets or read them elsewhere", () => {
  it("accepts ordinary options and the safe values of the guarded ones", () => {
    expect(
      withOptions({
        "core.default_timezone": "utc",
        "webserver.expose_config": "False",
        "core.hide_sensitive_var_conn_fields": "true",
        "secrets.backend": "airflow.providers.amazon.aws.secrets.systems_manager.SystemsManagerParameterStoreBackend",
        "secrets.backend_kwargs": '{"connections_prefix": "/airflow/connections", "variables_prefix": "arn:aws:ssm:eu-west-1:111122223333:parameter/airflow/variables"}',
      }),
    ).toEqual([]);
  });

  it("refuses the Secrets Manager backend set by hand, pointing at secrets.backend, which also grants the role and opens the endpoint", () => {
    const problems = withOptions({ "secrets.backend": "airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend" });
    expect(problems).toEqual([expect.stringMatching(/^airflow\.configurationOptions\.secrets\.backend: got .*; set secrets\.backend to secretsmanager instead .*; remove the option$/)]);
  });

  it.each(["secrets.backend", "secrets.backend_kwargs", "workers.secrets_backend", "workers.secrets_backend_kwargs"])(
    "refuses %s beside secrets.backend = secretsmanager, which sets the backend itself",
    (option) => {
      const problems = problemsAfter((raw) => {
        raw.airflow.version = AIRFLOW_3;
        raw.secrets = { backend: "secretsmanager" };
        raw.airflow.configurationOptions = { [option]: option.endsWith("kwargs") ? '{"connections_prefix": "elsewhere"}' : "airflow.providers.amazon.aws.secrets.systems_manager.SystemsManagerParameterStoreBackend" };
      });
      expect(problems).toEqual([expect.stringMatching(new RegExp(`^airflow\\.configurationOptions\\.${option.replace(/\./g, "\\.")}: got .*; is set by secrets\\.backend = secretsmanager`))]);
    },
  );

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
  ])("refuses %s = %s on Airflow 2, naming the field and why", (option, value, message) => {
    const problems = withOptions({ [option]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(fieldOf(option));
    expect(problems[0]).toMatch(message);
  });

  it.each([
    ["api.expose_config", "True", /shows Airflow's configuration/],
    ["api.expose_stacktrace", "true", /shows stack traces/],
    ["fab.auth_backends", "airflow.api.auth.backend.default", /lets anyone call Airflow's REST API without credentials/],
    ["workers.secrets_backend", "my_plugin.ExfiltratingBackend", /is not a secrets backend the MWAA guide documents/],
    ["workers.secrets_backend_kwargs", '{"variables_prefix": "arn:aws:ssm:eu-west-1:999999999999:parameter/x"}', /names secrets of account 999999999999/],
  ])("refuses %s = %s on Airflow 3, naming the field and why", (option, value, message) => {
    const problems = withOptions({ [option]: value }, AIRFLOW_3);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(fieldOf(option));
    expect(problems[0]).toMatch(message);
  });

  it("still refuses an anonymous API backend under its Airflow 2 name on Airflow 3, beside the rename", () => {
    const problems = withOptions({ "api.auth_backends": "airflow.api.auth.backend.default" }, AIRFLOW_3);
    expect(problems).toEqual([
      expect.stringMatching(/renamed it to fab\.auth_backends/),
      expect.stringMatching(/lets anyone call Airflow's REST API without credentials/),
    ]);
  });

  it("holds a guarded option whatever the case of its name, as Airflow reads it", () => {
    const problems = withOptions({ "Webserver.Expose_Config": "true" });
    expect(problems).toContainEqual(expect.stringMatching(/^airflow\.configurationOptions\.Webserver\.Expose_Config: .*lowercase/));
    expect(problems).toContainEqual(expect.stringMatching(/^airflow\.configurationOptions\.Webserver\.Expose_Config: .*shows Airflow's configuration/));
  });
});

describe("Airflow configuration options the environment's Airflow version does not read", () => {
  it("refuses an option Airflow 3 removed, saying to remove it and what replaces it", () => {
    expect(withOptions({ "core.check_slas": "false" }, AIRFLOW_3)).toEqual([
      'airflow.configurationOptions.core.check_slas: got "false"; does not exist in Airflow 3.0.6: Airflow 3.0 removed it; remove it (the SLA feature is removed in Airflow 3.0, to be replaced with Airflow Alerts)',
    ]);
  });

  it("refuses an option Airflow 3 renamed, naming the new field", () => {
    expect(withOptions({ "core.dag_concurrency": "16" }, AIRFLOW_3)).toEqual([
      'airflow.configurationOptions.core.dag_concurrency: got "16"; is not read by Airflow 3.0.6: Airflow 3 renamed it to core.max_active_tasks_per_dag; use airflow.configurationOptions.core.max_active_tasks_per_dag instead',
    ]);
    expect(withOptions({ "core.max_active_tasks_per_dag": "16" }, AIRFLOW_3)).toEqual([]);
  });

  it("follows a rename to its end: renamed then removed, or renamed to an option MWAA sets", () => {
    expect(withOptions({ "core.load_default_connections": "false" }, AIRFLOW_3)).toEqual([
      expect.stringMatching(/does not exist in Airflow 3\.0\.6: Airflow 3 renamed it to database\.load_default_connections, then removed that; remove it$/),
    ]);
    expect(withOptions({ "webserver.secret_key": "s3cr3t" }, AIRFLOW_3)).toEqual([
      expect.stringMatching(/Airflow 3 renamed it to api\.secret_key, which MWAA sets itself; remove it$/),
    ]);
  });

  it("accepts on Airflow 2 the options that exist there", () => {
    expect(
      withOptions({ "core.check_slas": "false", "core.dag_concurrency": "16", "core.load_default_connections": "false", "webserver.warn_deployment_exposure": "false" }),
    ).toEqual([]);
  });

  it("accepts on Airflow 3.0 an option Airflow only moved after 3.0", () => {
    expect(withOptions({ "webserver.warn_deployment_exposure": "false", "webserver.instance_name": "prod" }, AIRFLOW_3)).toEqual([]);
  });

  it("refuses on Airflow 2 an Airflow 3 name, naming the Airflow 2 field", () => {
    expect(withOptions({ "api.base_url": "https://airflow.example.com" })).toEqual([
      'airflow.configurationOptions.api.base_url: got "https://airflow.example.com"; is the Airflow 3 name of webserver.base_url and does not exist in Airflow 2.11.0; use airflow.configurationOptions.webserver.base_url instead, or leave it out',
    ]);
    expect(withOptions({ "api.base_url": "https://airflow.example.com" }, AIRFLOW_3)).toEqual([]);
  });

  it("refuses a value Airflow 3 no longer accepts, and only on Airflow 3", () => {
    expect(withOptions({ "core.parallelism": "0" }, AIRFLOW_3)).toEqual([
      'airflow.configurationOptions.core.parallelism: got "0"; is not accepted by Airflow 3.0.6: Airflow 3 no longer reads 0 as unlimited; set a value greater than 0',
    ]);
    expect(withOptions({ "core.parallelism": "32" }, AIRFLOW_3)).toEqual([]);
    expect(withOptions({ "core.parallelism": "0" })).toEqual([]);
  });

  it("matches a removed option whatever the case of its name, beside the schema's lowercase rule", () => {
    const problems = withOptions({ "Core.Check_Slas": "false" }, AIRFLOW_3);
    expect(problems).toContainEqual(expect.stringMatching(/^airflow\.configurationOptions\.Core\.Check_Slas: .*lowercase/));
    expect(problems).toContainEqual(expect.stringMatching(/^airflow\.configurationOptions\.Core\.Check_Slas: .*does not exist in Airflow 3\.0\.6/));
  });
});

describe("Airflow configuration options MWAA sets itself or refuses", () => {
  it.each([
    ["core.executor", AIRFLOW_2],
    ["core.executor", AIRFLOW_3],
    ["database.sql_alchemy_conn", AIRFLOW_3],
    ["webserver.secret_key", AIRFLOW_2],
    ["api.secret_key", AIRFLOW_3],
  ])("refuses %s on Airflow %s: MWAA overrides it", (option, version) => {
    expect(withOptions({ [option]: "x" }, version)).toEqual([
      `airflow.configurationOptions.${option}: got "x"; is set by MWAA itself on Airflow ${version[0]}, which overrides the value given here; remove it`,
    ]);
  });

  it("refuses an option name longer than MWAA's 64 characters", () => {
    const option = `core.${"a".repeat(60)}`;
    expect(withOptions({ [option]: "x" })).toEqual([expect.stringMatching(/is longer than the 64 characters MWAA accepts for an option name$/)]);
  });

  it.each([
    ["an empty value", ""],
    ["a value outside printable ASCII", "Zürich"],
  ])("refuses %s, which MWAA's API refuses", (_, value) => {
    expect(withOptions({ "core.default_timezone": value })).toEqual([expect.stringMatching(/must be 1 to 65536 printable ASCII characters/)]);
  });
});
