import { executionRoleName, flowLogsRoleName, partitionOf } from "./names";
import { REGION_PATTERN } from "./mwaa-limits";
import type { Problem } from "./rules";

/**
 * The `encryption` settings that name things outside the stacks: the key of a security team
 * (`keyArn`), the roles that administer the keys the stacks create (`keyAdministratorRoleArns`) and
 * the organization their use is limited to (`organizationId`). Each names an account's resource, so
 * each is held to the environment's account and Region before any stack is built.
 */

/**
 * A KMS key id: a UUID, or `mrk-` and 32 hex digits for a multi-Region key (KMS API reference,
 * KeyMetadata.KeyId and "Multi-Region key ids").
 */
const SINGLE_REGION_KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MULTI_REGION_KEY_ID = /^mrk-[0-9a-f]{32}$/;

/** `arn:<partition>:kms:<region>:<account>:<key/id or alias/name>`, loosely, to say what is wrong. */
const KMS_ARN = /^arn:([a-z-]+):kms:([a-z0-9-]*):([^:]*):(key|alias)\/(.*)$/;

/**
 * An IAM role ARN: `arn:<partition>:iam::<account>:role/<path/><name>`; names and path segments of
 * letters, digits and `+=,.@_-`, a name of at most 64 characters (IAM API reference, CreateRole).
 */
const ROLE_ARN = /^arn:([a-z-]+):iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;

/** An AWS Organizations organization id (Organizations API reference, Organization.Id). */
export const ORGANIZATION_ID_PATTERN = /^o-[a-z0-9]{10,32}$/;

/** More administrators than this is a group's job, not a key policy's; keeps the policy far within KMS's 32 KB. */
export const MAX_KEY_ADMINISTRATORS = 20;

/** The key ARN of `keyId` in the environment's account and Region, as errors suggest it. */
const keyArnFor = (account: string, region: string, keyId: string) => `arn:${partitionOf(region)}:kms:${region}:${account}:key/${keyId}`;

/**
 * What is wrong with `value` as the environment's key (`encryption.keyArn`): it must be the ARN of
 * a single-Region key in the environment's account and Region. MWAA accepts neither an alias nor a
 * multi-Region key for its environment (MWAA guide, customer managed keys), S3 and CloudWatch Logs
 * need a key of their own Region, and the guardrails accept no other account's key.
 */
export function keyArnProblems(value: string, account: string, region: string): string[] {
  const example = keyArnFor(account, region, "<key id>");
  if (SINGLE_REGION_KEY_ID.test(value) || MULTI_REGION_KEY_ID.test(value)) {
    return [`is a key id, not its ARN; MWAA needs the ARN: set ${keyArnFor(account, region, value)}`];
  }
  if (value.startsWith("alias/")) {
    return [`is an alias; MWAA accepts only a key ARN (${example}): give the ARN of the key the alias names (aws kms describe-key --key-id ${value} shows it)`];
  }
  const match = KMS_ARN.exec(value);
  if (!match) return [`is not a KMS key ARN; allowed: ${example}, a key of the environment's account and Region`];
  const [, partition, keyRegion, keyAccount, kind, id] = match;
  if (kind === "alias") {
    return [`is an alias ARN; MWAA accepts only a key ARN (${example}): give the ARN of the key the alias names (aws kms describe-key --key-id ${value} shows it)`];
  }
  const problems: string[] = [];
  if (partition !== partitionOf(region)) problems.push(`is in partition ${partition}; the environment's Region ${region} is in partition ${partitionOf(region)}`);
  if (keyAccount !== account) {
    problems.push(`is a key of account ${keyAccount || "(none)"}; the key must be in the environment's account ${account}: no guardrail accepts another account's key, whose policy that account controls`);
  }
  if (keyRegion !== region) problems.push(`is a key of Region ${keyRegion || "(none)"}; MWAA, S3 and CloudWatch Logs need a key in the environment's Region ${region}`);
  if (MULTI_REGION_KEY_ID.test(id)) {
    problems.push("is a multi-Region key: MWAA does not accept multi-Region keys, and a replica in another Region decrypts what it encrypts; ask the key's administrators for a single-Region key");
  } else if (!SINGLE_REGION_KEY_ID.test(id)) {
    problems.push(`has key id '${id}', which is not a KMS key id (a UUID such as 1234abcd-12ab-34cd-56ef-1234567890ab)`);
  }
  return problems;
}

/**
 * What is wrong with `value` as a key administrator: a role of the environment's account, named
 * exactly, and not a role the stacks create (a workload role must never administer its own key).
 */
export function administratorRoleProblems(value: string, environmentName: string, account: string, region: string): string[] {
  const example = `arn:${partitionOf(region)}:iam::${account}:role/<name>`;
  if (/[*?]/.test(value)) return [`holds a wildcard; name each administrator role exactly (${example})`];
  const match = ROLE_ARN.exec(value);
  if (!match) return [`is not an IAM role ARN; allowed: ${example} (a role, not a user, a group or an assumed-role session)`];
  const [, partition, roleAccount, , name] = match;
  const problems: string[] = [];
  if (partition !== partitionOf(region)) problems.push(`is in partition ${partition}; the environment's Region ${region} is in partition ${partitionOf(region)}`);
  if (roleAccount !== account) problems.push(`is a role of account ${roleAccount}; key administrators must be roles of the environment's account ${account}`);
  const ownRoles = [executionRoleName(environmentName), flowLogsRoleName(environmentName)];
  if (ownRoles.includes(name)) problems.push(`is a role the stacks create for the environment's workload; a workload role must not administer the key that protects its data: name your security team's roles`);
  return problems;
}

type Raw = Record<string, unknown>;
const asObject = (v: unknown): Raw => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Raw) : {});

/** The problems of `encryption.keyArn` and `encryption.keyAdministratorRoleArns`; shapes are the schema's. */
export function encryptionProblems(config: Raw): Problem[] {
  const encryption = asObject(config.encryption);
  const { name, account, region } = config;
  // The checks compare with the environment's name, account and Region: their own messages come first.
  if (typeof name !== "string" || typeof account !== "string" || !/^\d{12}$/.test(account) || typeof region !== "string" || !REGION_PATTERN.test(region)) return [];
  const problems: Problem[] = [];
  const { keyArn, keyAdministratorRoleArns: admins } = encryption;
  if (typeof keyArn === "string") {
    problems.push(...keyArnProblems(keyArn, account, region).map((message) => ({ path: "encryption.keyArn", value: keyArn, message })));
  }
  if (Array.isArray(admins)) {
    const seen = new Map<string, number>();
    admins.forEach((arn, index) => {
      if (typeof arn !== "string") return;
      const path = `encryption.keyAdministratorRoleArns[${index}]`;
      problems.push(...administratorRoleProblems(arn, name, account, region).map((message) => ({ path, value: arn, message })));
      const first = seen.get(arn);
      if (first !== undefined) problems.push({ path, value: arn, message: `repeats encryption.keyAdministratorRoleArns[${first}]; name each role once` });
      else seen.set(arn, index);
    });
    const createsNoKey = typeof keyArn === "string" && asObject(config.state).backend === "hcp";
    if (admins.length > 0 && createsNoKey) {
      problems.push({
        path: "encryption.keyAdministratorRoleArns",
        value: admins,
        message: "applies to the keys the stacks create, and with encryption.keyArn and state.backend hcp they create none: remove it (the administrators of encryption.keyArn are its own key policy's)",
      });
    }
  }
  return problems;
}
