import { literalBool } from "../../literal-bool";
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
      check(
        bucket.path,
        literalBool(bucket.config.force_destroy) !== true && literalBool(bucket.config.force_destroy) !== "unreadable",
        literalBool(bucket.config.force_destroy) === "unreadable"
          ? `unverifiable: force_destroy = ${JSON.stringify(bucket.config.force_destroy)} is known only at plan time`
          : `force_destroy = ${bucket.config.force_destroy ?? "false (default)"}`,
      ),
    ),
};
