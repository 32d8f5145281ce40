import { App } from "cdktf";
import { mkdirSync } from "node:fs";
import { EnvironmentConfig } from "../config/environment-config";
import { writeDeployerPolicyFiles } from "../modules/synthesis/deployer-policy-files";
import { writeKeyPolicyFiles } from "../modules/synthesis/key-policy-files";
import { addEnvironmentStacks, EnvironmentStacks } from "./environment-app";

/** Adds to an app once the environments' stacks exist (stacks, aspects...). */
export type AppExtension = (app: App, environments: EnvironmentStacks[]) => void;

/**
 * Builds the app of `configs` and synthesizes it into `folder`: stock cdktf, `App.synth()`; then
 * writes each stack's deployer policy beside it (and, for a key the stacks do not own, the key-policy
 * statements its administrators must add), to be published or removed with it.
 */
export function synthesizeGroup(configs: readonly EnvironmentConfig[], folder: string, extend?: AppExtension): void {
  mkdirSync(folder, { recursive: true });
  const app = new App({ outdir: folder });
  const environments = addEnvironmentStacks(app, configs);
  extend?.(app, environments);
  app.synth();
  writeDeployerPolicyFiles(folder, configs);
  writeKeyPolicyFiles(folder, configs);
}
