import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { EnvironmentConfig } from "../config/environment-config";
import { acknowledgementFindings, evaluateStack, Finding, formatViolation } from "../modules/guardrails/evaluate";
import { notCheckedInNetworkTeamsVpc } from "../modules/guardrails/network-team";
import { NotCheckedRow } from "../modules/guardrails/not-checked";
import { externalKeyReviewRows } from "../modules/encryption/external-key-policy";
import { mwaaStackName } from "../config/names";
import { SynthesizedStack } from "../modules/guardrails/synthesized-stack";
import { writeReview } from "../modules/review/review-files";
import { ReviewedGroup } from "../modules/review/reviewed-group";
import { allowedUploads, artifactsForReview } from "../config/airflow-artifacts";
import { networkTeamOf } from "../config/network-mode";
import { AirflowFolder } from "../config/airflow-folder";
import { stageAirflowArtifacts } from "../modules/airflow/staged-artifacts";
import {
  airflowBuildFolder,
  CDKTF_LAYOUT,
  foreignTerraformFiles,
  KEY_POLICY_STATEMENTS_FILE,
  publish,
  removeStaging,
  removeSynthesizedOutput,
  stagingFolder,
} from "../modules/synthesis/output-folder";
import { deploymentOrder, readWrittenStacks, WrittenStack } from "../modules/synthesis/written-stacks";
import type { AppExtension } from "./synthesize-group";

export interface SynthesisOptions {
  /** @default cdktf's: CDKTF_OUTDIR (set by the CLI), or cdktf.out */
  readonly outdir?: string;
  /** `YYYY-MM-DD` against which acknowledgements expire. @default today (UTC) */
  readonly today?: string;
  /**
   * Processes that synthesize environments side by side.
   * @default MWAA_SYNTH_WORKERS, else one per core for every ENVIRONMENTS_PER_WORKER environments
   */
  readonly workers?: number;
  /**
   * The `airflow/<env>/` folders read and validated (config/airflow-folder.ts), by environment
   * name: staged, then uploaded by the environment's MWAA stack. @default none
   */
  readonly airflowFolders?: ReadonlyMap<string, AirflowFolder>;
  /**
   * The folder the configs were read from, as the review names it (relative to the repository, with
   * `/`): code scanning points each environment's findings at `<configFolder>/<env>.json`.
   * @default "config"
   */
  readonly configFolder?: string;
  /** Adds to the app once the environments' stacks exist (stacks, aspects...); runs in this process. */
  readonly extend?: AppExtension;
}

export interface SynthesisResult {
  readonly outdir: string;
  /** Every stack of the app, as written. */
  readonly stacks: readonly SynthesizedStack[];
  readonly findings: readonly Finding[];
  /** One line per guardrail violation; the synth has failed when there is any. */
  readonly violations: string[];
}

/** A synth that could not be judged: cdktf's own errors, or two groups writing one stack. */
export class SynthesisError extends Error {}

/** Below this many environments per process, starting another process costs more than it saves. */
const ENVIRONMENTS_PER_WORKER = 8;

/**
 * Synthesizes every environment with stock cdktf, judges the Terraform each stack wrote (every
 * stack of the app, JSON or HCL), writes `REVIEW.md`, and only then, if nothing fails, publishes the
 * stacks into the output folder. A violation leaves the review and nothing deployable; an error
 * leaves nothing at all. The previous synth's output is gone before anything is built.
 */
export async function synthesizeEnvironments(
  configs: readonly EnvironmentConfig[],
  options: SynthesisOptions = {},
): Promise<SynthesisResult> {
  const outdir = resolve(options.outdir ?? process.env.CDKTF_OUTDIR ?? "cdktf.out");
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  removeSynthesizedOutput(outdir);
  try {
    configs = configs.map((config) => {
      const folder = options.airflowFolders?.get(config.name);
      return folder ? { ...config, artifacts: stageAirflowArtifacts(folder, config.airflow.dagS3Path, airflowBuildFolder(outdir, config.name)) } : config;
    });
    const groups = environmentGroups(configs, options.extend ? 1 : (options.workers ?? defaultWorkers(configs.length)));
    // Children first: this process then synthesizes the first group, and judges it, while they run.
    const workers = groups.slice(1).map((group, index) => synthesizeInWorker(group, stagingFolder(outdir, index + 1)));
    for (const worker of workers) worker.catch(() => undefined); // awaited below, after this process's own group
    const judgeGroup = async (index: number) => {
      const folder = stagingFolder(outdir, index);
      const staged = await readWrittenStacks(folder, (stack) => foreignTerraformFiles(outdir, stack));
      return { folder, ...staged, judged: staged.stacks.map((w) => judgeStack(w, configs, today)) };
    };
    let first;
    try {
      // Loaded only now: cdktf and the provider's classes take a while, and the workers start first.
      const { synthesizeGroup } = await import("./synthesize-group");
      synthesizeGroup(groups[0], stagingFolder(outdir, 0), options.extend);
      first = await judgeGroup(0);
    } finally {
      await Promise.allSettled(workers);
    }
    await Promise.all(workers);
    const staged = [first, ...(await Promise.all(groups.slice(1).map((_, index) => judgeGroup(index + 1))))];

    const written = staged.flatMap((s) => s.stacks);
    checkWrittenOnce(written);
    const order = deploymentOrder(written).map((w) => w.stack.name);
    const judged = staged.flatMap((s) => s.judged).sort((a, b) => order.indexOf(a.stack.name) - order.indexOf(b.stack.name));
    const result = report(configs, judged, options.configFolder ?? "config");
    writeReview(outdir, result.groups, today);
    if (result.violations.length > 0) removeStaging(outdir);
    else publish(outdir, staged);
    return { outdir, stacks: judged.map((j) => j.stack), findings: result.findings, violations: result.violations };
  } catch (error) {
    removeSynthesizedOutput(outdir);
    throw error;
  }
}

/**
 * A worker spends about as long starting (loading cdktf and the provider's classes) as this process
 * spends synthesizing this many environments, so this process takes that many more.
 */
const WORKER_START_IN_ENVIRONMENTS = 4;

/** Environments split into runs of consecutive configs, one per process; this process's first. */
function environmentGroups(configs: readonly EnvironmentConfig[], count: number): EnvironmentConfig[][] {
  const processes = Math.max(1, Math.min(count, configs.length));
  const children = processes - 1;
  const own = Math.min(configs.length, Math.ceil((configs.length + children * WORKER_START_IN_ENVIRONMENTS) / processes));
  const size = children > 0 ? Math.ceil((configs.length - own) / children) : 0;
  const groups = [configs.slice(0, own), ...Array.from({ length: children }, (_, i) => configs.slice(own + i * size, own + (i + 1) * size))];
  return groups.filter((g, i) => i === 0 || g.length > 0);
}

const WORKER_SCRIPT = join(__dirname, "synth-worker.js");

function defaultWorkers(environments: number): number {
  const configured = process.env.MWAA_SYNTH_WORKERS;
  if (configured !== undefined && !/^[1-9]\d*$/.test(configured)) {
    throw new SynthesisError(`MWAA_SYNTH_WORKERS: got '${configured}'; must be a whole number of processes, at least 1 (1 keeps the synth in one process); unset it to choose by the number of environments and cores`);
  }
  // Workers run the compiled app (dist/); from TypeScript sources (tests) everything runs here.
  if (!existsSync(WORKER_SCRIPT)) return 1;
  if (configured !== undefined) return Number(configured);
  return Math.max(1, Math.min(availableParallelism(), Math.floor(environments / ENVIRONMENTS_PER_WORKER)));
}

/**
 * Starts a child process running stacks/synth-worker on a group. The configs go through a file, so
 * the child needs nothing more from this process, which is busy synthesizing a group of its own.
 */
function synthesizeInWorker(configs: readonly EnvironmentConfig[], folder: string): Promise<void> {
  mkdirSync(folder, { recursive: true });
  const configFile = `${folder}.json`;
  writeFileSync(configFile, JSON.stringify(configs));
  const child = spawn(process.execPath, [WORKER_SCRIPT, configFile, folder], { stdio: ["ignore", "inherit", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  return new Promise((done, failed) => {
    child.on("error", failed);
    child.on("close", (code, signal) => {
      if (code === 0) {
        process.stderr.write(stderr);
        done();
      } else {
        const names = configs.map((c) => c.name).join(", ");
        failed(new SynthesisError(`the synth worker of environments ${names} failed (${signal ?? `exit code ${code}`}):\n${stderr.trim()}`));
      }
    });
  });
}

/** Error annotations, and a stack written by two groups (a stack shared by environments). */
function checkWrittenOnce(written: readonly WrittenStack[]): void {
  const errors = written.flatMap((w) => w.errors);
  if (errors.length > 0) throw new SynthesisError(`cdktf reported errors:\n${errors.map((e) => `  - ${e}`).join("\n")}`);
  const names = written.map((w) => w.stack.name);
  const twice = names.filter((name, i) => names.indexOf(name) !== i);
  if (twice.length > 0) {
    throw new SynthesisError(
      `stack ${twice.join(", ")} was built by more than one group of environments; a stack shared by environments cannot be synthesized in parallel: set MWAA_SYNTH_WORKERS=1`,
    );
  }
}

/** The environment a stack belongs to: the longest environment name that, with '-', starts the stack's name. */
function ownerOf(stack: string, configs: readonly EnvironmentConfig[]): EnvironmentConfig | undefined {
  return configs
    .filter((c) => stack.startsWith(`${c.name}-`))
    .sort((a, b) => b.name.length - a.name.length)[0];
}

/** A stack and its findings, judged with the acknowledgements of the environment it belongs to. */
interface JudgedStack {
  readonly stack: SynthesizedStack;
  readonly owner?: EnvironmentConfig;
  readonly findings: readonly Finding[];
}

/**
 * Every rule over one stack. A stack of an environment is judged with that environment's
 * acknowledgements; a stack outside every environment has none to call on.
 */
function judgeStack(written: WrittenStack, configs: readonly EnvironmentConfig[], today: string): JudgedStack {
  const owner = ownerOf(written.stack.name, configs);
  written.stack.environmentAccount = owner?.account;
  written.stack.allowedUploads = owner?.artifacts ? allowedUploads(owner.artifacts) : [];
  written.stack.environmentKeyArn = owner?.encryption.keyArn;
  written.stack.keyAdministrators = owner?.encryption.keyAdministratorRoleArns ?? [];
  written.stack.networkTeam = owner && networkTeamOf(owner.network, owner.name, written.stack.name);
  return { stack: written.stack, owner, findings: evaluateStack(written.stack, owner?.guardrails.acknowledgements ?? [], today) };
}

/** A security team's key (encryption.keyArn): the statements its administrators must add, for the review. */
function externalKeyForReview(config: EnvironmentConfig) {
  const keyArn = config.encryption.keyArn;
  if (keyArn === undefined) return undefined;
  return { keyArn, file: `${CDKTF_LAYOUT.stacks}/${mwaaStackName(config.name)}/${KEY_POLICY_STATEMENTS_FILE}`, rows: externalKeyReviewRows(config) };
}

/** A key no stack holds: its policy, rotation and state are the security team's, and no rule saw them. */
function externalKeyNotChecked(config: EnvironmentConfig): NotCheckedRow[] {
  const keyArn = config.encryption.keyArn;
  if (keyArn === undefined) return [];
  return [
    {
      rules: ["KMS.ROTATION", "KMS.POLICY_DEFINED", "KMS.ADMINISTRABLE", "KMS.NO_WILDCARD_PRINCIPAL", "KMS.USABLE"],
      resource: `the security team's key ${keyArn} (config encryption.keyArn)`,
      status: "NOT CHECKED",
      evidence: `its policy, rotation and deletion window are in no stack here; its administrators must add the statements in ${CDKTF_LAYOUT.stacks}/${mwaaStackName(config.name)}/${KEY_POLICY_STATEMENTS_FILE} (listed in the environment's detail); not checked`,
    },
  ];
}

/** The review's groups: one per environment (its stacks in deployment order), then one per other stack. */
function report(configs: readonly EnvironmentConfig[], judged: readonly JudgedStack[], configFolder: string) {
  const groups: ReviewedGroup[] = [
    ...configs.map((config): ReviewedGroup => {
      const own = judged.filter((j) => j.owner === config);
      const findings = own.flatMap((j) => j.findings);
      const acknowledgements = acknowledgementFindings(config.name, config.guardrails.acknowledgements, findings);
      const shown = config.artifacts ? { ...config, artifacts: artifactsForReview(config.artifacts) } : config;
      const startup = config.artifacts?.startup;
      const startupScript = startup && { text: readFileSync(startup.file, "utf8"), sha256: startup.sha256 };
      return {
        name: config.name,
        kind: "environment",
        config: shown,
        configFile: `${configFolder}/${config.name}.json`,
        startupScript,
        acknowledgements: config.guardrails.acknowledgements,
        stacks: own.map((j) => j.stack),
        findings: [...findings, ...acknowledgements],
        notChecked: [...own.flatMap((j) => notCheckedInNetworkTeamsVpc(j.stack)), ...externalKeyNotChecked(config)],
        externalKey: externalKeyForReview(config),
      };
    }),
    ...judged.filter((j) => !j.owner).map((j): ReviewedGroup => ({ name: j.stack.name, kind: "stack", stacks: [j.stack], findings: j.findings })),
  ];
  const findings = groups.flatMap((g) => g.findings);
  const violations = findings.filter((f) => f.status === "FAIL").map(formatViolation);
  return { findings, violations, groups };
}
