import tseslint from "typescript-eslint";

/**
 * Syntax-only lint (no type information, so it runs without the TypeScript language service).
 * Its main job: forbid importing the root of @cdktf/provider-aws, which loads all ~1,500
 * resource classes (~3.5 s and ~550 MB per process) instead of the few we use; CDK Terrain's
 * @cdktn/provider-aws (scripts/switch-to-cdktn.js) is laid out alike and refused alike.
 */
export default tseslint.config(
  { ignores: ["node_modules/", "cdktf.out/", "dist/", ".gen/", "coverage/"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              // The package root and its lib/ barrel; lib/<resource> is what we want.
              regex: "^@cdkt[fn]/provider-aws(/lib(/index(\\.js)?)?)?/?$",
              message: "Import the resource you need from @cdktf/provider-aws/lib/<resource> (deep import).",
            },
          ],
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Synthesized Terraform JSON is untyped; the tests, the guardrails, the review and the reader of
    // cdktf's output read it as such.
    files: ["__tests__/**/*.ts", "modules/guardrails/**/*.ts", "modules/review/**/*.ts", "modules/synthesis/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
