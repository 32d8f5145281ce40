import { check, Rule } from "../../rule";
import { block } from "../../terraform-document";

export const s3OwnershipEnforced: Rule = {
  id: "S3.ACLS_DISABLED",
  title: "Bucket ACLs are disabled (BucketOwnerEnforced)",
  sources: ["checkov CKV2_AWS_65", "Security Hub S3.12"],
  explanation: "With ACLs disabled only policies grant access, and every object belongs to the bucket's account.",
  fix: "Add an aws_s3_bucket_ownership_controls with object_ownership BucketOwnerEnforced (EncryptedBucket does).",
  evaluate: (stack) =>
    stack.resources("aws_s3_bucket").map((bucket) => {
      const ownership = block(stack.bucketPart(bucket, "aws_s3_bucket_ownership_controls")[0]?.config.rule)?.object_ownership;
      return check(bucket.path, ownership === "BucketOwnerEnforced", `object_ownership = ${ownership ?? "unset"}`);
    }),
};
