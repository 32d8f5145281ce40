import { shown } from "../../own-references";
import { check, Evaluation, Rule } from "../../rule";
import { SynthesizedStack } from "../../synthesized-stack";
import { block } from "../../terraform-document";

const isSet = (value: unknown) => value !== undefined && value !== null;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** HCP Terraform's hostname when a `cloud` or `remote` block names none (Terraform docs). */
const HCP_DEFAULT_HOSTNAME = "app.terraform.io";

/** The folder of an S3 state key: `example/example-network.tfstate` is in `example` (config/names.ts stateObjectKey). */
const folderOf = (key: string) => key.slice(0, key.lastIndexOf("/") + 1);

/**
 * Why an s3 remote state is not this environment's, against the stack's own s3 backend: a key
 * outside the stack's key folder, or any other setting (bucket, region, encryption, endpoint,
 * role...) that differs from the stack's own or that the stack's own backend does not set.
 */
function s3Problems(config: Record<string, any>, own: Record<string, any>): string[] {
  const problems: string[] = [];
  const key = config.key;
  const ownKey = String(own.key ?? "");
  if (typeof key !== "string" || key.includes("..") || !ownKey.includes("/") || folderOf(key) !== folderOf(ownKey) || key.length <= folderOf(ownKey).length) {
    problems.push(`key = ${shown(key)} is not in this stack's state folder ${folderOf(ownKey) || "(none)"}`);
  }
  for (const [name, value] of Object.entries(config)) {
    if (name === "key") continue;
    if (!(name in own)) problems.push(`${name} = ${shown(value)}: a setting this stack's own backend does not use`);
    else if (!same(value, own[name])) problems.push(`${name} = ${shown(value)}, where this stack's own backend has ${shown(own[name])}`);
  }
  for (const name of ["bucket", "region"]) if (!(name in config)) problems.push(`no ${name}`);
  return problems;
}

/** Why an HCP Terraform remote state is not this environment's: another organization or hostname, or settings beyond a workspace. */
function hcpProblems(config: Record<string, any>, own: Record<string, any>): string[] {
  const problems: string[] = [];
  if (!same(config.organization, own.organization)) problems.push(`organization = ${shown(config.organization)}, where this stack's is ${shown(own.organization)}`);
  const hostname = config.hostname ?? HCP_DEFAULT_HOSTNAME;
  if (!same(hostname, own.hostname ?? HCP_DEFAULT_HOSTNAME)) problems.push(`hostname = ${shown(hostname)}, where this stack's is ${shown(own.hostname ?? HCP_DEFAULT_HOSTNAME)}`);
  const workspace = block(config.workspaces)?.name;
  if (typeof workspace !== "string" || /\$\{/.test(workspace)) problems.push(`workspaces.name = ${shown(workspace)}: not one named workspace`);
  for (const name of Object.keys(config)) if (!["organization", "hostname", "workspaces"].includes(name)) problems.push(`${name} = ${shown(config[name])}: a setting beyond organization, hostname and workspace`);
  return problems;
}

/** The remote-state backend that reads the same place as the stack's own backend type. */
const READER_OF: Record<string, string> = { s3: "s3", cloud: "remote", remote: "remote" };

function evaluateSource(stack: SynthesizedStack, name: string, source: Record<string, any>): Evaluation {
  const path = stack.pathOf("data", "terraform_remote_state", name);
  const own = stack.backend;
  const config = block(source.config) ?? {};
  const problems: string[] = [];
  if (!own || !READER_OF[own.type]) {
    problems.push(`this stack's own state is ${own ? `a ${own.type} backend` : "local"}, so no remote state is its environment's`);
  } else if (source.backend !== READER_OF[own.type]) {
    problems.push(`backend = ${shown(source.backend)}, where this stack's own state is read with ${READER_OF[own.type]}`);
  } else {
    problems.push(...(own.type === "s3" ? s3Problems(config, own.config) : hcpProblems(config, own.config)));
  }
  if (source.config !== undefined && !block(source.config)) problems.push(`config = ${shown(source.config)} is an expression known only at plan time`);
  // A workspace other than the running one reads another state of the same backend.
  if (isSet(source.workspace) && source.workspace !== "${terraform.workspace}") problems.push(`workspace = ${shown(source.workspace)}: another workspace's state`);
  // Defaults stand in for outputs the state does not have: values from the pull request, not the state.
  if (isSet(source.defaults)) problems.push(`defaults = ${shown(source.defaults)}: outputs the state does not hold`);
  return check(
    path,
    problems.length === 0,
    problems.length === 0 ? `reads ${source.backend} state ${shown(config.key ?? block(config.workspaces)?.name)} of this environment` : problems.join("; "),
  );
}

export const stateRemoteStateSources: Rule = {
  id: "STATE.REMOTE_STATE_SOURCES",
  title: "Remote state is read only from this environment's own state",
  evaluates:
    "every data.terraform_remote_state: the backend type of the stack's own state; for s3, its bucket, region and other settings, and a key in the stack's own key folder; for HCP Terraform (remote), its organization and hostname; no other workspace, no defaults",
  sources: ["Project rule: what is judged is what is deployed", "REFERENCES: no scanner reads terraform_remote_state"],
  explanation:
    "Subnets, security groups and other ids reach a stack from the environment's other stacks through their state. Pointed at another bucket, key, organization or workspace, a remote state hands the stack ids no rule has judged: public subnets, another account's groups.",
  fix: "Read other stacks' state with the environment's own backend settings (TerraformStack.getRemoteStateDataSource does, as MwaaStack uses it).",
  evaluate: (stack) => Object.entries<Record<string, any>>(stack.json.data?.terraform_remote_state ?? {}).map(([name, source]) => evaluateSource(stack, name, source)),
};
