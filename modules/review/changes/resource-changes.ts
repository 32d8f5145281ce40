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
  readonly action: "added" | "removed" | "changed";
  /** For `changed`: every argument path whose value differs (block names joined by `.`, no indexes). */
  readonly arguments: readonly string[];
  /** The configuration on each side (absent where the resource is not). */
  readonly before?: Record<string, unknown>;
  readonly after?: Record<string, unknown>;
  /** For `removed`: the `moved` block of the head that gives it a new address, if any. */
  readonly movedTo?: string;
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

/** `${aws_x.name}` of a `moved` or `removed` block's address. */
const address = (value: unknown) => String(value ?? "").replace(/^\$\{(.*)\}$/, "$1");

function resourcesOf(stack: SynthesizedStack | undefined): Map<string, { type: string; name: string; config: Record<string, unknown> }> {
  const found = new Map<string, { type: string; name: string; config: Record<string, unknown> }>();
  for (const [type, byName] of Object.entries((stack?.json.resource ?? {}) as Record<string, Record<string, Record<string, unknown>>>)) {
    for (const [name, config] of Object.entries(byName)) found.set(`${type}.${name}`, { type, name, config });
  }
  return found;
}

/** Every resource added, removed or changed in one stack (either side may be absent: a stack added or removed). */
export function resourceChanges(name: string, base: SynthesizedStack | undefined, head: SynthesizedStack | undefined): ResourceChange[] {
  const before = resourcesOf(base);
  const after = resourcesOf(head);
  const moved = new Map(blocks(head?.json.moved).map((m) => [address(m.from), address(m.to)]));
  const forgotten = new Set(blocks(head?.json.removed).filter((r) => blocks(r.lifecycle)[0]?.destroy === false).map((r) => address(r.from)));
  const changes: ResourceChange[] = [];
  for (const [addr, { type, name: id, config }] of before) {
    const now = after.get(addr);
    const path = (head && now ? head.pathOf("resource", type, id) : base!.pathOf("resource", type, id)).toString();
    if (!now) {
      changes.push({ stack: name, address: addr, type, path, action: "removed", arguments: [], before: config, movedTo: moved.get(addr), forgotten: forgotten.has(addr) });
      continue;
    }
    const args = differingPaths(config, now.config);
    if (args.length > 0) changes.push({ stack: name, address: addr, type, path, action: "changed", arguments: args, before: config, after: now.config });
  }
  for (const [addr, { type, name: id, config }] of after) {
    if (!before.has(addr)) changes.push({ stack: name, address: addr, type, path: head!.pathOf("resource", type, id), action: "added", arguments: [], after: config });
  }
  return changes;
}
