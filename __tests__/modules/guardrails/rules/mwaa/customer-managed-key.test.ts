import { mwaaCustomerManagedKeyArn } from "../../../../../modules/guardrails/rules/mwaa/customer-managed-key";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";

const ACCOUNT = "111122223333";
/** The key the environment's config names (encryption.keyArn). */
const ENVIRONMENT_KEY_ARN = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** An environment whose kms_key is `kmsKey`, beside this stack's key `k` with `keyConfig`. */
function judged(kmsKey: unknown, keyConfig: object = {}, environmentKeyArn: string = ENVIRONMENT_KEY_ARN): string[] {
  const stack = new SynthesizedStack("m", {
    provider: { aws: [{ region: "eu-west-1", allowed_account_ids: [ACCOUNT] }] },
    resource: { aws_kms_key: { k: { enable_key_rotation: true, ...keyConfig } }, aws_mwaa_environment: { e: { name: "x", kms_key: kmsKey } } },
  });
  stack.environmentKeyArn = environmentKeyArn;
  return mwaaCustomerManagedKeyArn.evaluate(stack).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.evidence}`);
}

describe("MWAA.CMK_ARN accepts only this stack's single-Region key or the environment's encryption.keyArn", () => {
  it("passes the ARN of a key of this stack", () => {
    expect(judged("${aws_kms_key.k.arn}")).toEqual(["PASS kms_key = ${aws_kms_key.k.arn}"]);
  });

  it("passes the environment's encryption.keyArn, literally", () => {
    expect(judged(ENVIRONMENT_KEY_ARN)).toEqual([`PASS kms_key = ${ENVIRONMENT_KEY_ARN}`]);
  });

  it("fails another literal key ARN of this stack's account: an AWS-managed key's ARN looks the same", () => {
    expect(judged(`arn:aws:kms:eu-west-1:${ACCOUNT}:key/0000abcd-12ab-34cd-56ef-1234567890ab`)[0]).toMatch(/^FAIL .*not the environment's encryption\.keyArn/);
  });

  it("fails a key ARN in another account", () => {
    expect(judged("arn:aws:kms:eu-west-1:999999999999:key/1234abcd-12ab-34cd-56ef-1234567890ab")[0]).toMatch(/^FAIL .*a key in account 999999999999, not this stack's \(111122223333\)/);
  });

  it("fails this stack's key when it is multi-Region, and a literal multi-Region key", () => {
    expect(judged("${aws_kms_key.k.arn}", { multi_region: true })[0]).toMatch(/^FAIL .*multi_region = true/);
    const multiRegion = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/mrk-1234abcd12ab34cd56ef1234567890ab`;
    expect(judged(multiRegion, {}, multiRegion)[0]).toMatch(/^FAIL .*a multi-Region key/);
  });

  it("fails an expression over this stack's key", () => {
    expect(judged('${replace(aws_kms_key.k.arn, "111122223333", "999999999999")}')[0]).toMatch(/^FAIL .*neither a key of this stack/);
  });
});
