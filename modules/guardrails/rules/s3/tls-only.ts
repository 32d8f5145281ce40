import { Rule } from "../../rule";
import { bucketPolicyStatements, deniesPlainHttp } from "./bucket-policies";
import { judgeSoleSetting } from "./judge-settings";

export const s3TlsOnly: Rule = {
  id: "S3.TLS_ONLY",
  title: "Bucket policies refuse requests without TLS",
  evaluates: "every bucket policy (aws_s3_bucket_policy resources and the inline argument), wherever it points: a Deny of s3:* on the bucket and its objects when aws:SecureTransport is false; exactly one per bucket; an unreadable policy fails",
  sources: ["Security Hub S3.5"],
  explanation:
    "Without a Deny on aws:SecureTransport = false, clients may read and write over plain HTTP. S3 keeps one policy per bucket, so a second aws_s3_bucket_policy, or the deprecated policy argument of aws_s3_bucket beside one, fails (the last applied replaces the reviewed one); a policy pointing at a bucket outside the stack must refuse plain HTTP on its own; a policy the rules cannot read fails.",
  fix: "Keep exactly one aws_s3_bucket_policy per bucket, with a statement that denies s3:* on the bucket and bucket/* to Principal * when aws:SecureTransport is false, and no other condition (EncryptedBucket does).",
  evaluate: (stack) =>
    judgeSoleSetting(stack, "policy", {
      missing: "no bucket policy",
      judge: (setting, bucket) => {
        const statements = bucketPolicyStatements(stack, setting);
        if (!statements) return { ok: false, evidence: `${setting.from}: the policy cannot be read (not a data.aws_iam_policy_document reference or JSON text)` };
        const denies = deniesPlainHttp(statements, bucket);
        return { ok: denies, evidence: denies ? "Deny s3:* when aws:SecureTransport is false" : "no TLS-only Deny in the bucket policy" };
      },
    }),
};
