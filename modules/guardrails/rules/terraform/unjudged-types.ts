import { JUDGED_RESOURCE_TYPES } from "../../judged-resource-types";
import { check, Evaluation, Rule } from "../../rule";

export const terraformUnjudgedType: Rule = {
  id: "TERRAFORM.UNJUDGED_TYPE",
  title: "Every AWS resource is of a type the rules judge",
  evaluates: "the type of every aws_ resource in every stack, against the types the rule pack judges (modules/guardrails/judged-resource-types.ts)",
  sources: ["Project rule: what is judged is what is deployed (fail closed)"],
  explanation:
    "A rule can only certify what it reads. A resource of any other type reaches AWS unjudged, and many share data or open doors without touching anything the rules read: an aws_kms_grant gives another account the key, an aws_s3_bucket_replication_configuration copies every DAG to another bucket, an aws_cloudwatch_log_subscription_filter streams task logs away, an aws_sqs_queue_policy or a Lambda function URL admits anyone.",
  fix: "Leave it out, or have it reviewed and acknowledge TERRAFORM.UNJUDGED_TYPE for that resource with a reason and an expiry (and consider a rule for the type, so the next one is judged).",
  evaluate: (stack) => {
    const unjudged = stack
      .allResources()
      .filter((r) => r.type.startsWith("aws_") && !JUDGED_RESOURCE_TYPES.has(r.type))
      .map((r): Evaluation => check(r.path, false, `${r.type}: no rule reads what it does`));
    return unjudged.length > 0 ? unjudged : [check(`${stack.name} (resource types)`, true, "every AWS resource is of a judged type")];
  },
};
