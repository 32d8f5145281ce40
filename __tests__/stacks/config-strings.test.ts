import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { validateEnvironmentConfig } from "../../config/load";
import { environmentConfigSchema } from "../../config/schema";
import { stringsOf } from "../../modules/guardrails/expressions";
import { SynthesizedStack } from "../../modules/guardrails/synthesized-stack";
import { synthesizeEnvironments } from "../../stacks/synthesize";
import { exampleRaw } from "../helpers/config-fixtures";
import { inHclMode, synthEnvironment, TODAY } from "../helpers/synth";

/*
 * Config files arrive in pull requests from many teams. Every string a config file can hold is
 * either refused, with a message naming the field, or reaches Terraform as literal text: never as
 * an expression that reads the files of the machine that runs `terraform plan`.
 */

type JsonSchema = Record<string, any>;
type Segment = string | number;
/** Where a string sits: a value at `path`, or the key of a new entry of the object at `path`. */
type Slot = { path: Segment[]; kind: "value" | "key" };

/** A key every record of the schema accepts (tags, configurationOptions). */
const RECORD_KEY = "core.injected";

/** Every place a config file can hold a string, read from the schema itself. */
function stringSlots(schema: JsonSchema, path: Segment[] = []): Slot[] {
  const alternatives = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap((s: JsonSchema) => stringSlots(s, path));
  if (schema.type === "string") return [{ path, kind: "value" }, ...alternatives];
  if (schema.type === "array") return [...stringSlots(schema.items, [...path, 0]), ...alternatives];
  if (schema.type === "object") {
    const properties = Object.entries<JsonSchema>(schema.properties ?? {}).flatMap(([key, sub]) => stringSlots(sub, [...path, key]));
    const record = typeof schema.additionalProperties === "object" ? [{ path, kind: "key" as const }, ...stringSlots(schema.additionalProperties, [...path, RECORD_KEY])] : [];
    return [...properties, ...record, ...alternatives];
  }
  return alternatives;
}

/**
 * What a hostile config value tries: interpolations reading the planning machine, a directive, and
 * what cdktf's HCL renderer cannot carry (a quote beside `${`, backslashes it would not escape, a
 * line break that makes a heredoc its text can end), and cdktf's own token markers, which it would
 * replace with another resource's or stack's value. `marker` finds the value in the output.
 */
const PAYLOADS = [
  { text: '${file("/etc/passwd")}', marker: "/etc/passwd" },
  { text: "${upper(path.cwd)}", marker: "path.cwd" },
  { text: "%{if(true)}x%{endif}", marker: "if(true)" },
  { text: "C:\\new\\table", marker: "C:" },
  { text: "line\nEOF\nlocals {}", marker: "line" },
  { text: "${TfToken[TOKEN.2]}", marker: "TOKEN.2" },
  { text: "a #{TfToken[TOKEN.1]} &{TfToken[TOKEN.3]}", marker: "TOKEN.1" },
  { text: 'a "quoted" word', marker: '"quoted"' },
];

/** Config files that use every part of the schema: one with S3 state, one with HCP Terraform. */
const BASES: Record<string, () => Record<string, any>> = {
  "s3 state": () => withAcknowledgement(exampleRaw()),
  "HCP Terraform state": () => withAcknowledgement({ ...exampleRaw(), state: { backend: "hcp", organization: "acme", workspacePrefix: "mwaa-", hostname: "app.terraform.io" } }),
};

function withAcknowledgement(raw: Record<string, any>) {
  raw.guardrails = { acknowledgements: [{ rule: "LOGS.RETENTION", resource: "example-mwaa/log-groups/*", reason: "A reviewed, time-boxed exception", expires: "2027-01-31" }] };
  return raw;
}

function inject(raw: Record<string, any>, slot: Slot, payload: string): string {
  let target = raw;
  // A field the base leaves out is made as what the next segment indexes: a list for [0], else an object.
  slot.path.slice(0, slot.kind === "key" ? undefined : -1).forEach((segment, index) => {
    target[segment as string] ??= typeof slot.path[index + 1] === "number" ? [] : {};
    target = target[segment as string];
  });
  if (slot.kind === "key") {
    target[payload] = "x";
    return slot.path.join(".");
  }
  target[slot.path[slot.path.length - 1] as string] = payload;
  return slot.path.map((s) => (typeof s === "number" ? `[${s}]` : s)).join(".").replace(/\.\[/g, "[");
}

/** What Terraform's template lexer would evaluate in `text`: each `${` or `%{` not part of a `$${` or `%%{` escape. */
function evaluated(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith("$${", i) || text.startsWith("%%{", i)) i += 2;
    else if (text.startsWith("${", i) || text.startsWith("%{", i)) found.push(text.slice(i + 2));
  }
  return found;
}

/** The expressions of the payloads: what must never be evaluated. */
const PAYLOAD_EXPRESSIONS = ["file(", "upper(", "if(true)", "endif"];

/** Free-text fields written into the Terraform configuration. */
const TERRAFORM_TEXT_FIELDS = ["airflow.dagS3Path", `airflow.configurationOptions.${RECORD_KEY}`];

const label = (slot: Slot) => `${slot.path.join(".")}${slot.kind === "key" ? " (key)" : ""}`;
const newOutdir = () => mkdtempSync(join(tmpdir(), "mwaa-config-strings-"));

const slots = stringSlots(z.toJSONSchema(environmentConfigSchema, { io: "input", unrepresentable: "any" }) as JsonSchema);

describe("every string field of the config schema", () => {
  it("is found by walking the schema", () => {
    const fields = slots.map(label);
    expect(fields).toEqual(expect.arrayContaining(["airflow.dagS3Path", "airflow.configurationOptions (key)", `airflow.configurationOptions.${RECORD_KEY}`, "tags (key)", `tags.${RECORD_KEY}`, "network.privateSubnets.0.cidr", "guardrails.acknowledgements.0.reason", "state.organization"]));
    expect(fields.length).toBeGreaterThan(25);
  });

  describe.each(Object.keys(BASES))("in a config with %s", (base) => {
    it.each(PAYLOADS.map((p) => [JSON.stringify(p.text), p] as const))(
      "holding %s is refused naming the field, or reaches the Terraform of every stack, JSON and HCL, as literal text",
      async (_, payload) => {
        const accepted: Slot[] = [];
        const refusedWithoutNamingTheField: string[] = [];
        for (const slot of slots) {
          const raw = BASES[base]();
          const field = inject(raw, slot, payload.text);
          const result = validateEnvironmentConfig(JSON.stringify(raw), "example.json");
          if (result.ok) accepted.push(slot);
          else if (!result.problems.some((p) => p.startsWith(field))) refusedWithoutNamingTheField.push(`${label(slot)}: ${result.problems.join("; ")}`);
        }
        expect(refusedWithoutNamingTheField).toEqual([]);

        const raw = BASES[base]();
        for (const slot of accepted) inject(raw, slot, payload.text);
        const result = validateEnvironmentConfig(JSON.stringify(raw), "example.json");
        if (!result.ok) throw new Error(result.problems.join("\n"));
        const json = await synthesizeEnvironments([result.config], { outdir: newOutdir(), today: TODAY });
        const hcl = await inHclMode(() => synthesizeEnvironments([result.config], { outdir: newOutdir(), today: TODAY }));
        for (const { stacks } of [json, hcl]) {
          const run = stacks.flatMap((stack) => stringsOf(stack.json, (text) => evaluated(text).some((e) => PAYLOAD_EXPRESSIONS.some((p) => e.startsWith(p)))));
          expect(run).toEqual([]);
        }
        const carrying = (stacks: readonly SynthesizedStack[]) => stacks.flatMap((stack) => stringsOf(stack.json, (t) => t.includes(payload.marker)).map((s) => s.text)).sort();
        expect(carrying(hcl.stacks)).toEqual(carrying(json.stacks));
        // Where a field that reaches Terraform took the value, the checks above saw it there.
        if (accepted.some((slot) => TERRAFORM_TEXT_FIELDS.includes(label(slot)))) expect(carrying(json.stacks).length).toBeGreaterThan(0);
      },
    );
  });
});

describe("free-text config values", () => {
  it("reach the environment as Terraform literals of exactly what the file says", () => {
    const raw = exampleRaw();
    raw.airflow.dagS3Path = "dags/${path.cwd}";
    raw.airflow.configurationOptions["core.injected"] = "%{ for x in [1] }${x}%{ endfor }";
    const result = validateEnvironmentConfig(JSON.stringify(raw), "example.json");
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const environment = Object.values<any>(synthEnvironment(result.config).mwaa.resource.aws_mwaa_environment)[0];
    expect(environment.dag_s3_path).toBe("dags/$${path.cwd}");
    expect(environment.airflow_configuration_options["core.injected"]).toBe("%%{ for x in [1] }$${x}%%{ endfor }");
  });
});
