import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { REPO_ROOT } from "../helpers/config-fixtures";

/** The switch script's pure parts (plain Node, so required rather than imported). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { switchedManifest, switchedCode, leftoverImports } = require(join(REPO_ROOT, "scripts", "switch-to-cdktn.js")) as {
  switchedManifest: (manifest: Record<string, any>) => Record<string, any>;
  switchedCode: (text: string) => string;
  leftoverImports: (text: string) => string[];
};

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8"));

describe("switching package.json to CDK Terrain", () => {
  const switched = switchedManifest(manifest);
  const all = { ...switched.dependencies, ...switched.devDependencies };

  it("replaces every cdktf package by its cdktn counterpart, pinned exactly", () => {
    expect(Object.keys(all).filter((name) => /cdktf/.test(name))).toEqual([]);
    expect(switched.dependencies).toMatchObject({ cdktn: "0.24.0", "@cdktn/provider-aws": "25.7.0", "@cdktn/hcl2json": "0.24.0" });
    expect(switched.devDependencies).toMatchObject({ "cdktn-cli": "0.24.0" });
    expect(Object.entries(all).filter(([, version]) => !/^\d+\.\d+\.\d+$/.test(String(version)))).toEqual([]);
  });

  it("keeps every other package at its version, and constructs within cdktn's peer range (>=10.6.0 <10.8.0)", () => {
    const others = (deps: Record<string, string>) => Object.fromEntries(Object.entries(deps).filter(([name]) => !/cdkt[fn]|^constructs$/.test(name)));
    expect(others(all)).toEqual(others({ ...manifest.dependencies, ...manifest.devDependencies }));
    expect(switched.dependencies.constructs).toMatch(/^10\.[67]\.\d+$/);
  });

  it("runs the cdktn command in its scripts and asks for the Node cdktn-cli needs", () => {
    expect(switched.scripts.synth).toBe("cdktn synth");
    expect(switched.engines.node).toBe(">=22.19.0");
  });

  it("refuses a cdktf package it knows no counterpart of, and a checkout already switched", () => {
    expect(() => switchedManifest({ ...manifest, dependencies: { ...manifest.dependencies, "@cdktf/provider-null": "11.0.0" } })).toThrow(
      "package.json dependencies.@cdktf/provider-null: no CDK Terrain counterpart is known; add it to PACKAGES in scripts/switch-to-cdktn.js",
    );
    expect(() => switchedManifest(switched)).toThrow("this checkout is already switched");
  });

  it("was locked: cdktn/package-lock.json records the switched dependencies (otherwise: node scripts/switch-to-cdktn.js --update-lock)", () => {
    const root = JSON.parse(readFileSync(join(REPO_ROOT, "cdktn", "package-lock.json"), "utf8")).packages[""];
    expect([root.dependencies, root.devDependencies]).toEqual([switched.dependencies, switched.devDependencies]);
  });
});

describe("switching the sources to CDK Terrain", () => {
  // Assembled, so that switching this repository does not switch this test's inputs too.
  const [tf, tn] = ["cdktf", "cdktn"];
  const probe = (name: string) => [
    `import { App, TerraformStack } from "${name}";`,
    `import { S3Bucket } from "@${name}/provider-aws/lib/s3-bucket";`,
    `const { Token } = require('${name}');`,
    `const { parse } = require("@${name}/hcl2json") as typeof import("@${name}/hcl2json");`,
    `const lib = require.resolve("@${name}/provider-aws/package.json");`,
  ];

  it("renames imports, requires and dynamic imports of cdktf's packages, in either quote", () => {
    expect(switchedCode(probe(tf).join("\n"))).toBe(probe(tn).join("\n"));
  });

  it("leaves cdktf as a word alone: the tag the stacks write, cdktf.json, cdktf.out", () => {
    const source = 'const tags = { ManagedBy: "cdktf" }; read("cdktf.json"); const out = "cdktf.out";';
    expect(switchedCode(source)).toBe(source);
  });

  it("switches every import of this repository: none is left without a counterpart", () => {
    const skipped = new Set(["node_modules", ".git", "dist", "cdktf.out", ".gen", "coverage"]);
    const code = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return skipped.has(entry.name) ? [] : code(path);
        return /\.(ts|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
      });
    const files = code(REPO_ROOT);
    expect(files.length).toBeGreaterThan(100);
    const left = files.flatMap((file) => leftoverImports(switchedCode(readFileSync(file, "utf8"))).map((name) => `${relative(REPO_ROOT, file)}: ${name}`));
    expect(left).toEqual([]);
    // The check sees an import it cannot switch.
    expect(leftoverImports(switchedCode(`import { X } from "@${tf}/provider-null/lib/x";`))).toEqual([`@${tf}/provider-null/lib/x`]);
  });
});
