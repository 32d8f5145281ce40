import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { LocalBackend, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { EnvironmentConfig } from "../config/environment-config";
import { APP_TAG_KEYS } from "../config/rules";

/**
 * What every stack of an environment shares: an AWS provider pinned to the environment's account
 * and Region that tags every resource, and an explicit state location.
 */
export abstract class EnvironmentStack extends TerraformStack {
  readonly provider: AwsProvider;

  constructor(scope: Construct, id: string, config: EnvironmentConfig) {
    super(scope, id);

    this.provider = new AwsProvider(this, "aws", {
      region: config.region,
      // A plan with credentials for another account fails before it touches anything.
      allowedAccountIds: [config.account],
      defaultTags: [{ tags: environmentTags(config) }],
    });

    // cdktf's default local path is absolute (it names the machine that synthesized). Terraform
    // runs in cdktf.out/stacks/<stack>, so this keeps the state beside the project, outside
    // cdktf.out, and readable by the other stacks' remote-state lookups under the same path.
    new LocalBackend(this, { path: `../../../terraform.${id}.tfstate` });
    // No `required_version`: cdktf 0.21 renders extra terraform-block attributes as broken HCL
    // (`0 = "required_version"`) under `synth --hcl`. The README states Terraform >= 1.10.
  }
}

/** The config's tags plus the ones the app sets on everything. */
export function environmentTags(config: EnvironmentConfig): Record<string, string> {
  const appTags: Record<(typeof APP_TAG_KEYS)[number], string> = {
    MwaaEnvironment: config.name,
    ManagedBy: "cdktf",
  };
  return { ...config.tags, ...appTags };
}
