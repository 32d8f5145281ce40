import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "./helpers/config-fixtures";

/** Lints `source` as if it were a file of modules/ with the repository's ESLint config. */
function lint(source: string) {
  return spawnSync(
    "node",
    [join(REPO_ROOT, "node_modules", "eslint", "bin", "eslint.js"), "--stdin", "--stdin-filename", "modules/probe.ts"],
    { cwd: REPO_ROOT, input: source, encoding: "utf8" },
  );
}

describe("the lint step", () => {
  it("refuses an import of the provider package's root", () => {
    const run = lint('import { KmsKey } from "@cdktf/provider-aws";\nexport const k = KmsKey;\n');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/@cdktf\/provider-aws\/lib\/<resource> \(deep import\)/);
  });

  it("refuses an import of the provider's lib barrel", () => {
    const run = lint('import * as aws from "@cdktf/provider-aws/lib";\nexport const a = aws;\n');
    expect(run.status).toBe(1);
  });

  it("accepts a deep import of one resource", () => {
    const run = lint('import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";\nexport const k = KmsKey;\n');
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
