import { dataLifecycleKeepsData } from "../../../../../modules/guardrails/rules/data/lifecycle-keeps-data";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";

const DAGS = "${aws_s3_bucket.dags.id}";
const KEEP_OLD_VERSIONS = { id: "expire-noncurrent-versions", status: "Enabled", filter: [{}], noncurrent_version_expiration: [{ noncurrent_days: 90 }] };
const EXPIRE = (expiration: object) => ({ id: "wipe", status: "Enabled", filter: [{}], expiration: [expiration] });

/** A stack with a `dags` bucket (inline arguments `bucket`) and `resources`, judged line by line. */
function judge(resources: Record<string, any> = {}, bucket: Record<string, any> = {}): string[] {
  const stack = new SynthesizedStack("s", { resource: { aws_s3_bucket: { dags: { bucket: "dags", ...bucket } }, ...resources } });
  return dataLifecycleKeepsData.evaluate(stack).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`);
}
const lifecycle = (...rule: unknown[]) => ({ aws_s3_bucket_lifecycle_configuration: { lifecycle: { bucket: DAGS, rule } } });

describe("DATA.LIFECYCLE_KEEPS_DATA", () => {
  it("passes a bucket without lifecycle, and one that expires only noncurrent versions", () => {
    expect(judge()).toEqual(["PASS s/dags: no lifecycle configuration: S3 expires nothing"]);
    expect(judge(lifecycle(KEEP_OLD_VERSIONS))).toEqual(["PASS s/dags: lifecycle expires no current object"]);
    expect(judge(lifecycle({ ...KEEP_OLD_VERSIONS, expiration: [{ expired_object_delete_marker: true }] }))).toEqual(["PASS s/dags: lifecycle expires no current object"]);
  });

  it("fails a rule that expires current objects after some days or on a date, whatever else it keeps", () => {
    expect(judge(lifecycle(KEEP_OLD_VERSIONS, EXPIRE({ days: 1 })))).toEqual([
      "FAIL s/dags: rule wipe expires current objects (days = 1): the bucket's data is deleted by S3, with no destroy in any plan",
    ]);
    expect(judge(lifecycle(EXPIRE({ date: "2027-01-01T00:00:00Z" })))).toEqual([
      'FAIL s/dags: rule wipe expires current objects (date = "2027-01-01T00:00:00Z"): the bucket\'s data is deleted by S3, with no destroy in any plan',
    ]);
    expect(judge(lifecycle(EXPIRE({ days: "${var.days}" })))).toEqual([
      'FAIL s/dags: rule wipe expires current objects (days = "${var.days}"): the bucket\'s data is deleted by S3, with no destroy in any plan',
    ]);
  });

  it("ignores a rule switched off literally, and judges one whose status is an expression", () => {
    expect(judge(lifecycle({ ...EXPIRE({ days: 1 }), status: "Disabled" }))).toEqual(["PASS s/dags: lifecycle expires no current object"]);
    expect(judge(lifecycle({ ...EXPIRE({ days: 1 }), status: "${var.status}" }))[0]).toMatch(/^FAIL s\/dags: rule wipe expires current objects/);
  });

  it("lets a bucket that receives access logs expire them", () => {
    const logging = { aws_s3_bucket_logging: { l: { bucket: "${aws_s3_bucket.other.id}", target_bucket: DAGS, target_prefix: "x/" } } };
    expect(judge({ ...logging, ...lifecycle(EXPIRE({ days: 365 })) })).toEqual(["PASS s/dags: receives access logs, which it expires on purpose: rule wipe expires current objects (days = 365)"]);
  });

  it("fails rules it cannot read: an expression, a dynamic block, an expiration written as an expression", () => {
    expect(judge({ aws_s3_bucket_lifecycle_configuration: { lifecycle: { bucket: DAGS, rule: "${var.rules}" } } })).toEqual([
      'FAIL s/dags: lifecycle rules cannot be read: rule "${var.rules}" is an expression known only at plan time',
    ]);
    expect(judge({ aws_s3_bucket_lifecycle_configuration: { lifecycle: { bucket: DAGS, dynamic: { rule: { for_each: "${var.rules}", content: {} } } } } })).toEqual([
      "FAIL s/dags: lifecycle rules cannot be read: a dynamic rule block, generated at plan time",
    ]);
    expect(judge(lifecycle({ id: "r", status: "Enabled", expiration: "${var.expiration}" }))).toEqual([
      'FAIL s/dags: lifecycle rules cannot be read: rule r: expiration "${var.expiration}" is an expression known only at plan time',
    ]);
  });

  it("reads the deprecated lifecycle_rule argument of aws_s3_bucket, alone or beside a lifecycle resource", () => {
    expect(judge({}, { lifecycle_rule: [{ id: "old", enabled: true, expiration: [{ days: 30 }] }] })).toEqual([
      "FAIL s/dags: rule old expires current objects (days = 30): the bucket's data is deleted by S3, with no destroy in any plan (set by the lifecycle_rule argument of s/dags)",
    ]);
    expect(judge({}, { lifecycle_rule: [{ id: "old", enabled: false, expiration: [{ days: 30 }] }] })).toEqual([
      "PASS s/dags: lifecycle expires no current object (set by the lifecycle_rule argument of s/dags)",
    ]);
    expect(judge(lifecycle(KEEP_OLD_VERSIONS), { lifecycle_rule: [{ id: "old", enabled: true, noncurrent_version_expiration: [{ days: 30 }] }] })[0]).toMatch(
      /^FAIL s\/dags: 2 settings of one kind \(the lifecycle_rule argument of s\/dags; aws_s3_bucket_lifecycle_configuration s\/lifecycle\)/,
    );
  });

  it("fails two lifecycle configurations for one bucket even when both keep the data: S3 keeps the last applied", () => {
    const two = { aws_s3_bucket_lifecycle_configuration: { a: { bucket: DAGS, rule: [KEEP_OLD_VERSIONS] }, b: { bucket: "dags", rule: [KEEP_OLD_VERSIONS] } } };
    expect(judge(two)[0]).toMatch(/^FAIL s\/dags: 2 settings of one kind \(aws_s3_bucket_lifecycle_configuration s\/a; aws_s3_bucket_lifecycle_configuration s\/b\)/);
  });

  it("judges a lifecycle configuration for a bucket of another stack on its own, as one that holds data", () => {
    const elsewhere = { aws_s3_bucket_lifecycle_configuration: { far: { bucket: "${data.terraform_remote_state.mwaa.outputs.dag_bucket}", rule: [EXPIRE({ days: 1 })] } } };
    expect(judge(elsewhere)).toEqual([
      "PASS s/dags: no lifecycle configuration: S3 expires nothing",
      'FAIL s/far: sets a bucket this stack does not define (bucket = "${data.terraform_remote_state.mwaa.outputs.dag_bucket}"), judged on its own; rule wipe expires current objects (days = 1): the bucket\'s data is deleted by S3, with no destroy in any plan',
    ]);
  });
});
