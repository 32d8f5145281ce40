import { mwaaCustomerManagedKeyArn } from "../../../../../modules/guardrails/rules/mwaa/customer-managed-key";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";

const ACCOUNT = "111122223333";

/** An environment whose kms_key is `kmsKey`, beside this stack's key `k` with `keyConfig`. */
function judged(kmsKey: unknown, keyConfig: object = {}): string[] {
  const stack = new SynthesizedStack("m", {
    provider: { aws: [{ region: "eu-west-1", allowed_account_ids: [ACCOUNT] }] },
    resource: { aws_kms_key: { k: { enable_key_rotation: true, ...keyConfig } }, aws_mwaa_environment: { e: { name: "x", kms_key: kmsKey } } },
  });
  return mwaaCustomerManagedKeyArn.evaluate(stack).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.evidence}`);
}

describe("MWAA.CMK_ARN accepts only this stack's single-Region key or a key ARN in its account", () => {
  it("passes the ARN of a key of this stack", () => {
    expect(judged("${aws_kms_key.k.arn}")).toEqual(["PASS kms_key = ${aws_kms_key.k.arn}"]);
  });

  it("passes a literal key ARN in this stack's account", () => {
    expect(judged(`arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`)[0]).toMatch(/^PASS/);
  });

  it("fails a key ARN in another account", () => {
    expect(judged("arn:aws:kms:eu-west-1:999999999999:key/1234abcd-12ab-34cd-56ef-1234567890ab")[0]).toMatch(/^FAIL .*a key in account 999999999999, not this stack's \(111122223333\)/);
  });

  it("fails this stack's key when it is multi-Region, and a literal multi-Region key", () => {
    expect(judged("${aws_kms_key.k.arn}", { multi_region: true })[0]).toMatch(/^FAIL .*multi_region = true/);
    expect(judged(`arn:aws:kms:eu-west-1:${ACCOUNT}:key/mrk-1234abcd12ab34cd56ef1234567890ab`)[0]).toMatch(/^FAIL .*a multi-Region key/);
  });

  it("fails an expression over this stack's key", () => {
    expect(judged('${replace(aws_kms_key.k.arn, "111122223333", "999999999999")}')[0]).toMatch(/^FAIL .*neither a key of this stack/);
  });
});
