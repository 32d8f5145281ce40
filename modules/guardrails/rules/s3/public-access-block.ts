import { Rule } from "../../rule";
import { judgeSoleSetting } from "./judge-settings";

const FLAGS = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"];

export const s3PublicAccessBlock: Rule = {
  id: "S3.PUBLIC_ACCESS_BLOCK",
  title: "Every bucket blocks all four kinds of public access",
  evaluates: "every aws_s3_bucket_public_access_block, wherever it points: all four flags true; each bucket has exactly one",
  sources: ["checkov CKV_AWS_53", "checkov CKV_AWS_54", "checkov CKV_AWS_55", "checkov CKV_AWS_56", "checkov CKV2_AWS_6", "Security Hub S3.8", "Playbook 2"],
  explanation:
    "Without the block, one ACL or policy mistake publishes DAGs, logs or Terraform state. S3 keeps one block per bucket, so a second aws_s3_bucket_public_access_block for the same bucket fails whatever it says (the last applied wins), and one pointing at a bucket outside the stack is judged on its own.",
  fix: "Keep exactly one aws_s3_bucket_public_access_block per bucket, with all four flags true (EncryptedBucket does).",
  evaluate: (stack) =>
    judgeSoleSetting(stack, "publicAccessBlock", {
      missing: "no public access block",
      judge: ({ config }) => {
        const off = FLAGS.filter((f) => config[f] !== true);
        return { ok: off.length === 0, evidence: off.length === 0 ? "all four flags true" : `not true: ${off.join(", ")}` };
      },
    }),
};
