import { cloudWatchAlarms } from "../../../../../modules/guardrails/rules/cloudwatch/alarms";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";

const TOPIC = "arn:aws:sns:eu-west-1:111122223333:mwaa-alerts";

/** A log group with a metric filter and an alarm as KmsAccessDeniedAlarm writes them, with `alarm` and `filter` overrides. */
function verdicts(alarm: object = {}, filter: object = {}): string[] {
  const stack = new SynthesizedStack("e-mwaa", {
    provider: { aws: [{ region: "eu-west-1", allowed_account_ids: ["111122223333"] }] },
    resource: {
      aws_cloudwatch_log_group: { group: { name: "/mwaa/e/cloudtrail" } },
      aws_cloudwatch_log_metric_filter: { filter: { log_group_name: "${aws_cloudwatch_log_group.group.name}", pattern: "x", metric_transformation: { name: "m", namespace: "n", value: "1" }, ...filter } },
      aws_cloudwatch_metric_alarm: { alarm: { alarm_name: "a", alarm_actions: [TOPIC], ok_actions: [TOPIC], ...alarm } },
    },
  });
  return cloudWatchAlarms.evaluate(stack).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`);
}

describe("CLOUDWATCH.ALARMS", () => {
  it("passes an alarm that notifies a topic of this account, or nothing, and a filter that counts this stack's logs", () => {
    expect(verdicts()).toEqual([
      "PASS e-mwaa/alarm: notifies only topics of this account, if any",
      "PASS e-mwaa/filter: counts events of ${aws_cloudwatch_log_group.group.name}, without dimensions",
    ]);
    expect(verdicts({ alarm_actions: undefined, ok_actions: undefined })[0]).toMatch(/^PASS/);
    expect(verdicts({}, { log_group_name: "/mwaa/e/cloudtrail" })[1]).toMatch(/^PASS/);
  });

  it("fails an alarm that acts on instances, notifies another account, or names its action in an expression", () => {
    expect(verdicts({ alarm_actions: ["arn:aws:automate:eu-west-1:ec2:terminate"] })[0]).toBe(
      "FAIL e-mwaa/alarm: alarm_actions: arn:aws:automate:eu-west-1:ec2:terminate is not an SNS topic of this account",
    );
    expect(verdicts({ insufficient_data_actions: ["arn:aws:sns:eu-west-1:444455556666:theirs"] })[0]).toMatch(/^FAIL .*insufficient_data_actions: arn:aws:sns:eu-west-1:444455556666:theirs is not an SNS topic of this account/);
    expect(verdicts({ ok_actions: ["${var.topic}"] })[0]).toMatch(/^FAIL .*ok_actions: \$\{var.topic\} is not an SNS topic/);
    expect(verdicts({ alarm_actions: "${var.actions}" })[0]).toMatch(/^FAIL .*alarm_actions = \$\{var.actions\} cannot be read/);
  });

  it("fails a filter on a log group no rule has judged, or one that copies log values into dimensions", () => {
    expect(verdicts({}, { log_group_name: "airflow-other-Task" })[1]).toBe("FAIL e-mwaa/filter: log_group_name = airflow-other-Task is no log group of this stack");
    expect(verdicts({}, { metric_transformation: { name: "m", namespace: "n", value: "1", dimensions: { user: "$.userIdentity.arn" } } })[1]).toMatch(/^FAIL .*metric_transformation has dimensions/);
  });
});
