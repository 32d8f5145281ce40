import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** Where the hashicorp/aws provider sits inside a filesystem mirror (Terraform's unpacked layout). */
const AWS_PROVIDER_PATH = ["registry.terraform.io", "hashicorp", "aws"];

/** Set to a provider mirror's folder to use it; otherwise the well-known folders are searched. */
export const MIRROR_VARIABLE = "MWAA_TF_PROVIDER_MIRROR";

/**
 * Folders a provider mirror is found in without being named: this workplace's, then the implied
 * local mirror folders Terraform itself searches on Linux and macOS.
 */
const WELL_KNOWN_MIRRORS = [
  "/opt/tf-plugins",
  join(homedir(), ".terraform.d", "plugins"),
  join(homedir(), ".local", "share", "terraform", "plugins"),
  "/usr/local/share/terraform/plugins",
  "/usr/share/terraform/plugins",
];

/** Terraform's name for this machine's platform, as in a mirror's `<version>/<os>_<arch>/` folders. */
const PLATFORM = `${process.platform}_${({ x64: "amd64", ia32: "386" } as Record<string, string>)[process.arch] ?? process.arch}`;

/** The Terraform binary and the unpacked mirror holding an AWS provider it can run offline. */
export interface OfflineTerraform {
  readonly mirror: string;
  /** The AWS provider version the mirror holds for this platform (the newest, if several). */
  readonly awsProviderVersion: string;
  readonly terraformVersion: string;
}

/** Terraform and a provider mirror, or why this machine has none (for the skip message). */
export function findOfflineTerraform(): OfflineTerraform | string {
  const version = spawnSync("terraform", ["version", "-json"], { encoding: "utf8", env: { PATH: process.env.PATH } });
  if (version.status !== 0) return "terraform is not on PATH";
  const terraformVersion = JSON.parse(version.stdout).terraform_version as string;
  const named = process.env[MIRROR_VARIABLE];
  const candidates = named ? [named] : WELL_KNOWN_MIRRORS;
  for (const mirror of candidates) {
    const awsProviderVersion = newestAwsProvider(mirror);
    if (awsProviderVersion) return { mirror, awsProviderVersion, terraformVersion };
  }
  return named
    ? `${MIRROR_VARIABLE}=${named} holds no ${AWS_PROVIDER_PATH.join("/")}/<version>/${PLATFORM}/terraform-provider-aws_*`
    : `no Terraform provider mirror holding hashicorp/aws for ${PLATFORM} (looked in ${WELL_KNOWN_MIRRORS.join(", ")}; set ${MIRROR_VARIABLE} to one)`;
}

function newestAwsProvider(mirror: string): string | undefined {
  const versions = join(mirror, ...AWS_PROVIDER_PATH);
  if (!existsSync(versions)) return undefined;
  const usable = readdirSync(versions).filter((version) => {
    const platform = join(versions, version, PLATFORM);
    return existsSync(platform) && readdirSync(platform).some((file) => file.startsWith("terraform-provider-aws"));
  });
  const numeric = (v: string) => v.split(".").map((part) => parseInt(part, 10));
  const newer = (a: string, b: string) => {
    const [x, y] = [numeric(a), numeric(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  };
  return usable.sort(newer).at(-1);
}

/**
 * A CLI config that installs hashicorp/aws from the mirror and nothing from anywhere else: a
 * configuration that needs any other provider fails `terraform init` rather than reaching a registry.
 */
export function writeCliConfig(file: string, mirror: string): void {
  writeFileSync(
    file,
    `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["registry.terraform.io/hashicorp/aws"]\n  }\n}\n`,
  );
}

export interface TerraformRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs terraform with nothing of this machine's environment but PATH: no credentials, profiles or
 * CLI config of the user's. `env` adds to that (the CLI config, dummy credentials, endpoints).
 */
export function runTerraform(args: readonly string[], cwd: string, env: Record<string, string>): Promise<TerraformRun> {
  const child = spawn("terraform", args, {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: cwd, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
  child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs `jobs` with at most `limit` at a time; results in the jobs' order. */
export async function inPool<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}
