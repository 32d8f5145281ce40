import { logsKmsEncryption } from "../../../../../modules/guardrails/rules/logs/kms-encryption";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";

function judged(kmsKeyId: unknown): string[] {
  const stack = new SynthesizedStack("m", {
    provider: { aws: [{ region: "eu-west-1", allowed_account_ids: ["111122223333"] }] },
    resource: { aws_kms_key: { k: {} }, aws_cloudwatch_log_group: { g: { name: "g", kms_key_id: kmsKeyId } } },
  });
  return logsKmsEncryption.evaluate(stack).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.evidence}`);
}

describe("LOGS.KMS_ENCRYPTION accepts a key of this stack or of its account", () => {
  it("passes a key of this stack and a key ARN in this stack's account", () => {
    expect(judged("${aws_kms_key.k.arn}")[0]).toMatch(/^PASS/);
    expect(judged("arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555")[0]).toMatch(/^PASS/);
  });

  it("fails another account's key, an alias, and no key", () => {
    expect(judged("arn:aws:kms:eu-west-1:999999999999:key/11111111-2222-3333-4444-555555555555")[0]).toMatch(/^FAIL .*a key in account 999999999999/);
    expect(judged("alias/aws/logs")[0]).toMatch(/^FAIL .*neither a key of this stack/);
    expect(judged(undefined)).toEqual(["FAIL kms_key_id = unset"]);
  });
});
