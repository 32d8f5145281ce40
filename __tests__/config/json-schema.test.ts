import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Ajv, { ErrorObject } from "ajv";
import { ENVIRONMENT_JSON_SCHEMA_FILE, environmentJsonSchema, renderEnvironmentJsonSchema } from "../../config/json-schema";
import { ENVIRONMENT_CLASSES, LOG_RETENTION_DAYS } from "../../config/mwaa-limits";
import { validateEnvironmentConfig } from "../../config/load";
import { CONFIG_FIELDS } from "../../config/reference";
import { exampleRaw, FIXTURE_CONFIG_DIR, problemsAfter, REPO_ROOT } from "../helpers/config-fixtures";

const committedFile = join(REPO_ROOT, ENVIRONMENT_JSON_SCHEMA_FILE);
const committed = () => readFileSync(committedFile, "utf8");

/** The committed schema as an editor reads it, compiled once by Ajv 6 (draft-07, its default). */
const validate = new Ajv({ allErrors: true }).compile(JSON.parse(committed()));

/** What the JSON Schema finds wrong with a config, one line per problem, naming the field. */
function schemaErrors(config: unknown): string[] {
  if (validate(config)) return [];
  return (validate.errors ?? []).map((error: ErrorObject) => {
    const params = error.params as { additionalProperty?: string; allowedValues?: unknown[] };
    const field = error.dataPath.replace(/^\./, "") + (params.additionalProperty ? `.${params.additionalProperty}` : "");
    return `${field.replace(/^\./, "")}: ${error.message}`;
  });
}

/** The example after `edit`, as a plain object. */
function exampleAfter(edit: (raw: Record<string, any>) => void): Record<string, any> {
  const raw = exampleRaw();
  edit(raw);
  return raw;
}

const emitted = environmentJsonSchema();

/** A JSON Schema node at a reference path (`a.b`, list items as `a[]`). */
function nodeAt(path: string): Record<string, any> {
  let node: Record<string, any> = emitted;
  for (const segment of path.split(/\.|(?=\[\])/)) node = segment === "[]" ? node.items : node.properties[segment];
  return node;
}

describe("the config's JSON Schema", () => {
  it("is committed as the zod schema emits it (run `npm run docs` after changing config/schema.ts)", () => {
    expect(committed()).toBe(renderEnvironmentJsonSchema());
  });

  it("is what the example's $schema names, from the example's own folder", () => {
    expect(resolve(FIXTURE_CONFIG_DIR, exampleRaw().$schema)).toBe(committedFile);
  });

  it("accepts the example environment", () => {
    expect(schemaErrors(exampleRaw())).toEqual([]);
  });

  it("accepts the smallest config the synth accepts, every default left out", () => {
    const { name, account, region, network, tags } = exampleRaw();
    const smallest = { name, account, region, network: { vpcCidr: network.vpcCidr, privateSubnets: network.privateSubnets }, tags };
    expect(validateEnvironmentConfig(JSON.stringify(smallest), "example.json")).toMatchObject({ ok: true });
    expect(schemaErrors(smallest)).toEqual([]);
  });

  // Each bad file is refused by the JSON Schema (what an editor marks) and by the synth alike.
  it.each<[string, (raw: Record<string, any>) => void, string]>([
    ["an unknown key", (r) => (r.airflow.maxWorker = 3), "airflow.maxWorker: should NOT have additional properties"],
    ["a wrong type", (r) => (r.airflow.maxWorkers = "5"), "airflow.maxWorkers: should be integer"],
    ["an out-of-range number", (r) => (r.encryption.keyDeletionWindowDays = 3), "encryption.keyDeletionWindowDays: should be >= 7"],
    ["a bad enum value", (r) => (r.airflow.environmentClass = "mw1.huge"), "airflow.environmentClass: should be equal to one of the allowed values"],
    ["a retention CloudWatch does not accept", (r) => (r.logging.retentionDays = 100), "logging.retentionDays: should be equal to one of the allowed values"],
    ["a missing required field", (r) => delete r.network.vpcCidr, "network: should have required property 'vpcCidr'"],
    ["a third subnet", (r) => r.network.privateSubnets.push({ cidr: "10.40.32.0/20", availabilityZone: "eu-west-1c" }), "network.privateSubnets: should NOT have more than 2 items"],
    ["a $schema that is not a string", (r) => (r.$schema = 7), "$schema: should be string"],
  ])("refuses %s, naming the field", (_, edit, expected) => {
    expect(schemaErrors(exampleAfter(edit))).toContain(expected);
    expect(problemsAfter(edit)).not.toEqual([]);
  });

  it("lets editors show every field's description, allowed values and default", () => {
    for (const [path, doc] of Object.entries(CONFIG_FIELDS)) {
      const description = nodeAt(path).description;
      expect(description).toContain(doc.description);
      expect(description).toContain(`Allowed: ${doc.allowed}`);
      expect(description).toContain(doc.default === undefined ? "Required." : `Default: ${doc.default}`);
    }
  });

  it("lists the values of closed sets, for editors to complete", () => {
    expect(nodeAt("airflow.environmentClass").enum).toEqual(ENVIRONMENT_CLASSES);
    expect(nodeAt("network.flowLogRetentionDays").enum).toEqual(LOG_RETENTION_DAYS);
    expect(nodeAt("logging.levels.task")).toMatchObject({ enum: ["CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"], default: "INFO" });
  });

  it("keeps out what is not JSON Schema: the reference's own meta keys and JavaScript's integer limits", () => {
    expect(committed()).not.toMatch(/"(allowed|defaultText)":|9007199254740991/);
  });

  it("is draft-07, which Ajv 6 and editors read, and lives outside the folder the synth reads environments from", () => {
    expect(environmentJsonSchema().$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(dirname(ENVIRONMENT_JSON_SCHEMA_FILE)).not.toBe("config");
  });
});
