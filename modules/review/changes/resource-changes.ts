import { movedBlocks, removedBlocks } from "../../guardrails/destroy-protection";
import { SynthesizedStack } from "../../guardrails/synthesized-stack";
import { blocks } from "../../guardrails/terraform-document";

/** One resource's change between two syntheses, by its Terraform address within its stack. */
export interface ResourceChange {
  readonly stack: string;
  /** `type.name`: what Terraform calls it in the stack's state. */
  readonly address: string;
  readonly type: string;
  /** Its construct path (head's, else base's): what the review and acknowledgements call it. */
  readonly path: string;
  /** `moved`: a `moved` block carries the base's resource at `movedFrom` to this address, which the head declares. */
  readonly action: "added" | "removed" | "changed" | "moved";
  /** For `changed` and `moved`: every argument path whose value differs (block names joined by `.`, no indexes). */
  readonly arguments: readonly string[];
  /** The configuration on each side (absent where the resource is not). */
  readonly before?: Record<string, unknown>;
  readonly after?: Record<string, unknown>;
  /** For `moved`: the base's address. */
  readonly movedFrom?: string;
  /** For `removed`: the head has a `removed` block for it with `destroy = false` (Terraform forgets it, AWS keeps it). */
  readonly forgotten?: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The argument paths where `a` and `b` differ. Lists of blocks are compared element by element under one path. */
export function differingPaths(a: unknown, b: unknown, path = ""): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const blockList = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every(isObject);
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== "//").sort();
    return keys.flatMap((k) => differingPaths(a[k], b[k], path ? `${path}.${k}` : k));
  }
  if ((blockList(a) || isObject(a)) && (blockList(b) || isObject(b))) {
    const [la, lb] = [Array.isArray(a) ? a : [a], Array.isArray(b) ? b : [b]];
    if (la.length === lb.length) return [...new Set(la.flatMap((item, i) => differingPaths(item, lb[i], path)))];
  }
  return path ? [path] : [];
}

/** The value at an argument path, through blocks written as objects or lists: every value found there. */
export function valuesAt(config: unknown, path: string): unknown[] {
  let values: unknown[] = [config];
  for (const key of path.split(".")) {
    values = values.flatMap((v) => blocks(v)).map((v) => v[key]).filter((v) => v !== undefined);
  }
  return values;
}

function resourcesOf(stack: SynthesizedStack | undefined): Map<string, { type: string; name: string; config: Record<string, unknown> }> {
  const found = new Map<string, { type: string; name: string; config: Record<string, unknown> }>();
  for (const [type, byName] of Object.entries((stack?.json.resource ?? {}) as Record<string, Record<string, Record<string, unknown>>>)) {
    for (const [name, config] of Object.entries(byName)) found.set(`${type}.${name}`, { type, name, config });
  }
  return found;
}

/**
 * Every resource added, removed, changed or moved in one stack (either side may be absent: a stack
 * added or removed). A `moved` block counts only when the head declares its target: one to an
 * address nothing declares leaves its resource removed, which Terraform destroys.
 */
export function resourceChanges(name: string, base: SynthesizedStack | undefined, head: SynthesizedStack | undefined): ResourceChange[] {
  const before = resourcesOf(base);
  const after = resourcesOf(head);
  const moved = new Map((head ? movedBlocks(head.json) : []).filter((m) => m.toExists).map((m) => [m.from, m.to]));
  const kept = new Set((head ? removedBlocks(head.json) : []).filter((r) => r.keeps).map((r) => r.from));
  const pathOf = (stack: SynthesizedStack, type: string, id: string) => stack.pathOf("resource", type, id);
  const changes: ResourceChange[] = [];
  const movedTargets = new Set<string>();
  for (const [addr, { type, name: id, config }] of before) {
    const now = after.get(addr);
    if (now) {
      const args = differingPaths(config, now.config);
      if (args.length > 0) changes.push({ stack: name, address: addr, type, path: pathOf(head!, type, id), action: "changed", arguments: args, before: config, after: now.config });
      continue;
    }
    const target = moved.get(addr);
    const carried = target ? after.get(target) : undefined;
    if (target && carried && carried.type === type) {
      movedTargets.add(target);
      const args = differingPaths(config, carried.config);
      changes.push({ stack: name, address: target, type, path: pathOf(head!, type, carried.name), action: "moved", movedFrom: addr, arguments: args, before: config, after: carried.config });
      continue;
    }
    changes.push({ stack: name, address: addr, type, path: pathOf(base!, type, id), action: "removed", arguments: [], before: config, forgotten: kept.has(addr) });
  }
  for (const [addr, { type, name: id, config }] of after) {
    if (!before.has(addr) && !movedTargets.has(addr)) changes.push({ stack: name, address: addr, type, path: pathOf(head!, type, id), action: "added", arguments: [], after: config });
  }
  return changes;
}

/** A top-level block other than a resource that differs: what a resource can read its values from, or what governs the stack. */
export interface BlockChange {
  readonly stack: string;
  /** `locals.<name>`, `variable.<name>`, `output.<name>`, `data.<type>.<name>`, `provider.<name>`, `terraform`, `moved`, `removed`, `import`. */
  readonly block: string;
  readonly action: "added" | "removed" | "changed";
}

/** Every top-level block other than resources added, removed or changed in one stack. */
export function blockChanges(name: string, base: SynthesizedStack | undefined, head: SynthesizedStack | undefined): BlockChange[] {
  const entries = (stack: SynthesizedStack | undefined) => {
    const doc = (stack?.json ?? {}) as Record<string, any>;
    const found = new Map<string, unknown>();
    for (const [key, value] of Object.entries(doc)) {
      if (key === "resource" || key === "//") continue;
      if (key === "data") {
        for (const [type, byName] of Object.entries(value as Record<string, Record<string, unknown>>)) for (const [id, body] of Object.entries(byName)) found.set(`data.${type}.${id}`, body);
      } else if (["locals", "variable", "output", "provider"].includes(key) && typeof value === "object" && value !== null && !Array.isArray(value)) {
        for (const [id, body] of Object.entries(value)) found.set(`${key}.${id}`, body);
      } else found.set(key, value);
    }
    return found;
  };
  const [before, after] = [entries(base), entries(head)];
  const strip = (value: unknown) => JSON.stringify(value, (key, v) => (key === "//" ? undefined : v));
  return [...new Set([...before.keys(), ...after.keys()])].sort().flatMap((block): BlockChange[] => {
    if (!before.has(block)) return [{ stack: name, block, action: "added" }];
    if (!after.has(block)) return [{ stack: name, block, action: "removed" }];
    return strip(before.get(block)) === strip(after.get(block)) ? [] : [{ stack: name, block, action: "changed" }];
  });
}
