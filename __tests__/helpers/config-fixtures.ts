import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EnvironmentConfig } from "../../config/environment-config";
import { ConfigError, loadEnvironmentConfigs, validateEnvironmentConfig } from "../../config/load";

export const REPO_ROOT = join(__dirname, "..", "..");

/**
 * The tests' own config folder, holding the example environment as the repository ships it. Tests
 * never read `config/`: a user adds, edits and removes environments there.
 */
export const FIXTURE_CONFIG_DIR = join(REPO_ROOT, "__tests__", "fixtures", "config");

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
