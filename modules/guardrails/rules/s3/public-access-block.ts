import { check, Rule } from "../../rule";

const FLAGS = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"];

export const s3PublicAccessBlock: Rule = {
  id: "S3.PUBLIC_ACCESS_BLOCK",
  title: "Every bucket blocks all four kinds of public access",
  sources: ["checkov CKV_AWS_53", "checkov CKV_AWS_54", "checkov CKV_AWS_55", "checkov CKV_AWS_56", "checkov CKV2_AWS_6", "Security Hub S3.8", "Playbook 2"],
  explanation: "Without the block, one ACL or policy mistake publishes DAGs, logs or Terraform state.",
  fix: "Add an aws_s3_bucket_public_access_block with all four flags true (EncryptedBucket does).",
  evaluate: (stack) =>
    stack.resources("aws_s3_bucket").map((bucket) => {
      const block = stack.bucketPart(bucket, "aws_s3_bucket_public_access_block")[0];
      const off = block ? FLAGS.filter((f) => block.config[f] !== true) : FLAGS;
      return check(bucket.path, off.length === 0, off.length === 0 ? "all four flags true" : `not true: ${off.join(", ")}`);
    }),
};
