/**
 * Tests are transpiled by SWC (no type checking: `npm test` runs `tsc` for that first), which keeps
 * a test file's start-up near the cost of loading cdktf and the provider classes it uses.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } }],
  },
  moduleFileExtensions: ["ts", "js", "json"],
};
