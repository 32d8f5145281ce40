import { BucketSetting, bucketSettings, deployedSettings } from "../../bucket-parts";
import { check, Evaluation, fail, Rule } from "../../rule";
import { SynthesizedStack } from "../../synthesized-stack";
import { publicGrants } from "./acl-grants";
import { bucketPolicyStatements, openAllows } from "./bucket-policies";
import { judgeUntied, Verdict } from "./judge-settings";

export const s3NoPublicAllow: Rule = {
  id: "S3.NO_PUBLIC_ALLOW",
  title: "No bucket policy or ACL opens a bucket to anyone",
  evaluates: "every bucket policy and ACL (aws_s3_bucket_policy, aws_s3_bucket_acl, inline policy/acl/grant), wherever it points: no Allow to anyone without a narrowing condition, no public canned ACL or grant",
  sources: ["checkov CKV_AWS_70", "Security Hub S3.2", "Security Hub S3.3"],
  explanation:
    "An Allow to Principal \"*\" (or NotPrincipal, or a wildcard principal) opens the bucket to everyone unless a condition narrows who may call: the caller's account, organization or ARN, the source ARN, account, VPC or endpoint (a source IP, a Not... or ...IfExists operator, or a value that matches anything or is the caller's own policy variable does not narrow). A public canned ACL or a grant to AllUsers or AuthenticatedUsers opens it too. Every bucket policy and ACL counts, from a separate resource (tied to a bucket of the stack or pointing anywhere else) or from the deprecated policy, acl and grant arguments of aws_s3_bucket. A policy the rules cannot read fails.",
  fix: "Allow named principals (a role, a service with aws:SourceArn/aws:SourceAccount conditions), keep \"*\" for Deny statements only, and leave ACLs private; build policies from a data.aws_iam_policy_document.",
  evaluate: (stack) => {
    const policies = bucketSettings(stack, "policy");
    const acls = bucketSettings(stack, "acl");
    const aclsOf = new Map(acls.buckets.map((b) => [b.bucket, b.settings]));
    const perBucket = policies.buckets.map(({ bucket, settings }): Evaluation => {
      const deployed = deployedSettings([...settings, ...(aclsOf.get(bucket) ?? [])]);
      if ("evidence" in deployed) return fail(bucket.path, deployed.evidence);
      const open = deployed.settings.map((s) => judgeSetting(stack, s)).filter((v) => !v.ok);
      return check(bucket.path, open.length === 0, open.length === 0 ? "no Allow to anyone without a narrowing condition, no public ACL" : open.map((v) => v.evidence).join("; "));
    });
    return [
      ...perBucket,
      ...judgeUntied(policies.untied, (s) => judgeSetting(stack, s)),
      ...judgeUntied(acls.untied, (s) => judgeSetting(stack, s)),
    ];
  },
};

/** One policy or ACL setting on its own. */
function judgeSetting(stack: SynthesizedStack, setting: BucketSetting): Verdict {
  if ("grants" in setting.config) {
    const grants = publicGrants(setting);
    return { ok: grants.length === 0, evidence: grants.length === 0 ? "no public ACL" : `${setting.from}: public ACL (${grants.join(", ")})` };
  }
  const statements = bucketPolicyStatements(stack, setting);
  if (!statements) return { ok: false, evidence: `${setting.from}: the policy cannot be read (not a data.aws_iam_policy_document reference or JSON text)` };
  const open = openAllows(statements);
  return { ok: open.length === 0, evidence: open.length === 0 ? "no Allow to anyone without a narrowing condition" : `${setting.from}: Allow to anyone without a narrowing condition: ${open.join(", ")}` };
}
