import { TerraformDocument } from "./terraform-document";

/**
 * What a finding calls a resource (or data source), and so what an acknowledgement can match. cdktf
 * writes each block's construct path in its `//` metadata, but code can write that metadata too (a
 * stack-level override, a raw block): one resource could then take another's path and ride on an
 * acknowledgement reviewed for that other one. A claimed path is used only when it is believable:
 *
 * - it lies in this stack (`<stack>/...`);
 * - no other block of the stack claims it;
 * - the block's Terraform name is one cdktf derives from that path: the path's components, some
 *   left out, joined with `_`, and an 8-digit hash when nested (a top-level construct's is its id).
 *
 * Otherwise the finding names the block by its Terraform address, `<stack>/<type>.<name>`, which
 * Terraform itself keys state by and which no two blocks share.
 */

/** `resource` or `data`, the block type and its Terraform name: one key per block. */
const keyOf = (kind: "resource" | "data", type: string, name: string) => `${kind}.${type}.${name}`;

/** Characters cdktf keeps in a logical id: others are dropped from each component. */
const sanitize = (component: string) => component.replace(/[^A-Za-z0-9_-]/g, "");

/** Whether `id` is some of `components`, in order, joined with `_`. */
function joinsSubsequence(id: string, components: readonly string[]): boolean {
  if (id === "") return true;
  return components.some((component, i) => component !== "" && (id === component || id.startsWith(`${component}_`)) && joinsSubsequence(id.slice(component.length + 1), components.slice(i + 1)));
}

/** Whether `logicalId` is what cdktf would name the construct at `path` (below its stack). */
function derivedFrom(logicalId: string, path: string, stack: string): boolean {
  const components = path.slice(stack.length + 1).split("/").map(sanitize);
  const id = logicalId.replace(/_[0-9A-F]{8}$/, "");
  return id !== logicalId ? joinsSubsequence(id, components) : components.length === 1 && components[0] === logicalId;
}

/** The name every resource and data source of the stack gets in findings, keyed by `resource|data.type.name`. */
export function resourcePaths(stack: string, doc: TerraformDocument): Map<string, string> {
  const claims: { key: string; claimed?: string; fallback: string; believable: boolean }[] = [];
  for (const kind of ["resource", "data"] as const) {
    for (const [type, byName] of Object.entries<Record<string, any>>(doc[kind] ?? {})) {
      for (const [name, config] of Object.entries<Record<string, any>>(byName ?? {})) {
        const metadata = config?.["//"]?.metadata;
        // A block without metadata (written raw) goes by its Terraform name, as cdktf names a top-level construct.
        const raw = kind === "data" ? `${stack}/data.${type}.${name}` : `${stack}/${name}`;
        const claimed = typeof metadata?.path === "string" ? metadata.path : metadata === undefined ? raw : undefined;
        const believable = claimed !== undefined && (claimed === raw || (claimed.startsWith(`${stack}/`) && derivedFrom(name, claimed, stack)));
        claims.push({ key: keyOf(kind, type, name), claimed, fallback: `${stack}/${kind === "data" ? "data." : ""}${type}.${name}`, believable });
      }
    }
  }
  const counts = new Map<string, number>();
  for (const { claimed } of claims) if (claimed !== undefined) counts.set(claimed, (counts.get(claimed) ?? 0) + 1);
  return new Map(claims.map(({ key, claimed, fallback, believable }) => [key, believable && counts.get(claimed!) === 1 ? claimed! : fallback]));
}

export { keyOf as blockKey };
