import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, loadEnvironmentConfigs } from "../../config/load";
import { exampleRaw } from "../helpers/config-fixtures";
import { attack } from "./attack";

/**
 * A config-only pull request: airflow.configurationOptions accepts any `section.option`, and no rule
 * reads airflow_configuration_options. Options that show the configuration and connection secrets in
 * the UI load and synthesize with exit 0 and a REVIEW.md of PASS today.
 */
async function withOptions(options: Record<string, string>) {
  const raw: any = exampleRaw();
  raw.airflow.configurationOptions = options;
  const dir = mkdtempSync(join(tmpdir(), "mwaa-redteam-"));
  writeFileSync(join(dir, "example.json"), JSON.stringify(raw));
  try {
    return (await attack(undefined, loadEnvironmentConfigs(dir))).violations;
  } catch (error) {
    if (error instanceof ConfigError) return [`refused: ${error.message}`]; // a refusal is the secure outcome too
    throw error;
  }
}

describe("red team: Airflow configuration options from config", () => {
  it("webserver.expose_config = true with core.hide_sensitive_var_conn_fields = false fails", async () => {
    await expect(withOptions({ "webserver.expose_config": "true", "core.hide_sensitive_var_conn_fields": "false" })).resolves.not.toEqual([]);
  });

  it("a secrets backend reading another account's Secrets Manager fails", async () => {
    await expect(
      withOptions({
        "secrets.backend": "airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend",
        "secrets.backend_kwargs": '{"connections_prefix": "arn:aws:secretsmanager:eu-west-1:999999999999:secret:airflow/connections"}',
      }),
    ).resolves.not.toEqual([]);
  });
});
