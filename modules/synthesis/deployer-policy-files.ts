import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EnvironmentConfig } from "../../config/environment-config";
import { deployerPolicies } from "../iam/deployer-policy";
import { CDKTF_LAYOUT, deployerPolicyFileName } from "./output-folder";

/**
 * Writes each environment's deployer policies into the stack folders cdktf wrote under `folder`
 * (a staging folder: they are published, or removed, with the stacks). Pretty-printed JSON ending
 * in a newline, statements in a fixed order and lists sorted, so two synths write the same bytes.
 * A stack the app did not write (an extension removed it) gets no policy.
 */
export function writeDeployerPolicyFiles(folder: string, configs: readonly EnvironmentConfig[]): void {
  for (const config of configs) {
    for (const { stack, documents } of deployerPolicies(config)) {
      const stackFolder = join(folder, CDKTF_LAYOUT.stacks, stack);
      if (!existsSync(stackFolder)) continue;
      documents.forEach((document, index) => {
        writeFileSync(join(stackFolder, deployerPolicyFileName(index + 1)), `${JSON.stringify(document, null, 2)}\n`);
      });
    }
  }
}
