import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../helpers/config-fixtures";

/** The cdktn leg's comparison (plain Node, so required rather than imported). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compareSyntheses } = require(join(REPO_ROOT, "scripts", "check-on-cdktn.js")) as {
  compareSyntheses: (left: string, right: string, labels: [string, string]) => void;
};

const scratch = mkdtempSync(join(tmpdir(), "mwaa-cdktn-compare-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const folder = () => mkdtempSync(join(scratch, "out-"));

/** An output folder holding one stack, as cdktf or cdktn writes it. */
function outdir(stack: Record<string, any>): string {
  const dir = folder();
  mkdirSync(join(dir, "stacks", "example-state"), { recursive: true });
  writeFileSync(join(dir, "stacks", "example-state", "cdk.tf.json"), JSON.stringify(stack, null, 2));
  return dir;
}

const written = (tool: { version: string; source: string; providerVersion: string }, bucket: Record<string, unknown> = {}) => ({
  "//": { metadata: { backend: "local", stackName: "example-state", version: tool.version } },
  resource: { aws_s3_bucket: { state: { bucket: "example-tfstate", force_destroy: false, ...bucket } } },
  terraform: { required_providers: { aws: { source: tool.source, version: tool.providerVersion } } },
});
const cdktf = { version: "0.21.0", source: "aws", providerVersion: "6.25.0" };
const cdktn = { version: "0.24.0", source: "hashicorp/aws", providerVersion: "6.66.0" };

describe("the cdktn leg's comparison of cdktf's and cdktn's Terraform", () => {
  beforeAll(() => jest.spyOn(process.stdout, "write").mockImplementation(() => true));
  afterAll(() => jest.restoreAllMocks());

  it("passes stacks that differ only in the provider's version and source and the CDK's version", () => {
    expect(() => compareSyntheses(outdir(written(cdktf)), outdir(written(cdktn)), ["cdktf", "cdktn"])).not.toThrow();
  });

  it("fails any other difference, naming the stack, the path and both values", () => {
    expect(() => compareSyntheses(outdir(written(cdktf)), outdir(written(cdktn, { force_destroy: true, tags: { a: "b" } })), ["cdktf", "cdktn"])).toThrow(
      [
        "cdktn synthesized other Terraform than cdktf (beyond the provider's version and source):",
        "  example-state: resource.aws_s3_bucket.state.force_destroy: cdktf false | cdktn true",
        '  example-state: resource.aws_s3_bucket.state.tags: cdktf (absent) | cdktn {"a":"b"}',
      ].join("\n"),
    );
  });

  it("fails when one side wrote no stack or other stacks", () => {
    const none = folder();
    expect(() => compareSyntheses(outdir(written(cdktf)), none, ["cdktf", "cdktn"])).toThrow("the stacks differ: cdktf wrote example-state; cdktn wrote none");
    expect(() => compareSyntheses(none, none, ["cdktf", "cdktn"])).toThrow(`cdktf wrote no stack under ${none}/stacks`);
  });
});
