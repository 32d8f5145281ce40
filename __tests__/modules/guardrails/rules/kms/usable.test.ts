import { kmsUsable } from "../../../../../modules/guardrails/rules/kms/usable";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";

const SAFE = { enable_key_rotation: true, deletion_window_in_days: 30, bypass_policy_lockout_safety_check: false };

const judge = (type: string, config: Record<string, unknown>) =>
  kmsUsable.evaluate(new SynthesizedStack("s", { resource: { [type]: { k: { ...SAFE, ...config } } } })).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`);

describe("KMS.USABLE", () => {
  it("passes an enabled key with its lockout check and a window the project accepts, and says the window", () => {
    expect(judge("aws_kms_key", {})).toEqual(["PASS s/k: enabled, lockout safety check kept, deletion window 30 days"]);
    expect(judge("aws_kms_key", { is_enabled: true, deletion_window_in_days: 7 })).toEqual(["PASS s/k: enabled, lockout safety check kept, deletion window 7 days"]);
    expect(judge("aws_kms_key", { deletion_window_in_days: undefined })).toEqual(["PASS s/k: enabled, lockout safety check kept, deletion window 30 days"]);
  });

  it("fails a disabled key, under either name of its switch", () => {
    expect(judge("aws_kms_key", { is_enabled: false })).toEqual(["FAIL s/k: is_enabled = false: the key decrypts nothing, and what it encrypted cannot be read"]);
    expect(judge("aws_kms_replica_key", { enabled: "false" })).toEqual(["FAIL s/k: enabled = false: the key decrypts nothing, and what it encrypted cannot be read"]);
    expect(judge("aws_kms_external_key", { enabled: false })).toHaveLength(1);
    expect(judge("aws_kms_external_key", { enabled: false })[0]).toMatch(/^FAIL/);
  });

  it("fails the lockout safety check bypassed, and a window outside the project's range", () => {
    expect(judge("aws_kms_key", { bypass_policy_lockout_safety_check: true, deletion_window_in_days: 6 })).toEqual([
      "FAIL s/k: bypass_policy_lockout_safety_check = true: a key policy may lock every administrator out for good; deletion_window_in_days = 6: the project accepts 7 to 30 days",
    ]);
  });

  it("fails each setting written as an expression", () => {
    expect(judge("aws_kms_key", { is_enabled: "${var.on}", bypass_policy_lockout_safety_check: "${var.bypass}", deletion_window_in_days: "${var.days}" })).toEqual([
      'FAIL s/k: is_enabled = "${var.on}", an expression known only at plan time; bypass_policy_lockout_safety_check = "${var.bypass}", an expression known only at plan time; deletion_window_in_days = "${var.days}", an expression known only at plan time',
    ]);
  });
});
