import { cloudTrailTrail } from "../../../../../modules/guardrails/rules/cloudtrail/trail";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";

const ACCOUNT = "111122223333";
const TRAIL_ARN = `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/t`;
const FROM_TRAIL = { test: "StringEquals", variable: "aws:SourceArn", values: [TRAIL_ARN] };
const CLOUDTRAIL = [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }];

/** An MWAA stack with a trail as AuditTrail writes it; `edit` changes it before it is judged. */
function stackWith(edit: (json: Record<string, any>) => void = () => {}): SynthesizedStack {
  const json: Record<string, any> = {
    provider: { aws: [{ region: "eu-west-1", allowed_account_ids: [ACCOUNT] }] },
    data: {
      aws_iam_policy_document: {
        bucket: { statement: [{ sid: "AWSCloudTrailWrite", effect: "Allow", actions: ["s3:PutObject"], resources: ["arn:aws:s3:::trail-logs/AWSLogs/*"], principals: CLOUDTRAIL, condition: [FROM_TRAIL] }] },
        key: { statement: [{ sid: "CloudTrailEncryptLogs", effect: "Allow", actions: ["kms:GenerateDataKey*"], resources: ["*"], principals: CLOUDTRAIL, condition: [FROM_TRAIL] }] },
      },
    },
    resource: {
      aws_mwaa_environment: { env: { source_bucket_arn: "${aws_s3_bucket.dags.arn}" } },
      aws_s3_bucket: { dags: { bucket: "dags" }, logs: { bucket: "trail-logs" } },
      aws_s3_bucket_policy: { logs: { bucket: "${aws_s3_bucket.logs.id}", policy: "${data.aws_iam_policy_document.bucket.json}" } },
      aws_kms_key: { key: { policy: "${data.aws_iam_policy_document.key.json}" } },
      aws_cloudwatch_log_group: { group: { name: "/mwaa/e/cloudtrail" } },
      aws_iam_role: { role: {} },
      aws_cloudtrail: {
        trail: {
          name: "t",
          s3_bucket_name: "${aws_s3_bucket.logs.bucket}",
          kms_key_id: "${aws_kms_key.key.arn}",
          is_multi_region_trail: true,
          include_global_service_events: true,
          enable_log_file_validation: true,
          cloud_watch_logs_group_arn: "${aws_cloudwatch_log_group.group.arn}:*",
          cloud_watch_logs_role_arn: "${aws_iam_role.role.arn}",
          event_selector: [{ read_write_type: "All", include_management_events: true, data_resource: [{ type: "AWS::S3::Object", values: ["${aws_s3_bucket.dags.arn}/"] }] }],
        },
      },
    },
  };
  edit(json);
  return new SynthesizedStack("e-mwaa", json);
}

const trailOf = (json: Record<string, any>) => json.resource.aws_cloudtrail.trail;

function verdict(edit?: (json: Record<string, any>) => void): string {
  const [evaluation] = cloudTrailTrail.evaluate(stackWith(edit));
  return `${evaluation.compliant ? "PASS" : "FAIL"} ${evaluation.resource}: ${evaluation.evidence}`;
}

describe("CLOUDTRAIL.TRAIL", () => {
  it("passes a trail as AuditTrail writes it, naming what it writes to", () => {
    expect(verdict()).toBe(
      "PASS e-mwaa/trail: multi-Region, log file validation, every management event and the DAG bucket's object events; bucket e-mwaa/aws_s3_bucket.logs, key ${aws_kms_key.key.arn} (key e-mwaa/key of this stack), log group e-mwaa/group",
    );
  });

  it("judges nothing in a stack without a trail", () => {
    expect(cloudTrailTrail.evaluate(stackWith((json) => delete json.resource.aws_cloudtrail))).toEqual([]);
  });

  it("fails a single-Region trail, one without log file validation, and one that does not log", () => {
    expect(verdict((json) => (trailOf(json).is_multi_region_trail = false))).toMatch(/^FAIL .*is_multi_region_trail = false: calls in every other Region go unrecorded$/);
    expect(verdict((json) => delete trailOf(json).enable_log_file_validation)).toMatch(/enable_log_file_validation = unset \(false\): a log file changed or deleted/);
    expect(verdict((json) => (trailOf(json).enable_logging = "false"))).toMatch(/^FAIL .*enable_logging = false: the trail records nothing/);
    expect(verdict((json) => (trailOf(json).include_global_service_events = "${var.global}"))).toMatch(/^FAIL .*include_global_service_events = \$\{var.global\}, an expression known only at plan time/);
  });

  it("fails a trail without a customer-managed key, or with another account's", () => {
    expect(verdict((json) => delete trailOf(json).kms_key_id)).toMatch(/^FAIL .*kms_key_id = unset: log files are encrypted only with SSE-S3/);
    expect(verdict((json) => (trailOf(json).kms_key_id = "arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab"))).toMatch(/^FAIL .*a key in account 444455556666/);
  });

  it("fails a trail that writes to a bucket no rule has seen, which may be another account's", () => {
    expect(verdict((json) => (trailOf(json).s3_bucket_name = "central-audit-logs"))).toMatch(
      /^FAIL .*s3_bucket_name = central-audit-logs is no bucket of this stack: its account, policy and encryption are unknown/,
    );
  });

  it("fails when the bucket or key lets CloudTrail in for trails outside this account", () => {
    const bucketStatement = (json: Record<string, any>) => json.data.aws_iam_policy_document.bucket.statement[0];
    expect(verdict((json) => delete bucketStatement(json).condition)).toMatch(/^FAIL .*aws_s3_bucket_policy e-mwaa\/aws_s3_bucket_policy.logs lets CloudTrail in for trails outside this account \(AWSCloudTrailWrite/);
    expect(verdict((json) => (bucketStatement(json).condition = [{ ...FROM_TRAIL, values: ["arn:aws:cloudtrail:eu-west-1:444455556666:trail/theirs"] }]))).toMatch(/lets CloudTrail in for trails outside this account/);
    expect(verdict((json) => (json.data.aws_iam_policy_document.key.statement[0].condition = []))).toMatch(/the key policy of e-mwaa\/key lets CloudTrail in for trails outside this account \(CloudTrailEncryptLogs/);
    expect(verdict((json) => (json.resource.aws_s3_bucket_policy.logs.policy = "${jsonencode(local.p)}"))).toMatch(/aws_s3_bucket_policy e-mwaa\/aws_s3_bucket_policy.logs cannot be read/);
  });

  it("fails a trail whose events reach no log group or role of this stack", () => {
    expect(verdict((json) => (trailOf(json).cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.group.arn}"))).toMatch(/cloud_watch_logs_group_arn = .* is no log group of this stack/);
    expect(verdict((json) => (trailOf(json).cloud_watch_logs_role_arn = "arn:aws:iam::444455556666:role/r"))).toMatch(/cloud_watch_logs_role_arn = arn:aws:iam::444455556666:role\/r is no role of this stack/);
  });

  it("fails a trail that leaves out management events, or filters them in a way the rules do not read", () => {
    const selector = (json: Record<string, any>) => trailOf(json).event_selector[0];
    const unrecorded = /no event_selector records every management event/;
    expect(verdict((json) => (selector(json).exclude_management_event_sources = ["kms.amazonaws.com"]))).toMatch(unrecorded);
    expect(verdict((json) => (selector(json).include_management_events = false))).toMatch(unrecorded);
    expect(verdict((json) => (selector(json).read_write_type = "WriteOnly"))).toMatch(unrecorded);
    expect(verdict((json) => (trailOf(json).advanced_event_selector = [{ field_selector: [{ field: "eventCategory", equals: ["Management"] }] }]))).toMatch(/advanced_event_selector is not read by the rules/);
  });

  it("passes a trail with no event selector (every management event), but only without an MWAA environment whose DAG bucket it must record", () => {
    expect(verdict((json) => delete trailOf(json).event_selector)).toMatch(/^FAIL .*records no object-level events of the DAG bucket \$\{aws_s3_bucket.dags.arn\}/);
    expect(verdict((json) => { delete trailOf(json).event_selector; delete json.resource.aws_mwaa_environment; })).toMatch(/^PASS/);
    expect(verdict((json) => (trailOf(json).event_selector[0].data_resource[0].values = ["arn:aws:s3:::dags/"]))).toMatch(/^PASS/);
    expect(verdict((json) => (trailOf(json).event_selector[0].data_resource[0].values = ["arn:aws:s3:::dags/only-this-folder/"]))).toMatch(/^FAIL .*records no object-level events of the DAG bucket/);
  });

  it("fails log file notifications to a topic of another account", () => {
    expect(verdict((json) => (trailOf(json).sns_topic_name = "trail-deliveries"))).toMatch(/^PASS/);
    expect(verdict((json) => (trailOf(json).sns_topic_name = "arn:aws:sns:eu-west-1:444455556666:theirs"))).toMatch(/^FAIL .*sns_topic_name = arn:aws:sns:eu-west-1:444455556666:theirs: log file deliveries are announced to a topic outside this account/);
  });
});
