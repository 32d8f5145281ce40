/**
 * Jest transform: TypeScript's own transpileModule, one file at a time, without type checking
 * (`npm test` runs `tsc` over the whole project first). Pure JavaScript, so it installs everywhere
 * the lockfile does; native transformers (SWC, esbuild) need per-platform binary packages.
 */
const { createHash } = require("node:crypto");
const ts = require("typescript");

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  sourceMap: false,
  inlineSourceMap: true,
  inlineSources: true,
};

module.exports = {
  process(source, path) {
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: path });
    return { code: outputText };
  },
  getCacheKey(source, path) {
    return createHash("sha256").update(ts.version).update("\0").update(path).update("\0").update(source).digest("hex");
  },
};
