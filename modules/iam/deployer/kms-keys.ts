import { aliasArn } from "../../../config/names";
import { allow, PolicyCondition, PolicyStatement } from "./policy-document";
import { DeployerScope, regionalArn, requestTagged, resourceTagged } from "./scope";

/**
 * `aws_kms_key` and `aws_kms_alias` (provider: internal/service/kms/key.go, alias.go).
 * Create: CreateKey with the policy and tags, EnableKeyRotation, then the waits on GetKeyPolicy
 * and ListResourceTags. Read (refresh): DescribeKey, GetKeyPolicy, GetKeyRotationStatus,
 * ListResourceTags. Update: PutKeyPolicy, UpdateKeyDescription, EnableKeyRotation,
 * Tag/UntagResource. Delete (ScheduleKeyDeletion) is left out on purpose: see AliasUnaliasedKey.
 * Alias: CreateAlias, ListAliases (read), UpdateAlias, DeleteAlias, each on the alias and the key.
 * No DisableKey, DisableKeyRotation or ReplicateKey: the stacks never ask for them.
 */
export function kmsKeyStatements(scope: DeployerScope, sidPrefix: string, aliases: string[]): PolicyStatement[] {
  const keys = regionalArn(scope, "kms", "key/*");
  return [
    // CreateKey takes no resource ARN. The conditions hold it to the key the stacks create: a
    // single-Region symmetric encryption key of KMS's own material, tagged for this environment,
    // with the key policy's lockout check on. `IfExists`: a parameter the request leaves out takes
    // KMS's default, which is the required value; any other value given is refused.
    allow(`${sidPrefix}CreateKey`, ["kms:CreateKey"], ["*"], {
      ...requestTagged(scope),
      StringEqualsIgnoreCaseIfExists: { "kms:KeySpec": "SYMMETRIC_DEFAULT", "kms:KeyUsage": "ENCRYPT_DECRYPT", "kms:KeyOrigin": "AWS_KMS" },
      BoolIfExists: { "kms:MultiRegion": "false", "kms:BypassPolicyLockoutSafetyCheck": "false" },
    }),
    // KMS authorizes the tags of CreateKey on every key of the account and Region (KMS guide,
    // "Controlling access to tags"): no narrower resource exists for a key that has no id yet.
    // A key another environment tagged keeps its tag: no deployer can move it into its environment.
    allow(`${sidPrefix}TagNewKey`, ["kms:TagResource"], [keys], {
      StringEquals: requestTagged(scope).StringEquals,
      StringEqualsIfExists: resourceTagged(scope).StringEquals,
    }),
    // Reading the key, and what its create calls before the alias exists.
    allow(
      `${sidPrefix}ManageKey`,
      ["kms:DescribeKey", "kms:EnableKeyRotation", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags"],
      [keys],
      resourceTagged(scope),
    ),
    // Every key of the environment carries the same tag; the alias tells this stack's key from
    // the others (the state key above all). A change after create, moving or deleting the alias,
    // or deleting the key needs it: another stack's deployer cannot rewrite the state key's
    // policy or schedule its deletion.
    allow(
      `${sidPrefix}ChangeKeyWithAlias`,
      ["kms:PutKeyPolicy", "kms:UpdateKeyDescription", "kms:TagResource", "kms:UntagResource", "kms:UpdateAlias", "kms:DeleteAlias"],
      [keys],
      { ...resourceTagged(scope), "ForAnyValue:StringEquals": { "kms:ResourceAliases": aliases } },
    ),
    // The alias goes onto a new key (CreateAlias, or UpdateAlias's new target): it has no alias
    // yet. An alias of this stack can therefore never be moved onto a key that has another alias.
    // No kms:ScheduleKeyDeletion at all: the keys are prevent_destroy, and deleting one makes all it
    // encrypted unreadable; a deliberate teardown runs with an administrator's role.
    allow(`${sidPrefix}AliasUnaliasedKey`, ["kms:CreateAlias", "kms:UpdateAlias"], [keys], {
      ...resourceTagged(scope),
      Null: { "kms:ResourceAliases": "true" },
    }),
    allow(
      `${sidPrefix}ManageAlias`,
      ["kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias"],
      aliases.map((alias) => aliasArn(alias, scope.account, scope.region)),
    ),
  ];
}

/** ListAliases takes no resource ARN; the provider reads every alias through it. */
export const KMS_LIST_ACTIONS = ["kms:ListAliases"];

/**
 * The environment key as the deployer's statements name it. A key the stacks create has no id at
 * synth: any key of the account and Region tagged for the environment. A key the stacks do not own
 * (`encryption.keyArn`) carries no tag of ours, and its ARN is known: that ARN, exactly.
 */
export function environmentKey(scope: DeployerScope): { readonly resources: string[]; readonly condition: PolicyCondition } {
  const keyArn = scope.config.encryption.keyArn;
  return keyArn === undefined ? { resources: [regionalArn(scope, "kms", "key/*")], condition: resourceTagged(scope) } : { resources: [keyArn], condition: {} };
}

/**
 * A key the stacks do not own: nothing to create, change, alias or delete (no kms:CreateKey, no
 * kms:PutKeyPolicy); only what MWAA reads of it when the environment is created. Its policy must
 * let IAM grant this (modules/encryption/external-key-policy.ts writes the statements).
 */
export function externalKeyStatements(keyArn: string): PolicyStatement[] {
  return [allow("DescribeEnvironmentKey", ["kms:DescribeKey"], [keyArn])];
}
