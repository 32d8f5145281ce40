import { z } from "zod";
import { CONFIG_FIELDS, FieldDoc } from "./reference";
import { environmentConfigSchema } from "./schema";

/**
 * The config's JSON Schema, emitted from the zod schema (schema.ts) for editors: each config file
 * names it in `$schema`, and VS Code (or any JSON Schema aware editor) then completes field names,
 * lists enum values, shows each field's description, allowed values and default, and marks
 * unknown keys, wrong types and out-of-range numbers as you type. It is committed at
 * {@link ENVIRONMENT_JSON_SCHEMA_FILE}, rewritten by `npm run docs`; a test fails when the two differ.
 *
 * It is draft-07, the newest draft most validators read (Ajv 6 included). It is not the whole
 * validation: what the schema checks with a refinement (free text without line breaks or
 * backslashes, an acknowledgement's reason of 10 characters besides spaces) and every rule of
 * rules.ts that ties fields together (sizing per class, CIDRs inside the VPC, zones of the Region,
 * mandatory tags, state fields per backend, acknowledgements, Airflow options) are checked by the
 * synth only. Editors catch the shape; the synth stays the judge.
 */

/** Where the JSON Schema is committed, from the repository root; not a `*.json` of config/ itself, which the synth reads as an environment. */
export const ENVIRONMENT_JSON_SCHEMA_FILE = "config/json-schema/environment.schema.json";

type JsonSchema = { [key: string]: unknown };

/** The text editors show for a field: what it does, what is allowed, its default. */
function hoverText(doc: FieldDoc): string {
  return [doc.description, `Allowed: ${doc.allowed}`, doc.default === undefined ? "Required." : `Default: ${doc.default}`].join("\n\n");
}

/**
 * Rewrites what zod emits for editors: each documented field's description becomes the
 * reference's whole entry (the `allowed` and `defaultText` meta keys, no JSON Schema keywords, are
 * dropped everywhere), and the integer bounds zod adds for `.int()` (±2^53-1, a JavaScript limit,
 * not a setting's) are left out. Options of a union (`anyOf`, `oneOf`) are read at the union's path.
 */
function forEditors(node: JsonSchema, path: string): JsonSchema {
  const out: JsonSchema = {};
  const isNode = (value: unknown): value is JsonSchema => typeof value === "object" && value !== null && !Array.isArray(value);
  for (const [key, value] of Object.entries(node)) {
    if (key === "allowed" || key === "defaultText") continue;
    if ((key === "minimum" || key === "maximum") && Math.abs(value as number) === Number.MAX_SAFE_INTEGER) continue;
    if (key === "properties" && isNode(value)) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [name, forEditors(child as JsonSchema, path ? `${path}.${name}` : name)]),
      );
    } else if (key === "items" && isNode(value)) {
      out.items = forEditors(value, `${path}[]`);
    } else if ((key === "anyOf" || key === "oneOf" || key === "allOf") && Array.isArray(value)) {
      out[key] = value.map((option: JsonSchema) => forEditors(option, path));
    } else if ((key === "additionalProperties" || key === "propertyNames") && isNode(value)) {
      out[key] = forEditors(value, `${path}{}`);
    } else {
      out[key] = value;
    }
  }
  const doc = CONFIG_FIELDS[path];
  if (doc) out.description = hoverText(doc);
  return out;
}

/** The JSON Schema of an environment's config file. */
export function environmentJsonSchema(): JsonSchema {
  const emitted = z.toJSONSchema(environmentConfigSchema, { target: "draft-7", io: "input" }) as JsonSchema;
  return {
    $schema: emitted.$schema,
    title: "MWAA environment config",
    description: "One environment of secure-mwaa-cdktf: config/<name>.json. The synth validates more than this schema can say (rules between fields); run it to be sure.",
    ...forEditors(emitted, ""),
  };
}

/** The committed file's text: two-space JSON, one trailing line break. */
export function renderEnvironmentJsonSchema(): string {
  return `${JSON.stringify(environmentJsonSchema(), null, 2)}\n`;
}
