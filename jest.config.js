/**
 * Tests are transpiled file by file by `jest.transform.js` (no type checking: `npm test` runs `tsc`
 * for that first).
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": "<rootDir>/jest.transform.js",
  },
  moduleFileExtensions: ["ts", "js", "json"],
};
