// The `app` command of cdktf.json (and of `npm run review`): type-check and compile when a source
// changed, then run the compiled entry in this same process: the app (main.ts), or with the first
// argument `review`, the change review (review.ts), which gets the arguments after it.
//
// Why not ts-node: type-checking main.ts and everything it imports takes seconds on every synth.
// Why not a transpile-only runner: type errors would slip into a synth. Here `tsc -b` checks and
// compiles once per change (noEmitOnError: a type error stops the synth and emits nothing), and an
// unchanged tree costs a few stat calls.
const { spawnSync } = require("node:child_process");
const { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { join, relative } = require("node:path");

const root = join(__dirname, "..");
const stampPath = join(root, "dist", ".app-sources.json");
const SOURCE_DIRS = ["config", "stacks", "modules"];
const ENTRIES = { main: "main.js", review: "review.js" };
const SOURCE_FILES = ["main.ts", "review.ts", "tsconfig.json", "tsconfig.app.json", "package-lock.json"];

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
    return stamp.files.join("\n") === files.join("\n") && newest(files) <= stamp.newest && Object.values(ENTRIES).every((entry) => existsSync(join(root, "dist", entry)));
  } catch {
    return false;
  }
}

/**
 * One compile at a time: two synths started together (two terminals, parallel CI jobs, tests) would
 * otherwise both run tsc into the same dist/ and read each other's half-written files. The second
 * waits for the first, then finds the build fresh. A lock older than a compile can take is stale.
 */
const lockPath = join(root, "dist", ".build-lock");
const STALE_LOCK_MS = 5 * 60 * 1000;
function withBuildLock(body) {
  mkdirSync(join(root, "dist"), { recursive: true });
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lockPath);
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      try {
        if (Date.now() - statSync(lockPath).mtimeMs > STALE_LOCK_MS) rmSync(lockPath, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      Atomics.wait(sleeper, 0, 0, 100);
    }
  }
  try {
    return body();
  } finally {
    rmSync(lockPath, { recursive: true, force: true });
  }
}

const files = sources();
if (!isFresh(files)) {
  withBuildLock(() => {
    if (isFresh(files)) return; // built by the synth that held the lock
    // Read before compiling: a file saved while tsc runs is newer and triggers the next check.
    const before = newest(files);
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    const build = spawnSync(process.execPath, [tsc, "-b", "tsconfig.app.json"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) {
      process.stderr.write("The TypeScript sources do not compile (errors above); nothing was synthesized.\n");
      process.exitCode = build.status ?? 1;
      return;
    }
    writeFileSync(stampPath, JSON.stringify({ newest: before, files }));
  });
  if (process.exitCode) process.exit(process.exitCode);
}

const entry = process.argv[2] === "review" ? ENTRIES.review : ENTRIES.main;
if (entry !== ENTRIES.main) process.argv.splice(2, 1);
require(join(root, "dist", entry));
