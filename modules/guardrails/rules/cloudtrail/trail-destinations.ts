import { bucketSettings, deployedSettings, namesBucket } from "../../bucket-parts";
import { restrictingConditionsOn } from "../../iam/conditions";
import { stackAccounts } from "../../iam/principals";
import { allows, PolicyStatement, sidOf } from "../../iam/policy-statement";
import { arnInAccounts, ownKeyArn, ownResource, shown } from "../../own-references";
import { SynthesizedStack, SynthResource } from "../../synthesized-stack";
import { keyPolicySubjects } from "../kms/key-policies";
import { CLOUDTRAIL_SERVICE_PRINCIPALS } from "../../../iam/service-principals";

/**
 * Where a trail writes, and who else its bucket and key admit. A destination is judged only when it
 * is a resource of this stack (or, for the key, a key in this stack's account): a bucket named any
 * other way may be another account's, which would then hold every event of this one.
 */

export interface Destinations {
  readonly problems: string[];
  /** What was found, for the evidence of a compliant trail. */
  readonly found: string[];
}

/** `${aws_cloudwatch_log_group.<name>.arn}:*`, the form CloudTrail takes a log group in. */
function ownLogGroup(stack: SynthesizedStack, value: unknown): SynthResource | undefined {
  return typeof value === "string" && value.endsWith(":*") ? ownResource(stack, value.slice(0, -2), ["aws_cloudwatch_log_group"], "arn") : undefined;
}

/** A topic by name (this account and the trail's Region), or by ARN in this account. */
function ownTopic(stack: SynthesizedStack, value: unknown): boolean {
  return typeof value === "string" && (/^[A-Za-z0-9_-]{1,256}$/.test(value) || (!value.includes("${") && arnInAccounts(value, "sns", stackAccounts(stack))));
}

const isCloudTrail = (s: PolicyStatement) =>
  (s.principals ?? []).some((p) => p.type === "Service" && p.identifiers.some((id) => CLOUDTRAIL_SERVICE_PRINCIPALS.includes(id.toLowerCase())));

/**
 * Allows to CloudTrail that no aws:SourceArn or aws:SourceAccount holds to the trails of this
 * account: another account's trail could then write into the bucket, or encrypt with the key.
 * `statements` undefined: the policy cannot be read.
 */
function unheldGrants(statements: PolicyStatement[] | undefined, accounts: string[], where: string): string[] {
  if (!statements) return [`${where} cannot be read`];
  const ownTrail = (arn: string) => arnInAccounts(arn, "cloudtrail", accounts);
  return statements
    .filter((s) => allows(s) && isCloudTrail(s))
    .filter((s) => {
      const arn = restrictingConditionsOn(s, "aws:SourceArn", "principal").some((c) => c.values.every(ownTrail));
      const account = restrictingConditionsOn(s, "aws:SourceAccount", "principal").some((c) => c.values.every((v) => accounts.includes(v)));
      return !arn && !account;
    })
    .map((s) => `${where} lets CloudTrail in for trails outside this account (${sidOf(s)}: no aws:SourceArn of this account's trail, nor aws:SourceAccount)`);
}

/** The trail's bucket, key, log group, role and topic, judged. */
export function trailDestinations(stack: SynthesizedStack, trail: SynthResource): Destinations {
  const { config } = trail;
  const accounts = stackAccounts(stack);
  const problems: string[] = [];
  const found: string[] = [];

  const bucket = stack.resources("aws_s3_bucket").find((b) => namesBucket(config.s3_bucket_name, b));
  if (!bucket) {
    problems.push(`s3_bucket_name = ${shown(config.s3_bucket_name)} is no bucket of this stack: its account, policy and encryption are unknown (it may be another account's)`);
  } else {
    found.push(`bucket ${bucket.path}`);
    const { buckets } = bucketSettings(stack, "policy");
    const deployed = deployedSettings(buckets.find((b) => b.bucket === bucket)?.settings ?? []);
    if ("evidence" in deployed) problems.push(`the bucket's policy: ${deployed.evidence}`);
    else for (const setting of deployed.settings) problems.push(...unheldGrants(stack.policyStatements(setting.config.policy), accounts, setting.from));
  }

  const key = ownKeyArn(stack, config.kms_key_id, { singleRegion: false });
  if (!key.judged) problems.push(`kms_key_id = ${key.evidence}: log files are encrypted only with SSE-S3, or with a key no rule has seen`);
  else found.push(`key ${key.evidence}`);
  const keyResource = ownResource(stack, config.kms_key_id, ["aws_kms_key"], "arn");
  const subject = keyResource && keyPolicySubjects(stack).find((s) => s.key === keyResource);
  for (const policy of subject?.policies ?? []) {
    problems.push(...unheldGrants(policy.reading.readable ? policy.reading.statements : undefined, accounts, `the key policy of ${keyResource!.path}`));
  }

  const group = ownLogGroup(stack, config.cloud_watch_logs_group_arn);
  const role = ownResource(stack, config.cloud_watch_logs_role_arn, ["aws_iam_role"], "arn");
  if (!group) problems.push(`cloud_watch_logs_group_arn = ${shown(config.cloud_watch_logs_group_arn)} is no log group of this stack (<group>.arn followed by :*): events reach no alarm of this account`);
  else found.push(`log group ${group.path}`);
  if (!role) problems.push(`cloud_watch_logs_role_arn = ${shown(config.cloud_watch_logs_role_arn)} is no role of this stack`);

  if (config.sns_topic_name !== undefined && config.sns_topic_name !== null && !ownTopic(stack, config.sns_topic_name)) {
    problems.push(`sns_topic_name = ${shown(config.sns_topic_name)}: log file deliveries are announced to a topic outside this account`);
  }
  return { problems, found };
}
