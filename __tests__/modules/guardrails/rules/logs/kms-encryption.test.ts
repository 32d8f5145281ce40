import { logsKmsEncryption } from "../../../../../modules/guardrails/rules/logs/kms-encryption";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";

/** The key the environment's config names (encryption.keyArn). */
const ENVIRONMENT_KEY_ARN = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555";

function judged(kmsKeyId: unknown, { environmentKeyArn }: { environmentKeyArn?: string } = { environmentKeyArn: ENVIRONMENT_KEY_ARN }): string[] {
  const stack = new SynthesizedStack("m", {
    provider: { aws: [{ region: "eu-west-1", allowed_account_ids: ["111122223333"] }] },
    resource: { aws_kms_key: { k: {} }, aws_cloudwatch_log_group: { g: { name: "g", kms_key_id: kmsKeyId } } },
  });
  stack.environmentKeyArn = environmentKeyArn;
  return logsKmsEncryption.evaluate(stack).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.evidence}`);
}

describe("LOGS.KMS_ENCRYPTION accepts a key of this stack or the environment's encryption.keyArn", () => {
  it("passes a key of this stack and the environment's key ARN", () => {
    expect(judged("${aws_kms_key.k.arn}")[0]).toMatch(/^PASS/);
    expect(judged(ENVIRONMENT_KEY_ARN)[0]).toMatch(/^PASS .*the environment's encryption\.keyArn/);
  });

  it("fails a key ARN of this account that the config does not name (an AWS-managed key has one too)", () => {
    expect(judged("arn:aws:kms:eu-west-1:111122223333:key/99999999-2222-3333-4444-555555555555")[0]).toMatch(/^FAIL .*not the environment's encryption\.keyArn/);
    expect(judged(ENVIRONMENT_KEY_ARN, {})[0]).toMatch(/^FAIL .*not the environment's encryption\.keyArn \(none\)/);
  });

  it("fails another account's key, an alias, and no key", () => {
    expect(judged("arn:aws:kms:eu-west-1:999999999999:key/11111111-2222-3333-4444-555555555555")[0]).toMatch(/^FAIL .*a key in account 999999999999/);
    expect(judged("alias/aws/logs")[0]).toMatch(/^FAIL .*neither a key of this stack/);
    expect(judged(undefined)).toEqual(["FAIL kms_key_id = unset"]);
  });
});
