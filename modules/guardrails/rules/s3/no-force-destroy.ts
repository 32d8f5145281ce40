import { check, Rule } from "../../rule";

export const s3NoForceDestroy: Rule = {
  id: "S3.NO_FORCE_DESTROY",
  title: "No bucket can be destroyed with its objects",
  evaluates: "force_destroy of every aws_s3_bucket",
  sources: ["Project rule: nothing may lose data"],
  explanation: "force_destroy deletes every object and version when the bucket is destroyed: DAGs, logs or all Terraform state.",
  fix: "Leave force_destroy false; empty a bucket deliberately before destroying it.",
  evaluate: (stack) =>
    stack.resources("aws_s3_bucket").map((bucket) =>
      check(bucket.path, bucket.config.force_destroy !== true, `force_destroy = ${bucket.config.force_destroy ?? "false (default)"}`),
    ),
};
