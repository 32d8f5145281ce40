import { literalBool } from "../../literal-bool";
import { S3_PARTITIONS } from "../../s3-arns";
import { SynthesizedStack, SynthResource } from "../../synthesized-stack";
import { blocks } from "../../terraform-document";

/**
 * What a trail records, read from its basic event selectors (aws_cloudtrail `event_selector`; the
 * provider records every management event, read and write, when there is none). Advanced event
 * selectors are not read: a trail that uses them fails, as anything the rules cannot read does.
 */

const recordsAll = (selector: Record<string, any>) => (selector.read_write_type ?? "All") === "All";

/** Why the trail does not record every management event, if it does not. */
export function managementEventsProblem(trail: SynthResource): string | undefined {
  if (trail.config.advanced_event_selector !== undefined) {
    return "advanced_event_selector is not read by the rules; record management events with an event_selector";
  }
  const selectors = blocks(trail.config.event_selector);
  if (trail.config.event_selector !== undefined && selectors.length === 0) return `event_selector = ${JSON.stringify(trail.config.event_selector)} cannot be read`;
  if (selectors.length === 0) return undefined;
  const complete = selectors.some((s) => {
    const included = literalBool(s.include_management_events);
    const excluded = s.exclude_management_event_sources;
    return (included === undefined || included === true) && recordsAll(s) && (excluded === undefined || (Array.isArray(excluded) && excluded.length === 0));
  });
  return complete
    ? undefined
    : "no event_selector records every management event (include_management_events true, read_write_type All, no exclude_management_event_sources): KMS, IAM and MWAA calls would go unrecorded";
}

/** The values by which a basic data resource names every object of `bucketArn` (a reference or a literal ARN). */
function objectSelectorValues(stack: SynthesizedStack, bucketArn: string): string[] {
  const bucket = stack.referenced(bucketArn);
  const name = bucket?.resource.type === "aws_s3_bucket" && bucket.attribute === "arn" ? bucket.resource.config.bucket : undefined;
  const literals = typeof name === "string" && !name.includes("${") ? S3_PARTITIONS.map((p) => `arn:${p}:s3:::${name}/`) : [];
  // `arn:<partition>:s3` selects the objects of every bucket (CloudTrail API: DataResource).
  return [`${bucketArn}/`, ...literals, ...S3_PARTITIONS.flatMap((p) => [`arn:${p}:s3`, `arn:${p}:s3:::`])];
}

/**
 * The DAG buckets (the MWAA environments' `source_bucket_arn`) of this stack whose object-level
 * events, read and write, the trail does not record.
 */
export function unrecordedDagBuckets(stack: SynthesizedStack, trail: SynthResource): string[] {
  const sources = stack.resources("aws_mwaa_environment").map((env) => env.config.source_bucket_arn);
  const recorded = blocks(trail.config.event_selector)
    .filter(recordsAll)
    .flatMap((s) => blocks(s.data_resource))
    .filter((r) => r.type === "AWS::S3::Object" && Array.isArray(r.values))
    .flatMap((r) => r.values as unknown[]);
  return sources
    .map((source) => (typeof source === "string" ? source : JSON.stringify(source)))
    .filter((source) => !objectSelectorValues(stack, source).some((value) => recorded.includes(value)));
}
