import { App } from "cdktf";
import { EnvironmentConfig } from "../config/environment-config";
import { mwaaStackName, networkStackName } from "../config/names";
import { MwaaStack } from "./mwaa-stack";
import { NetworkStack } from "./network-stack";

export interface EnvironmentStacks {
  readonly network: NetworkStack;
  readonly mwaa: MwaaStack;
}

/** Adds `<env>-network` and `<env>-mwaa` for every environment to the app. */
export function addEnvironmentStacks(app: App, configs: readonly EnvironmentConfig[]): EnvironmentStacks[] {
  return configs.map((config) => {
    const network = new NetworkStack(app, networkStackName(config.name), config);
    const mwaa = new MwaaStack(app, mwaaStackName(config.name), config, {
      subnetIds: network.subnetIds,
      securityGroupId: network.mwaaSecurityGroupId,
    });
    return { network, mwaa };
  });
}
