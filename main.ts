import { resolve } from "node:path";
import { ConfigError, loadEnvironmentConfigs } from "./config/load";
import { synthesizeEnvironments } from "./stacks/synthesize";

/** Folder of the environment files; MWAA_CONFIG_DIR points elsewhere (e.g. a private config repo). */
const configDir = resolve(process.env.MWAA_CONFIG_DIR ?? "config");

// Validate every config file before building a single construct: a bad file stops the synth with
// one line per problem, a non-zero exit and nothing written.
let configs;
try {
  configs = loadEnvironmentConfigs(configDir);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

const { violations } = synthesizeEnvironments(configs);
if (violations.length > 0) {
  process.stderr.write(
    `${violations.length} guardrail violation${violations.length === 1 ? "" : "s"} (see cdktf.out/REVIEW.md; acknowledge a reviewed exception in the environment's guardrails.acknowledgements):\n` +
      violations.map((v) => `  - ${v}`).join("\n") +
      "\n",
  );
  process.exitCode = 1;
}
