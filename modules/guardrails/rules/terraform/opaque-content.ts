import { AWS_PROVIDER_VERSION } from "../../../terraform/aws-provider-version";
import { stringsOf, unreadableCall } from "../../expressions";
import { check, Evaluation, Rule } from "../../rule";
import { SynthesizedStack } from "../../synthesized-stack";
import { block } from "../../terraform-document";

/** Providers whose resources the rules know how to read: AWS, and Terraform's built-in one. */
const READABLE_PROVIDERS = ["aws", "terraform"];
/** How `required_providers` may name the AWS provider: any other source is another binary. */
const AWS_PROVIDER_SOURCES = ["aws", "hashicorp/aws", "registry.terraform.io/hashicorp/aws"];
/**
 * Top-level blocks the rules read (resource, data, provider, terraform), flag (module) or that
 * cannot change what is deployed (output, variable, locals, import); `removed` and `moved`, which
 * can destroy what they take out of the configuration, are judged by DATA.PREVENT_DESTROY. Any other kind (`check` with its scoped data sources, `ephemeral`...) is
 * read by no rule.
 */
const KNOWN_TOP_LEVEL = ["//", "resource", "data", "module", "provider", "terraform", "output", "variable", "locals", "moved", "import", "removed"];

/** How to fix a provider version other than the one checked against (the rule's fix is about opaque blocks). */
const REPIN = ` (pin exactly ${AWS_PROVIDER_VERSION}: drop the override, or move AWS_PROVIDER_VERSION in modules/terraform/aws-provider-version.ts with the provider binding, once the rules are checked against that version)`;

const providerOf = (type: string) => type.split("_")[0];
/** The provider local name of a `provider` argument: `aws.us` or `${aws.us}` is `aws`. */
const providerArgument = (value: unknown) => String(value).replace(/^\$\{(.*)\}$/, "$1").split(".")[0];

/** Nested `dynamic` blocks, anywhere in a block body: their content is generated at plan time. */
function hasDynamicBlock(body: unknown): boolean {
  if (Array.isArray(body)) return body.some(hasDynamicBlock);
  if (typeof body !== "object" || body === null) return false;
  return Object.entries(body).some(([key, value]) => key === "dynamic" || hasDynamicBlock(value));
}

/**
 * `count` and `for_each` decide at plan time how many copies of a block deploy: zero copies of a
 * flow log or a public-access block, or several of a policy, while the rules judged exactly one.
 * Only `count = 1` deploys what was judged.
 */
function copiesProblem(config: Record<string, any>): string | undefined {
  if ("for_each" in config) return `for_each = ${JSON.stringify(config.for_each)}: how many copies deploy is decided at plan time, and the rules judged one`;
  if ("count" in config && config.count !== 1) return `count = ${JSON.stringify(config.count)}: how many copies deploy is decided at plan time, and the rules judged one`;
  return undefined;
}

function opaqueParts(stack: SynthesizedStack): Evaluation[] {
  const where = (kind: string, name: string, config: Record<string, any>) => config["//"]?.metadata?.path ?? `${stack.name}/${kind}.${name}`;
  const blockPath = (kind: "resource" | "data", type: string, name: string) => stack.pathOf(kind, type, name);
  const found: Evaluation[] = [];
  const flag = (resource: string, evidence: string) => found.push(check(resource, false, evidence));

  for (const file of stack.foreignFiles) flag(`${stack.name}/${file}`, `${file} sits in the stack's working directory: Terraform loads it, no rule reads it`);
  for (const kind of Object.keys(stack.json).filter((k) => !KNOWN_TOP_LEVEL.includes(k))) {
    flag(`${stack.name}/${kind}`, `top-level ${kind} block: no rule reads what it does`);
  }
  for (const [name, config] of Object.entries<Record<string, any>>(stack.json.module ?? {})) {
    flag(where("module", name, config), `module block from ${config.source ?? "an unknown source"}: its resources are not in this configuration`);
  }
  for (const name of Object.keys(stack.json.provider ?? {})) {
    if (!READABLE_PROVIDERS.includes(name)) flag(`${stack.name}/provider ${name}`, `provider ${name}: the rules read only AWS resources`);
  }
  const awsNames = ["aws"];
  for (const [name, requirement] of Object.entries<any>(stack.json.terraform?.required_providers ?? {})) {
    const source = typeof requirement === "string" ? name : requirement?.source ?? name;
    if (!AWS_PROVIDER_SOURCES.includes(String(source).toLowerCase())) {
      flag(`${stack.name}/required_providers.${name}`, `provider ${name} comes from ${source}, not hashicorp/aws`);
      continue;
    }
    awsNames.push(name);
    // Another version (or a range) installs a provider whose arguments and replacements the rules and the review were not checked against.
    const version = typeof requirement === "string" ? requirement : requirement?.version;
    if (version !== AWS_PROVIDER_VERSION) {
      flag(`${stack.name}/required_providers.${name}`, `provider ${name} is pinned to ${JSON.stringify(version ?? null)}, not ${AWS_PROVIDER_VERSION}, the hashicorp/aws version the rules and the review were checked against${REPIN}`);
    }
  }
  const usesAws = "aws" in (stack.json.provider ?? {}) || (["resource", "data"] as const).some((kind) => Object.keys(stack.json[kind] ?? {}).some((type) => providerOf(type) === "aws"));
  if (usesAws && awsNames.length === 1) {
    flag(`${stack.name}/required_providers.aws`, `no required_providers entry pins hashicorp/aws: Terraform would install its newest version, not ${AWS_PROVIDER_VERSION}, the one the rules and the review were checked against${REPIN}`);
  }
  for (const kind of ["resource", "data"] as const) {
    for (const [type, byName] of Object.entries<Record<string, any>>(stack.json[kind] ?? {})) {
      for (const [name, config] of Object.entries<Record<string, any>>(byName)) {
        const resource = blockPath(kind, type, name);
        if (!READABLE_PROVIDERS.includes(providerOf(type))) flag(resource, `${kind === "data" ? "data source" : "resource"} ${type} of provider ${providerOf(type)}: the rules read only AWS resources`);
        if (config.provider !== undefined && !awsNames.includes(providerArgument(config.provider))) {
          flag(resource, `provider = ${config.provider}: a provider the rules know nothing of`);
        }
        if ("provisioner" in config) flag(resource, "provisioner: runs commands on the machine that applies");
        const copies = copiesProblem(config);
        if (copies) flag(resource, copies);
        const ignored = block(config.lifecycle)?.ignore_changes;
        if (ignored !== undefined && !(Array.isArray(ignored) && ignored.length === 0)) {
          flag(resource, `lifecycle.ignore_changes = ${JSON.stringify(ignored)}: Terraform keeps whatever is deployed for these arguments, so the reviewed values may never be applied`);
        }
        if (hasDynamicBlock(config)) flag(resource, "dynamic block: its content is generated at plan time");
      }
    }
  }
  const configuration = Object.fromEntries(Object.entries(stack.json).filter(([key]) => key !== "//"));
  for (const { path, text } of stringsOf(configuration, (text) => unreadableCall(text) !== undefined)) {
    flag(`${stack.name}/${path.replace(/^\./, "")}`, `${unreadableCall(text)}(...) takes its value from the machine that runs Terraform`);
  }
  return found;
}

export const terraformOpaqueContent: Rule = {
  id: "TERRAFORM.OPAQUE",
  title: "Nothing in the configuration is hidden from the rules",
  evaluates: "the whole configuration: module blocks, non-AWS providers and resources, provisioners, dynamic blocks, count and for_each, lifecycle.ignore_changes, check and ephemeral blocks, file-reading and provider functions, and Terraform files the app did not write",
  sources: ["Project rule: what is judged is what is deployed (fail closed)"],
  explanation:
    "Module blocks, other providers' resources, provisioners, dynamic blocks, functions that read the planning machine's files, and files in the stack's folder that this app did not write all reach Terraform without any rule reading what they do. count and for_each make the number of deployed copies a plan-time decision (a count of 0 removes what the rules certified), and lifecycle.ignore_changes keeps deployed values the review never saw.",
  fix: "Build it from AWS provider resources in this app's constructs, or have it reviewed and acknowledge TERRAFORM.OPAQUE for that resource with a reason and an expiry.",
  evaluate: (stack) => {
    const found = opaqueParts(stack);
    return found.length > 0 ? found : [check(`${stack.name} (configuration)`, true, "only AWS and built-in resources, no module, provisioner, dynamic block or file read")];
  },
};
