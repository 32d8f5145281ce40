import { LifecycleReading } from "../../lifecycle-rules";
import { Rule } from "../../rule";
import { isAccessLogTarget } from "../s3/access-log-targets";
import { judgeSoleSetting, Verdict } from "../s3/judge-settings";

export const dataLifecycleKeepsData: Rule = {
  id: "DATA.LIFECYCLE_KEEPS_DATA",
  title: "Lifecycle rules never expire current objects, except access logs",
  evaluates:
    "every lifecycle setting of every bucket (aws_s3_bucket_lifecycle_configuration resources and the deprecated lifecycle_rule argument of aws_s3_bucket), wherever it points: no enabled rule expires current object versions (expiration with days or date) unless the bucket receives access logs; noncurrent-version expiration is allowed; several for one bucket, or rules that cannot be read, fail",
  sources: ["Project rule: nothing may lose data", "S3 guide: Lifecycle configuration elements (Expiration, NoncurrentVersionExpiration)"],
  explanation:
    "prevent_destroy protects a bucket from Terraform, not its objects from S3: a lifecycle rule whose expiration has days or a date deletes every current object (in a versioned bucket it turns them into noncurrent versions, which a noncurrent-version expiration then deletes), so the DAGs, requirements or Terraform state vanish with no destroy in any plan. " +
    "Only buckets that receive server access logs expire their current objects, on purpose (storage.accessLogRetentionDays); expiring noncurrent versions keeps every current object (the state bucket keeps its old versions state.noncurrentVersionExpirationDays). " +
    "Every lifecycle setting counts, tied to a bucket of the stack or not (one for a bucket of another stack is judged on its own, as if it held data); S3 keeps one configuration per bucket, so two for one bucket fail (the last applied wins). A rule switched off literally (status \"Disabled\", enabled = false) expires nothing; rules that cannot be read statically (an expression, a dynamic block) fail.",
  fix: "Expire only noncurrent versions (noncurrent_version_expiration) on buckets that hold data, keep one aws_s3_bucket_lifecycle_configuration per bucket and no lifecycle_rule argument on aws_s3_bucket (EncryptedBucket does).",
  evaluate: (stack) =>
    judgeSoleSetting(stack, "lifecycle", {
      missing: { ok: true, evidence: "no lifecycle configuration: S3 expires nothing" },
      judge: ({ config }, bucket) => judgeLifecycle(config.reading as LifecycleReading, bucket !== undefined && isAccessLogTarget(stack, bucket)),
    }),
};

function judgeLifecycle(reading: LifecycleReading, accessLogTarget: boolean): Verdict {
  if ("unreadable" in reading) return { ok: false, evidence: `lifecycle rules cannot be read: ${reading.unreadable}` };
  const expiring = reading.rules.filter((r) => r.enabled && r.expiresCurrent !== undefined);
  const named = expiring.map((r) => `rule ${r.name} expires current objects (${r.expiresCurrent})`).join("; ");
  if (expiring.length === 0) return { ok: true, evidence: "lifecycle expires no current object" };
  if (accessLogTarget) return { ok: true, evidence: `receives access logs, which it expires on purpose: ${named}` };
  return { ok: false, evidence: `${named}: the bucket's data is deleted by S3, with no destroy in any plan` };
}
