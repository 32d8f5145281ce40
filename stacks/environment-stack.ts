import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { EnvironmentConfig } from "../config/environment-config";
import { APP_TAG_KEYS } from "../config/rules";
import { useStateBackend } from "./state-backend";

export interface EnvironmentStackOptions {
  /** The stack that creates the state bucket keeps its own state locally until it is migrated. */
  readonly bootstrap?: boolean;
}

/**
 * What every stack of an environment shares: an AWS provider pinned to the environment's account
 * and Region that tags every resource, and an explicit state backend.
 */
export abstract class EnvironmentStack extends TerraformStack {
  readonly provider: AwsProvider;

  constructor(scope: Construct, id: string, config: EnvironmentConfig, options: EnvironmentStackOptions = {}) {
    super(scope, id);

    this.provider = new AwsProvider(this, "aws", {
      region: config.region,
      // A plan with credentials for another account fails before it touches anything.
      allowedAccountIds: [config.account],
      defaultTags: [{ tags: environmentTags(config) }],
    });

    // No `required_version`: cdktf 0.21 renders extra terraform-block attributes as broken HCL
    // (`0 = "required_version"`) under `synth --hcl`. The README states Terraform >= 1.10.
    useStateBackend(this, config, { bootstrap: options.bootstrap ?? false });
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
