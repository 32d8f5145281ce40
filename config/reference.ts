import { z } from "zod";
import { environmentConfigSchema } from "./schema";

/**
 * The config reference, read from the schema (schema.ts): every field, what it does, what is
 * allowed and its default. Validation errors quote `allowed`; the README's configuration table is
 * `renderConfigReference()` (a test keeps the two in step, and another checks that every field of
 * the schema is described).
 */
export interface FieldDoc {
  readonly description: string;
  readonly allowed: string;
  /** Omitted for required fields. */
  readonly default?: string;
}

type Schema = z.core.$ZodType;

/** Wrappers that leave a field's shape as it is; `pipe` is read by its input, what a file holds. */
function unwrapped(schema: Schema): { inner: Schema; chain: Schema[] } {
  const chain: Schema[] = [];
  let current = schema;
  for (;;) {
    chain.push(current);
    const def = current._zod.def as { type: string; innerType?: Schema; in?: Schema };
    if (def.type === "pipe" && def.in) current = def.in;
    else if (def.innerType && def.type !== "lazy") current = def.innerType;
    else return { inner: current, chain };
  }
}

/** What a field's `.default()` or `.optional()` makes of its absence; undefined when it is required. */
function defaultOf(chain: readonly Schema[], defaultText: string | undefined): string | undefined {
  for (const schema of chain) {
    const def = schema._zod.def as { type: string; defaultValue?: unknown };
    if (def.type === "default" || def.type === "prefault") {
      if (defaultText !== undefined) return defaultText;
      const value = def.defaultValue;
      return typeof value === "string" ? value : JSON.stringify(value);
    }
    if (def.type === "optional") return defaultText ?? "none";
  }
  return undefined;
}

/**
 * A field's documentation: its `.meta()`, wherever in the chain of wrappers it was set (`.meta()`
 * before `.default()` lands on the inner schema, after it on the wrapper; the outer one wins).
 */
function docOf(schema: Schema): FieldDoc | undefined {
  const { chain } = unwrapped(schema);
  const meta = Object.assign({}, ...[...chain].reverse().map((s) => z.globalRegistry.get(s) ?? {})) as z.GlobalMeta;
  if (typeof meta.description !== "string" || typeof meta.allowed !== "string") return undefined;
  const fallback = defaultOf(chain, meta.defaultText);
  return { description: meta.description, allowed: meta.allowed, ...(fallback === undefined ? {} : { default: fallback }) };
}

/** A field of the schema: its path (`a.b`, array items as `a[]`) and its schema. */
export interface SchemaField {
  readonly path: string;
  readonly schema: Schema;
}

/**
 * Every documented field of a schema, in the schema's order: objects recurse (an object is not a
 * field of its own), a list is a field and so are the fields of its items, records and scalars
 * are leaves. A union of objects (a `mode` that decides the other fields) has the fields of all
 * its options, each once, documented where it first appears.
 */
export function schemaFields(schema: Schema, prefix = ""): SchemaField[] {
  const { inner } = unwrapped(schema);
  const def = inner._zod.def as { type: string; shape?: Record<string, Schema>; element?: Schema; options?: Schema[] };
  if (def.type === "union" && def.options) {
    const fields = def.options.flatMap((option) => schemaFields(option, prefix)).filter((field) => field.path !== prefix);
    if (fields.length === 0) return prefix ? [{ path: prefix, schema }] : [];
    return fields.filter((field, index) => fields.findIndex((other) => other.path === field.path) === index);
  }
  if (def.type === "object" && def.shape) {
    return Object.entries(def.shape).flatMap(([key, child]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      const fields = schemaFields(child, path);
      return fields.length > 0 ? fields : [{ path, schema: child }];
    });
  }
  if (def.type === "array" && def.element) {
    const items = schemaFields(def.element, `${prefix}[]`).filter((f) => f.path !== `${prefix}[]`);
    return [{ path: prefix, schema }, ...items];
  }
  return prefix ? [{ path: prefix, schema }] : [];
}

/** The fields of the config that carry no description or no `allowed`: a test keeps it empty. */
export function undocumentedFields(schema: Schema = environmentConfigSchema): string[] {
  return schemaFields(schema)
    .filter((field) => docOf(field.schema) === undefined)
    .map((field) => field.path);
}

/**
 * The reference, field by field, computed from the schema. Fields are documented in schema.ts
 * (`.meta({ description, allowed })`), not here.
 */
export const CONFIG_FIELDS: Readonly<Record<string, FieldDoc>> = Object.fromEntries(
  schemaFields(environmentConfigSchema).flatMap(({ path, schema }) => {
    const doc = docOf(schema);
    return doc ? [[path, doc]] : [];
  }),
);

/** `network.privateSubnets[1].cidr` as the reference names it: `network.privateSubnets[].cidr`. */
const referencePath = (path: string) => path.replace(/\[\d+\]/g, "[]");

/** The reference entry of a field: exact path, array items as `[]`, else the nearest described parent. */
export function fieldDoc(path: string): FieldDoc | undefined {
  let key = referencePath(path);
  while (key) {
    if (CONFIG_FIELDS[key]) return CONFIG_FIELDS[key];
    const cut = Math.max(key.lastIndexOf("."), key.lastIndexOf("["));
    key = cut > 0 ? key.slice(0, cut) : "";
  }
  return undefined;
}

/** The keys the schema accepts directly under `parent` ('' for the top level), in its order. */
export function knownKeys(parent: string): string[] {
  const prefix = parent ? `${referencePath(parent)}.` : "";
  const keys = schemaFields(environmentConfigSchema)
    .filter((field) => field.path.startsWith(prefix))
    .map((field) => field.path.slice(prefix.length).split(/[.[]/)[0]);
  return [...new Set(keys)];
}

/** The reference as the README's Markdown table. */
export function renderConfigReference(): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const rows = Object.entries(CONFIG_FIELDS)
    .filter(([path]) => path !== "$schema")
    .map(([path, doc]) => `| \`${path}\` | ${cell(doc.description)} | ${cell(doc.allowed)} | ${cell(doc.default ?? "required")} |`);
  return ["| field | what it does | allowed | default |", "| --- | --- | --- | --- |", ...rows].join("\n");
}
