import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { CONFIG_FIELDS, fieldDoc, knownKeys, renderConfigReference, schemaFields, undocumentedFields } from "../../config/reference";
import { REPO_ROOT } from "../helpers/config-fixtures";

describe("the config reference, read from the schema", () => {
  it("documents every field of the schema, with what it does and what is allowed", () => {
    expect(undocumentedFields()).toEqual([]);
  });

  it("finds no documentation on a field the schema leaves undescribed", () => {
    const schema = z.strictObject({ described: z.string().meta({ description: "d", allowed: "a" }), bare: z.string(), half: z.string().meta({ description: "d" }) });
    expect(undocumentedFields(schema)).toEqual(["bare", "half"]);
  });

  it("walks nested objects and list items, and describes neither an object nor a list of scalars' items", () => {
    const schema = z.strictObject({ a: z.strictObject({ b: z.string() }).default({ b: "x" }), list: z.array(z.strictObject({ c: z.number() })), words: z.array(z.string()) });
    expect(schemaFields(schema).map((f) => f.path)).toEqual(["a.b", "list", "list[].c", "words"]);
  });

  it("gives a union of objects the fields of all its options, each once", () => {
    const doc = { description: "d", allowed: "a" };
    const network = z.discriminatedUnion("mode", [
      z.strictObject({ mode: z.literal("create").meta(doc), vpcCidr: z.string().meta(doc) }),
      z.strictObject({ mode: z.literal("existing").meta(doc), vpcId: z.string().meta(doc) }),
    ]);
    const schema = z.strictObject({ network, id: z.union([z.string(), z.number()]).meta(doc) });
    expect(schemaFields(schema).map((f) => f.path)).toEqual(["network.mode", "network.vpcCidr", "network.vpcId", "id"]);
    expect(undocumentedFields(schema)).toEqual([]);
  });

  it("reads .meta() set before .default() as well as after it, and the default from .default()", () => {
    expect(CONFIG_FIELDS["airflow.environmentClass"]).toMatchObject({ allowed: expect.stringMatching(/^one of mw1\.micro/), default: "mw1.small" });
    const before = z.strictObject({ level: z.enum(["A", "B"]).meta({ description: "inner", allowed: "A or B" }).default("B") });
    const after = z.strictObject({ level: z.enum(["A", "B"]).default("B").meta({ description: "outer", allowed: "A or B" }) });
    expect(undocumentedFields(before)).toEqual([]);
    expect(undocumentedFields(after)).toEqual([]);
  });

  it("shows a derived default as written, an optional field without one as none, and a required field without a default", () => {
    expect(CONFIG_FIELDS["airflow.maxWorkers"].default).toMatch(/^10 \(or workerQuota if lower/);
    expect(CONFIG_FIELDS["state.organization"].default).toBe("none");
    expect(CONFIG_FIELDS["logging.retentionDays"].default).toBe("365");
    expect(CONFIG_FIELDS["network.webserverIngressCidrs"].default).toMatch(/^\[\] /);
    expect(CONFIG_FIELDS.name.default).toBeUndefined();
  });

  it("gives a field inside a list item its own entry, and a key under a record its record's", () => {
    expect(fieldDoc("network.privateSubnets[1].cidr")).toBe(CONFIG_FIELDS["network.privateSubnets[].cidr"]);
    expect(fieldDoc("airflow.configurationOptions.core.parallelism")).toBe(CONFIG_FIELDS["airflow.configurationOptions"]);
  });

  it("knows the keys each object accepts, in the schema's order", () => {
    expect(knownKeys("")).toEqual(expect.arrayContaining(["$schema", "name", "airflow", "tags"]));
    expect(knownKeys("network.privateSubnets[0]")).toEqual(["cidr", "subnetId", "availabilityZone"]);
    expect(knownKeys("logging.levels")).toEqual(["dagProcessing", "scheduler", "task", "webserver", "worker"]);
    expect(knownKeys("tags")).toEqual([]);
  });

  it("is what README.md shows (run `npm run docs` after changing it)", () => {
    const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
    const section = readme.split("<!-- config-reference:start -->")[1]?.split("<!-- config-reference:end -->")[0];
    expect(section?.trim()).toBe(renderConfigReference());
  });
});
