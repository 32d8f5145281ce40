import { SynthesizedStack } from "../../synthesized-stack";

/** The state bootstrap stack (`<env>-state`) may keep its own state locally until it is migrated. */
export function isStateBootstrap(stack: SynthesizedStack): boolean {
  return stack.name.endsWith("-state");
}

/** What findings about a stack's state name. */
export const backendPath = (stack: SynthesizedStack) => `${stack.name} (terraform backend)`;
