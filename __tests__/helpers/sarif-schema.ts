import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv, { ErrorObject, ValidateFunction } from "ajv";

/**
 * The SARIF 2.1.0 schema as OASIS published it (Errata 01), vendored unchanged: where it comes from
 * and its SHA-256 are in the .md beside it. GitHub code scanning takes SARIF 2.1.0, and refuses an
 * upload that does not follow this schema.
 */
export const SARIF_SCHEMA_FILE = join(__dirname, "..", "fixtures", "sarif-schema-2.1.0.json");

let validate: ValidateFunction | undefined;

/**
 * What is wrong with a SARIF log against the published schema, one line per problem, each naming
 * where in the log it is (`$.runs[0].results[0]`); empty when the log is valid.
 */
export function sarifSchemaErrors(log: unknown): string[] {
  validate ??= compileSchema();
  if (validate(log)) return [];
  return [...new Set((validate.errors ?? []).map(describe))];
}

function compileSchema(): ValidateFunction {
  // The published schema is JSON Schema draft-04 (`id`, not `$id`): Ajv 6 reads it with draft-04's
  // meta-schema alone (`meta: false` leaves out its default, draft-07). Formats are checked in full
  // (uri, uri-reference, date-time), as the schema asks.
  const ajv = new Ajv({ schemaId: "id", meta: false, allErrors: true, format: "full" });
  ajv.addMetaSchema(readJson(require.resolve("ajv/lib/refs/json-schema-draft-04.json")));
  return ajv.compile(readJson(SARIF_SCHEMA_FILE));
}

function readJson(file: string): object {
  return JSON.parse(readFileSync(file, "utf8"));
}

function describe(error: ErrorObject): string {
  const where = `$${error.dataPath}`;
  const params = error.params as { allowedValues?: unknown[]; additionalProperty?: string };
  if (params.allowedValues) return `${where}: ${error.message} (${params.allowedValues.map((value) => JSON.stringify(value)).join(", ")})`;
  if (params.additionalProperty) return `${where}: ${error.message} (${JSON.stringify(params.additionalProperty)})`;
  return `${where}: ${error.message}`;
}
