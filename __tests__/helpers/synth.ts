import { Testing } from "cdktf";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EnvironmentConfig } from "../../config/environment-config";
import { mwaaStackName, networkStackName, stateStackName } from "../../config/names";
import { addEnvironmentStacks } from "../../stacks/environment-app";

/** The day acknowledgements are judged against in tests: fixed, so results do not age. */
export const TODAY = "2026-11-23";

/** A synthesized stack: the parsed `cdk.tf.json`. */
export type StackJson = Record<string, any>;

export interface SynthesizedEnvironment {
  readonly outdir: string;
  /** The bootstrap stack; absent with the hcp state backend. */
  readonly state?: StackJson;
  readonly network: StackJson;
  readonly mwaa: StackJson;
}

/**
 * Synthesizes the environment's stacks with stock cdktf: a fresh app configured like main.ts's (no
 * stubbed version, no future flags) and a full `app.synth()`, so aspects run and error annotations
 * fail the synth (`Testing.synth` does neither). No guardrails: see synthesize.test.ts for those.
 */
export function synthEnvironment(config: EnvironmentConfig): SynthesizedEnvironment {
  const outdir = mkdtempSync(join(tmpdir(), "mwaa-synth-"));
  const app = Testing.app({ outdir, stubVersion: false, enableFutureFlags: false });
  addEnvironmentStacks(app, [config]);
  app.synth();
  const read = (stack: string) =>
    JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")) as StackJson;
  const stateDir = join(outdir, "stacks", stateStackName(config.name));
  return {
    outdir,
    state: existsSync(stateDir) ? read(stateStackName(config.name)) : undefined,
    network: read(networkStackName(config.name)),
    mwaa: read(mwaaStackName(config.name)),
  };
}

/** Runs `body` with cdktf in HCL mode: `cdktf synth --hcl` sets this variable for the app. */
export async function inHclMode<T>(body: () => Promise<T>): Promise<T> {
  process.env.SYNTH_HCL_OUTPUT = "true";
  try {
    return await body();
  } finally {
    delete process.env.SYNTH_HCL_OUTPUT;
  }
}

/** Every resource of a type, by its logical id. */
export function resources(stack: StackJson, type: string): Record<string, any> {
  return stack.resource?.[type] ?? {};
}

/** The one resource of a type whose construct path ends with `pathEnd`. */
export function resourceAt(stack: StackJson, type: string, pathEnd: string): any {
  const matches = Object.values(resources(stack, type)).filter((r: any) =>
    r["//"].metadata.path.endsWith(pathEnd),
  );
  if (matches.length !== 1) throw new Error(`expected one ${type} at */${pathEnd}, found ${matches.length}`);
  return matches[0];
}

/** A Terraform reference to a resource's attribute, as it appears in synthesized JSON. */
export function ref(stack: StackJson, type: string, pathEnd: string, attribute: string): string {
  const [id] = Object.entries(resources(stack, type)).find(([, r]: [string, any]) =>
    r["//"].metadata.path.endsWith(pathEnd),
  )!;
  return `\${${type}.${id}.${attribute}}`;
}

/** The statements of the `aws_iam_policy_document` whose construct path ends with `pathEnd`. */
export function policyStatements(stack: StackJson, pathEnd: string): any[] {
  const docs = Object.entries(stack.data?.aws_iam_policy_document ?? {}).filter(([, d]: [string, any]) =>
    d["//"].metadata.path.endsWith(pathEnd),
  );
  if (docs.length !== 1) throw new Error(`expected one policy document at */${pathEnd}, found ${docs.length}`);
  return (docs[0][1] as any).statement;
}

/** `${data.aws_iam_policy_document.<id>.json}` of the document at `pathEnd`. */
export function policyJsonRef(stack: StackJson, pathEnd: string): string {
  const [id] = Object.entries(stack.data.aws_iam_policy_document).find(([, d]: [string, any]) =>
    d["//"].metadata.path.endsWith(pathEnd),
  )!;
  return `\${data.aws_iam_policy_document.${id}.json}`;
}
