import { isRemoteStateOutput, ownResource, shown } from "../../own-references";
import { check, Rule } from "../../rule";
import { SynthesizedStack } from "../../synthesized-stack";
import { block } from "../../terraform-document";


/**
 * A network_configuration list (subnet_ids, security_group_ids): the whole list from a remote-state
 * output, or a list each of whose items is a resource of `type` of this stack or a remote-state
 * output. Returns what does not qualify.
 */
function foreignItems(stack: SynthesizedStack, value: unknown, type: string): string[] {
  if (value === undefined || value === null) return ["unset"];
  if (isRemoteStateOutput(stack, value)) return [];
  if (!Array.isArray(value) || value.length === 0) return [shown(value)];
  return value.filter((item) => !ownResource(stack, item, [type], "id") && !isRemoteStateOutput(stack, item)).map(shown);
}

export const mwaaOwnResources: Rule = {
  id: "MWAA.OWN_RESOURCES",
  title: "The environment runs from this stack's DAG bucket and role, in the environment's own network",
  evaluates:
    "source_bucket_arn (an aws_s3_bucket of this stack, by its arn), execution_role_arn (an aws_iam_role of this stack, by its arn) and network_configuration subnet_ids and security_group_ids (aws_subnet / aws_security_group ids of this stack, or data.terraform_remote_state outputs) of every aws_mwaa_environment",
  sources: ["Playbook 2 (CS0012300: private subnets)", "Project rule: what is judged is what is deployed"],
  explanation:
    "The bucket MWAA runs DAGs from, the role it runs them as and the subnets and security groups it runs in are judged only when they are resources of this stack, or come from the environment's own state (held there by STATE.REMOTE_STATE_SOURCES). A literal ARN or id, another data source or an expression over a reference names something no rule has seen: another account's bucket, a public subnet.",
  fix: "Point the environment at the DAG bucket and execution role this stack creates (aws_s3_bucket.<b>.arn, aws_iam_role.<r>.arn), and at the network stack's subnets and security group through its remote state (MwaaStack does).",
  evaluate: (stack) =>
    stack.resources("aws_mwaa_environment").map((env) => {
      const problems: string[] = [];
      const { source_bucket_arn: bucket, execution_role_arn: role } = env.config;
      if (!ownResource(stack, bucket, ["aws_s3_bucket"], "arn")) problems.push(`source_bucket_arn = ${shown(bucket)} is not a bucket of this stack`);
      if (!ownResource(stack, role, ["aws_iam_role"], "arn")) problems.push(`execution_role_arn = ${shown(role)} is not a role of this stack`);
      const network = block(env.config.network_configuration) ?? {};
      const subnets = foreignItems(stack, network.subnet_ids, "aws_subnet");
      if (subnets.length > 0) problems.push(`subnet_ids ${subnets.join(", ")}: neither subnets of this stack nor remote-state outputs`);
      const groups = foreignItems(stack, network.security_group_ids, "aws_security_group");
      if (groups.length > 0) problems.push(`security_group_ids ${groups.join(", ")}: neither security groups of this stack nor remote-state outputs`);
      return check(
        env.path,
        problems.length === 0,
        problems.length === 0 ? `runs from ${shown(bucket)} as ${shown(role)}, in subnets ${shown(network.subnet_ids)}` : `unverifiable: ${problems.join("; ")}`,
      );
    }),
};
