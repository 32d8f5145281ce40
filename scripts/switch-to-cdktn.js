#!/usr/bin/env node
// Switches a checkout of this repository from cdktf (archived by HashiCorp on 2025-12-10, final
// 0.21.0) to CDK Terrain, its community successor, in place:
//
//   node scripts/switch-to-cdktn.js <folder>                 rewrite, then `npm ci` there
//   node scripts/switch-to-cdktn.js --no-install <folder>    rewrite only
//   node scripts/switch-to-cdktn.js --update-lock            regenerate cdktn/package-lock.json
//
// What changes (and nothing else: CDK Terrain keeps cdktf.json, cdktf.out, the CDKTF_* variables
// and the logical ids, so state does not move):
// - package.json: the packages of PACKAGES below, pinned exactly; constructs within cdktn's peer
//   range; the `cdktf` command of its scripts becomes `cdktn`; engines.node what cdktn-cli needs.
// - imports: `from "cdktf"`, `require("cdktf")`, `import("cdktf")` and every `@cdktf/provider-aws`
//   or `@cdktf/hcl2json` name in the TypeScript and JavaScript files (sources, tests, scripts, the
//   Jest and ESLint configs, the lint rule's message).
// - `npx cdktf` becomes `npx cdktn` wherever it is written (README, workflow, tests, scripts): the
//   CLI's command is `cdktn`. The workflow sets up Node.js 22, which cdktn-cli needs.
// - AWS_PROVIDER_VERSION becomes the version @cdktn/provider-aws generates for: the rules then
//   require every stack to pin it, and the review names it.
// - package-lock.json becomes cdktn/package-lock.json, committed beside this script: the switched
//   tree installs exactly what CI tested, as the main lock file pins cdktf's. It was made from the
//   main lock file (every package both use keeps its locked version). After any change to
//   package.json or package-lock.json, regenerate it with --update-lock (CI fails until then).
//
// cdktn-cli (`npx cdktn synth|deploy`) needs Node >= 22.19 and @cdktn/provider-aws declares
// Node >= 22.11. On Node 20 the library and the app command (`node scripts/run-app.js`) work,
// while cdktn-cli crashes (TypeError: util.markAsUncloneable is not a function).
const { spawnSync } = require("node:child_process");
const { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join, relative, resolve } = require("node:path");

const root = join(__dirname, "..");
/** The committed lock file of the switched tree. */
const LOCK_FILE = join(root, "cdktn", "package-lock.json");

/** cdktf's packages and their CDK Terrain counterparts, pinned (npm view <name> versions). */
const PACKAGES = {
  cdktf: { name: "cdktn", version: "0.24.0" },
  "cdktf-cli": { name: "cdktn-cli", version: "0.24.0" },
  "@cdktf/provider-aws": { name: "@cdktn/provider-aws", version: "25.7.0" },
  "@cdktf/hcl2json": { name: "@cdktn/hcl2json", version: "0.24.0" },
};
/** cdktn 0.24.0 and @cdktn/provider-aws 25.7.0 take constructs >=10.6.0 <10.8.0 (10.8.1 with cdktf). */
const CONSTRUCTS_VERSION = "10.7.2";
/** The hashicorp/aws version @cdktn/provider-aws 25.7.0 was generated from (its lib/provider). */
const AWS_PROVIDER_VERSION = "6.66.0";
/** What cdktn-cli 0.24.0 declares (package.json engines). */
const NODE_ENGINE = ">=22.19.0";

/** Where AWS_PROVIDER_VERSION is defined. */
const PROVIDER_VERSION_FILE = join("modules", "terraform", "aws-provider-version.ts");
const SKIPPED_FOLDERS = new Set(["node_modules", ".git", "dist", "cdktf.out", ".gen", "coverage", "cdktn"]);
const CODE = /\.(ts|js|mjs|cjs)$/;
const TEXT = /\.(ts|js|mjs|cjs|md|ya?ml)$/;

class SwitchError extends Error {}

/** Files under `dir` whose names match `pattern`, skipping installed, generated and output folders. */
function filesUnder(dir, pattern) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : filesUnder(path, pattern);
    return entry.isFile() && pattern.test(entry.name) ? [path] : [];
  });
}

/** package.json on CDK Terrain: the packages renamed and pinned, the CLI command renamed. */
function switchedManifest(manifest) {
  if (!manifest.dependencies?.cdktf) {
    throw new SwitchError(`package.json has no cdktf dependency: ${manifest.dependencies?.cdktn ? "this checkout is already switched" : "is this a checkout of secure-mwaa-cdktf?"}`);
  }
  const next = { ...manifest };
  for (const field of ["dependencies", "devDependencies"]) {
    if (!manifest[field]) continue;
    const entries = Object.entries(manifest[field]).map(([name, version]) => {
      if (PACKAGES[name]) return [PACKAGES[name].name, PACKAGES[name].version];
      if (name === "cdktf" || name.startsWith("cdktf-") || name.startsWith("@cdktf/")) {
        throw new SwitchError(`package.json ${field}.${name}: no CDK Terrain counterpart is known; add it to PACKAGES in scripts/switch-to-cdktn.js`);
      }
      return [name, name === "constructs" ? CONSTRUCTS_VERSION : version];
    });
    next[field] = Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  next.scripts = Object.fromEntries(Object.entries(manifest.scripts ?? {}).map(([name, command]) => [name, command.replace(/(^|[\s;&|(])cdktf(?=\s|$)/g, "$1cdktn")]));
  next.engines = { ...manifest.engines, node: NODE_ENGINE };
  return next;
}

/** A TypeScript or JavaScript file with its imports of cdktf's packages renamed. */
function switchedCode(text) {
  return (
    text
      // The bare package in module-specifier position only: "cdktf" is also a tag value the stacks write.
      .replace(/(\b(?:from|import|require|require\.resolve)\s*\(?\s*)(["'`])cdktf(\/[^"'`]*)?\2/g, "$1$2cdktn$3$2")
      .replace(/@cdktf\/(provider-aws|hcl2json)\b/g, "@cdktn/$1")
  );
}

/** Module specifiers of cdktf's packages left after the switch (a package with no counterpart). */
function leftoverImports(text) {
  return [...text.matchAll(/\b(?:from|import|require|require\.resolve)\s*\(?\s*["'`]((?:cdktf|@cdktf\/)[^"'`]*)["'`]/g)].map((m) => m[1]);
}

/** Rewrites `folder` in place; returns the files changed, relative to it. */
function switchTree(folder) {
  const manifestPath = join(folder, "package.json");
  if (!existsSync(manifestPath)) throw new SwitchError(`${folder} has no package.json: give the folder of a checkout`);
  const changed = [];
  const write = (path, before, after) => {
    if (after === before) return;
    writeFileSync(path, after);
    changed.push(relative(folder, path));
  };

  const manifestText = readFileSync(manifestPath, "utf8");
  write(manifestPath, manifestText, `${JSON.stringify(switchedManifest(JSON.parse(manifestText)), null, 2)}\n`);

  const leftovers = [];
  for (const path of filesUnder(folder, TEXT)) {
    const before = readFileSync(path, "utf8");
    let after = before.replace(/\bnpx cdktf\b/g, "npx cdktn");
    if (CODE.test(path)) {
      after = switchedCode(after);
      leftovers.push(...leftoverImports(after).map((name) => `${relative(folder, path)}: ${name}`));
    }
    if (/\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) {
      after = after.replace(/\bnode-version: 20\b/g, "node-version: 22").replace(/\bNode\.js 20\b/g, "Node.js 22");
    }
    write(path, before, after);
  }
  if (leftovers.length > 0) throw new SwitchError(`imports with no CDK Terrain counterpart (add them to PACKAGES in scripts/switch-to-cdktn.js):\n  ${leftovers.join("\n  ")}`);

  const constantPath = join(folder, PROVIDER_VERSION_FILE);
  const constant = existsSync(constantPath) ? readFileSync(constantPath, "utf8") : "";
  const pattern = /(export const AWS_PROVIDER_VERSION = ")[^"]*(";)/;
  if (!pattern.test(constant)) throw new SwitchError(`${PROVIDER_VERSION_FILE}: no \`export const AWS_PROVIDER_VERSION = "..."\` to set to ${AWS_PROVIDER_VERSION}`);
  write(constantPath, constant, constant.replace(pattern, `$1${AWS_PROVIDER_VERSION}$2`));
  return changed;
}

/** Dependencies as a lock file's root package records them. */
const declared = (manifest) => JSON.stringify([manifest.dependencies ?? {}, manifest.devDependencies ?? {}]);

/** Puts the committed lock file in `folder`, after checking it was made for its package.json. */
function placeLockFile(folder) {
  if (!existsSync(LOCK_FILE)) throw new SwitchError(`${relative(root, LOCK_FILE)} is missing: run node scripts/switch-to-cdktn.js --update-lock`);
  const lock = JSON.parse(readFileSync(LOCK_FILE, "utf8"));
  const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
  if (declared(lock.packages?.[""] ?? {}) !== declared(manifest)) {
    throw new SwitchError(
      `${relative(root, LOCK_FILE)} was made for other dependencies than the switched package.json (package.json changed since): run node scripts/switch-to-cdktn.js --update-lock and commit it`,
    );
  }
  copyFileSync(LOCK_FILE, join(folder, "package-lock.json"));
}

function npm(args, cwd) {
  const run = spawnSync("npm", args, { cwd, stdio: "inherit" });
  if (run.status !== 0) throw new SwitchError(`npm ${args.join(" ")} failed in ${cwd} (exit ${run.status ?? run.signal})`);
}

/** cdktn/package-lock.json, resolved from this checkout's package.json and lock file, switched. */
function updateLock() {
  const scratch = mkdtempSync(join(tmpdir(), "mwaa-cdktn-lock-"));
  try {
    for (const file of ["package.json", "package-lock.json", ".npmrc"]) if (existsSync(join(root, file))) copyFileSync(join(root, file), join(scratch, file));
    const manifest = switchedManifest(JSON.parse(readFileSync(join(scratch, "package.json"), "utf8")));
    writeFileSync(join(scratch, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    npm(["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund"], scratch);
    copyFileSync(join(scratch, "package-lock.json"), LOCK_FILE);
    process.stdout.write(`wrote ${relative(process.cwd(), LOCK_FILE)}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function main(args) {
  if (args.length === 1 && args[0] === "--update-lock") return updateLock();
  const install = !args.includes("--no-install");
  const folders = args.filter((arg) => arg !== "--no-install");
  if (folders.length !== 1 || folders[0].startsWith("-")) {
    throw new SwitchError("usage: node scripts/switch-to-cdktn.js [--no-install] <folder of a checkout> | --update-lock");
  }
  const folder = resolve(folders[0]);
  const changed = switchTree(folder);
  placeLockFile(folder);
  process.stdout.write(`switched ${folder} to CDK Terrain (cdktn ${PACKAGES.cdktf.version}, @cdktn/provider-aws ${PACKAGES["@cdktf/provider-aws"].version}, hashicorp/aws ${AWS_PROVIDER_VERSION}): ${changed.length} files changed, package-lock.json from cdktn/\n`);
  if (install) npm(["ci", "--no-audit", "--no-fund"], folder);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof SwitchError)) throw error;
    process.stderr.write(`switch-to-cdktn: ${error.message}\n`);
    process.exit(1);
  }
}

module.exports = { switchedManifest, switchedCode, leftoverImports, AWS_PROVIDER_VERSION };
