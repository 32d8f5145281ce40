import { BucketSetting } from "../../bucket-parts";
import { narrowsPrincipals } from "../../iam/conditions";
import { admitsAnyone } from "../../iam/principals";
import { allows, PolicyStatement, sidOf } from "../../iam/policy-statement";
import { matchesResource } from "../../iam/resource-pattern";
import { S3_PARTITIONS } from "../../s3-arns";
import { SynthesizedStack, SynthResource } from "../../synthesized-stack";

/** The statements of a bucket policy setting, or undefined when the rules cannot read it (see iam/policy-document.ts). */
export function bucketPolicyStatements(stack: SynthesizedStack, setting: BucketSetting): PolicyStatement[] | undefined {
  return stack.policyStatements(setting.config.policy);
}

/** Allow statements open to anyone with no condition that narrows who: by sid. */
export function openAllows(statements: readonly PolicyStatement[]): string[] {
  return statements.filter((s) => allows(s) && admitsAnyone(s) && !narrowsPrincipals(s)).map(sidOf);
}

/** How a policy can name `bucket`: its `arn` reference, or the ARN of its literal name. */
function bucketArns(bucket: SynthResource): string[] {
  const name = bucket.config.bucket;
  return [SynthesizedStack.reference(bucket, "arn"), ...(typeof name === "string" && !name.includes("${") ? S3_PARTITIONS.map((p) => `arn:${p}:s3:::${name}`) : [])];
}

const covers = (resources: readonly string[], target: string) => resources.some((r) => matchesResource(r, target));

/**
 * Whether the statements refuse every request without TLS, to the bucket and its objects: a Deny
 * of s3:* (or *) to everyone whose only condition is aws:SecureTransport false. Any other condition
 * would narrow the Deny to the requests that also meet it, and a NotResource Deny leaves out what it
 * lists. For a policy of a bucket outside the stack (`bucket` undefined), the Deny must cover some
 * resource and the objects under it.
 */
export function deniesPlainHttp(statements: readonly PolicyStatement[], bucket?: SynthResource): boolean {
  return statements.some((s) => {
    // Principal "*" itself: a NotPrincipal Deny spares the principals it lists, who may then use plain HTTP.
    if (allows(s) || !admitsAnyone(s) || s.not_principals !== undefined) return false;
    if (!(s.actions ?? []).some((a) => ["s3:*", "*"].includes(a.toLowerCase()))) return false;
    const conditions = s.condition ?? [];
    const tls =
      conditions.length === 1 &&
      ["Bool", "BoolIfExists"].includes(conditions[0].test) &&
      conditions[0].variable.toLowerCase() === "aws:securetransport" &&
      conditions[0].values.length > 0 &&
      conditions[0].values.every((v) => v === "false");
    if (!tls) return false;
    const resources = s.resources ?? [];
    if (bucket) return bucketArns(bucket).some((arn) => covers(resources, arn) && covers(resources, `${arn}/any-object`));
    return resources.some((r) => covers(resources, r) && covers(resources, `${r}/any-object`));
  });
}
