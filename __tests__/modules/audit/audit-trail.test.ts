import { exampleConfig } from "../../helpers/config-fixtures";
import { policyJsonRef, policyStatements, ref, resourceAt, resources, StackJson, synthEnvironment } from "../../helpers/synth";

const ACCOUNT = "111122223333";
const TRAIL_ARN = `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/example-audit`;
const TRAIL_BUCKET = "example-cloudtrail-111122223333-eu-west-1";
const TOPIC = `arn:aws:sns:eu-west-1:${ACCOUNT}:mwaa-alerts`;
const FROM_TRAIL = { test: "StringEquals", variable: "aws:SourceArn", values: [TRAIL_ARN] };

/** The types only a trail brings; the example (audit.trail none) writes none of them. */
const TRAIL_TYPES = ["aws_cloudtrail", "aws_cloudwatch_log_metric_filter", "aws_cloudwatch_metric_alarm"];

describe("the MWAA stack with audit.trail create", () => {
  let mwaa: StackJson;
  beforeAll(() => {
    mwaa = synthEnvironment(exampleConfig((raw) => (raw.audit = { trail: "create", alarmTopicArn: TOPIC }))).mwaa;
  });
  const trail = () => resourceAt(mwaa, "aws_cloudtrail", "trail/cloudtrail");
  const trailKeyArn = () => ref(mwaa, "aws_kms_key", "trail/key/key", "arn");

  it("creates a multi-Region trail with log file validation, every management event and the DAG bucket's object events", () => {
    expect(trail()).toMatchObject({
      name: "example-audit",
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
      enable_logging: true,
      event_selector: [
        {
          read_write_type: "All",
          include_management_events: true,
          data_resource: [{ type: "AWS::S3::Object", values: [`${ref(mwaa, "aws_s3_bucket", "dag-bucket/bucket", "arn")}/`] }],
        },
      ],
    });
  });

  it("encrypts with a key of its own, not the environment key, that CloudTrail may use only for this trail", () => {
    expect(trail().kms_key_id).toBe(trailKeyArn());
    expect(resourceAt(mwaa, "aws_kms_key", "trail/key/key")).toMatchObject({ enable_key_rotation: true, lifecycle: { prevent_destroy: true } });
    expect(resourceAt(mwaa, "aws_kms_alias", "trail/key/alias").name).toBe("alias/example-cloudtrail");
    const statements = policyStatements(mwaa, "trail/key/policy");
    expect(statements.map((s) => s.sid)).toEqual(["AccountAdministration", "CloudWatchLogsEncryption", "CloudTrailEncryptLogs", "CloudTrailDescribeKey"]);
    expect(statements[2]).toMatchObject({
      principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
      actions: ["kms:GenerateDataKey*"],
      condition: [FROM_TRAIL, { test: "StringLike", variable: "kms:EncryptionContext:aws:cloudtrail:arn", values: [`arn:aws:cloudtrail:*:${ACCOUNT}:trail/*`] }],
    });
    expect(statements[3]).toMatchObject({ actions: ["kms:DescribeKey"], condition: [FROM_TRAIL] });
    expect(statements[1].condition[0].values).toEqual([`arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/mwaa/example/cloudtrail*`]);
  });

  it("delivers to a versioned, access-logged bucket encrypted with that key, with CloudTrail's bucket policy held to this trail", () => {
    const bucket = resourceAt(mwaa, "aws_s3_bucket", "trail/bucket/bucket");
    expect(bucket).toMatchObject({ bucket: TRAIL_BUCKET, force_destroy: false, lifecycle: { prevent_destroy: true } });
    expect(trail().s3_bucket_name).toBe(ref(mwaa, "aws_s3_bucket", "trail/bucket/bucket", "bucket"));
    expect(resourceAt(mwaa, "aws_s3_bucket_versioning", "trail/bucket/versioning").versioning_configuration.status).toBe("Enabled");
    // No S3 Bucket Key: CloudTrail's own encryption context must reach KMS.
    expect(resourceAt(mwaa, "aws_s3_bucket_server_side_encryption_configuration", "trail/bucket/encryption").rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: trailKeyArn() }, bucket_key_enabled: false },
    ]);
    expect(resourceAt(mwaa, "aws_s3_bucket_logging", "trail/bucket/access-logs")).toMatchObject({
      target_bucket: ref(mwaa, "aws_s3_bucket", "access-log-bucket/bucket", "bucket"),
      target_prefix: `${TRAIL_BUCKET}/`,
    });
    const delivery = policyStatements(mwaa, "access-log-bucket/policy-document").find((s) => s.resources[0].endsWith(`/${TRAIL_BUCKET}/*`));
    expect(delivery.condition[0]).toEqual({ test: "ArnLike", variable: "aws:SourceArn", values: [`arn:aws:s3:::${TRAIL_BUCKET}`] });
    const [, aclCheck, write] = policyStatements(mwaa, "trail/bucket/policy-document");
    expect(aclCheck).toMatchObject({ sid: "AWSCloudTrailAclCheck", actions: ["s3:GetBucketAcl"], resources: [`arn:aws:s3:::${TRAIL_BUCKET}`], condition: [FROM_TRAIL] });
    expect(write).toMatchObject({
      sid: "AWSCloudTrailWrite",
      actions: ["s3:PutObject"],
      resources: [`arn:aws:s3:::${TRAIL_BUCKET}/AWSLogs/${ACCOUNT}/*`],
      condition: [{ test: "StringEquals", variable: "s3:x-amz-acl", values: ["bucket-owner-full-control"] }, FROM_TRAIL],
    });
    // CloudTrail checks the bucket policy when it creates the trail.
    expect(trail().depends_on).toContain(`aws_s3_bucket_policy.${Object.keys(resources(mwaa, "aws_s3_bucket_policy")).find((id) => id.startsWith("trail_"))}`);
  });

  it("delivers to an encrypted, retained log group through a role only CloudTrail, for this trail, may assume", () => {
    expect(resourceAt(mwaa, "aws_cloudwatch_log_group", "trail/log-group")).toMatchObject({
      name: "/mwaa/example/cloudtrail",
      kms_key_id: trailKeyArn(),
      retention_in_days: 365,
      lifecycle: { prevent_destroy: true },
    });
    expect(trail().cloud_watch_logs_group_arn).toBe(`${ref(mwaa, "aws_cloudwatch_log_group", "trail/log-group", "arn")}:*`);
    expect(trail().cloud_watch_logs_role_arn).toBe(ref(mwaa, "aws_iam_role", "trail/role", "arn"));
    expect(resourceAt(mwaa, "aws_iam_role", "trail/role").assume_role_policy).toBe(policyJsonRef(mwaa, "trail/trust-policy"));
    expect(policyStatements(mwaa, "trail/trust-policy")).toEqual([
      {
        sid: "CloudTrailOfThisTrail",
        effect: "Allow",
        actions: ["sts:AssumeRole"],
        principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
        condition: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: [ACCOUNT] },
          { test: "ArnLike", variable: "aws:SourceArn", values: [TRAIL_ARN] },
        ],
      },
    ]);
    expect(policyStatements(mwaa, "trail/delivery-policy")).toEqual([
      {
        sid: "WriteTrailStreams",
        effect: "Allow",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [`${ref(mwaa, "aws_cloudwatch_log_group", "trail/log-group", "arn")}:log-stream:${ACCOUNT}_CloudTrail_eu-west-1*`],
      },
    ]);
  });

  it("counts KMS AccessDenied on the environment key or by the execution role, and alarms at the first, notifying the configured topic", () => {
    const filter = resourceAt(mwaa, "aws_cloudwatch_log_metric_filter", "trail/kms-access-denied/metric-filter");
    expect(filter.log_group_name).toBe(ref(mwaa, "aws_cloudwatch_log_group", "trail/log-group", "name"));
    expect(filter.metric_transformation).toEqual({ name: "KmsAccessDenied", namespace: "MwaaAudit/example", value: "1" });
    // Terraform joins the pattern (see filterPattern): the references sit between its quoted parts.
    const key = ref(mwaa, "aws_kms_key", "environment-key/key", "arn").slice(2, -1);
    const role = ref(mwaa, "aws_iam_role", "execution-role/role", "arn").slice(2, -1);
    expect(filter.pattern).toBe(
      `\${join("", ["{ ($.eventSource = \\"kms.amazonaws.com\\") && ($.errorCode = \\"AccessDenied*\\") && (($.resources[0].ARN = \\"", ${key}, "\\") || ($.requestParameters.keyId = \\"", ${key}, "\\") || ($.userIdentity.sessionContext.sessionIssuer.arn = \\"", ${role}, "\\")) }"])}`,
    );
    expect(resourceAt(mwaa, "aws_cloudwatch_metric_alarm", "trail/kms-access-denied/alarm")).toMatchObject({
      alarm_name: "example-kms-access-denied",
      namespace: "MwaaAudit/example",
      metric_name: "KmsAccessDenied",
      statistic: "Sum",
      threshold: 1,
      comparison_operator: "GreaterThanOrEqualToThreshold",
      treat_missing_data: "notBreaching",
      alarm_actions: [TOPIC],
      ok_actions: [TOPIC],
    });
  });

  it("tags everything through the provider's default_tags, none by itself", () => {
    for (const type of TRAIL_TYPES) for (const resource of Object.values<any>(resources(mwaa, type))) expect(resource.tags).toBeUndefined();
    expect(mwaa.provider.aws[0].default_tags[0].tags).toMatchObject({ MwaaEnvironment: "example", Owner: "data-platform" });
  });
});

describe("the MWAA stack without a trail of its own", () => {
  it.each([
    ["none (the default)", {}],
    ["existing, which only names the organization's trail", { trail: "existing", trailArn: "arn:aws:cloudtrail:us-east-1:999988887777:trail/organization-trail" }],
  ])("creates no trail, key, bucket or alarm of its own with audit.trail %s", (_, audit) => {
    const { mwaa } = synthEnvironment(exampleConfig((raw) => (raw.audit = audit)));
    expect(TRAIL_TYPES.filter((type) => mwaa.resource[type])).toEqual([]);
    expect(Object.values<any>(resources(mwaa, "aws_s3_bucket")).map((b) => b.bucket)).not.toContain(TRAIL_BUCKET);
    expect(JSON.stringify(mwaa)).not.toMatch(/cloudtrail/i);
  });
});
