import { networkTeamId } from "../../network-team";
import { isRemoteStateOutput } from "../../own-references";
import { check, Rule } from "../../rule";
import { SynthesizedStack } from "../../synthesized-stack";

/** Whether `value` is one whole reference to a resource of this stack, or an output of a remote state it reads. */
const referencesOwn = (stack: SynthesizedStack, value: unknown) => stack.referenced(value) !== undefined || isRemoteStateOutput(stack, value);

/** Why `value` may be handed on, or undefined: the stack's own, or an id of the network team's VPC the config declares. */
function handedOn(stack: SynthesizedStack, value: unknown): { own: boolean; team?: string } | undefined {
  if (referencesOwn(stack, value)) return { own: true };
  const team = networkTeamId(stack.networkTeam, value);
  return team ? { own: false, team: team.text } : undefined;
}

export const stateOutputsFromResources: Rule = {
  id: "STATE.OUTPUTS_FROM_RESOURCES",
  title: "Every output is a value of the stack's own resources",
  evaluates:
    "the value of every output block: one whole reference to a resource of the stack or a remote-state output it reads, or (in a network team's VPC) a literal id of that VPC, its subnets or security groups as the config declares them; or a list of them",
  sources: ["Project rule: what is judged is what is deployed"],
  explanation:
    "The next stack reads these outputs through remote state and trusts them: the MWAA stack takes its subnets and security group from the network stack's outputs. An output written as a literal id or an expression could hand it another VPC's public subnet that no rule has seen. The one exception is a network team's VPC (config network.mode existing): the ids the config validated are handed on as literals, and the evidence says they are the network team's, not checked.",
  fix: "Output the attribute of a resource of the stack (e.g. ${aws_subnet.x.id}), as the stacks here do; a network team's ids go in the config (network.vpcId, network.privateSubnets[].subnetId, network.securityGroupIds), never in code.",
  evaluate: (stack) =>
    Object.entries<Record<string, any>>(stack.json.output ?? {}).map(([name, output]) => {
      const value = output?.value;
      const items = Array.isArray(value) ? value : [value];
      const reasons = items.map((item) => handedOn(stack, item));
      const ok = items.length > 0 && reasons.every((r) => r !== undefined);
      const team = reasons.flatMap((r) => (r?.team ? [r.team] : []));
      const evidence = !ok
        ? `value = ${JSON.stringify(value)}: not a reference to a resource of this stack`
        : team.length === 0
          ? "references the stack's own resources"
          : `${team.join(", ")}: not checked${team.length < items.length ? "; the rest references the stack's own resources" : ""}`;
      return check(`${stack.name}/output ${name}`, ok, evidence);
    }),
};
