/**
 * Jest transform: TypeScript's own transpileModule, one file at a time, without type checking
 * (`npm test` runs `tsc` over the whole project first). Pure JavaScript, so it installs everywhere
 * the lockfile does; native transformers (SWC, esbuild) need per-platform binary packages.
 */
const { createHash } = require("node:crypto");

// TypeScript's compiler takes about half a second to load in each Jest worker: loaded only when a file
// is not in Jest's transform cache (the cache key needs only its version).
const tsVersion = require("typescript/package.json").version;
let ts;
let compilerOptions;

function compiler() {
  if (!ts) {
    ts = require("typescript");
    compilerOptions = {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      sourceMap: false,
      inlineSourceMap: true,
      inlineSources: true,
    };
  }
  return { ts, compilerOptions };
}

module.exports = {
  process(source, path) {
    const { ts, compilerOptions } = compiler();
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: path });
    return { code: outputText };
  },
  getCacheKey(source, path) {
    return createHash("sha256").update(tsVersion).update("\0").update(path).update("\0").update(source).digest("hex");
  },
};
