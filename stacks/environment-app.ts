import { App } from "cdktf";
import { EnvironmentConfig } from "../config/environment-config";
import { mwaaStackName, networkStackName, stateStackName } from "../config/names";
import { MwaaStack } from "./mwaa-stack";
import { NetworkStack } from "./network-stack";
import { StateStack } from "./state-stack";

export interface EnvironmentStacks {
  /** Only with the s3 state backend: HCP Terraform keeps state itself. */
  readonly state?: StateStack;
  readonly network: NetworkStack;
  readonly mwaa: MwaaStack;
}

/**
 * Adds `<env>-state` (s3 backend only), `<env>-network` and `<env>-mwaa` for every environment.
 * A stack you add for an environment belongs to it when its name starts with `<env>-`: the
 * guardrails judge it with that environment's acknowledgements and the review lists it there.
 */
export function addEnvironmentStacks(app: App, configs: readonly EnvironmentConfig[]): EnvironmentStacks[] {
  return configs.map((config) => {
    const state =
      config.state.backend === "s3"
        ? new StateStack(app, stateStackName(config.name), { ...config, state: config.state })
        : undefined;
    const network = new NetworkStack(app, networkStackName(config.name), config);
    const mwaa = new MwaaStack(app, mwaaStackName(config.name), config, network);
    if (state) {
      // Their backends live in the state stack's bucket: it must be deployed first.
      network.addDependency(state);
      mwaa.addDependency(state);
    }
    return { state, network, mwaa };
  });
}
