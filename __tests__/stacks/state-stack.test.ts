import { exampleConfig } from "../helpers/config-fixtures";
import { policyJsonRef, policyStatements, ref, resourceAt, StackJson, synthEnvironment } from "../helpers/synth";

describe("the state bootstrap stack of the example environment", () => {
  let state: StackJson;
  beforeAll(() => {
    state = synthEnvironment(exampleConfig()).state!;
  });
  const keyArn = () => ref(state, "aws_kms_key", "state-key/key", "arn");
  const bucketId = () => ref(state, "aws_s3_bucket", "state-bucket/bucket", "id");
  const bucketArn = () => ref(state, "aws_s3_bucket", "state-bucket/bucket", "arn");

  it("is named for state and keeps its own state in a local file at a relative path", () => {
    expect(state["//"].metadata.stackName).toBe("example-state");
    expect(state.terraform.backend).toEqual({ local: { path: "../../../terraform.example-state.tfstate" } });
  });

  it("creates a rotating key with an alias that cannot be destroyed", () => {
    expect(resourceAt(state, "aws_kms_key", "state-key/key")).toMatchObject({
      enable_key_rotation: true,
      lifecycle: { prevent_destroy: true },
      policy: policyJsonRef(state, "state-key/policy"),
    });
    expect(resourceAt(state, "aws_kms_alias", "state-key/alias")).toMatchObject({
      name: "alias/example-tfstate",
      target_key_id: ref(state, "aws_kms_key", "state-key/key", "key_id"),
    });
    expect(policyStatements(state, "state-key/policy").map((s) => s.sid)).toEqual(["AccountAdministration"]);
  });

  it("creates a versioned, private, KMS-encrypted, TLS-only bucket that cannot be destroyed", () => {
    expect(resourceAt(state, "aws_s3_bucket", "state-bucket/bucket")).toMatchObject({
      bucket: "example-tfstate-111122223333-eu-west-1",
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(resourceAt(state, "aws_s3_bucket_versioning", "state-bucket/versioning").versioning_configuration).toEqual({
      status: "Enabled",
    });
    expect(resourceAt(state, "aws_s3_bucket_public_access_block", "state-bucket/public-access-block")).toMatchObject({
      bucket: bucketId(),
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(resourceAt(state, "aws_s3_bucket_server_side_encryption_configuration", "state-bucket/encryption").rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: keyArn() }, bucket_key_enabled: true },
    ]);
    expect(resourceAt(state, "aws_s3_bucket_ownership_controls", "state-bucket/ownership").rule).toEqual({
      object_ownership: "BucketOwnerEnforced",
    });
    expect(policyStatements(state, "state-bucket/policy-document")).toEqual([
      expect.objectContaining({
        effect: "Deny",
        resources: [bucketArn(), `${bucketArn()}/*`],
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      }),
    ]);
  });

  it("logs every access to the state bucket in a log bucket of its own, also protected", () => {
    expect(resourceAt(state, "aws_s3_bucket_logging", "state-bucket/access-logs")).toMatchObject({
      bucket: bucketId(),
      target_bucket: ref(state, "aws_s3_bucket", "state-access-log-bucket/bucket", "bucket"),
      target_prefix: "example-tfstate-111122223333-eu-west-1/",
    });
    expect(resourceAt(state, "aws_s3_bucket", "state-access-log-bucket/bucket")).toMatchObject({
      bucket: "example-tfstate-logs-111122223333-eu-west-1",
      lifecycle: { prevent_destroy: true },
    });
  });

  it("expires overwritten state versions after 90 days by default, once versioning is on", () => {
    const lifecycle = resourceAt(state, "aws_s3_bucket_lifecycle_configuration", "state-bucket/lifecycle");
    expect(lifecycle.rule).toEqual([
      expect.objectContaining({ status: "Enabled", noncurrent_version_expiration: [{ noncurrent_days: 90 }] }),
    ]);
    expect(lifecycle.depends_on).toEqual([expect.stringMatching(/^aws_s3_bucket_versioning\./)]);
  });

  it("keeps noncurrent versions as long as the config says", () => {
    const other = synthEnvironment(exampleConfig((raw) => (raw.state = { noncurrentVersionExpirationDays: 400 }))).state!;
    expect(resourceAt(other, "aws_s3_bucket_lifecycle_configuration", "state-bucket/lifecycle").rule[0].noncurrent_version_expiration).toEqual([
      { noncurrent_days: 400 },
    ]);
  });

  it("keeps the key and the bucket even when the environment drops its destroy protection", () => {
    const other = synthEnvironment(exampleConfig((raw) => (raw.protectFromDestroy = false))).state!;
    expect(resourceAt(other, "aws_kms_key", "state-key/key").lifecycle.prevent_destroy).toBe(true);
    expect(resourceAt(other, "aws_s3_bucket", "state-bucket/bucket").lifecycle.prevent_destroy).toBe(true);
  });

  it("outputs the bucket and the key alias", () => {
    expect(state.output).toMatchObject({
      state_bucket: { value: ref(state, "aws_s3_bucket", "state-bucket/bucket", "bucket") },
      state_key_alias: { value: ref(state, "aws_kms_alias", "state-key/alias", "name") },
    });
  });
});
