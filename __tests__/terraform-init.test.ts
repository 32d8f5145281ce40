import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exampleConfig } from "./helpers/config-fixtures";
import { StackJson, synthEnvironment } from "./helpers/synth";

/*
 * The real Terraform binary reads our synthesized `s3` backend blocks. Terraform validates backend
 * arguments offline (an unknown argument or a malformed kms_key_id is an error, a deprecated one a
 * warning), then calls STS to check credentials: with every endpoint on a closed loopback port and
 * dummy credentials, a block Terraform accepts fails there, at the connection, and nowhere sooner.
 */

const terraformVersion = spawnSync("terraform", ["version"], { encoding: "utf8" });
const hasTerraform = terraformVersion.status === 0;
const describeWithTerraform = hasTerraform ? describe : describe.skip;
if (!hasTerraform) {
  console.warn("terraform is not on PATH: skipping the `terraform init` checks of the S3 backend blocks");
}

/** A loopback port nothing listens on: bound by us, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Runs `terraform init` on a configuration holding only the given s3 backend block. */
function initWithBackend(block: Record<string, unknown>, port: number) {
  const dir = mkdtempSync(join(tmpdir(), "mwaa-tf-init-"));
  const loopback = `http://127.0.0.1:${port}`;
  const backend = {
    ...block,
    endpoints: { s3: loopback, sts: loopback, dynamodb: loopback, iam: loopback },
    max_retries: 1,
    skip_metadata_api_check: true,
  };
  writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ terraform: { backend: { s3: backend } } }, null, 2));
  const cliConfig = join(dir, "terraformrc");
  writeFileSync(cliConfig, "");
  const run = spawnSync("terraform", ["init", "-input=false", "-no-color"], {
    cwd: dir,
    encoding: "utf8",
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      TF_CLI_CONFIG_FILE: cliConfig,
      CHECKPOINT_DISABLE: "1",
      AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
      AWS_SECRET_ACCESS_KEY: "dummy-secret-for-an-offline-test",
      AWS_EC2_METADATA_DISABLED: "true",
    },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describeWithTerraform("terraform init on the synthesized S3 backend blocks", () => {
  let port: number;
  let stacks: Record<string, StackJson>;
  beforeAll(async () => {
    port = await closedPort();
    const example = synthEnvironment(exampleConfig());
    const migrated = synthEnvironment(exampleConfig((raw) => (raw.state = { bootstrapStateInBucket: true })));
    stacks = { "example-network": example.network, "example-mwaa": example.mwaa, "example-state (migrated)": migrated.state! };
  });

  it.each(["example-network", "example-mwaa", "example-state (migrated)"])(
    "%s: Terraform accepts the block without a warning and fails only at the connection",
    (name) => {
      const { status, output } = initWithBackend(stacks[name].terraform.backend.s3, port);
      expect(status).toBe(1);
      expect(output).not.toMatch(/Warning/);
      expect(output).toMatch(new RegExp(`dial tcp 127\\.0\\.0\\.1:${port}: connect: connection refused`));
      expect(output.match(/^Error: /gm)).toHaveLength(1);
    },
  );

  it("would show a deprecated argument as a warning (the check above can fail)", () => {
    const { output } = initWithBackend({ ...stacks["example-network"].terraform.backend.s3, dynamodb_table: "locks" }, port);
    expect(output).toMatch(/Warning: Deprecated Parameter/);
  });

  it("would stop at an unknown argument before any connection", () => {
    const { status, output } = initWithBackend({ ...stacks["example-network"].terraform.backend.s3, use_lockfle: true }, port);
    expect(status).toBe(1);
    expect(output).toMatch(/No argument or block type is named "use_lockfle"/);
    expect(output).not.toMatch(/connection refused/);
  });

  it("would stop at a kms_key_id that is neither a key nor an alias", () => {
    const { output } = initWithBackend({ ...stacks["example-network"].terraform.backend.s3, kms_key_id: "example-tfstate" }, port);
    expect(output).toMatch(/Error: Invalid KMS Key ID/);
    expect(output).not.toMatch(/connection refused/);
  });
});
