import { isRemoteStateOutput } from "../../own-references";
import { check, Rule } from "../../rule";
import { SynthesizedStack } from "../../synthesized-stack";

/** Whether `value` is one whole reference to a resource of this stack, or an output of a remote state it reads. */
const referencesOwn = (stack: SynthesizedStack, value: unknown) => stack.referenced(value) !== undefined || isRemoteStateOutput(stack, value);

export const stateOutputsFromResources: Rule = {
  id: "STATE.OUTPUTS_FROM_RESOURCES",
  title: "Every output is a value of the stack's own resources",
  evaluates: "the value of every output block: one whole reference to a resource of the stack or a remote-state output it reads, or a list of them",
  sources: ["Project rule: what is judged is what is deployed"],
  explanation:
    "The next stack reads these outputs through remote state and trusts them: the MWAA stack takes its subnets and security group from the network stack's outputs. An output written as a literal id or an expression could hand it another VPC's public subnet that no rule has seen.",
  fix: "Output the attribute of a resource of the stack (e.g. ${aws_subnet.x.id}), as the stacks here do.",
  evaluate: (stack) =>
    Object.entries<Record<string, any>>(stack.json.output ?? {}).map(([name, output]) => {
      const value = output?.value;
      const ok = Array.isArray(value) ? value.length > 0 && value.every((item) => referencesOwn(stack, item)) : referencesOwn(stack, value);
      return check(`${stack.name}/output ${name}`, ok, ok ? "references the stack's own resources" : `value = ${JSON.stringify(value)}: not a reference to a resource of this stack`);
    }),
};
