import { App } from "cdktf";
import { join } from "node:path";
import { ConfigError, loadEnvironmentConfigs } from "./config/load";
import { addEnvironmentStacks } from "./stacks/environment-app";

// Validate every config file before building a single construct: a bad file stops the synth with
// one line per problem and leaves no partial output behind.
let configs;
try {
  configs = loadEnvironmentConfigs(join(process.cwd(), "config"));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

const app = new App();
addEnvironmentStacks(app, configs);
app.synth();
