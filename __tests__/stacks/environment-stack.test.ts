import { AWS_PROVIDER_VERSION } from "../../modules/terraform/aws-provider-version";
import { exampleConfig } from "../helpers/config-fixtures";
import { synthEnvironment } from "../helpers/synth";

describe("every stack of an environment", () => {
  const { state, network, mwaa } = synthEnvironment(exampleConfig());
  const stacks = { state: state!, network, mwaa };

  it.each(Object.entries(stacks))("%s: tags every resource with the config's tags through default_tags", (_, stack) => {
    expect(stack.provider.aws).toEqual([
      expect.objectContaining({
        region: "eu-west-1",
        default_tags: [
          {
            tags: {
              Owner: "data-platform",
              CostCenter: "cc-1234",
              DataClassification: "internal",
              MwaaEnvironment: "example",
              ManagedBy: "cdktf",
            },
          },
        ],
      }),
    ]);
  });

  it.each(Object.entries(stacks))("%s: refuses to run against any account but the configured one", (_, stack) => {
    expect(stack.provider.aws[0].allowed_account_ids).toEqual(["111122223333"]);
  });

  it.each(Object.entries(stacks))(`%s: pins the AWS provider to one exact version, ${AWS_PROVIDER_VERSION}`, (_, stack) => {
    // cdktf's binding names the source `aws`, cdktn's `hashicorp/aws`: the same registry address.
    expect(stack.terraform.required_providers.aws).toEqual({ source: expect.stringMatching(/^(hashicorp\/)?aws$/), version: AWS_PROVIDER_VERSION });
  });

  it.each(Object.entries(stacks))("%s: writes every policy as a data.aws_iam_policy_document, never as inline JSON text", (_, stack) => {
    const policies = Object.values<Record<string, any>>(stack.resource).flatMap((byId) =>
      Object.values<any>(byId).flatMap((resource) =>
        ["policy", "assume_role_policy"].filter((key) => key in resource).map((key) => resource[key]),
      ),
    );
    expect(policies.length).toBeGreaterThanOrEqual(2);
    for (const policy of policies) expect(policy).toMatch(/^\$\{data\.aws_iam_policy_document\.[\w-]+\.json\}$/);
  });

  it("tags the config changes it is given", () => {
    const other = synthEnvironment(exampleConfig((raw) => (raw.tags.Owner = "analytics"))).mwaa;
    expect(other.provider.aws[0].default_tags[0].tags.Owner).toBe("analytics");
  });
});
