import { App, TerraformElement, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EnvironmentConfig } from "../../config/environment-config";
import { SynthesisResult, synthesizeEnvironments } from "../../stacks/synthesize";
import type { AppExtension } from "../../stacks/synthesize-group";
import { exampleConfig } from "../helpers/config-fixtures";
import { readReviewFiles } from "../helpers/review-files";
import { TODAY } from "../helpers/synth";

/** What a hostile pull request gets: the synth's violations and the review it would publish. */
export interface Outcome extends SynthesisResult {
  /** The summary and every detail file, one after the other. */
  readonly review: string;
}

/** Synthesizes `configs` (default: the example) with `extend` applied, as `cdktf synth` would, judged on TODAY. */
export async function attack(extend?: AppExtension, configs: EnvironmentConfig[] = [exampleConfig()]): Promise<Outcome> {
  const outdir = mkdtempSync(join(tmpdir(), "mwaa-redteam-"));
  const result = await synthesizeEnvironments(configs, { outdir, today: TODAY, extend });
  const { summary, detail } = readReviewFiles(outdir);
  return { ...result, review: `${summary}\n${detail}` };
}

/** The construct at `path` (e.g. `example-mwaa/dag-bucket/bucket`): what an escape hatch edits. */
export function at(app: App, path: string): TerraformElement {
  const found = app.node.findAll().find((c: IConstruct) => c.node.path === path);
  if (!found) throw new Error(`no construct at ${path}`);
  return found as TerraformElement;
}

/** The stack named `name`. */
export const stackOf = (app: App, name: string) => at(app, name) as unknown as TerraformStack;

/** The rule ids of the violations, for assertions. */
export const failedRules = (outcome: Outcome) => outcome.violations.map((v) => /^\[([^\]]+)\]/.exec(v)?.[1]);

/** `type.logicalId` of the resource at `path`, as Terraform addresses it. */
export const addressOf = (app: App, path: string): string => {
  const resource = at(app, path) as any;
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
};

/** `${type.logicalId.attribute}` of the resource at `path`: how a hostile resource points at it. */
export const refTo = (app: App, path: string, attribute: string): string => `\${${addressOf(app, path)}.${attribute}}`;

/** A JSON policy document, as a policy argument holds it. */
export const policyText = (...statements: object[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });
