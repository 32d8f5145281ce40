import { stackAccounts } from "./iam/principals";
import { literalBool } from "./literal-bool";
import { SynthResource, SynthesizedStack } from "./synthesized-stack";

/**
 * Arguments that point somewhere (a key, a bucket, a role, a subnet, a route table): what they
 * point at is judged only when it is a resource of this stack, which the rules read, or something
 * in this stack's account. A literal, another account's ARN or an expression over either names
 * something no rule has seen, so it fails closed.
 */

/** A value as evidence quotes it: a string as written, anything else as JSON. */
export const shown = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value));

/** A reading of one pointing argument: whether it points at something judged, and what was found. */
export interface Pointer {
  readonly judged: boolean;
  readonly evidence: string;
}

/** The resource of this stack, of one of `types`, whose `attribute` the whole of `value` references. */
export function ownResource(stack: SynthesizedStack, value: unknown, types: readonly string[], attribute: string): SynthResource | undefined {
  const target = stack.referenced(value);
  return target && types.includes(target.resource.type) && target.attribute === attribute ? target.resource : undefined;
}

/** `${data.terraform_remote_state.<name>.outputs.<output>}`, the whole string. */
const REMOTE_STATE_OUTPUT = /^\$\{data\.terraform_remote_state\.([^.}\s]+)\.outputs\.[A-Za-z_][\w-]*\}$/;

/**
 * Whether `value` is, as a whole, an output of a `data.terraform_remote_state` of this stack: the
 * environment's other stacks, whose state STATE.REMOTE_STATE_SOURCES holds to this environment's.
 */
export function isRemoteStateOutput(stack: SynthesizedStack, value: unknown): boolean {
  const match = typeof value === "string" ? REMOTE_STATE_OUTPUT.exec(value) : null;
  return match !== null && Object.prototype.hasOwnProperty.call(stack.json.data?.terraform_remote_state ?? {}, match[1]);
}

/** A KMS key ARN: partition, Region, account, key id (a multi-Region key's id starts `mrk-`). */
const KEY_ARN = /^arn:aws[\w-]*:kms:[a-z0-9-]+:(\d{12}):key\/([\w-]+)$/;

/**
 * A KMS key argument given as a key's ARN: a reference to an `aws_kms_key` of this stack (whose
 * policy and rotation the KMS rules judge), or, literally, the ARN of the key the environment's
 * config names (`encryption.keyArn`, whose policy the review hands to its administrators), in this
 * stack's account (`allowed_account_ids`, see principals.ts). Any other literal fails, even in this
 * account: an AWS-managed key (aws/s3) or another team's key has an ARN of the same shape. With
 * `singleRegion`, a multi-Region key fails: its replicas in other Regions decrypt what it encrypts.
 */
export function ownKeyArn(stack: SynthesizedStack, value: unknown, options: { singleRegion: boolean }): Pointer {
  if (value === undefined || value === null) return { judged: false, evidence: "unset" };
  const key = ownResource(stack, value, ["aws_kms_key"], "arn");
  if (key) {
    const multiRegion = literalBool(key.config.multi_region);
    if (options.singleRegion && multiRegion !== undefined && multiRegion !== false) {
      return { judged: false, evidence: `${shown(value)}: key ${key.path} has multi_region = ${shown(key.config.multi_region)}` };
    }
    return { judged: true, evidence: `${shown(value)} (key ${key.path} of this stack)` };
  }
  const match = typeof value === "string" ? KEY_ARN.exec(value) : null;
  const accounts = stackAccounts(stack);
  if (!match) return { judged: false, evidence: `${shown(value)}: neither a key of this stack (aws_kms_key.<name>.arn) nor a literal key ARN` };
  if (!accounts.includes(match[1])) {
    return { judged: false, evidence: `${value}: a key in account ${match[1]}, not this stack's (${accounts.join(", ") || "no pinned account"})` };
  }
  if (options.singleRegion && match[2].startsWith("mrk-")) return { judged: false, evidence: `${value}: a multi-Region key` };
  if (value !== stack.environmentKeyArn) {
    return { judged: false, evidence: `${value}: a literal key ARN that is not the environment's encryption.keyArn (${stack.environmentKeyArn ?? "none"})` };
  }
  return { judged: true, evidence: `${value} (the environment's encryption.keyArn, in this stack's account)` };
}

/** Whether `value` is an ARN in one of `accounts` (`arn:<partition>:<service>:<region>:<account>:...`). */
export function arnInAccounts(value: unknown, service: string, accounts: readonly string[]): boolean {
  const match = typeof value === "string" ? /^arn:aws[\w-]*:([a-z0-9-]+):[a-z0-9-]*:(\d{12}):/.exec(value) : null;
  return match !== null && match[1] === service && accounts.includes(match[2]);
}
