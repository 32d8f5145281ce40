import { stackAccounts } from "../../iam/principals";
import { arnInAccounts, ownResource, shown } from "../../own-references";
import { check, Evaluation, Rule } from "../../rule";
import { SynthesizedStack, SynthResource } from "../../synthesized-stack";
import { blocks } from "../../terraform-document";

const ACTION_ARGUMENTS = ["alarm_actions", "ok_actions", "insufficient_data_actions"];

/**
 * What an alarm's actions do beyond notifying a topic of this account: an alarm action may also
 * stop, terminate or reboot instances, scale a group, open Systems Manager items, invoke a Lambda
 * function, or notify another account's topic.
 */
function actionProblems(stack: SynthesizedStack, alarm: SynthResource): string[] {
  const accounts = stackAccounts(stack);
  return ACTION_ARGUMENTS.flatMap((argument) => {
    const value = alarm.config[argument];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) return [`${argument} = ${shown(value)} cannot be read`];
    return value
      .filter((action) => typeof action !== "string" || action.includes("${") || !arnInAccounts(action, "sns", accounts))
      .map((action) => `${argument}: ${shown(action)} is not an SNS topic of this account`);
  });
}

/** What a metric filter reads and what it lets out of the log group, if beyond a count of this stack's logs. */
function filterProblems(stack: SynthesizedStack, filter: SynthResource): string[] {
  const group = stack.resources("aws_cloudwatch_log_group").find(
    (g) => ownResource(stack, filter.config.log_group_name, ["aws_cloudwatch_log_group"], "name") === g || (typeof g.config.name === "string" && g.config.name === filter.config.log_group_name),
  );
  const problems = group ? [] : [`log_group_name = ${shown(filter.config.log_group_name)} is no log group of this stack`];
  const dimensions = blocks(filter.config.metric_transformation).filter((t) => t.dimensions !== undefined && t.dimensions !== null && Object.keys(t.dimensions).length > 0);
  if (dimensions.length > 0) problems.push("metric_transformation has dimensions: values of the log events become metric dimensions that anyone who reads metrics sees");
  return problems;
}

export const cloudWatchAlarms: Rule = {
  id: "CLOUDWATCH.ALARMS",
  title: "Alarms only notify this account's SNS topics; metric filters only count this stack's logs",
  evaluates:
    "alarm_actions, ok_actions and insufficient_data_actions of every aws_cloudwatch_metric_alarm: literal SNS topic ARNs of this stack's account; log_group_name and metric_transformation of every aws_cloudwatch_log_metric_filter: a log group of this stack, no dimensions",
  sources: ["Project rule: what is judged is what is deployed", "CloudWatch guide: alarm actions (SNS, EC2, Auto Scaling, Systems Manager, Lambda)"],
  explanation:
    "An alarm action is more than a notification: it can stop or terminate instances, scale groups, open Systems Manager items or invoke a Lambda function, and a topic of another account hands it this account's alarms. A metric filter reads a log group: on a group no rule has judged it reads what nobody reviewed, and with dimensions it copies values of the log events into metrics, out of the encrypted group.",
  fix: "Notify only an SNS topic of this account (audit.alarmTopicArn), and count this stack's log events without dimensions (KmsAccessDeniedAlarm does).",
  evaluate: (stack) => [
    ...stack.resources("aws_cloudwatch_metric_alarm").map((alarm): Evaluation => {
      const problems = actionProblems(stack, alarm);
      return check(alarm.path, problems.length === 0, problems.length === 0 ? "notifies only topics of this account, if any" : problems.join("; "));
    }),
    ...stack.resources("aws_cloudwatch_log_metric_filter").map((filter): Evaluation => {
      const problems = filterProblems(stack, filter);
      return check(filter.path, problems.length === 0, problems.length === 0 ? `counts events of ${shown(filter.config.log_group_name)}, without dimensions` : problems.join("; "));
    }),
  ],
};
