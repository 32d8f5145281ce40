import { EnvironmentConfig } from "../config/environment-config";
import { synthesizeGroup } from "./synthesize-group";

/**
 * A child process of synthesizeEnvironments: receives a group of validated environment configs and
 * a staging folder, synthesizes them with stock cdktf, and reports back. The parent judges.
 */
process.once("message", (message: { configs: EnvironmentConfig[]; folder: string }) => {
  let error: string | undefined;
  try {
    synthesizeGroup(message.configs, message.folder);
  } catch (caught) {
    error = caught instanceof Error ? (caught.stack ?? caught.message) : String(caught);
  }
  process.send!({ error }, () => process.exit(error ? 1 : 0));
});
