import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { SynthesizedStack } from "../guardrails/synthesized-stack";
import { AppManifest, CDKTF_LAYOUT, terraformFiles } from "./output-folder";

/** One stack as cdktf wrote it into a folder. */
export interface WrittenStack {
  readonly stack: SynthesizedStack;
  /** Error annotations cdktf recorded for the stack (the CLI asks it to record, not throw). */
  readonly errors: readonly string[];
  /** Names of the stacks it depends on. */
  readonly dependencies: readonly string[];
}

/**
 * Every stack listed in `folder/manifest.json`, read back from the file cdktf wrote for it: JSON
 * as it is, HCL through HashiCorp's own HCL parser (the one Terraform uses), with the construct
 * paths of HCL mode's metadata file.
 *
 * @param foreignFiles Terraform files that will sit beside a stack's configuration when it is
 *   deployed; those the synth itself wrote beside it, in its folder, are added.
 */
export async function readWrittenStacks(
  folder: string,
  foreignFiles: (stack: string) => string[],
): Promise<{ manifest: AppManifest; stacks: WrittenStack[] }> {
  const manifest = JSON.parse(readFileSync(join(folder, CDKTF_LAYOUT.manifest), "utf8")) as AppManifest;
  const stacks = await Promise.all(
    Object.values(manifest.stacks).map(async (entry): Promise<WrittenStack> => {
      const file = entry.synthesizedStackPath;
      const text = readFileSync(join(folder, file), "utf8");
      const written = file.endsWith(".json") ? JSON.parse(text) : await parseHcl(file, text, join(folder, entry.stackMetadataPath));
      const errors = (entry.annotations ?? [])
        .filter((a) => a.level === CDKTF_LAYOUT.errorAnnotation)
        .map((a) => `[${a.constructPath}] ${a.message}`);
      const dependencies = (entry.dependencies ?? []).map((path) => path.split("/").pop()!);
      const besides = terraformFiles(join(folder, entry.workingDirectory)).filter((name) => name !== basename(file));
      const foreign = [...new Set([...foreignFiles(entry.name), ...besides])].sort();
      return { stack: new SynthesizedStack(entry.name, written, foreign, join(folder, entry.workingDirectory)), errors, dependencies };
    }),
  );
  return { manifest, stacks };
}

/**
 * HCL as Terraform's JSON syntax (every block a list), with the `//` metadata (construct path) of
 * each resource, data source and module from the metadata file cdktf writes beside `cdk.tf`.
 */
async function parseHcl(file: string, text: string, metadataFile: string): Promise<Record<string, any>> {
  // Loaded only in HCL mode: the parser is a WebAssembly build of hashicorp/hcl that takes ~0.3 s to start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require("@cdktf/hcl2json") as typeof import("@cdktf/hcl2json");
  const written = await parse(file, text);
  const metadata = existsSync(metadataFile) ? JSON.parse(readFileSync(metadataFile, "utf8")) : {};
  for (const kind of ["resource", "data"]) {
    for (const [type, byName] of Object.entries<Record<string, any>>(metadata[kind] ?? {})) {
      for (const [name, meta] of Object.entries<Record<string, any>>(byName)) {
        for (const body of written[kind]?.[type]?.[name] ?? []) body["//"] = meta["//"];
      }
    }
  }
  for (const [name, meta] of Object.entries<Record<string, any>>(metadata.module ?? {})) {
    for (const body of written.module?.[name] ?? []) body["//"] = meta["//"];
  }
  return written;
}

/** Stacks in an order they can be deployed in: each after its dependencies, otherwise by name. */
export function deploymentOrder(stacks: readonly WrittenStack[]): WrittenStack[] {
  const pending = [...stacks].sort((a, b) => a.stack.name.localeCompare(b.stack.name));
  const ordered: WrittenStack[] = [];
  while (pending.length > 0) {
    const placed = new Set(ordered.map((w) => w.stack.name));
    const known = new Set(pending.map((w) => w.stack.name));
    const next = pending.findIndex((w) => w.dependencies.every((d) => placed.has(d) || !known.has(d)));
    ordered.push(...pending.splice(next === -1 ? 0 : next, 1));
  }
  return ordered;
}
