import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { StackJson } from "./synth";

/**
 * Every change the offline plan makes to a synthesized stack, each something the real provider
 * would not have read: where state lives (no bucket, no HCP Terraform here) and which provider
 * version runs (no registry to fetch the pinned one). Resources, data sources, outputs, the provider
 * block (region, allowed_account_ids, default_tags) and every other argument are planned as written.
 */
export const OFFLINE_REWRITES = {
  providerVersion: "terraform.required_providers.aws.version: the pinned version becomes the mirror's (no registry here to install the pinned one)",
  backend: "terraform.backend (s3 or local) or terraform.cloud becomes `backend \"local\" {}` (state in the plan's folder; no bucket or HCP Terraform to reach)",
  remoteState: "data.terraform_remote_state.<name>: backend s3 or remote becomes local, reading a state file holding the producer stack's outputs",
  newerArguments: "arguments the mirror's provider is too old to know are removed (listed in ARGUMENTS_NEWER_THAN_THE_MIRROR)",
  preventDestroy:
    "lifecycle.prevent_destroy is removed, only in the copy planned to show what a replacement destroys (withoutPreventDestroy): with it, Terraform saves no plan that destroys a protected resource",
} as const;
export type OfflineRewrite = keyof typeof OFFLINE_REWRITES;

/**
 * Arguments the stacks' pinned provider (6.x) reads and a 5.x provider does not have, by resource
 * type. Removed only when the mirror's provider is older than 6.0; the plan then cannot show whether
 * they are accepted.
 */
export const ARGUMENTS_NEWER_THAN_THE_MIRROR: Record<string, readonly string[]> = {
  aws_mwaa_environment: ["worker_replacement_strategy"],
};

/** Plausible ids for outputs that are a resource's `id`, by the resource's type. */
const ID_PREFIXES: Record<string, string> = { aws_vpc: "vpc", aws_subnet: "subnet", aws_security_group: "sg" };

/** A synthesized stack as the app wrote it: its folder and its parsed `cdk.tf.json`. */
export interface WrittenStack {
  readonly name: string;
  readonly dir: string;
  readonly json: StackJson;
}

export interface OfflineStack {
  readonly name: string;
  /** The copy Terraform runs in. */
  readonly dir: string;
  /** The configuration as rewritten. */
  readonly json: StackJson;
  readonly rewrites: readonly OfflineRewrite[];
  /** `<type>.<name>.<argument>` of every argument removed as newer than the mirror's provider. */
  readonly removedArguments: readonly string[];
  /** Outputs each `terraform_remote_state` reads, by the data source's name. */
  readonly remoteOutputs: Readonly<Record<string, Record<string, unknown>>>;
}

/**
 * Copies a stack's folder (its `cdk.tf.json` and whatever else the app wrote there, assets included)
 * to `dir` and rewrites it to plan offline against the mirror's provider.
 */
export function prepareOfflineStack(stack: WrittenStack, all: readonly WrittenStack[], dir: string, providerVersion: string, terraformVersion: string): OfflineStack {
  cpSync(stack.dir, dir, { recursive: true });
  const json: StackJson = JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8"));
  const rewrites = new Set<OfflineRewrite>();

  const aws = json.terraform?.required_providers?.aws;
  if (!aws) throw new Error(`${stack.name}: no terraform.required_providers.aws to point at the mirror`);
  if (aws.version !== providerVersion) {
    aws.version = providerVersion;
    rewrites.add("providerVersion");
  }

  if (json.terraform.cloud || JSON.stringify(json.terraform.backend) !== JSON.stringify({ local: {} })) {
    delete json.terraform.cloud;
    json.terraform.backend = { local: {} };
    rewrites.add("backend");
  }

  const remoteOutputs: Record<string, Record<string, unknown>> = {};
  for (const [name, source] of Object.entries<any>(json.data?.terraform_remote_state ?? {})) {
    const producer = producerOf(source, all);
    if (!producer) throw new Error(`${stack.name}: terraform_remote_state.${name} reads a state no synthesized stack writes: ${JSON.stringify(source.config)}`);
    const outputs = madeUpOutputs(producer);
    const stateFile = join(dir, "remote-states", `${producer.name}.tfstate`);
    mkdirSync(join(dir, "remote-states"), { recursive: true });
    writeFileSync(stateFile, stateDocument(terraformVersion, { outputs }));
    source.backend = "local";
    source.config = { path: stateFile };
    remoteOutputs[name] = outputs;
    rewrites.add("remoteState");
  }

  const removedArguments: string[] = [];
  if (major(providerVersion) < 6) {
    for (const [type, names] of Object.entries(ARGUMENTS_NEWER_THAN_THE_MIRROR)) {
      for (const [name, resource] of Object.entries<any>(json.resource?.[type] ?? {})) {
        for (const argument of names.filter((a) => a in resource)) {
          delete resource[argument];
          removedArguments.push(`${type}.${name}.${argument}`);
          rewrites.add("newerArguments");
        }
      }
    }
  }

  writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify(json, null, 2));
  return { name: stack.name, dir, json, rewrites: [...rewrites], removedArguments, remoteOutputs };
}

const major = (version: string) => parseInt(version.split(".")[0], 10);

/** The stack whose own backend writes the state a `terraform_remote_state` reads. */
function producerOf(source: any, all: readonly WrittenStack[]): WrittenStack | undefined {
  const { backend, config } = source;
  return all.find(({ json }) => {
    const s3 = json.terraform?.backend?.s3;
    const cloud = json.terraform?.cloud;
    if (backend === "s3" && s3) return s3.bucket === config.bucket && s3.key === config.key && s3.region === config.region;
    if (backend === "remote" && cloud) {
      return cloud.organization === config.organization && cloud.workspaces?.name === config.workspaces?.name && (cloud.hostname ?? "app.terraform.io") === (config.hostname ?? "app.terraform.io");
    }
    return false;
  });
}

/**
 * The producer's outputs with made-up values, named after its own `output` blocks: an output that
 * is a resource's `id` (or a list of them) gets a plausible id of that resource's kind; a literal id
 * (a network team's VPC, subnet or group the config names) is its own value.
 */
export function madeUpOutputs(producer: WrittenStack): Record<string, unknown> {
  let counter = 0;
  const plausibleId = (expression: unknown, output: string): string => {
    if (typeof expression === "string" && new RegExp(`^(${Object.values(ID_PREFIXES).join("|")})-[0-9a-f]+$`).test(expression)) return expression;
    const type = /^\$\{(aws_[a-z0-9_]+)\.[^.}]+\.id\}$/.exec(String(expression))?.[1];
    const prefix = type && ID_PREFIXES[type];
    if (!prefix) throw new Error(`${producer.name}: no plausible value for output ${output} = ${JSON.stringify(expression)}; add its resource type to ID_PREFIXES`);
    return `${prefix}-0123456789abcdef${(counter++).toString(16)}`;
  };
  return Object.fromEntries(
    Object.entries<any>(producer.json.output ?? {}).map(([name, { value }]) => [
      name,
      Array.isArray(value) ? value.map((element) => plausibleId(element, name)) : plausibleId(value, name),
    ]),
  );
}

/** A Terraform state file (format version 4) holding the given outputs and managed resources. */
export function stateDocument(terraformVersion: string, content: { outputs?: Record<string, unknown>; resources?: unknown[] }): string {
  const outputs = Object.fromEntries(
    Object.entries(content.outputs ?? {}).map(([name, value]) => [
      name,
      { value, type: Array.isArray(value) ? ["tuple", value.map(() => "string")] : "string" },
    ]),
  );
  return JSON.stringify(
    { version: 4, terraform_version: terraformVersion, serial: 1, lineage: "0f0f0f0f-0000-4000-8000-000000000000", outputs, resources: content.resources ?? [], check_results: null },
    null,
    2,
  );
}

/** A managed resource of the aws provider, as a state file holds it. */
export function stateResource(type: string, name: string, attributes: Record<string, unknown>): unknown {
  return {
    mode: "managed",
    type,
    name,
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances: [{ schema_version: 0, attributes, sensitive_attributes: [] }],
  };
}

/**
 * The `preventDestroy` rewrite, in a copy of a stack's folder: removes `lifecycle.prevent_destroy`
 * from every resource of its `cdk.tf.json`, so that a plan replacing a protected resource is saved
 * and `terraform show -json` can tell which arguments force the replacement. Returns the addresses
 * it was removed from.
 */
export function withoutPreventDestroy(dir: string): string[] {
  const file = join(dir, "cdk.tf.json");
  const json: StackJson = JSON.parse(readFileSync(file, "utf8"));
  const unprotected: string[] = [];
  for (const [type, blocks] of Object.entries<any>(json.resource ?? {})) {
    for (const [name, block] of Object.entries<any>(blocks)) {
      if (block.lifecycle?.prevent_destroy === undefined) continue;
      delete block.lifecycle.prevent_destroy;
      unprotected.push(`${type}.${name}`);
    }
  }
  writeFileSync(file, JSON.stringify(json, null, 2));
  return unprotected;
}
