import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { exampleConfig, withAirflowFiles } from "../helpers/config-fixtures";
import { policyJsonRef, policyStatements, ref, resourceAt, resources, StackJson, synthEnvironment } from "../helpers/synth";

const ACCOUNT = "111122223333";
const ENVIRONMENT_ARN = `arn:aws:airflow:eu-west-1:${ACCOUNT}:environment/example`;

describe("the MWAA stack of the example environment", () => {
  let mwaa: StackJson;
  beforeAll(() => {
    mwaa = synthEnvironment(exampleConfig()).mwaa;
  });
  const keyArn = () => ref(mwaa, "aws_kms_key", "environment-key/key", "arn");
  const bucketArn = () => ref(mwaa, "aws_s3_bucket", "dag-bucket/bucket", "arn");
  const bucketId = () => ref(mwaa, "aws_s3_bucket", "dag-bucket/bucket", "id");
  const environment = () => resourceAt(mwaa, "aws_mwaa_environment", "airflow/environment");

  describe("environment key", () => {
    it("rotates, waits the configured window before deletion, cannot be destroyed by accident and has an alias", () => {
      const key = resourceAt(mwaa, "aws_kms_key", "environment-key/key");
      expect(key).toMatchObject({
        enable_key_rotation: true,
        deletion_window_in_days: 30,
        multi_region: false,
        customer_master_key_spec: "SYMMETRIC_DEFAULT",
        lifecycle: { prevent_destroy: true },
      });
      expect(resourceAt(mwaa, "aws_kms_alias", "environment-key/alias")).toMatchObject({
        name: "alias/example-mwaa",
        target_key_id: ref(mwaa, "aws_kms_key", "environment-key/key", "key_id"),
      });
    });

    it("keeps the account root as administrator so the key policy can be updated later", () => {
      expect(resourceAt(mwaa, "aws_kms_key", "environment-key/key").policy).toBe(
        policyJsonRef(mwaa, "environment-key/policy"),
      );
      const root = policyStatements(mwaa, "environment-key/policy").find((s) => s.sid === "AccountAdministration");
      expect(root).toMatchObject({
        effect: "Allow",
        principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${ACCOUNT}:root`] }],
        actions: ["kms:*"],
      });
    });

    it("lets CloudWatch Logs use it only for this environment's log groups in this account", () => {
      const statements = policyStatements(mwaa, "environment-key/policy");
      expect(statements).toHaveLength(2);
      const logs = statements.find((s) => s.sid === "CloudWatchLogsEncryption");
      expect(logs.principals).toEqual([{ type: "Service", identifiers: ["logs.eu-west-1.amazonaws.com"] }]);
      expect(logs.actions).toEqual([
        "kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*",
      ]);
      expect(logs.condition).toEqual([
        {
          test: "ArnLike",
          variable: "kms:EncryptionContext:aws:logs:arn",
          values: [`arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:airflow-example-*`],
        },
      ]);
      for (const statement of statements) {
        expect(statement.principals[0].identifiers).not.toContain("*");
        expect(statement.actions).not.toContain("kms:PutKeyPolicy");
      }
    });
  });

  describe("DAG bucket", () => {
    it("has a derived, account-unique name and no force_destroy, and cannot be destroyed by accident", () => {
      expect(resourceAt(mwaa, "aws_s3_bucket", "dag-bucket/bucket")).toMatchObject({
        bucket: `example-dags-${ACCOUNT}-eu-west-1`,
        force_destroy: false,
        lifecycle: { prevent_destroy: true },
      });
    });

    it("is versioned", () => {
      expect(resourceAt(mwaa, "aws_s3_bucket_versioning", "dag-bucket/versioning")).toMatchObject({
        bucket: bucketId(),
        versioning_configuration: { status: "Enabled" },
      });
    });

    it("blocks every kind of public access", () => {
      expect(resourceAt(mwaa, "aws_s3_bucket_public_access_block", "dag-bucket/public-access-block")).toMatchObject({
        bucket: bucketId(),
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      });
    });

    it("encrypts with the environment key and an S3 bucket key", () => {
      const encryption = resourceAt(mwaa, "aws_s3_bucket_server_side_encryption_configuration", "dag-bucket/encryption");
      expect(encryption.rule).toEqual([
        {
          apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: keyArn() },
          bucket_key_enabled: true,
        },
      ]);
    });

    it("disables ACLs (BucketOwnerEnforced)", () => {
      expect(resourceAt(mwaa, "aws_s3_bucket_ownership_controls", "dag-bucket/ownership").rule).toEqual({
        object_ownership: "BucketOwnerEnforced",
      });
    });

    it("writes its server access logs to an SSE-S3 log bucket that only S3 log delivery for it may write to", () => {
      expect(resourceAt(mwaa, "aws_s3_bucket_logging", "dag-bucket/access-logs")).toEqual(
        expect.objectContaining({
          bucket: bucketId(),
          target_bucket: ref(mwaa, "aws_s3_bucket", "access-log-bucket/bucket", "bucket"),
          target_prefix: `example-dags-${ACCOUNT}-eu-west-1/`,
        }),
      );
      expect(resourceAt(mwaa, "aws_s3_bucket", "access-log-bucket/bucket").bucket).toBe(`example-s3-logs-${ACCOUNT}-eu-west-1`);
      expect(resourceAt(mwaa, "aws_s3_bucket_server_side_encryption_configuration", "access-log-bucket/encryption").rule).toEqual([
        { apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } },
      ]);
      const logBucketArn = ref(mwaa, "aws_s3_bucket", "access-log-bucket/bucket", "arn");
      expect(policyStatements(mwaa, "access-log-bucket/policy-document")).toContainEqual({
        sid: "ServerAccessLogsDelivery1",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: ["logging.s3.amazonaws.com"] }],
        actions: ["s3:PutObject"],
        resources: [`${logBucketArn}/example-dags-${ACCOUNT}-eu-west-1/*`],
        condition: [
          { test: "ArnLike", variable: "aws:SourceArn", values: [`arn:aws:s3:::example-dags-${ACCOUNT}-eu-west-1`] },
          { test: "StringEquals", variable: "aws:SourceAccount", values: [ACCOUNT] },
        ],
      });
      expect(resourceAt(mwaa, "aws_s3_bucket_lifecycle_configuration", "access-log-bucket/lifecycle").rule).toEqual([
        expect.objectContaining({ id: "expire-objects", expiration: [{ days: 365 }] }),
      ]);
      expect(resourceAt(mwaa, "aws_s3_bucket_public_access_block", "access-log-bucket/public-access-block")).toMatchObject({
        block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
      });
    });

    it("denies every request that does not use TLS", () => {
      const policy = resourceAt(mwaa, "aws_s3_bucket_policy", "dag-bucket/policy");
      expect(policy.policy).toBe(policyJsonRef(mwaa, "dag-bucket/policy-document"));
      expect(policyStatements(mwaa, "dag-bucket/policy-document")).toEqual([
        {
          sid: "DenyInsecureTransport",
          effect: "Deny",
          principals: [{ type: "*", identifiers: ["*"] }],
          actions: ["s3:*"],
          resources: [bucketArn(), `${bucketArn()}/*`],
          condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
        },
      ]);
    });
  });

  describe("execution role", () => {
    it("may be assumed only by MWAA, for this environment of this account", () => {
      const role = resourceAt(mwaa, "aws_iam_role", "execution-role/role");
      expect(role.name).toBe("example-mwaa-execution");
      expect(role.assume_role_policy).toBe(policyJsonRef(mwaa, "execution-role/trust-policy"));
      expect(policyStatements(mwaa, "execution-role/trust-policy")).toEqual([
        {
          sid: "MwaaForThisEnvironment",
          effect: "Allow",
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["airflow.amazonaws.com", "airflow-env.amazonaws.com"] }],
          condition: [
            { test: "StringEquals", variable: "aws:SourceAccount", values: [ACCOUNT] },
            { test: "ArnLike", variable: "aws:SourceArn", values: [ENVIRONMENT_ARN] },
          ],
        },
      ]);
    });

    it("holds exactly the MWAA guide's customer-managed-key policy", () => {
      const policy = resourceAt(mwaa, "aws_iam_role_policy", "execution-role/policy");
      expect(policy.role).toBe(ref(mwaa, "aws_iam_role", "execution-role/role", "name"));
      expect(policy.policy).toBe(policyJsonRef(mwaa, "execution-role/permissions"));
      const bucket = [bucketArn(), `${bucketArn()}/*`];
      expect(policyStatements(mwaa, "execution-role/permissions")).toEqual([
        { sid: "PublishMetricsOfThisEnvironment", effect: "Allow", actions: ["airflow:PublishMetrics"], resources: [ENVIRONMENT_ARN] },
        { sid: "NoBucketListing", effect: "Deny", actions: ["s3:ListAllMyBuckets"], resources: bucket },
        { sid: "ReadDagBucket", effect: "Allow", actions: ["s3:GetObject*", "s3:GetBucket*", "s3:List*"], resources: bucket },
        {
          sid: "WriteEnvironmentLogs",
          effect: "Allow",
          actions: [
            "logs:CreateLogStream", "logs:CreateLogGroup", "logs:PutLogEvents", "logs:GetLogEvents",
            "logs:GetLogRecord", "logs:GetLogGroupFields", "logs:GetQueryResults",
          ],
          resources: [`arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:airflow-example-*`],
        },
        {
          sid: "ActionsWithoutResourceArn",
          effect: "Allow",
          actions: ["logs:DescribeLogGroups", "s3:GetAccountPublicAccessBlock", "cloudwatch:PutMetricData"],
          resources: ["*"],
        },
        {
          sid: "UseCeleryQueues",
          effect: "Allow",
          actions: [
            "sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
            "sqs:GetQueueUrl", "sqs:ReceiveMessage", "sqs:SendMessage",
          ],
          resources: ["arn:aws:sqs:eu-west-1:*:airflow-celery-*"],
        },
        {
          sid: "UseEnvironmentKeyThroughSqsAndS3",
          effect: "Allow",
          actions: ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey*", "kms:Encrypt"],
          resources: [keyArn()],
          condition: [
            { test: "StringLike", variable: "kms:ViaService", values: ["sqs.eu-west-1.amazonaws.com", "s3.eu-west-1.amazonaws.com"] },
          ],
        },
      ]);
    });

    it("grants nothing broader: no wildcard service, no key-policy or role-passing action, and no managed policy", () => {
      const actions = policyStatements(mwaa, "execution-role/permissions").flatMap((s) => s.actions);
      for (const action of actions) expect(action).not.toMatch(/^(\*|[a-z0-9-]+:\*)$/);
      expect(actions).not.toEqual(expect.arrayContaining(["kms:PutKeyPolicy"]));
      expect(actions.filter((a: string) => a.startsWith("iam:"))).toEqual([]);
      expect(resources(mwaa, "aws_iam_role_policy_attachment")).toEqual({});
      expect(resources(mwaa, "aws_iam_policy")).toEqual({});
    });
  });

  describe("log groups", () => {
    it("creates the five airflow-<env>-* groups with the environment key, a retention and destroy protection", () => {
      const groups = Object.values(resources(mwaa, "aws_cloudwatch_log_group"));
      expect(groups.map((g) => g.name).sort()).toEqual([
        "airflow-example-DAGProcessing",
        "airflow-example-Scheduler",
        "airflow-example-Task",
        "airflow-example-WebServer",
        "airflow-example-Worker",
      ]);
      for (const group of groups) {
        expect(group).toMatchObject({ kms_key_id: keyArn(), retention_in_days: 365, lifecycle: { prevent_destroy: true } });
      }
    });

    it("exist before the environment, and so does the execution role's policy", () => {
      const groupRefs = Object.keys(resources(mwaa, "aws_cloudwatch_log_group")).map((id) => `aws_cloudwatch_log_group.${id}`);
      const policyId = Object.keys(resources(mwaa, "aws_iam_role_policy"))[0];
      expect(environment().depends_on.sort()).toEqual([...groupRefs, `aws_iam_role_policy.${policyId}`].sort());
    });
  });

  describe("environment", () => {
    it("is encrypted with the key's ARN (never its id or alias) and reads DAGs from the bucket", () => {
      expect(environment()).toMatchObject({
        name: "example",
        kms_key: keyArn(),
        source_bucket_arn: bucketArn(),
        dag_s3_path: "dags",
        execution_role_arn: ref(mwaa, "aws_iam_role", "execution-role/role", "arn"),
      });
    });

    it("is private by default and enables all five log types at the configured levels", () => {
      expect(environment().webserver_access_mode).toBe("PRIVATE_ONLY");
      expect(environment().logging_configuration).toEqual({
        dag_processing_logs: { enabled: true, log_level: "WARNING" },
        scheduler_logs: { enabled: true, log_level: "WARNING" },
        task_logs: { enabled: true, log_level: "INFO" },
        webserver_logs: { enabled: true, log_level: "WARNING" },
        worker_logs: { enabled: true, log_level: "WARNING" },
      });
    });

    it("takes its sizing, version, maintenance window and Airflow options from config", () => {
      expect(environment()).toMatchObject({
        airflow_version: "2.11.0",
        environment_class: "mw1.small",
        schedulers: 2,
        min_workers: 1,
        max_workers: 5,
        min_webservers: 2,
        max_webservers: 2,
        weekly_maintenance_window_start: "SUN:03:00",
        endpoint_management: "SERVICE",
        airflow_configuration_options: {
          "core.default_timezone": "utc",
          "webserver.warn_deployment_exposure": "false",
        },
      });
    });

    it("runs in the subnets and security group the network stack's state holds", () => {
      expect(environment().network_configuration).toEqual({
        subnet_ids: "${data.terraform_remote_state.state-of-example-network.outputs.private_subnet_ids}",
        security_group_ids: ["${data.terraform_remote_state.state-of-example-network.outputs.mwaa_security_group_id}"],
      });
    });
  });

  it("outputs the webserver URL, environment ARN, bucket, role, key and security group", () => {
    expect(mwaa.output).toMatchObject({
      webserver_url: { value: ref(mwaa, "aws_mwaa_environment", "airflow/environment", "webserver_url") },
      environment_arn: { value: ref(mwaa, "aws_mwaa_environment", "airflow/environment", "arn") },
      dag_bucket: { value: ref(mwaa, "aws_s3_bucket", "dag-bucket/bucket", "bucket") },
      execution_role_arn: { value: ref(mwaa, "aws_iam_role", "execution-role/role", "arn") },
      kms_key_arn: { value: keyArn() },
      security_group_id: { value: environment().network_configuration.security_group_ids[0] },
    });
  });
});

describe("the MWAA stack with other settings", () => {
  it("sizes mw1.micro with one scheduler, worker and webserver when the config leaves sizing out", () => {
    const { mwaa } = synthEnvironment(
      exampleConfig((raw) => {
        raw.airflow = { environmentClass: "mw1.micro" };
      }),
    );
    expect(resourceAt(mwaa, "aws_mwaa_environment", "airflow/environment")).toMatchObject({
      environment_class: "mw1.micro",
      schedulers: 1,
      min_workers: 1,
      max_workers: 1,
      min_webservers: 1,
      max_webservers: 1,
    });
  });

  it("drops destroy protection only when protectFromDestroy is false", () => {
    const { mwaa, network } = synthEnvironment(exampleConfig((raw) => (raw.protectFromDestroy = false)));
    for (const [stack, type] of [
      [mwaa, "aws_kms_key"], [mwaa, "aws_s3_bucket"], [mwaa, "aws_cloudwatch_log_group"],
      [network, "aws_kms_key"], [network, "aws_cloudwatch_log_group"],
    ] as const) {
      for (const resource of Object.values(resources(stack, type))) expect(resource.lifecycle.prevent_destroy).toBe(false);
    }
    expect(resourceAt(mwaa, "aws_s3_bucket", "dag-bucket/bucket").force_destroy).toBe(false);
  });

  it("uses the bucket name and log settings the config gives", () => {
    const { mwaa } = synthEnvironment(
      exampleConfig((raw) => {
        raw.storage = { dagBucketName: "acme-airflow-dags" };
        raw.logging = { retentionDays: 731, levels: { task: "DEBUG" } };
      }),
    );
    expect(resourceAt(mwaa, "aws_s3_bucket", "dag-bucket/bucket").bucket).toBe("acme-airflow-dags");
    for (const group of Object.values(resources(mwaa, "aws_cloudwatch_log_group"))) expect(group.retention_in_days).toBe(731);
    const logging = resourceAt(mwaa, "aws_mwaa_environment", "airflow/environment").logging_configuration;
    expect(logging.task_logs).toEqual({ enabled: true, log_level: "DEBUG" });
    expect(logging.scheduler_logs).toEqual({ enabled: true, log_level: "WARNING" });
  });
});

describe("the MWAA stack with Airflow files in airflow/<env>/", () => {
  let mwaa: StackJson;
  let outdir: string;
  beforeAll(() => {
    ({ mwaa, outdir } = synthEnvironment(withAirflowFiles(exampleConfig((raw) => (raw.airflow.workerReplacementStrategy = "GRACEFUL")))));
  });
  const objects = () => Object.values<any>(resources(mwaa, "aws_s3_object"));
  const objectAt = (key: string) => objects().find((o) => o.key === key);
  const environment = () => resourceAt(mwaa, "aws_mwaa_environment", "airflow/environment");

  it("uploads every DAG under the DAG folder, and requirements.txt, plugins.zip and startup.sh at MWAA's keys", () => {
    expect(objects().map((o) => o.key).sort()).toEqual(["dags/hello_private_network.py", "plugins.zip", "requirements.txt", "startup.sh"]);
  });

  it("uploads each from a copy in the stack's folder whose SHA-256 is its source_hash, into the DAG bucket, with the environment key", () => {
    for (const object of objects()) {
      const bytes = readFileSync(join(outdir, "stacks", "example-mwaa", object.source));
      expect(object.source).toMatch(/^assets\//);
      expect(object.source_hash).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(object).toMatchObject({
        bucket: ref(mwaa, "aws_s3_bucket", "dag-bucket/bucket", "bucket"),
        server_side_encryption: "aws:kms",
        kms_key_id: ref(mwaa, "aws_kms_key", "environment-key/key", "arn"),
        bucket_key_enabled: true,
      });
      // Versioning and encryption hold before the first upload: objects get versions, and the key.
      expect(object.depends_on).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^aws_s3_bucket_versioning\.dag-bucket_versioning/),
          expect.stringMatching(/^aws_s3_bucket_server_side_encryption_configuration\.dag-bucket_encryption/),
        ]),
      );
    }
  });

  it("pins requirements, plugins and the startup script to the uploaded objects' versions, so a changed file updates the environment", () => {
    const pin = (key: string) => {
      const [id] = Object.entries<any>(resources(mwaa, "aws_s3_object")).find(([, o]) => o.key === key)!;
      return { path: `\${aws_s3_object.${id}.key}`, version: `\${aws_s3_object.${id}.version_id}` };
    };
    expect(environment()).toMatchObject({
      requirements_s3_path: pin("requirements.txt").path,
      requirements_s3_object_version: pin("requirements.txt").version,
      plugins_s3_path: pin("plugins.zip").path,
      plugins_s3_object_version: pin("plugins.zip").version,
      startup_script_s3_path: pin("startup.sh").path,
      startup_script_s3_object_version: pin("startup.sh").version,
      worker_replacement_strategy: "GRACEFUL",
    });
  });

  it("starts the environment after its DAGs are uploaded", () => {
    const dag = Object.keys(resources(mwaa, "aws_s3_object")).find((id) => id.startsWith("airflow-files_dag-"))!;
    expect(environment().depends_on).toContain(`aws_s3_object.${dag}`);
    expect(objectAt("dags/hello_private_network.py")).toBeDefined();
  });

  it("zips plugins/ into the same bytes on every synth", () => {
    const again = synthEnvironment(withAirflowFiles(exampleConfig())).mwaa;
    const zip = (stack: StackJson) => Object.values<any>(resources(stack, "aws_s3_object")).find((o) => o.key === "plugins.zip").source_hash;
    expect(zip(again)).toBe(zip(mwaa));
  });

  it("uploads nothing and pins nothing without the folder", () => {
    const plain = synthEnvironment(exampleConfig()).mwaa;
    expect(resources(plain, "aws_s3_object")).toEqual({});
    const env = resourceAt(plain, "aws_mwaa_environment", "airflow/environment");
    for (const argument of ["requirements_s3_path", "plugins_s3_path", "startup_script_s3_path", "worker_replacement_strategy"]) expect(env[argument]).toBeUndefined();
  });
});
