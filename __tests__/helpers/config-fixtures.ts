import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readAirflowFolders } from "../../config/airflow-folder";
import { stageAirflowArtifacts } from "../../modules/airflow/staged-artifacts";
import { EnvironmentConfig } from "../../config/environment-config";
import { ConfigError, loadEnvironmentConfigs, validateEnvironmentConfig } from "../../config/load";

export const REPO_ROOT = join(__dirname, "..", "..");

/**
 * The tests' own config folder, holding the example environment as the repository ships it. Tests
 * never read `config/`: a user adds, edits and removes environments there.
 */
export const FIXTURE_CONFIG_DIR = join(REPO_ROOT, "__tests__", "fixtures", "config");

/**
 * The tests' own Airflow files folder (what MWAA_AIRFLOW_DIR points at), beside the config fixtures:
 * tests never read the user's `airflow/` either.
 */
export const FIXTURE_AIRFLOW_DIR = join(REPO_ROOT, "__tests__", "fixtures", "airflow");

/**
 * `config` with the Airflow files of `dir/<env>/` read, validated and staged (as the synth does) in
 * a fresh temporary folder; throws with the problems if they are refused.
 */
export function withAirflowFiles(config: EnvironmentConfig, dir: string = FIXTURE_AIRFLOW_DIR): EnvironmentConfig {
  const { folders, problems } = readAirflowFolders(dir, [config], dir);
  if (problems.length > 0) throw new Error(`Airflow fixture is refused:\n${problems.join("\n")}`);
  const folder = folders.get(config.name);
  if (!folder) return config;
  return { ...config, artifacts: stageAirflowArtifacts(folder, config.airflow.dagS3Path, mkdtempSync(join(tmpdir(), "mwaa-airflow-build-"))) };
}

/** The example environment as a plain object, fresh for every call. */
export function exampleRaw(): Record<string, any> {
  return JSON.parse(readFileSync(join(FIXTURE_CONFIG_DIR, "example.json"), "utf8"));
}

/** The example config after `edit`, validated; throws with the problems if it is not valid. */
export function exampleConfig(edit: (raw: Record<string, any>) => void = () => {}): EnvironmentConfig {
  const raw = exampleRaw();
  edit(raw);
  const result = validateEnvironmentConfig(JSON.stringify(raw), `${raw.name}.json`);
  if (!result.ok) throw new Error(`fixture is invalid:\n${result.problems.join("\n")}`);
  return result.config;
}

/** The problems validation reports for the example after `edit` (empty when valid). */
export function problemsAfter(edit: (raw: Record<string, any>) => void): string[] {
  const raw = exampleRaw();
  edit(raw);
  const result = validateEnvironmentConfig(JSON.stringify(raw), "example.json");
  return result.ok ? [] : result.problems;
}

/** The problems loading the config folder `dir` reports (file names relative to it), or [] when it loads. */
export function loadProblems(dir: string): readonly string[] {
  try {
    loadEnvironmentConfigs(dir, dir);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}
