import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The output folder (`cdktf.out`) as this app keeps it: a synth writes into a staging folder, the
 * guardrails judge what was written there, and only a synth that passes moves its stacks into
 * `stacks/` and writes `manifest.json`, which `cdktf deploy --skip-synth` reads. A failed synth
 * therefore leaves nothing deployable, whatever it failed on.
 */

/**
 * Where cdktf writes (its `Manifest.fileName`, `Manifest.stacksFolder`, `Manifest.stackMetadataPath`)
 * and how its manifest marks an error (`AnnotationMetadataEntryType.ERROR`); a test holds them
 * equal. Spelled out here so that the process can start its synth workers before it spends the
 * time to load cdktf.
 */
export const CDKTF_LAYOUT = { manifest: "manifest.json", stacks: "stacks", stackMetadata: "metadata.json", errorAnnotation: "@cdktf/error" } as const;

/** What cdktf writes for a stack: one configuration file (JSON or HCL) and, for HCL, its metadata. */
const STACK_CONFIGURATION_FILES = ["cdk.tf.json", "cdk.tf"] as const;
/** cdktf's folder of a stack's assets (TerraformAsset): the Airflow files the stack uploads. */
const STACK_ASSETS = "assets";
const STACK_FILES = [...STACK_CONFIGURATION_FILES, CDKTF_LAYOUT.stackMetadata, STACK_ASSETS];

/**
 * The deployer's policy of a stack, beside its configuration (modules/synthesis/
 * deployer-policy-files.ts): `deployer-policy.json`, then `deployer-policy-2.json`... when the
 * statements exceed one managed policy.
 */
export function deployerPolicyFileName(part: number): string {
  return part === 1 ? "deployer-policy.json" : `deployer-policy-${part}.json`;
}

/** Every name deployerPolicyFileName gives. */
const DEPLOYER_POLICY_FILE = /^deployer-policy(-[1-9]\d*)?\.json$/;

/**
 * Beside the MWAA stack of an environment encrypted with a key the stacks do not own: the
 * statements its administrators must add to its policy (modules/synthesis/key-policy-files.ts).
 */
export const KEY_POLICY_STATEMENTS_FILE = "key-policy-statements.json";

/** The review's summary, beside the stacks: what a pull-request comment shows. */
export const REVIEW_FILE = "REVIEW.md";

/**
 * The rest of the review, in `review/` beside the summary, relative to the output folder. The synth
 * writes the detail and the findings; `npm run review -- --base <ref>` adds the change review and
 * the comment (the summary with the changes, within one pull-request comment).
 */
export const REVIEW_FOLDER = "review";
export const REVIEW_PATHS = {
  findingsJson: "review/findings.json",
  findingsSarif: "review/findings.sarif",
  /** The Terraform every stack wrote, judged, whether or not it was published: what the change review compares. */
  terraform: "review/terraform.json",
  changesMarkdown: "review/changes.md",
  changesJson: "review/changes.json",
  comment: "review/comment.md",
} as const;

const STAGING = ".synth";

/** The staging folder of one group of environments, synthesized by one process. */
export function stagingFolder(outdir: string, group: number): string {
  return join(outdir, STAGING, String(group));
}

/**
 * Where the synth stages an environment's Airflow files (modules/airflow/staged-artifacts.ts) for
 * cdktf to copy into its stack: inside the staging folder, so they go wherever staging goes.
 */
export function airflowBuildFolder(outdir: string, environment: string): string {
  return join(outdir, STAGING, "airflow", environment);
}

/**
 * Removes what a previous synth wrote: its manifest, its review (and the change review made from
 * it), each stack's configuration,
 * metadata, assets, deployer policy files and key-policy statements, and any staging left by an interrupted run. What
 * Terraform keeps in a stack's folder (`.terraform/`, the lock file, local state) stays: losing it
 * would mean a new `init`, or worse. Does not create `outdir`.
 */
export function removeSynthesizedOutput(outdir: string): void {
  if (!existsSync(outdir)) return;
  rmSync(join(outdir, CDKTF_LAYOUT.manifest), { force: true });
  rmSync(join(outdir, REVIEW_FILE), { force: true });
  rmSync(join(outdir, REVIEW_FOLDER), { recursive: true, force: true });
  rmSync(join(outdir, STAGING), { recursive: true, force: true });
  for (const stack of stackFolders(outdir)) {
    const folder = join(outdir, CDKTF_LAYOUT.stacks, stack);
    const deployerPolicies = readdirSync(folder).filter((entry) => DEPLOYER_POLICY_FILE.test(entry));
    for (const file of [...STACK_FILES, KEY_POLICY_STATEMENTS_FILE, ...deployerPolicies]) rmSync(join(folder, file), { recursive: true, force: true });
  }
}

/** Removes the staging folders, keeping nothing of what they held. */
export function removeStaging(outdir: string): void {
  rmSync(join(outdir, STAGING), { recursive: true, force: true });
}

function stackFolders(outdir: string): string[] {
  const stacks = join(outdir, CDKTF_LAYOUT.stacks);
  if (!existsSync(stacks)) return [];
  return readdirSync(stacks, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

/**
 * Terraform files already in a stack's folder of `outdir` once the previous synth's files are gone:
 * nobody wrote them for this synth, yet `terraform plan` in that folder loads them.
 */
export function foreignTerraformFiles(outdir: string, stack: string): string[] {
  return terraformFiles(join(outdir, CDKTF_LAYOUT.stacks, stack));
}

/** The files of `folder` that Terraform loads as configuration (`*.tf`, `*.tf.json`). */
export function terraformFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    // Links count: Terraform loads what they point to.
    .filter((entry) => !entry.isDirectory() && /\.tf(\.json)?$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** A stack's entry in cdktf's manifest: where it was written, what it depends on, what went wrong. */
export interface ManifestStack {
  readonly name: string;
  readonly synthesizedStackPath: string;
  readonly stackMetadataPath: string;
  readonly workingDirectory: string;
  /** Construct paths of the stacks it depends on. */
  readonly dependencies?: string[];
  readonly annotations?: { level: string; constructPath: string; message: string }[];
}

/** A cdktf manifest: the stacks of an app and where each was written. */
export interface AppManifest {
  readonly version: string;
  readonly stacks: Record<string, ManifestStack>;
}

/**
 * Moves every staged stack into `outdir/stacks/<stack>/` (replacing the files of the same name,
 * keeping Terraform's own), writes the merged manifest last, and removes the staging folders.
 */
export function publish(outdir: string, staged: readonly { folder: string; manifest: AppManifest }[]): void {
  const stacks: Record<string, ManifestStack> = {};
  for (const { folder, manifest } of staged) {
    for (const name of Object.keys(manifest.stacks)) {
      const from = join(folder, CDKTF_LAYOUT.stacks, name);
      const to = join(outdir, CDKTF_LAYOUT.stacks, name);
      mkdirSync(to, { recursive: true });
      for (const entry of readdirSync(from)) {
        rmSync(join(to, entry), { recursive: true, force: true });
        renameSync(join(from, entry), join(to, entry));
      }
      stacks[name] = manifest.stacks[name];
    }
  }
  const manifest = { version: staged[0]?.manifest.version, stacks };
  writeFileSync(join(outdir, CDKTF_LAYOUT.manifest), `${JSON.stringify(sortedKeys(manifest), null, 2)}\n`);
  removeStaging(outdir);
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]));
}
