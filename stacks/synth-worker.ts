import { readFileSync } from "node:fs";
import { EnvironmentConfig } from "../config/environment-config";
import { synthesizeGroup } from "./synthesize-group";

/**
 * A child process of synthesizeEnvironments: `synth-worker <configs.json> <folder>` synthesizes a
 * group of validated environment configs into a staging folder with stock cdktf. The parent judges.
 * An error goes to stderr, with a non-zero exit.
 */
const [configFile, folder] = process.argv.slice(2);
const configs = JSON.parse(readFileSync(configFile, "utf8")) as EnvironmentConfig[];
synthesizeGroup(configs, folder);
