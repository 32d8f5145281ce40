import { readFileSync } from "node:fs";
import { join } from "node:path";
import { exampleConfig } from "../helpers/config-fixtures";
import { synthEnvironment } from "../helpers/synth";

const BUCKET = "example-tfstate-111122223333-eu-west-1";
const KEY_ALIAS_ARN = "arn:aws:kms:eu-west-1:111122223333:alias/example-tfstate";

describe("state in S3 (the default)", () => {
  const { network, mwaa } = synthEnvironment(exampleConfig());

  it.each([
    ["example-network", network],
    ["example-mwaa", mwaa],
  ])("%s keeps its state under a key of its own in the bootstrap bucket, encrypted and locked", (name, stack) => {
    expect(stack.terraform.backend).toEqual({
      s3: {
        bucket: BUCKET,
        key: `example/${name}.tfstate`,
        region: "eu-west-1",
        encrypt: true,
        kms_key_id: KEY_ALIAS_ARN,
        use_lockfile: true,
      },
    });
  });

  it("locks with S3 lock files, not a DynamoDB table", () => {
    expect(JSON.stringify([network, mwaa])).not.toMatch(/dynamodb/i);
  });

  it("lets the MWAA stack read the network stack's outputs from the network stack's key", () => {
    expect(mwaa.data.terraform_remote_state["state-of-example-network"]).toEqual({
      backend: "s3",
      config: { bucket: BUCKET, key: "example/example-network.tfstate", region: "eu-west-1", encrypt: true, kms_key_id: KEY_ALIAS_ARN },
      workspace: "${terraform.workspace}",
    });
  });

  it("deploys the network and MWAA stacks only after the state stack", () => {
    const manifest = readFileSync(join(synthEnvironment(exampleConfig()).outdir, "manifest.json"), "utf8");
    const stacks = JSON.parse(manifest).stacks;
    expect(stacks["example-network"].dependencies).toEqual(["example-state"]);
    expect(stacks["example-mwaa"].dependencies.sort()).toEqual(["example-network", "example-state"]);
  });

  it("moves the bootstrap stack's own state into the bucket once bootstrapStateInBucket is set", () => {
    const { state } = synthEnvironment(exampleConfig((raw) => (raw.state = { bootstrapStateInBucket: true })));
    expect(state!.terraform.backend.s3).toMatchObject({ bucket: BUCKET, key: "example/example-state.tfstate", use_lockfile: true });
  });

  it("gives every stack of every environment a different key", () => {
    const other = synthEnvironment(exampleConfig((raw) => (raw.name = "other"))).network;
    expect(other.terraform.backend.s3.key).toBe("example/example-network.tfstate".replace(/example/g, "other"));
    expect(other.terraform.backend.s3.bucket).toBe("other-tfstate-111122223333-eu-west-1");
  });
});

describe("state in HCP Terraform", () => {
  const hcp = (workspacePrefix?: string) =>
    synthEnvironment(
      exampleConfig((raw) => {
        raw.state = { backend: "hcp", organization: "acme-data", ...(workspacePrefix === undefined ? {} : { workspacePrefix }) };
      }),
    );
  const { state, network, mwaa } = hcp();

  it.each([
    ["example-network", network],
    ["example-mwaa", mwaa],
  ])("%s runs in a workspace of its own of the organization, with no S3 backend", (name, stack) => {
    expect(stack.terraform.cloud).toEqual({
      organization: "acme-data",
      hostname: "app.terraform.io",
      workspaces: { name: `mwaa-${name}` },
    });
    expect(stack.terraform.backend).toBeUndefined();
  });

  it("creates no state bucket", () => {
    expect(state).toBeUndefined();
  });

  it("lets the MWAA stack read the network workspace's outputs", () => {
    expect(mwaa.data.terraform_remote_state["state-of-example-network"]).toMatchObject({
      backend: "remote",
      config: { organization: "acme-data", hostname: "app.terraform.io", workspaces: { name: "mwaa-example-network" } },
    });
    expect(mwaa.resource.aws_mwaa_environment).toBeDefined();
  });

  it("names the workspaces with the configured prefix", () => {
    expect(hcp("platform-").network.terraform.cloud.workspaces).toEqual({ name: "platform-example-network" });
  });
});
