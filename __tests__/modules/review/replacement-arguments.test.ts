import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { JUDGED_RESOURCE_TYPES } from "../../../modules/guardrails/judged-resource-types";
import { STATEFUL_RESOURCES } from "../../../modules/guardrails/stateful-resources";
import { AWS_PROVIDER_VERSION } from "../../../modules/terraform/aws-provider-version";
import { ARGUMENTS_FORCING_REPLACEMENT, REPLACEMENT_ARGUMENTS_SOURCE, ReplacementArgument } from "../../../modules/review/replacement-arguments";

/*
 * The table of arguments forcing replacement is generated from the provider's Go source
 * (scripts/extract-replacement-arguments.js). This checks it against a second reading of the same
 * provider version: the resource classes @cdktf/provider-aws generated from the provider's schema,
 * whose `synthesizeAttributes` and `...ToTerraform` functions name every argument and nested block
 * argument a configuration can set.
 */

const PROVIDER_LIB = join(dirname(require.resolve("@cdktf/provider-aws/package.json")), "lib");

/** The generated JavaScript of a resource type (`aws_mwaa_environment` -> lib/mwaa-environment/index.js). */
function resourceModule(type: string): string {
  const text = readFileSync(join(PROVIDER_LIB, type.replace(/^aws_/, "").replace(/_/g, "-"), "index.js"), "utf8");
  // `X.tfResourceType = "aws_x";` in cdktf's bindings, `static tfResourceType = "aws_x";` in cdktn's.
  if (![`.tfResourceType = "${type}";`, `static tfResourceType = "${type}";`].some((line) => text.includes(line))) throw new Error(`the module for ${type} declares another resource type`);
  return text;
}

/** `name -> the function mapping that block's arguments`, from `{ name: expr, ... }` (undefined for a plain value). */
function mappedArguments(body: string): Map<string, string | undefined> {
  const names = new Map<string, string | undefined>();
  for (const m of body.matchAll(/^\s+(\w+): (.*),$/gm)) names.set(m[1], /(?:^|[^.\w])(\w+ToTerraform)\b/.exec(m[2])?.[1]);
  return names;
}

/** The argument paths (`block.argument`, no indexes) a resource type's configuration can set. */
function providerArgumentPaths(type: string): Set<string> {
  const text = resourceModule(type);
  // The object literal a function or method returns: from `return {` to the `};` indented as it is.
  const body = (from: RegExp) => {
    const start = text.search(from);
    const open = start < 0 ? null : /\n( +)return \{\n/.exec(text.slice(start));
    if (!open) throw new Error(`${type}: ${from} returning an object not found in the generated module`);
    const objectStart = start + open.index + open[0].length;
    return text.slice(objectStart, text.indexOf(`\n${open[1]}};`, objectStart));
  };
  const paths = new Set<string>();
  const walk = (mapping: Map<string, string | undefined>, prefix: string, depth: number) => {
    for (const [name, toTerraform] of mapping) {
      paths.add(prefix + name);
      if (toTerraform && depth < 8) walk(mappedArguments(body(new RegExp(`^function ${toTerraform}\\(struct\\) \\{`, "m"))), `${prefix}${name}.`, depth + 1);
    }
  };
  walk(mappedArguments(body(/^ {4}synthesizeAttributes\(\) \{/m)), "", 0);
  return paths;
}

/** `<type> <path>` of every table entry that names no argument of its type. */
function unknownArguments(table: Readonly<Record<string, readonly ReplacementArgument[]>>): string[] {
  return Object.entries(table).flatMap(([type, entries]) => {
    const known = providerArgumentPaths(type);
    return entries.filter(({ path }) => !known.has(path)).map(({ path }) => `${type} ${path}`);
  });
}

const required = [...new Set([...JUDGED_RESOURCE_TYPES, ...Object.keys(STATEFUL_RESOURCES)])].sort();
const missingTypes = (table: Readonly<Record<string, unknown>>) => required.filter((type) => !(type in table));

describe("the arguments that force replacement, read from the AWS provider's source", () => {
  it("names where it was read, at the provider version the stacks pin", () => {
    // The binding writes its own version into every stack; TERRAFORM.OPAQUE fails one that is not AWS_PROVIDER_VERSION.
    const generatedFor = /providerVersion: '([^']+)'/.exec(resourceModule("aws_mwaa_environment"))![1];
    expect(generatedFor).toBe(AWS_PROVIDER_VERSION);
    expect(REPLACEMENT_ARGUMENTS_SOURCE).toMatchObject({ repository: "hashicorp/terraform-provider-aws", revision: `v${AWS_PROVIDER_VERSION}` });
    expect(REPLACEMENT_ARGUMENTS_SOURCE.commit).toMatch(/[0-9a-f]{40}$/);
  });

  it("has an entry for every stateful resource type and every judged resource type", () => {
    expect(missingTypes(ARGUMENTS_FORCING_REPLACEMENT)).toEqual([]);
    // The check notices a type left out.
    const { aws_s3_bucket: _left, ...withoutBucket } = ARGUMENTS_FORCING_REPLACEMENT;
    expect(missingTypes(withoutBucket)).toEqual(["aws_s3_bucket"]);
  });

  it("lists only arguments the provider really has, nested ones by their block", () => {
    expect(unknownArguments(ARGUMENTS_FORCING_REPLACEMENT)).toEqual([]);
    // The check notices a misspelt argument and a nested argument named without its block.
    expect(unknownArguments({ aws_mwaa_environment: [{ path: "network_configuration.subnet_idz" }, { path: "subnet_ids" }, { path: "network_configuration.subnet_ids" }] })).toEqual([
      "aws_mwaa_environment network_configuration.subnet_idz",
      "aws_mwaa_environment subnet_ids",
    ]);
  });

  it("lists each argument once per type, a condition in words where there is one", () => {
    for (const [type, entries] of Object.entries(ARGUMENTS_FORCING_REPLACEMENT)) {
      expect([type, new Set(entries.map((e) => e.path)).size]).toEqual([type, entries.length]);
      for (const { when } of entries) if (when !== undefined) expect(when).toMatch(/^[a-z(].{10,}[a-z0-9)]$/);
    }
  });

  it("holds what the issue names: a DAG bucket's name, a major Airflow version, a subnet's zone, a VPC's CIDR, the environment's key", () => {
    const paths = (type: string) => ARGUMENTS_FORCING_REPLACEMENT[type].map((e) => (e.when ? `${e.path} (conditional)` : e.path));
    expect(paths("aws_s3_bucket")).toEqual(expect.arrayContaining(["bucket", "bucket_prefix"]));
    expect(paths("aws_mwaa_environment")).toEqual(expect.arrayContaining(["name", "kms_key", "network_configuration.subnet_ids", "airflow_version (conditional)"]));
    expect(ARGUMENTS_FORCING_REPLACEMENT.aws_mwaa_environment.find((e) => e.path === "airflow_version")?.when).toMatch(/major/);
    expect(paths("aws_subnet")).toEqual(expect.arrayContaining(["availability_zone", "cidr_block"]));
    expect(paths("aws_vpc")).toEqual(expect.arrayContaining(["cidr_block"]));
    expect(paths("aws_cloudwatch_log_group")).toEqual(expect.arrayContaining(["name"]));
    expect(paths("aws_kms_key")).toEqual(expect.arrayContaining(["key_usage", "customer_master_key_spec", "multi_region"]));
  });
});
