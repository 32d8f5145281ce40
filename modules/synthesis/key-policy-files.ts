import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EnvironmentConfig } from "../../config/environment-config";
import { mwaaStackName } from "../../config/names";
import { externalKeyPolicyFile } from "../encryption/external-key-policy";
import { CDKTF_LAYOUT, KEY_POLICY_STATEMENTS_FILE } from "./output-folder";

/**
 * Writes, for each environment encrypted with a key the stacks do not own (`encryption.keyArn`),
 * the key-policy statements its administrators must add, into the MWAA stack's folder under
 * `folder` (a staging folder: published with the stacks when the guardrails pass, removed when they
 * fail). An environment whose stacks create their key gets no file, and neither does a stack the
 * app did not write.
 */
export function writeKeyPolicyFiles(folder: string, configs: readonly EnvironmentConfig[]): void {
  for (const config of configs) {
    if (config.encryption.keyArn === undefined) continue;
    const stackFolder = join(folder, CDKTF_LAYOUT.stacks, mwaaStackName(config.name));
    if (!existsSync(stackFolder)) continue;
    writeFileSync(join(stackFolder, KEY_POLICY_STATEMENTS_FILE), externalKeyPolicyFile(config));
  }
}
