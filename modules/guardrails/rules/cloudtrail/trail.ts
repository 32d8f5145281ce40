import { literalBool } from "../../literal-bool";
import { shown } from "../../own-references";
import { check, Rule } from "../../rule";
import { SynthResource, SynthesizedStack } from "../../synthesized-stack";
import { trailDestinations } from "./trail-destinations";
import { managementEventsProblem, unrecordedDagBuckets } from "./trail-events";

/** A switch that must be literally true (`required`), or that must not be false when left to its default. */
function switchProblem(trail: SynthResource, argument: string, meaning: string, required: boolean): string | undefined {
  const value = literalBool(trail.config[argument]);
  if (value === true || (value === undefined && !required)) return undefined;
  if (value === "unreadable") return `${argument} = ${shown(trail.config[argument])}, an expression known only at plan time`;
  return `${argument} = ${value ?? "unset (false)"}: ${meaning}`;
}

function judgeTrail(stack: SynthesizedStack, trail: SynthResource) {
  const destinations = trailDestinations(stack, trail);
  const problems = [
    switchProblem(trail, "is_multi_region_trail", "calls in every other Region go unrecorded", true),
    switchProblem(trail, "include_global_service_events", "IAM and STS calls go unrecorded", false),
    switchProblem(trail, "enable_log_file_validation", "a log file changed or deleted after delivery goes unnoticed", true),
    switchProblem(trail, "enable_logging", "the trail records nothing", false),
    managementEventsProblem(trail),
    ...unrecordedDagBuckets(stack, trail).map((bucket) => `records no object-level events of the DAG bucket ${bucket}: who read or replaced DAGs goes unrecorded`),
    ...destinations.problems,
  ].filter((p): p is string => p !== undefined);
  return check(
    trail.path,
    problems.length === 0,
    problems.length === 0 ? `multi-Region, log file validation, every management event and the DAG bucket's object events; ${destinations.found.join(", ")}` : problems.join("; "),
  );
}

export const cloudTrailTrail: Rule = {
  id: "CLOUDTRAIL.TRAIL",
  title: "Trails record every Region and management event, validated and KMS-encrypted, into this stack's bucket and log group",
  evaluates:
    "every aws_cloudtrail: is_multi_region_trail and enable_log_file_validation true, include_global_service_events and enable_logging not false; an event_selector recording every management event (advanced selectors fail) and the object events of every MWAA environment's DAG bucket in the stack; kms_key_id a key of this stack or account; s3_bucket_name, cloud_watch_logs_group_arn and cloud_watch_logs_role_arn resources of this stack; the bucket's and key's Allows to CloudTrail held by aws:SourceArn or aws:SourceAccount; sns_topic_name unset or this account's",
  sources: ["Playbook 4 (CloudTrail logging enabled for MWAA)", "checkov CKV_AWS_67", "checkov CKV_AWS_36", "checkov CKV_AWS_35", "checkov CKV2_AWS_10", "AWS Config CLOUDTRAIL_SECURITY_TRAIL_ENABLED", "CloudTrail guide: cross-service confused deputy prevention"],
  explanation:
    "The trail is how the account's MWAA, KMS, IAM and S3 calls are known after the fact (the seed post found its KMS AccessDenied there). A single-Region trail misses calls made elsewhere; without log file validation a changed or deleted log file goes unnoticed; without a customer-managed key the logs are readable by anyone who can read the bucket. A bucket, log group or role that is not a resource of this stack may be another account's, which would then hold every event of this one; a bucket or key policy that lets CloudTrail in without aws:SourceArn lets any account's trail write into the bucket or encrypt with the key. Management events filtered or excluded (KMS events can be) would hide exactly the denials the alarm watches.",
  fix: "Set audit.trail to create (AuditTrail builds the trail, its key, bucket, log group and role in the MWAA stack), or keep every argument as AuditTrail writes it.",
  evaluate: (stack) => stack.resources("aws_cloudtrail").map((trail) => judgeTrail(stack, trail)),
};
