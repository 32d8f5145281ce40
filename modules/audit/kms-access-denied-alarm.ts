import { CloudwatchLogMetricFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-metric-filter";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Fn } from "cdktf";
import { Construct } from "constructs";

export interface KmsAccessDeniedAlarmProps {
  /** The log group CloudTrail delivers to. */
  readonly logGroupName: string;
  /** The environment key's ARN: a denied call on it is counted. */
  readonly keyArn: string;
  /** The execution role's ARN: a denied KMS call it makes, on any key, is counted. */
  readonly roleArn: string;
  readonly metric: { readonly namespace: string; readonly name: string };
  readonly alarmName: string;
  /** An SNS topic of the environment's account and Region to notify. @default none */
  readonly topicArn?: string;
}

/**
 * The seed post's debugging path as a signal: the environment broke on KMS `AccessDenied` that only
 * CloudTrail showed. A metric filter on the trail's log group counts KMS calls denied on the
 * environment key, or denied to the execution role, and an alarm goes off at the first one.
 *
 * KMS records a denied call with `errorCode` AccessDenied (AccessDeniedException in some events:
 * the pattern's trailing `*` takes both), the key in `resources[0].ARN` (or `requestParameters.keyId`
 * as the caller named it) and the role in `userIdentity.sessionContext.sessionIssuer.arn`.
 */
export class KmsAccessDeniedAlarm extends Construct {
  readonly metricFilter: CloudwatchLogMetricFilter;
  readonly alarm: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: KmsAccessDeniedAlarmProps) {
    super(scope, id);
    this.metricFilter = new CloudwatchLogMetricFilter(this, "metric-filter", {
      name: props.alarmName,
      logGroupName: props.logGroupName,
      pattern: filterPattern`{ ($.eventSource = "kms.amazonaws.com") && ($.errorCode = "AccessDenied*") && (($.resources[0].ARN = "${props.keyArn}") || ($.requestParameters.keyId = "${props.keyArn}") || ($.userIdentity.sessionContext.sessionIssuer.arn = "${props.roleArn}")) }`,
      // No dimensions: nothing of the log events leaves the encrypted group but a count.
      metricTransformation: { name: props.metric.name, namespace: props.metric.namespace, value: "1" },
    });

    this.alarm = new CloudwatchMetricAlarm(this, "alarm", {
      alarmName: props.alarmName,
      alarmDescription:
        "KMS refused a call on the MWAA environment key, or by its execution role: the environment may fail to start, run tasks or write logs. Find the event in CloudTrail (eventSource kms.amazonaws.com, errorCode AccessDenied): its errorMessage names the action and the principal.",
      namespace: props.metric.namespace,
      metricName: props.metric.name,
      statistic: "Sum",
      period: 300,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      // No event is no denial: the filter emits nothing then.
      treatMissingData: "notBreaching",
      actionsEnabled: true,
      ...(props.topicArn ? { alarmActions: [props.topicArn], okActions: [props.topicArn] } : {}),
    });
  }
}

/**
 * A filter pattern written as a template of literal text and references (ARNs known only at apply).
 * The pattern quotes its values, and cdktf's `--hcl` output cannot carry a double quote in a string
 * that also holds a reference, so Terraform joins the parts (`join("", [...])`), the text as raw
 * strings.
 */
function filterPattern(text: TemplateStringsArray, ...references: string[]): string {
  return Fn.join("", text.flatMap((literal, i) => [Fn.rawString(literal), ...(i < references.length ? [references[i]] : [])]));
}
