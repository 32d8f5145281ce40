import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { at, attack, failedRules, policyText, stackOf } from "./attack";

/**
 * Rules take "this stack's account" from every AWS provider's allowed_account_ids. A second
 * provider block (an alias no resource even uses) can add an attacker's account to that set, and
 * nothing requires a provider to pin the account at all.
 */
const ATTACKER = "999999999999";
const toAttackerBucket = policyText({
  Effect: "Allow",
  Principal: "*",
  Action: ["s3:PutObject"],
  Resource: ["arn:aws:s3:::attacker-drop", "arn:aws:s3:::attacker-drop/*"],
  Condition: { StringEquals: { "aws:ResourceAccount": ATTACKER } },
});

/** The stack's one provider block, as it wrote it. */
const providerOf = (stack: ReturnType<typeof stackOf>) => (stack as any).toTerraform().provider.aws[0];

describe("red team: a provider block decides which account is 'this account'", () => {
  it("an unused provider alias allowing the attacker's account does not let the S3 gateway reach the attacker's bucket", async () => {
    const outcome = await attack((app) => {
      const network = stackOf(app, "example-network");
      const provider = providerOf(network);
      network.addOverride("provider.aws", [provider, { ...provider, alias: "partner", allowed_account_ids: [ATTACKER] }]);
      at(app, "example-network/endpoints/s3").addOverride("policy", toAttackerBucket);
    });
    expect(failedRules(outcome)).toContain("VPC.ENDPOINT_POLICIES");
  });

  it("a provider without allowed_account_ids fails the synth (it deploys to whatever account the credentials reach)", async () => {
    const outcome = await attack((app) => {
      const mwaa = stackOf(app, "example-mwaa");
      const provider = providerOf(mwaa);
      delete provider.allowed_account_ids;
      mwaa.addOverride("provider.aws", [provider]);
    });
    expect(outcome.violations).not.toEqual([]);
  });

  it("a stack whose one provider is re-pinned to the attacker's account fails PROVIDER.ACCOUNT_PINNED (its policies would call that account its own)", async () => {
    const outcome = await attack((app) => {
      (at(app, "example-mwaa/aws") as unknown as AwsProvider).allowedAccountIds = [ATTACKER];
    });
    expect(outcome.violations).toContainEqual(expect.stringMatching(/^\[PROVIDER\.ACCOUNT_PINNED\] example-mwaa\/provider aws: .* allowed_account_ids = \["999999999999"\], while the environment's config deploys to 111122223333/));
  });

  it("a stack that re-pins the AWS provider to another version fails TERRAFORM.OPAQUE (the review would name a provider that is not deployed)", async () => {
    const outcome = await attack((app) => stackOf(app, "example-mwaa").addOverride("terraform.required_providers.aws.version", "~> 5.0"));
    expect(outcome.violations).toContainEqual(expect.stringMatching(/^\[TERRAFORM\.OPAQUE\] example-mwaa\/required_providers\.aws: .* Found: provider aws is pinned to "~> 5\.0", not /));
  });

  // Correctly refused today: with one provider, the attacker's account is not this account.
  it("refused: with the stack's one provider, an S3 gateway policy to the attacker's bucket fails VPC.ENDPOINT_POLICIES", async () => {
    const outcome = await attack((app) => at(app, "example-network/endpoints/s3").addOverride("policy", toAttackerBucket));
    expect(failedRules(outcome)).toContain("VPC.ENDPOINT_POLICIES");
  });
});
