/**
 * Tests are transpiled file by file by `jest.transform.js` (no type checking: `npm test` runs `tsc`
 * for that first).
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  // Jest's default leaves a core idle on a 2-core machine (CI's); the suites are CPU-bound.
  maxWorkers: "100%",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  // The app compiled once, before the test files that run it or copy its build (see the file).
  globalSetup: "<rootDir>/__tests__/helpers/compile-app.ts",
  // WebAssembly (the HCL parser the synth judges `--hcl` output with) on V8's baseline compiler (see the file).
  setupFiles: ["<rootDir>/__tests__/helpers/wasm-baseline-compiler.ts"],
  // cdktf's stack captures in the format the app gives them, without mapping every frame (see the file).
  setupFilesAfterEnv: ["<rootDir>/__tests__/helpers/plain-stack-captures.ts"],
  transform: {
    "^.+\\.ts$": "<rootDir>/jest.transform.js",
  },
  moduleFileExtensions: ["ts", "js", "json"],
};
