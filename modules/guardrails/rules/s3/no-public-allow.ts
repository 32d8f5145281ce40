import { check, Rule } from "../../rule";

export const s3NoPublicAllow: Rule = {
  id: "S3.NO_PUBLIC_ALLOW",
  title: "No bucket policy allows any principal without a condition",
  sources: ["checkov CKV_AWS_70"],
  explanation: "An Allow to Principal \"*\" without a condition opens the bucket to everyone.",
  fix: "Allow named principals (a role, a service with aws:SourceArn/aws:SourceAccount conditions); keep \"*\" for Deny statements only.",
  evaluate: (stack) =>
    stack.resources("aws_s3_bucket").map((bucket) => {
      const open = stack
        .bucketPart(bucket, "aws_s3_bucket_policy")
        .flatMap((p) => stack.policyStatements(p.config.policy) ?? [])
        .filter((s) => (s.effect ?? "Allow") === "Allow" && (s.principals ?? []).some((p) => p.identifiers.includes("*")) && (s.condition ?? []).length === 0);
      return check(bucket.path, open.length === 0, open.length === 0 ? "no unconditioned Allow to \"*\"" : `unconditioned Allow to "*": ${open.map((s) => s.sid ?? "(no sid)").join(", ")}`);
    }),
};
