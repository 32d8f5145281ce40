import { App } from "cdktf";
import { resolve } from "node:path";
import { ConfigError, loadEnvironmentConfigs } from "./config/load";
import { addEnvironmentStacks } from "./stacks/environment-app";

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

const app = new App();
addEnvironmentStacks(app, configs);
app.synth();
