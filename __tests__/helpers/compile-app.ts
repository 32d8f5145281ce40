import { spawnSync } from "node:child_process";
import { join } from "node:path";

/*
 * Jest's globalSetup (jest.config.js): compiles the app into dist/ once, before any test file starts,
 * with the compiler call of its app command (scripts/run-app.js; an up-to-date build costs a few
 * stat calls). The test files that run the app, or copy its build, then start from that build
 * instead of each compiling in parallel: main.test.ts runs the app command here, type-check.test.ts
 * copies the project with its build. Nothing is asserted here: a build that fails leaves those
 * tests to fail with the compiler's errors, as the app command shows them.
 */

const REPO_ROOT = join(__dirname, "..", "..");
/** The test files that use the build; a run selecting none of them skips it. */
const USERS = ["main.test.ts", "review.test.ts", "type-check.test.ts"].map((file) => join(REPO_ROOT, "__tests__", file));

/** Jest calls it with its global config; `testPathPattern` is the file selection of the command line ("" for all). */
export default function compileApp(globalConfig: { testPathPattern: string }): void {
  const selection = new RegExp(globalConfig.testPathPattern, "i");
  if (!USERS.some((file) => selection.test(file))) return;
  const tsc = join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
  spawnSync(process.execPath, [tsc, "-b", "tsconfig.app.json"], { cwd: REPO_ROOT, stdio: "ignore" });
}
