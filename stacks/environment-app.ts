import { App, Aspects } from "cdktf";
import { GuardrailsAspect } from "../modules/guardrails/guardrails-aspect";
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
  /** Holds every stack's guardrail findings once the app has synthesized. */
  readonly guardrails: GuardrailsAspect;
}

export interface EnvironmentStackOptions {
  /** `YYYY-MM-DD`: acknowledgements expiring on or before it no longer count. */
  readonly today: string;
}

/** Adds `<env>-state` (s3 backend only), `<env>-network` and `<env>-mwaa` for every environment. */
export function addEnvironmentStacks(
  app: App,
  configs: readonly EnvironmentConfig[],
  options: EnvironmentStackOptions,
): EnvironmentStacks[] {
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
    const guardrails = new GuardrailsAspect(config.guardrails.acknowledgements, options.today);
    for (const stack of [state, network, mwaa]) if (stack) Aspects.of(stack).add(guardrails);
    return { state, network, mwaa, guardrails };
  });
}
