import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deployerPolicies } from "../../../modules/iam/deployer-policy";
import { writeDeployerPolicyFiles } from "../../../modules/synthesis/deployer-policy-files";
import { removeSynthesizedOutput } from "../../../modules/synthesis/output-folder";
import { exampleConfig } from "../../helpers/config-fixtures";

const config = exampleConfig();

/** An output folder with the example's stack folders, as cdktf leaves them after `App.synth()`. */
function stackFolders(stacks = ["example-state", "example-network", "example-mwaa"]): string {
  const folder = mkdtempSync(join(tmpdir(), "mwaa-deployer-policy-"));
  for (const stack of stacks) {
    mkdirSync(join(folder, "stacks", stack), { recursive: true });
    writeFileSync(join(folder, "stacks", stack, "cdk.tf.json"), "{}");
  }
  return folder;
}

const policyFiles = (folder: string, stack: string) => readdirSync(join(folder, "stacks", stack)).filter((f) => f.startsWith("deployer-policy")).sort();

describe("the deployer policy files", () => {
  it("are written into each stack's folder, one file per document, pretty-printed with a final newline", () => {
    const folder = stackFolders();
    writeDeployerPolicyFiles(folder, [config]);
    for (const { stack, documents } of deployerPolicies(config)) {
      const files = policyFiles(folder, stack);
      expect(files).toEqual(documents.map((_, i) => (i === 0 ? "deployer-policy.json" : `deployer-policy-${i + 1}.json`)).sort());
      const text = readFileSync(join(folder, "stacks", stack, "deployer-policy.json"), "utf8");
      expect(text).toBe(`${JSON.stringify(documents[0], null, 2)}\n`);
      expect(JSON.parse(text).Version).toBe("2012-10-17");
    }
  });

  it("are the same bytes on every synth", () => {
    const [first, second] = [stackFolders(), stackFolders()];
    writeDeployerPolicyFiles(first, [config]);
    writeDeployerPolicyFiles(second, [config]);
    const read = (folder: string) => policyFiles(folder, "example-mwaa").map((f) => readFileSync(join(folder, "stacks", "example-mwaa", f), "utf8"));
    expect(read(first)).toEqual(read(second));
  });

  it("are not written for a stack the app did not write", () => {
    const folder = stackFolders(["example-network"]);
    writeDeployerPolicyFiles(folder, [config]);
    expect(existsSync(join(folder, "stacks", "example-mwaa"))).toBe(false);
    expect(policyFiles(folder, "example-network")).toContain("deployer-policy.json");
  });

  it("are removed with the rest of a previous synth's output, every part, and nothing else of the folder", () => {
    const folder = stackFolders();
    writeDeployerPolicyFiles(folder, [config]);
    writeFileSync(join(folder, "stacks", "example-mwaa", "deployer-policy-7.json"), "{}");
    writeFileSync(join(folder, "stacks", "example-mwaa", "deployer-policy.md"), "my notes");
    removeSynthesizedOutput(folder);
    expect(readdirSync(join(folder, "stacks", "example-mwaa"))).toEqual(["deployer-policy.md"]);
  });
});
