import { KEY_DELETION_WINDOW_DAYS } from "../../../../config/mwaa-limits";
import { KMS_KEY_TYPES } from "../../iam/policy-routes";
import { literalBool } from "../../literal-bool";
import { check, Rule } from "../../rule";
import { SynthResource } from "../../synthesized-stack";

export const kmsUsable: Rule = {
  id: "KMS.USABLE",
  title: "Keys stay enabled, keep their policy lockout check and a full deletion window",
  evaluates: `every aws_kms_key, aws_kms_external_key and replica key: is_enabled (enabled) not false, bypass_policy_lockout_safety_check not true, deletion_window_in_days a literal from ${KEY_DELETION_WINDOW_DAYS.min} to ${KEY_DELETION_WINDOW_DAYS.max} (unset is KMS's ${KEY_DELETION_WINDOW_DAYS.default}); expressions fail`,
  sources: ["Project rule: nothing may lose data", "KMS guide: Deleting AWS KMS keys (waiting period)", "KMS API: CreateKey BypassPolicyLockoutSafetyCheck"],
  explanation:
    "prevent_destroy keeps Terraform from deleting a key, not the key from becoming useless: a disabled key decrypts nothing, so the DAG bucket, the logs, the state and the environment it encrypts cannot be read; bypass_policy_lockout_safety_check lets a key policy lock every administrator out for good; and the deletion window is all the time there is to notice a scheduled deletion before what the key encrypted is lost. " +
    `The window must be a literal the project's config accepts (encryption.keyDeletionWindowDays, ${KEY_DELETION_WINDOW_DAYS.min} to ${KEY_DELETION_WINDOW_DAYS.max} days, default ${KEY_DELETION_WINDOW_DAYS.default}) and is shown in the evidence; each setting written as an expression is known only at plan time and fails.`,
  fix: `Leave the key enabled, bypass_policy_lockout_safety_check false and deletion_window_in_days at encryption.keyDeletionWindowDays (CustomerManagedKey does).`,
  evaluate: (stack) => KMS_KEY_TYPES.flatMap((type) => stack.resources(type)).map(judgeKey),
};

/** aws_kms_key names its switch is_enabled; the external and replica keys name it enabled. */
const ENABLED_ARGUMENT: Readonly<Record<string, string>> = { aws_kms_key: "is_enabled" };

function judgeKey(key: SynthResource) {
  const problems: string[] = [];
  const enabledArgument = ENABLED_ARGUMENT[key.type] ?? "enabled";
  const enabled = literalBool(key.config[enabledArgument]);
  if (enabled === false) problems.push(`${enabledArgument} = false: the key decrypts nothing, and what it encrypted cannot be read`);
  if (enabled === "unreadable") problems.push(`${enabledArgument} = ${JSON.stringify(key.config[enabledArgument])}, an expression known only at plan time`);
  const bypass = literalBool(key.config.bypass_policy_lockout_safety_check);
  if (bypass === true) problems.push("bypass_policy_lockout_safety_check = true: a key policy may lock every administrator out for good");
  if (bypass === "unreadable") problems.push(`bypass_policy_lockout_safety_check = ${JSON.stringify(key.config.bypass_policy_lockout_safety_check)}, an expression known only at plan time`);
  const window = deletionWindow(key.config.deletion_window_in_days);
  if (typeof window === "string") problems.push(window);
  return check(key.path, problems.length === 0, problems.length === 0 ? `enabled, lockout safety check kept, deletion window ${window} days` : problems.join("; "));
}

/** The window in days, or why it is not acceptable. */
function deletionWindow(value: unknown): number | string {
  if (value === undefined || value === null) return KEY_DELETION_WINDOW_DAYS.default;
  // Terraform converts a numeric string to the number.
  const days = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : undefined;
  if (days === undefined) return `deletion_window_in_days = ${JSON.stringify(value)}, an expression known only at plan time`;
  if (!Number.isInteger(days) || days < KEY_DELETION_WINDOW_DAYS.min || days > KEY_DELETION_WINDOW_DAYS.max) {
    return `deletion_window_in_days = ${days}: the project accepts ${KEY_DELETION_WINDOW_DAYS.min} to ${KEY_DELETION_WINDOW_DAYS.max} days`;
  }
  return days;
}
