import { serviceActions } from "./iam-actions";

/** Hands a role to a service the principal controls: a privilege escalation path. */
export const PASS_ROLE = "iam:PassRole";

/**
 * KMS actions that administer a key, beyond the ones the action list files as permissions
 * management (CreateGrant, PutKeyPolicy, RetireGrant, RevokeGrant) or tagging (tags can grant
 * access through attribute-based policies): deleting or disabling a key or its material, moving or
 * copying it out from under its policy (a replica gets a policy of its own), redirecting an alias.
 */
const KEY_LIFECYCLE_ACTIONS = [
  "ScheduleKeyDeletion",
  "CancelKeyDeletion",
  "DisableKey",
  "EnableKey",
  "DisableKeyRotation",
  "DeleteImportedKeyMaterial",
  "ImportKeyMaterial",
  "ReplicateKey",
  "UpdatePrimaryRegion",
  "CreateAlias",
  "UpdateAlias",
  "DeleteAlias",
];

let keyAdministration: string[] | undefined;

/** Every KMS action that administers a key, as `kms:Name`. */
export function keyAdministrationActions(): string[] {
  keyAdministration ??= [...serviceActions("kms")!.values()]
    .filter((a) => /Permissions management|Tagging/.test(a.accessLevel) || KEY_LIFECYCLE_ACTIONS.includes(a.name))
    .map((a) => `kms:${a.name}`);
  return keyAdministration;
}

/** Every KMS action, as `kms:Name`: what an administrator of a key must be allowed. */
export const allKmsActions = (): string[] => [...serviceActions("kms")!.values()].map((a) => `kms:${a.name}`);
