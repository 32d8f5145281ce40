import { BucketSetting } from "../../bucket-parts";
import { appliesToAnyone, isAllow, readResourcePolicy, ResourcePolicyStatement } from "../../resource-policy";
import { restrictsPrincipal } from "../../restricting-condition";
import { SynthesizedStack, SynthResource } from "../../synthesized-stack";

/** The statements of a bucket policy setting, or undefined when the rules cannot read it. */
export function bucketPolicyStatements(stack: SynthesizedStack, setting: BucketSetting): ResourcePolicyStatement[] | undefined {
  return readResourcePolicy(stack, setting.config.policy);
}

/** Allow statements open to anyone with no condition that narrows who: by sid. */
export function openAllows(statements: readonly ResourcePolicyStatement[]): string[] {
  return statements.filter((s) => isAllow(s) && appliesToAnyone(s) && !restrictsPrincipal(s)).map((s) => s.sid ?? "(no sid)");
}

const PARTITIONS = ["aws", "aws-cn", "aws-us-gov"];

/** How a policy can name `bucket`: its `arn` reference, or the ARN of its literal name. */
function bucketArns(bucket: SynthResource): string[] {
  const name = bucket.config.bucket;
  return [SynthesizedStack.reference(bucket, "arn"), ...(typeof name === "string" && !name.includes("${") ? PARTITIONS.map((p) => `arn:${p}:s3:::${name}`) : [])];
}

const glob = (pattern: string) => new RegExp(`^${pattern.split(/([*?])/).map((part) => (part === "*" ? ".*" : part === "?" ? "." : part.replace(/[.+^${}()|[\]\\]/g, "\\$&"))).join("")}$`);
const covers = (resources: readonly string[], target: string) => resources.some((r) => glob(String(r)).test(target));

/**
 * Whether the statements refuse every request without TLS, to the bucket and its objects: a Deny
 * of s3:* (or *) to everyone whose only condition is aws:SecureTransport false. Any other condition
 * would narrow the Deny to the requests that also meet it. For a policy of a bucket outside the
 * stack (`bucket` undefined), the Deny must cover some resource and the objects under it.
 */
export function deniesPlainHttp(statements: readonly ResourcePolicyStatement[], bucket?: SynthResource): boolean {
  return statements.some((s) => {
    if (s.effect !== "Deny" || !appliesToAnyone(s)) return false;
    if (!(s.actions ?? []).some((a) => ["s3:*", "*"].includes(String(a).toLowerCase()))) return false;
    const conditions = s.condition ?? [];
    const tls =
      conditions.length === 1 &&
      ["Bool", "BoolIfExists"].includes(conditions[0].test) &&
      String(conditions[0].variable).toLowerCase() === "aws:securetransport" &&
      ([] as unknown[]).concat(conditions[0].values).length > 0 &&
      ([] as unknown[]).concat(conditions[0].values).every((v) => String(v) === "false");
    if (!tls) return false;
    const resources = (s.resources ?? []).map(String);
    if (bucket) return bucketArns(bucket).some((arn) => covers(resources, arn) && covers(resources, `${arn}/any-object`));
    return resources.some((r) => covers(resources, r) && covers(resources, `${r}/any-object`));
  });
}
