import { AuditConfig, kmsAccessDeniedAlarmName, trailBucketName, trailKeyAlias, trailLogGroupName, trailLogsRoleName, trailName } from "../../../config/audit";
import { CLOUDTRAIL_SERVICE_PRINCIPALS } from "../service-principals";
import { kmsKeyStatements } from "./kms-keys";
import { logGroupStatements } from "./log-groups";
import { allow, PolicyCondition, PolicyStatement } from "./policy-document";
import { passRoleStatement, roleStatements } from "./roles";
import { DeployerScope, logGroupArns, regionalArn } from "./scope";

/**
 * The environment's own trail (modules/audit/audit-trail.ts), in the MWAA stack: its key, log group
 * and CloudWatch Logs role as the other keys, groups and roles (their files), its bucket among the
 * environment's buckets (auditTrailBucketNames), and:
 *
 * - `aws_cloudtrail` (provider: internal/service/cloudtrail/trail.go). Create: CreateTrail with its
 *   tags (AddTags), StartLogging, PutEventSelectors, and the CloudWatch Logs role passed to
 *   CloudTrail; read: DescribeTrails (no resource ARN), GetTrailStatus, GetEventSelectors, ListTags;
 *   update: UpdateTrail, PutEventSelectors, Add/RemoveTags; delete: DeleteTrail. No StopLogging:
 *   the stacks never pause the trail, so its deployer cannot either;
 * - `aws_cloudwatch_log_metric_filter` (logs/metric_filter.go): PutMetricFilter,
 *   DescribeMetricFilters, DeleteMetricFilter, on the trail's log group;
 * - `aws_cloudwatch_metric_alarm` (cloudwatch/metric_alarm.go): PutMetricAlarm (its tags:
 *   TagResource) only with the configured topic as its actions (`cloudwatch:AlarmActions`), or none;
 *   DescribeAlarms, ListTagsForResource, Tag/UntagResource, DeleteAlarms.
 */
export function auditTrailStatements(scope: DeployerScope, audit: AuditConfig): PolicyStatement[] {
  if (audit.trail !== "create") return [];
  const name = scope.environment;
  const alarm = regionalArn(scope, "cloudwatch", `alarm:${kmsAccessDeniedAlarmName(name)}`);
  const alarmActions: PolicyCondition = audit.alarmTopicArn
    ? { "ForAllValues:StringEquals": { "cloudwatch:AlarmActions": [audit.alarmTopicArn] } }
    : { Null: { "cloudwatch:AlarmActions": "true" } };
  return [
    allow(
      "ManageTrail",
      ["cloudtrail:CreateTrail", "cloudtrail:UpdateTrail", "cloudtrail:DeleteTrail", "cloudtrail:StartLogging", "cloudtrail:GetTrailStatus", "cloudtrail:PutEventSelectors", "cloudtrail:GetEventSelectors", "cloudtrail:AddTags", "cloudtrail:RemoveTags", "cloudtrail:ListTags"],
      [regionalArn(scope, "cloudtrail", `trail/${trailName(name)}`)],
    ),
    ...kmsKeyStatements(scope, "TrailKey", [trailKeyAlias(name)]),
    logGroupStatements(scope, "TrailLogGroup", [trailLogGroupName(name)]),
    allow("TrailMetricFilter", ["logs:PutMetricFilter", "logs:DescribeMetricFilters", "logs:DeleteMetricFilter"], logGroupArns(scope, trailLogGroupName(name))),
    ...roleStatements(scope, "TrailLogsRole", [trailLogsRoleName(name)]),
    passRoleStatement(scope, "PassTrailLogsRole", [trailLogsRoleName(name)], [...CLOUDTRAIL_SERVICE_PRINCIPALS]),
    allow("CreateTrailAlarm", ["cloudwatch:PutMetricAlarm"], [alarm], alarmActions),
    allow("ManageTrailAlarm", ["cloudwatch:DescribeAlarms", "cloudwatch:DeleteAlarms", "cloudwatch:TagResource", "cloudwatch:UntagResource", "cloudwatch:ListTagsForResource"], [alarm]),
  ];
}

/** The trail's bucket, when the environment creates one: deployed with the environment's other buckets. */
export function auditTrailBucketNames(scope: DeployerScope, audit: AuditConfig): string[] {
  return audit.trail === "create" ? [trailBucketName(scope.environment, scope.account, scope.region)] : [];
}

/** DescribeTrails takes no resource ARN: the provider reads the trail through it. */
export function auditTrailListActions(audit: AuditConfig): string[] {
  return audit.trail === "create" ? ["cloudtrail:DescribeTrails"] : [];
}
