import { stackAccounts } from "../../iam/principals";
import { arnInAccounts, ownResource, shown } from "../../own-references";
import { check, Evaluation, Rule } from "../../rule";
import { SynthResource, SynthesizedStack } from "../../synthesized-stack";

const isSet = (value: unknown) => value !== undefined && value !== null;

/**
 * Why a flow log's records may leave the account, if they may: a destination that is not a log
 * group or bucket of this stack nor a log group ARN in its account, or a cross-account delivery role.
 */
function destinationProblems(stack: SynthesizedStack, log: SynthResource): string[] {
  const { log_destination: destination, log_group_name: groupName, deliver_cross_account_role: crossAccount } = log.config;
  const problems: string[] = [];
  const own = ownResource(stack, destination, ["aws_cloudwatch_log_group", "aws_s3_bucket"], "arn");
  if (!own && !arnInAccounts(destination, "logs", stackAccounts(stack))) {
    problems.push(`log_destination = ${shown(destination)} is neither a log group or bucket of this stack nor a log group in this stack's account`);
  }
  if (isSet(groupName)) problems.push(`log_group_name = ${shown(groupName)}: a destination by name, which the rules do not follow`);
  if (isSet(crossAccount)) problems.push(`deliver_cross_account_role = ${shown(crossAccount)}: records delivered to another account`);
  return problems;
}

export const vpcFlowLogs: Rule = {
  id: "VPC.FLOW_LOGS",
  title: "Every VPC records its traffic in flow logs kept in this account",
  evaluates:
    "every aws_vpc has an aws_flow_log with traffic_type ALL; every aws_flow_log's log_destination is a log group or bucket of this stack (by its arn) or a log group ARN in this stack's account, with no log_group_name and no deliver_cross_account_role",
  sources: ["checkov CKV2_AWS_11", "Security Hub EC2.6"],
  explanation:
    "Flow logs show which connections were made or refused when something goes wrong. Delivered to another account (a foreign log group, a cross-account delivery role), they hand the network's addresses and traffic to whoever holds it, and the records are not where the team looks.",
  fix: "Add an aws_flow_log for the VPC with traffic_type ALL, delivered to a log group or bucket of this stack (VpcFlowLogs does), without deliver_cross_account_role.",
  evaluate: (stack) => {
    const destinations = new Map(stack.resources("aws_flow_log").map((log) => [log, destinationProblems(stack, log)]));
    const vpcs = stack.resources("aws_vpc").map((vpc): Evaluation => {
      const logs = stack.attachedTo(vpc, "aws_flow_log", "vpc_id", ["id"]).filter((f) => f.config.traffic_type === "ALL" && destinations.get(f)!.length === 0);
      return check(vpc.path, logs.length > 0, logs.length > 0 ? `flow log of ALL traffic to ${logs[0].config.log_destination_type ?? "cloud-watch-logs"} ${shown(logs[0].config.log_destination)}` : "no flow log of ALL traffic kept in this account");
    });
    const logs = [...destinations].map(([log, problems]) =>
      check(log.path, problems.length === 0, problems.length === 0 ? `delivered to ${shown(log.config.log_destination)}` : problems.join("; ")),
    );
    return [...vpcs, ...logs];
  },
};
