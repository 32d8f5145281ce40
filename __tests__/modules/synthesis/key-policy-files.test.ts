import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { externalKeyPolicyFile } from "../../../modules/encryption/external-key-policy";
import { writeKeyPolicyFiles } from "../../../modules/synthesis/key-policy-files";
import { removeSynthesizedOutput } from "../../../modules/synthesis/output-folder";
import { exampleConfig } from "../../helpers/config-fixtures";

const KEY_ARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const securityTeamKey = exampleConfig((r) => (r.encryption.keyArn = KEY_ARN));
const FILE = "key-policy-statements.json";

/** An output folder with the example's stack folders, as cdktf leaves them after `App.synth()`. */
function stackFolders(stacks = ["example-state", "example-network", "example-mwaa"]): string {
  const folder = mkdtempSync(join(tmpdir(), "mwaa-key-policy-"));
  for (const stack of stacks) mkdirSync(join(folder, "stacks", stack), { recursive: true });
  return folder;
}

describe("the key-policy statements file", () => {
  it("is written beside the MWAA stack of an environment encrypted with a key the stacks do not own, and nowhere else", () => {
    const folder = stackFolders();
    writeKeyPolicyFiles(folder, [securityTeamKey]);
    expect(readFileSync(join(folder, "stacks", "example-mwaa", FILE), "utf8")).toBe(externalKeyPolicyFile(securityTeamKey));
    expect(existsSync(join(folder, "stacks", "example-network", FILE))).toBe(false);
    expect(existsSync(join(folder, "stacks", "example-state", FILE))).toBe(false);
  });

  it("is not written for an environment whose stacks create their key, nor for a stack the app did not write", () => {
    const folder = stackFolders();
    writeKeyPolicyFiles(folder, [exampleConfig()]);
    expect(existsSync(join(folder, "stacks", "example-mwaa", FILE))).toBe(false);
    const withoutMwaa = stackFolders(["example-network"]);
    writeKeyPolicyFiles(withoutMwaa, [securityTeamKey]);
    expect(existsSync(join(withoutMwaa, "stacks", "example-mwaa"))).toBe(false);
  });

  it("is removed with the rest of a previous synth's output, and nothing else of the folder", () => {
    const folder = stackFolders();
    writeKeyPolicyFiles(folder, [securityTeamKey]);
    writeFileSync(join(folder, "stacks", "example-mwaa", "key-policy-notes.md"), "my notes");
    removeSynthesizedOutput(folder);
    expect(readdirSync(join(folder, "stacks", "example-mwaa"))).toEqual(["key-policy-notes.md"]);
  });
});
