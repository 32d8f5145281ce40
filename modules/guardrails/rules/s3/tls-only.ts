import { check, Rule } from "../../rule";

export const s3TlsOnly: Rule = {
  id: "S3.TLS_ONLY",
  title: "Bucket policies refuse requests without TLS",
  sources: ["Security Hub S3.5"],
  explanation: "Without a Deny on aws:SecureTransport = false, clients may read and write over plain HTTP.",
  fix: "Add a bucket policy statement: Deny s3:* on the bucket and bucket/* to Principal * when aws:SecureTransport is false (EncryptedBucket does).",
  evaluate: (stack) =>
    stack.resources("aws_s3_bucket").map((bucket) => {
      const statements = stack.bucketPart(bucket, "aws_s3_bucket_policy").flatMap((p) => stack.policyStatements(p.config.policy) ?? []);
      const denies = statements.some(
        (s) =>
          s.effect === "Deny" &&
          (s.actions ?? []).some((a) => a === "s3:*" || a === "*") &&
          (s.principals ?? []).some((p) => p.identifiers.includes("*")) &&
          (s.condition ?? []).some((c) => c.test === "Bool" && c.variable === "aws:SecureTransport" && c.values.includes("false")),
      );
      return check(bucket.path, denies, denies ? "Deny s3:* when aws:SecureTransport is false" : "no TLS-only Deny in the bucket policy");
    }),
};
