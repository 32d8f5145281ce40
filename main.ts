import { join, relative, resolve, sep } from "node:path";
import { readAirflowFolders } from "./config/airflow-folder";
import { ConfigError, loadEnvironmentConfigs } from "./config/load";
import { removeSynthesizedOutput, REVIEW_FILE } from "./modules/synthesis/output-folder";
import { synthesizeEnvironments, SynthesisError } from "./stacks/synthesize";

/** Folder of the environment files; MWAA_CONFIG_DIR points elsewhere (e.g. a private config repo). */
const configDir = resolve(process.env.MWAA_CONFIG_DIR ?? "config");
/** Folder of the environments' Airflow files (airflow/<env>/dags, requirements.txt, plugins/, startup.sh). */
const airflowDir = resolve(process.env.MWAA_AIRFLOW_DIR ?? "airflow");
const outdir = resolve(process.env.CDKTF_OUTDIR ?? "cdktf.out");

/** A folder as the review names it: relative to the working directory (the repository), with `/`. */
function shownFolder(folder: string): string {
  return relative(process.cwd(), folder).split(sep).join("/") || ".";
}

async function main(): Promise<number> {
  // The previous synth's stacks and review go first: whatever happens next, nothing stale remains
  // for `cdktf deploy --skip-synth` to apply or for CI to publish as a pass.
  removeSynthesizedOutput(outdir);

  // Validate every config file before building a single construct: a bad file stops the synth with
  // one line per problem, a non-zero exit and nothing written.
  let configs;
  try {
    configs = loadEnvironmentConfigs(configDir);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }

  const airflow = readAirflowFolders(airflowDir, configs);
  if (airflow.problems.length > 0) {
    process.stderr.write(`${new ConfigError(airflow.problems, "the Airflow files").message}\n`);
    return 1;
  }

  let violations: string[];
  try {
    ({ violations } = await synthesizeEnvironments(configs, { outdir, airflowFolders: airflow.folders, configFolder: shownFolder(configDir) }));
  } catch (error) {
    if (!(error instanceof SynthesisError)) throw error;
    process.stderr.write(`The synth failed; nothing was written.\n${error.message}\n`);
    return 1;
  }
  if (violations.length > 0) {
    process.stderr.write(
      `${violations.length} guardrail violation${violations.length === 1 ? "" : "s"} (see ${relative(process.cwd(), join(outdir, REVIEW_FILE))}; no stack was published, so cdktf deploy --skip-synth has nothing to apply; acknowledge a reviewed exception in the environment's guardrails.acknowledgements):\n` +
        violations.map((v) => `  - ${v}`).join("\n") +
        "\n",
    );
    return 1;
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    // A crash (a bug, or an error thrown while building the stacks) has already removed the output.
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
