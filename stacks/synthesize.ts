import { fork } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { EnvironmentConfig } from "../config/environment-config";
import { evaluateStack, Finding, formatViolation } from "../modules/guardrails/evaluate";
import { SynthesizedStack } from "../modules/guardrails/synthesized-stack";
import { renderReview, renderStacksSection } from "../modules/review/review-report";
import {
  foreignTerraformFiles,
  publish,
  removeStaging,
  removeSynthesizedOutput,
  REVIEW_FILE,
  stagingFolder,
} from "../modules/synthesis/output-folder";
import { deploymentOrder, readWrittenStacks, WrittenStack } from "../modules/synthesis/written-stacks";
import { AppExtension, synthesizeGroup } from "./synthesize-group";

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
export const ENVIRONMENTS_PER_WORKER = 8;

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
    const groups = environmentGroups(configs, options.extend ? 1 : (options.workers ?? defaultWorkers(configs.length)));
    await Promise.all(
      groups.map((group, index) =>
        index === 0 ? synthesizeGroup(group, stagingFolder(outdir, index), options.extend) : synthesizeInWorker(group, stagingFolder(outdir, index)),
      ),
    );
    const staged = await Promise.all(
      groups.map(async (_, index) => ({ folder: stagingFolder(outdir, index), ...(await readWrittenStacks(stagingFolder(outdir, index), (stack) => foreignTerraformFiles(outdir, stack))) })),
    );
    const written = deploymentOrder(staged.flatMap((s) => s.stacks));
    checkWrittenOnce(written);

    const result = judge(configs, written.map((w) => w.stack), today);
    writeFileSync(join(outdir, REVIEW_FILE), result.review);
    if (result.violations.length > 0) removeStaging(outdir);
    else publish(outdir, staged);
    return { outdir, stacks: written.map((w) => w.stack), findings: result.findings, violations: result.violations };
  } catch (error) {
    removeSynthesizedOutput(outdir);
    throw error;
  }
}

/** Environments split into `count` runs of consecutive configs (one per process). */
function environmentGroups(configs: readonly EnvironmentConfig[], count: number): EnvironmentConfig[][] {
  const workers = Math.max(1, Math.min(count, configs.length));
  const size = Math.ceil(configs.length / workers);
  return Array.from({ length: workers }, (_, i) => configs.slice(i * size, (i + 1) * size)).filter((g) => g.length > 0);
}

const WORKER_SCRIPT = join(__dirname, "synth-worker.js");

function defaultWorkers(environments: number): number {
  const configured = Number(process.env.MWAA_SYNTH_WORKERS);
  // Workers run the compiled app (dist/); from TypeScript sources (tests) everything runs here.
  if (!existsSync(WORKER_SCRIPT)) return 1;
  if (Number.isInteger(configured) && configured >= 1) return configured;
  return Math.max(1, Math.min(availableParallelism(), Math.floor(environments / ENVIRONMENTS_PER_WORKER)));
}

/** Synthesizes a group in a child process running stacks/synth-worker. */
function synthesizeInWorker(configs: readonly EnvironmentConfig[], folder: string): Promise<void> {
  return new Promise((done, failed) => {
    const child = fork(WORKER_SCRIPT, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let reported = false;
    child.on("message", (message: { error?: string }) => {
      reported = true;
      if (message.error) failed(new SynthesisError(message.error));
      else done();
    });
    child.on("error", failed);
    child.on("exit", (code) => {
      if (!reported) failed(new SynthesisError(`a synth worker exited with code ${code} before it reported`));
    });
    child.send({ configs, folder });
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

/**
 * Every rule over every stack. A stack of an environment is judged with that environment's
 * acknowledgements; a stack outside every environment has none to call on.
 */
function judge(configs: readonly EnvironmentConfig[], stacks: readonly SynthesizedStack[], today: string) {
  const judged = stacks.map((stack) => {
    const owner = ownerOf(stack.name, configs);
    return { stack, owner, findings: evaluateStack(stack, owner?.guardrails.acknowledgements ?? [], today) };
  });
  const sections = [
    ...configs.map((config) => {
      const own = judged.filter((j) => j.owner === config);
      return { heading: `Environment \`${config.name}\``, config, stacks: own.map((j) => j.stack), findings: own.flatMap((j) => j.findings) };
    }),
    ...judged.filter((j) => !j.owner).map((j) => ({ heading: `Stack \`${j.stack.name}\` (outside any environment)`, stacks: [j.stack], findings: j.findings })),
  ];
  const findings = sections.flatMap((s) => s.findings);
  const violations = findings.filter((f) => f.status === "FAIL").map(formatViolation);
  return { findings, violations, review: renderReview(sections.map(renderStacksSection), violations.length) };
}
