import { providerAccountPinned } from "../../../modules/guardrails/rules/provider/account-pinned";
import { SynthesizedStack } from "../../../modules/guardrails/synthesized-stack";

const verdicts = (written: Record<string, any>, environmentAccount?: string) => {
  const stack = new SynthesizedStack("s", written);
  stack.environmentAccount = environmentAccount;
  return providerAccountPinned.evaluate(stack).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`);
};

const bucket = { resource: { aws_s3_bucket: { b: { bucket: "b" } } } };

describe("rule PROVIDER.ACCOUNT_PINNED", () => {
  it("passes provider blocks that all pin the same one account", () => {
    expect(verdicts({ provider: { aws: [{ allowed_account_ids: ["111122223333"] }, { alias: "us", allowed_account_ids: ["111122223333"] }] }, ...bucket })).toEqual([
      'PASS s/provider aws: allowed_account_ids = ["111122223333"]',
      'PASS s/provider aws (alias us): allowed_account_ids = ["111122223333"]',
    ]);
  });

  it("fails an alias pinned to another account, even one no resource uses, and names both accounts", () => {
    expect(verdicts({ provider: { aws: [{ allowed_account_ids: ["111122223333"] }, { alias: "x", allowed_account_ids: ["444455556666"] }] }, ...bucket })).toEqual([
      'FAIL s/provider aws: allowed_account_ids = ["111122223333"], while the stack\'s provider blocks pin 111122223333, 444455556666',
      'FAIL s/provider aws (alias x): allowed_account_ids = ["444455556666"], while the stack\'s provider blocks pin 111122223333, 444455556666',
    ]);
  });

  it("fails a provider without allowed_account_ids, with two accounts, or with an expression", () => {
    expect(verdicts({ provider: { aws: [{ region: "eu-west-1" }] }, ...bucket })).toEqual(["FAIL s/provider aws: allowed_account_ids = null: not exactly one literal account id"]);
    expect(verdicts({ provider: { aws: [{ allowed_account_ids: ["111122223333", "444455556666"] }] } })[0]).toMatch(/^FAIL .*not exactly one literal account id$/);
    expect(verdicts({ provider: { aws: [{ allowed_account_ids: ["${var.account}"] }] } })[0]).toMatch(/^FAIL .*not exactly one literal account id$/);
  });

  it("fails AWS resources under Terraform's implicit provider, and has nothing to judge in a stack without AWS", () => {
    expect(verdicts(bucket)).toEqual(["FAIL s/provider aws: no aws provider block: Terraform's implicit provider deploys to any account the credentials reach"]);
    expect(verdicts({ output: { o: { value: "x" } } })).toEqual([]);
  });

  it("fails a stack of an environment whose providers pin another account than the environment's config", () => {
    const pinned = { provider: { aws: [{ allowed_account_ids: ["999999999999"] }] }, ...bucket };
    expect(verdicts(pinned, "111122223333")).toEqual(['FAIL s/provider aws: allowed_account_ids = ["999999999999"], while the environment\'s config deploys to 111122223333']);
    expect(verdicts(pinned, "999999999999")).toEqual(['PASS s/provider aws: allowed_account_ids = ["999999999999"]']);
  });
});
