import { Annotations } from "cdktf";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deployerPolicies } from "../../modules/iam/deployer-policy";
import { deployerPolicyFileName } from "../../modules/synthesis/output-folder";
import { SynthesisOptions, synthesizeEnvironments } from "../../stacks/synthesize";
import { exampleConfig } from "../helpers/config-fixtures";
import { readReviewFiles } from "../helpers/review-files";
import { inHclMode, TODAY } from "../helpers/synth";

const STACKS = ["example-state", "example-network", "example-mwaa"];
const good = exampleConfig();
const violating = exampleConfig((raw) => (raw.airflow.webserverAccessMode = "PUBLIC_ONLY"));

const synthesize = (outdir: string, config = good, options: SynthesisOptions = {}) => synthesizeEnvironments([config], { outdir, today: TODAY, ...options });

/**
 * Terraform configuration and manifest files under `outdir`: what `cdktf deploy --skip-synth` could
 * apply; and the deployer policies, which a failed synth must not leave for an administrator to grant.
 */
function deployable(outdir: string): string[] {
  const found = existsSync(join(outdir, "manifest.json")) ? ["manifest.json"] : [];
  const stacks = join(outdir, "stacks");
  if (!existsSync(stacks)) return found;
  for (const stack of readdirSync(stacks)) {
    for (const file of readdirSync(join(stacks, stack))) if (/\.tf(\.json)?$|^deployer-policy/.test(file)) found.push(`stacks/${stack}/${file}`);
  }
  return found;
}

/** A good synth, then `terraform init`'s leftovers in a stack's folder, which must survive. */
async function afterGoodSynth(): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), "mwaa-fail-closed-"));
  await synthesize(outdir);
  mkdirSync(join(outdir, "stacks", "example-mwaa", ".terraform"));
  writeFileSync(join(outdir, "stacks", "example-mwaa", ".terraform", "terraform.tfstate"), "{}");
  writeFileSync(join(outdir, "stacks", "example-mwaa", ".terraform.lock.hcl"), "# lock\n");
  return outdir;
}

const terraformsOwnFilesRemain = (outdir: string) => {
  expect(existsSync(join(outdir, "stacks", "example-mwaa", ".terraform", "terraform.tfstate"))).toBe(true);
  expect(existsSync(join(outdir, "stacks", "example-mwaa", ".terraform.lock.hcl"))).toBe(true);
};

describe("a failed synth leaves nothing deployable", () => {
  it("publishes the stacks and the manifest when every rule passes", async () => {
    const outdir = mkdtempSync(join(tmpdir(), "mwaa-fail-closed-"));
    await synthesize(outdir);
    const policies = deployerPolicies(good).flatMap((p) => p.documents.map((_, i) => `stacks/${p.stack}/${deployerPolicyFileName(i + 1)}`));
    expect(policies).toContain("stacks/example-mwaa/deployer-policy.json");
    expect(deployable(outdir).sort()).toEqual(["manifest.json", ...STACKS.map((s) => `stacks/${s}/cdk.tf.json`), ...policies].sort());
  });

  it("after a good synth, a guardrail violation leaves the review with its FAILs and no stack of any environment", async () => {
    const outdir = await afterGoodSynth();
    const other = exampleConfig((raw) => {
      raw.name = "other";
      raw.network.vpcCidr = "10.50.0.0/16";
      raw.network.privateSubnets = [
        { cidr: "10.50.0.0/20", availabilityZone: "eu-west-1a" },
        { cidr: "10.50.16.0/20", availabilityZone: "eu-west-1b" },
      ];
    });
    const { violations } = await synthesizeEnvironments([violating, other], { outdir, today: TODAY });

    expect(violations).toHaveLength(1);
    expect(deployable(outdir)).toEqual([]);
    expect(readReviewFiles(outdir).detail).toMatch(/\| example-mwaa\/airflow\/environment \| FAIL \| webserver_access_mode = PUBLIC_ONLY \|/);
    terraformsOwnFilesRemain(outdir);
  });

  it("after a good synth, an error while building the stacks leaves neither stacks nor the old review", async () => {
    const outdir = await afterGoodSynth();
    const crash = () => {
      throw new Error("a construct failed");
    };
    await expect(synthesize(outdir, good, { extend: crash })).rejects.toThrow("a construct failed");
    expect(deployable(outdir)).toEqual([]);
    expect(existsSync(join(outdir, "REVIEW.md"))).toBe(false);
    terraformsOwnFilesRemain(outdir);
  });

  it("fails on the errors cdktf records instead of throwing (as it does under the CLI), leaving nothing", async () => {
    const outdir = await afterGoodSynth();
    process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = "true";
    try {
      const annotate: SynthesisOptions["extend"] = (_, [environment]) => Annotations.of(environment.mwaa).addError("a user's check failed");
      await expect(synthesize(outdir, good, { extend: annotate })).rejects.toThrow("cdktf reported errors:\n  - [example-mwaa] a user's check failed");
    } finally {
      delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    }
    expect(deployable(outdir)).toEqual([]);
    expect(existsSync(join(outdir, "REVIEW.md"))).toBe(false);
  });

  it("after a good synth, a failed worker process leaves neither stacks nor the old review", async () => {
    const outdir = await afterGoodSynth();
    const others = ["a", "b", "c", "d", "e", "f"].map((name) => exampleConfig((raw) => (raw.name = name)));
    // Enough environments that a second process gets some. Under Jest the sources are TypeScript: the compiled worker script is not there, and the worker fails.
    await expect(synthesizeEnvironments([good, ...others], { outdir, today: TODAY, workers: 2 })).rejects.toThrow(/the synth worker of environments f failed \(exit code 1\):\n[\s\S]*Cannot find module/);
    expect(deployable(outdir)).toEqual([]);
    expect(existsSync(join(outdir, "REVIEW.md"))).toBe(false);
    terraformsOwnFilesRemain(outdir);
  });

  it("fails when code writes a Terraform file of its own beside a stack's configuration", async () => {
    const outdir = mkdtempSync(join(tmpdir(), "mwaa-fail-closed-"));
    const writeExtra: SynthesisOptions["extend"] = () => {
      const folder = join(outdir, ".synth", "0", "stacks", "example-mwaa");
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, "zz_override.tf.json"), JSON.stringify({ resource: { aws_mwaa_environment: {} } }));
    };
    const { findings } = await synthesize(outdir, good, { extend: writeExtra });
    expect(findings.filter((f) => f.status === "FAIL").map((f) => [f.rule.id, f.resource])).toEqual([["TERRAFORM.OPAQUE", "example-mwaa/zz_override.tf.json"]]);
    expect(deployable(outdir)).toEqual([]);
  });

  it("fails when a Terraform file it did not write sits in a stack's folder, since Terraform would load it", async () => {
    const outdir = await afterGoodSynth();
    writeFileSync(join(outdir, "stacks", "example-mwaa", "extra.tf"), 'resource "aws_s3_bucket" "x" {}\n');
    const { findings } = await synthesize(outdir);
    expect(findings.filter((f) => f.status === "FAIL").map((f) => [f.rule.id, f.resource])).toEqual([["TERRAFORM.OPAQUE", "example-mwaa/extra.tf"]]);
    expect(deployable(outdir)).toEqual(["stacks/example-mwaa/extra.tf"]);
  });
});

describe("each output format replaces the other's files", () => {
  // The deployer policies are JSON in both formats.
  const filesOf = (outdir: string, stack: string) =>
    readdirSync(join(outdir, "stacks", stack)).filter((f) => !f.startsWith(".") && !f.startsWith("deployer-policy")).sort();

  it("leaves only cdk.tf.json after synth --hcl, then synth", async () => {
    const outdir = mkdtempSync(join(tmpdir(), "mwaa-formats-"));
    await inHclMode(() => synthesize(outdir));
    expect(filesOf(outdir, "example-mwaa")).toEqual(["cdk.tf", "metadata.json"]);
    await synthesize(outdir);
    for (const stack of STACKS) expect(filesOf(outdir, stack)).toEqual(["cdk.tf.json"]);
  });

  it("leaves only cdk.tf (and its metadata) after synth, then synth --hcl", async () => {
    const outdir = mkdtempSync(join(tmpdir(), "mwaa-formats-"));
    await synthesize(outdir);
    await inHclMode(() => synthesize(outdir));
    for (const stack of STACKS) expect(filesOf(outdir, stack)).toEqual(["cdk.tf", "metadata.json"]);
  });
});
