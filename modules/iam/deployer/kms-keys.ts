import { aliasArn } from "../../../config/names";
import { allow, PolicyStatement } from "./policy-document";
import { DeployerScope, regionalArn, requestTagged, resourceTagged } from "./scope";

/**
 * `aws_kms_key` and `aws_kms_alias` (provider: internal/service/kms/key.go, alias.go).
 * Create: CreateKey with the policy and tags, then EnableKeyRotation. Read (refresh): DescribeKey,
 * GetKeyPolicy, GetKeyRotationStatus, ListResourceTags. Update: PutKeyPolicy,
 * UpdateKeyDescription, EnableKeyRotation, Tag/UntagResource. Delete: ScheduleKeyDeletion.
 * Alias: CreateAlias, ListAliases (read), UpdateAlias, DeleteAlias, each on the alias and the key.
 * No DisableKey, DisableKeyRotation or ReplicateKey: the stacks never ask for them.
 */
export function kmsKeyStatements(scope: DeployerScope, sidPrefix: string, aliases: string[]): PolicyStatement[] {
  const keys = regionalArn(scope, "kms", "key/*");
  return [
    // CreateKey takes no resource ARN. The conditions hold it to the key the stacks create: a
    // single-Region symmetric encryption key of KMS's own material, tagged for this environment.
    allow(`${sidPrefix}CreateKey`, ["kms:CreateKey"], ["*"], {
      ...requestTagged(scope),
      StringEqualsIgnoreCase: { "kms:KeySpec": "SYMMETRIC_DEFAULT", "kms:KeyUsage": "ENCRYPT_DECRYPT", "kms:KeyOrigin": "AWS_KMS" },
      Bool: { "kms:MultiRegion": "false", "kms:BypassPolicyLockoutSafetyCheck": "false" },
    }),
    // KMS authorizes the tags of CreateKey on every key of the account and Region (KMS guide,
    // "Controlling access to tags"): no narrower resource exists for a key that has no id yet.
    allow(`${sidPrefix}TagNewKey`, ["kms:TagResource"], [keys], requestTagged(scope)),
    allow(
      `${sidPrefix}ManageKey`,
      [
        "kms:DescribeKey",
        "kms:EnableKeyRotation",
        "kms:GetKeyPolicy",
        "kms:GetKeyRotationStatus",
        "kms:ListResourceTags",
        "kms:PutKeyPolicy",
        "kms:ScheduleKeyDeletion",
        "kms:TagResource",
        "kms:UntagResource",
        "kms:UpdateKeyDescription",
        "kms:CreateAlias",
        "kms:UpdateAlias",
        "kms:DeleteAlias",
      ],
      [keys],
      resourceTagged(scope),
    ),
    allow(
      `${sidPrefix}ManageAlias`,
      ["kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias"],
      aliases.map((alias) => aliasArn(alias, scope.account, scope.region)),
    ),
  ];
}

/** ListAliases takes no resource ARN; the provider reads every alias through it. */
export const KMS_LIST_ACTIONS = ["kms:ListAliases"];
