// The `app` command of cdktf.json: type-check and compile when a source changed, then run the
// compiled app in this same process.
//
// Why not ts-node: type-checking main.ts and everything it imports takes seconds on every synth.
// Why not a transpile-only runner: type errors would slip into a synth. Here `tsc -b` checks and
// compiles once per change (noEmitOnError: a type error stops the synth and emits nothing), and an
// unchanged tree costs a few stat calls.
const { spawnSync } = require("node:child_process");
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require("node:fs");
const { join, relative } = require("node:path");

const root = join(__dirname, "..");
const stampPath = join(root, "dist", ".app-sources.json");
const SOURCE_DIRS = ["config", "stacks", "modules"];
const SOURCE_FILES = ["main.ts", "tsconfig.json", "tsconfig.app.json", "package-lock.json"];

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

function sources() {
  const dirs = SOURCE_DIRS.map((d) => join(root, d)).filter(existsSync).flatMap(walk);
  const files = SOURCE_FILES.map((f) => join(root, f)).filter(existsSync);
  return [...dirs, ...files].map((f) => relative(root, f)).sort();
}

/** Newest modification time among the sources. */
function newest(files) {
  return Math.max(...files.map((f) => statSync(join(root, f)).mtimeMs));
}

/** Fresh when the same files were compiled and none changed since they were read for it. */
function isFresh(files) {
  try {
    const stamp = JSON.parse(readFileSync(stampPath, "utf8"));
    return stamp.files.join("\n") === files.join("\n") && newest(files) <= stamp.newest && existsSync(join(root, "dist", "main.js"));
  } catch {
    return false;
  }
}

const files = sources();
if (!isFresh(files)) {
  // Read before compiling: a file saved while tsc runs is newer and triggers the next check.
  const before = newest(files);
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const build = spawnSync(process.execPath, [tsc, "-b", "tsconfig.app.json"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) {
    process.stderr.write("The TypeScript sources do not compile (errors above); nothing was synthesized.\n");
    process.exit(build.status ?? 1);
  }
  writeFileSync(stampPath, JSON.stringify({ newest: before, files }));
}

require(join(root, "dist", "main.js"));
