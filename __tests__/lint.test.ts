import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./helpers/config-fixtures";

/** Lints probe files with the repository's ESLint config, in one ESLint run. */
function lint(sources: Record<string, string>): Record<string, string[]> {
  const dir = mkdtempSync(join(REPO_ROOT, "__tests__", "lint-probe-"));
  try {
    for (const [name, source] of Object.entries(sources)) writeFileSync(join(dir, `${name}.ts`), source);
    const run = spawnSync(process.execPath, [join(REPO_ROOT, "node_modules", "eslint", "bin", "eslint.js"), "--format", "json", dir], {
      cwd: REPO_ROOT,
      encoding: "utf8",
    });
    const results: { filePath: string; messages: { message: string }[] }[] = JSON.parse(run.stdout);
    return Object.fromEntries(results.map((r) => [r.filePath.replace(/^.*\/|\.ts$/g, ""), r.messages.map((m) => m.message)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Assembled, so that no search for root imports finds one in this file.
const SCOPES = ["@cdktf", "@cdktn"];
/** One ESLint run for the probes of both bindings (cdktf's, and CDK Terrain's after scripts/switch-to-cdktn.js). */
const messages = lint(
  Object.fromEntries(
    SCOPES.flatMap((scope) => {
      const provider = [scope, "provider-aws"].join("/");
      return [
        [`${scope.slice(1)}-root`, `import { KmsKey } from "${provider}";\nexport const k = KmsKey;\n`],
        [`${scope.slice(1)}-barrel`, `import * as aws from "${provider}/lib";\nexport const a = aws;\n`],
        [`${scope.slice(1)}-deep`, `import { KmsKey } from "${provider}/lib/kms-key";\nexport const k = KmsKey;\n`],
      ];
    }),
  ),
);

describe.each(SCOPES.map((scope) => scope.slice(1)))("the lint step, with the @%s provider binding", (binding) => {
  it("refuses an import of the provider package's root", () => {
    expect(messages[`${binding}-root`]).toEqual([expect.stringMatching(/provider-aws\/lib\/<resource> \(deep import\)/)]);
  });

  it("refuses an import of the provider's lib barrel", () => {
    expect(messages[`${binding}-barrel`]).toEqual([expect.stringMatching(/deep import/)]);
  });

  it("accepts a deep import of one resource", () => {
    expect(messages[`${binding}-deep`]).toEqual([]);
  });
});
