import { createHash } from "node:crypto";
import { LOG_RETENTION_DAYS, REGION_PATTERN } from "./mwaa-limits";
import { bucketSlug, fitName, partitionOf } from "./names";
import type { FieldDoc } from "./reference";
import type { Problem } from "./rules";

/**
 * Playbook control 4, "CloudTrail logging enabled for MWAA", as config: the environment relies on no
 * trail (today's behaviour), creates one of its own (modules/audit/), or names the account's or
 * organization's trail. Here: the modes, what a trail or topic ARN looks like, the names of what
 * `create` makes, and the cross-field checks.
 */

export const AUDIT_TRAIL_MODES = ["none", "create", "existing"] as const;
export type AuditTrailMode = (typeof AUDIT_TRAIL_MODES)[number];

/** Days the trail's log group keeps events, as the Airflow logs' default (LOGS.RETENTION asks for 365). */
export const DEFAULT_TRAIL_LOG_RETENTION_DAYS = 365;

/** The audit settings of one environment, resolved: what the stacks and the review receive. */
export type AuditConfig =
  | { readonly trail: "none" }
  | { readonly trail: "create"; readonly logRetentionDays: number; readonly alarmTopicArn?: string }
  | { readonly trail: "existing"; readonly trailArn: string };

const PARTITION = "(aws|aws-cn|aws-us-gov)";
const REGION = REGION_PATTERN.source.replace(/^\^|\$$/g, "");

/**
 * A trail name (CloudTrail guide, "Naming requirements for trails"): 3 to 128 ASCII letters,
 * digits, '.', '_' or '-', starting and ending with a letter or digit, no two of '.', '_', '-' side
 * by side, not an IP address.
 */
const TRAIL_NAME = /^(?!\d+\.\d+\.\d+\.\d+$)(?=.{3,128}$)[A-Za-z0-9](?:[._-]?[A-Za-z0-9])*$/;
const TRAIL_ARN = new RegExp(`^arn:${PARTITION}:cloudtrail:(${REGION}):(\\d{12}):trail/(.+)$`);

/** An SNS topic ARN (standard topics: 1 to 256 letters, digits, '-' and '_'). */
const TOPIC_ARN = new RegExp(`^arn:${PARTITION}:sns:(${REGION}):(\\d{12}):[A-Za-z0-9_-]{1,256}$`);

interface ParsedArn {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
}

/** The parts of a CloudTrail trail ARN, or undefined for anything else. */
export function parseTrailArn(text: string): ParsedArn | undefined {
  const match = TRAIL_ARN.exec(text);
  if (!match || !TRAIL_NAME.test(match[5])) return undefined;
  return { partition: match[1], region: match[2], account: match[4] };
}

/** The parts of an SNS topic ARN, or undefined for anything else. */
export function parseTopicArn(text: string): ParsedArn | undefined {
  const match = TOPIC_ARN.exec(text);
  return match ? { partition: match[1], region: match[2], account: match[4] } : undefined;
}

/**
 * The environment's trail: `<name>-audit`, or, when the environment's name would break CloudTrail's
 * naming rules (`a--b`, `a_-b`, a name ending in '-'), its separators collapsed and a hash of the
 * name appended, so that two such names still get two trails.
 */
export function trailName(environmentName: string): string {
  const plain = `${environmentName}-audit`;
  if (TRAIL_NAME.test(plain)) return plain;
  const hash = createHash("sha256").update(environmentName).digest("hex").slice(0, 8);
  return `${environmentName.replace(/[_-]{2,}/g, "-").replace(/[_-]+$/, "")}-audit-${hash}`;
}

/** The trail's ARN, known at synth: the bucket and key policies name it before the trail exists. */
export function trailArn(environmentName: string, account: string, region: string): string {
  return `arn:${partitionOf(region)}:cloudtrail:${region}:${account}:trail/${trailName(environmentName)}`;
}

export function trailBucketName(environmentName: string, account: string, region: string): string {
  return fitName(`${bucketSlug(environmentName)}-cloudtrail-${account}-${region}`, 63);
}

export function trailLogGroupName(environmentName: string): string {
  return `/mwaa/${environmentName}/cloudtrail`;
}

/** The role CloudTrail assumes to write into the log group. */
export function trailLogsRoleName(environmentName: string): string {
  return fitName(`${environmentName}-cloudtrail-logs`, 64);
}

export function trailKeyAlias(environmentName: string): string {
  return `alias/${environmentName}-cloudtrail`;
}

/** The metric the KMS AccessDenied filter counts into, and the alarm on it. */
export function kmsAccessDeniedMetric(environmentName: string): { readonly namespace: string; readonly name: string } {
  return { namespace: `MwaaAudit/${environmentName}`, name: "KmsAccessDenied" };
}

export function kmsAccessDeniedAlarmName(environmentName: string): string {
  return `${environmentName}-kms-access-denied`;
}

const retentions = `one of ${LOG_RETENTION_DAYS.join(", ")} (0 = never expire)`;

/** The reference of the audit settings (config/reference.ts lists them with the others). */
export const AUDIT_FIELDS: Record<string, FieldDoc> = {
  "audit.trail": {
    description:
      "Playbook control 4 (CloudTrail). none: the stacks create no trail and name none; the review says NOT MET. create: the `<name>-mwaa` stack creates a multi-Region trail `<name>-audit` with log file validation, encrypted with a key of its own (`alias/<name>-cloudtrail`), into a versioned, access-logged bucket (`<name>-cloudtrail-<account>-<region>`) and the log group `/mwaa/<name>/cloudtrail`, recording every management event and the DAG bucket's object events, with an alarm on KMS AccessDenied for the environment key or the execution role. existing: the account's or organization's trail records the account (audit.trailArn), and the review cites it.",
    allowed: `one of ${AUDIT_TRAIL_MODES.join(", ")}`,
    default: "none",
  },
  "audit.trailArn": {
    description:
      "existing only: the ARN of the account's or organization's trail that records this environment's account. The review cites it; no stack can check it (`aws cloudtrail get-trail-status --name <arn>` does).",
    allowed:
      "a CloudTrail trail ARN, arn:<partition>:cloudtrail:<region>:<account>:trail/<name>, in the environment's partition (its home Region, and for an organization trail its management account, may differ from the environment's); `aws cloudtrail describe-trails` shows it as TrailARN",
    default: "none; required when audit.trail is existing",
  },
  "audit.logRetentionDays": {
    description: "create only: retention of the trail's log group, `/mwaa/<name>/cloudtrail`.",
    allowed: retentions,
    default: String(DEFAULT_TRAIL_LOG_RETENTION_DAYS),
  },
  "audit.alarmTopicArn": {
    description: "create only: the SNS topic the KMS AccessDenied alarm notifies.",
    allowed: "an SNS topic ARN, arn:<partition>:sns:<region>:<account>:<topic>, of the environment's account and Region",
    default: "none: the alarm changes state in CloudWatch without notifying",
  },
};

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * What ties the audit settings to each other and to the environment: each field belongs to one mode,
 * an existing trail must be named (in the environment's partition), and the alarm's topic must be the
 * environment's account's, in its Region. Shapes are the schema's.
 */
export function auditProblems(config: Raw): Problem[] {
  const audit = isObject(config.audit) ? config.audit : {};
  const mode = audit.trail ?? "none";
  if (!(AUDIT_TRAIL_MODES as readonly unknown[]).includes(mode)) return [];
  const problems: Problem[] = [];
  const onlyWith = (field: string, applies: AuditTrailMode) => {
    if (field in audit && mode !== applies) {
      problems.push({ path: `audit.${field}`, value: audit[field], message: `applies only when audit.trail is ${applies}; remove it or set audit.trail to ${applies}` });
    }
  };
  onlyWith("trailArn", "existing");
  onlyWith("logRetentionDays", "create");
  onlyWith("alarmTopicArn", "create");

  const region = typeof config.region === "string" && REGION_PATTERN.test(config.region) ? config.region : undefined;
  if (mode === "existing") {
    if (audit.trailArn === undefined) {
      problems.push({ path: "audit.trailArn", message: "is required when audit.trail is existing; set it to the ARN of the trail that records this account (`aws cloudtrail describe-trails` shows it as TrailARN)" });
    }
    const trail = typeof audit.trailArn === "string" ? parseTrailArn(audit.trailArn) : undefined;
    if (trail && region && trail.partition !== partitionOf(region)) {
      problems.push({ path: "audit.trailArn", value: audit.trailArn, message: `is in partition ${trail.partition}, but region ${region} is in ${partitionOf(region)}: a trail records only its own partition; name a trail of ${partitionOf(region)}` });
    }
  }
  const topic = mode === "create" && typeof audit.alarmTopicArn === "string" ? parseTopicArn(audit.alarmTopicArn) : undefined;
  if (topic && typeof config.account === "string" && topic.account !== config.account) {
    problems.push({ path: "audit.alarmTopicArn", value: audit.alarmTopicArn, message: `is a topic of account ${topic.account}; the alarm may notify only a topic of the environment's account (${config.account}): create the topic there` });
  }
  if (topic && region && topic.region !== region) {
    problems.push({ path: "audit.alarmTopicArn", value: audit.alarmTopicArn, message: `is a topic of ${topic.region}; a CloudWatch alarm notifies topics of its own Region (${region}): create the topic there` });
  }
  return problems;
}

/** The audit settings with only what the chosen mode uses. */
export function resolveAudit(parsed: { trail: AuditTrailMode; trailArn?: string; logRetentionDays: number; alarmTopicArn?: string }): AuditConfig {
  switch (parsed.trail) {
    case "create":
      return { trail: "create", logRetentionDays: parsed.logRetentionDays, ...(parsed.alarmTopicArn ? { alarmTopicArn: parsed.alarmTopicArn } : {}) };
    case "existing":
      // Validation requires the ARN of an existing trail.
      return { trail: "existing", trailArn: parsed.trailArn! };
    default:
      return { trail: "none" };
  }
}
