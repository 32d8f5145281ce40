import { AuditConfig } from "../../config/audit";
import { cloudTrailControl } from "../audit/cloudtrail-control";
import { Finding, Status } from "../guardrails/evaluate";

/** A control of the seed security playbook, and how the review can tell whether it is met. */
export interface PlaybookControl {
  readonly control: string;
  readonly how: string;
  /** The rules whose findings show the control met; their worst status is the control's. */
  readonly rules: readonly string[];
  /**
   * Rules of `rules` that must each have judged something in the environment's stacks for the
   * control to count as checked (the MWAA environment, its key, its role...); without a finding of
   * one of them, the control shows NOT CHECKED, never PASS.
   */
  readonly requires: readonly string[];
  /**
   * For a control its rules alone cannot settle: its status and how it is met (or why not), from
   * the environment's config and findings. A control that was not checked never shows PASS.
   */
  readonly judge?: (subject: ControlSubject) => { readonly status: ControlStatus; readonly how: string; readonly cited?: boolean };
}

/** What a control is judged on: an environment's resolved config and the findings of its stacks. */
export interface ControlSubject {
  readonly config?: object;
  readonly findings: readonly Finding[];
  /** Checks of its rules the config puts out of reach (a network team's VPC): the control cannot be shown met. */
  readonly notChecked?: readonly { readonly rules: readonly string[] }[];
}

/** The seed security playbook's controls, and the rules that show each is met. */
export const SEED_CONTROLS: readonly PlaybookControl[] = [
  {
    control: "1. Encrypted with customer-managed KMS keys",
    how: "One CMK per environment encrypts the DAG bucket, the five log groups and the environment (given by ARN); flow logs and state have keys of their own; every key rotates, stays enabled and keeps an administrable policy.",
    rules: ["MWAA.CMK_ARN", "S3.KMS_ENCRYPTION", "LOGS.KMS_ENCRYPTION", "KMS.ROTATION", "KMS.POLICY_DEFINED", "KMS.ADMINISTRABLE", "KMS.NO_WILDCARD_PRINCIPAL", "KMS.USABLE", "STATE.ENCRYPTED"],
    requires: ["MWAA.CMK_ARN", "S3.KMS_ENCRYPTION", "LOGS.KMS_ENCRYPTION", "KMS.ROTATION"],
  },
  {
    control: "2. VPC endpoints, private subnets, no public access (CS0012300)",
    how: "No internet path in any stack; the MWAA interface endpoints with private DNS plus the S3 gateway, whose policy admits only this environment's bucket and ECR's layers; PRIVATE_ONLY webserver; no security group rule reaching public address space; buckets block all public access.",
    rules: ["VPC.NO_INTERNET_PATH", "VPC.MWAA_ENDPOINTS", "VPC.ENDPOINT_POLICIES", "VPC.NO_PUBLIC_IP", "VPC.DEFAULT_SG_CLOSED", "MWAA.PRIVATE_WEBSERVER", "SG.NO_OPEN_INGRESS", "SG.NO_INTERNET_EGRESS", "S3.PUBLIC_ACCESS_BLOCK", "S3.NO_PUBLIC_ALLOW", "S3.TLS_ONLY"],
    requires: ["MWAA.PRIVATE_WEBSERVER", "VPC.NO_INTERNET_PATH", "VPC.MWAA_ENDPOINTS", "SG.NO_OPEN_INGRESS", "S3.PUBLIC_ACCESS_BLOCK"],
  },
  {
    control: "3. Least-privilege execution role",
    how: "The MWAA guide's customer-managed-key policy scoped to this environment, bucket, log groups, queues and key, judged as IAM evaluates it; every policy readable; trust only MWAA's services, conditioned on aws:SourceAccount and aws:SourceArn.",
    rules: ["MWAA.OWN_RESOURCES", "IAM.SECRETS_SCOPE", "IAM.NO_WILDCARD_ACTIONS", "IAM.WILDCARD_RESOURCES", "IAM.NO_PASS_ROLE", "IAM.NO_ADMIN_POLICY", "IAM.NO_KEY_ADMINISTRATION", "IAM.UNVERIFIABLE_POLICY", "IAM.TRUSTED_PRINCIPALS", "IAM.CONFUSED_DEPUTY", "IAM.OWN_ACCOUNT_GRANTS"],
    requires: ["MWAA.OWN_RESOURCES", "IAM.TRUSTED_PRINCIPALS", "IAM.CONFUSED_DEPUTY", "IAM.NO_WILDCARD_ACTIONS"],
  },
  {
    control: "4. CloudTrail logging enabled for MWAA",
    how: "A trail recording MWAA, KMS, IAM and S3 events for the environment's account: the environment's own (audit.trail create, judged by CLOUDTRAIL.TRAIL) or the account's or organization's (existing, cited).",
    rules: ["CLOUDTRAIL.TRAIL"],
    requires: [],
    judge: ({ config, findings }) => {
      const audit = (config as { audit?: AuditConfig } | undefined)?.audit;
      return audit ? cloudTrailControl(audit, findings) : { status: "NOT MET", how: "No environment config names a trail for these stacks." };
    },
  },
  {
    control: "4a. The environment's own logs (supports control 4)",
    how: "All five MWAA log types into log groups created with the environment key and a retention; VPC flow logs; S3 access logs of every bucket.",
    rules: ["MWAA.ALL_LOGGING", "VPC.FLOW_LOGS", "S3.ACCESS_LOGS", "LOGS.RETENTION"],
    requires: ["MWAA.ALL_LOGGING", "VPC.FLOW_LOGS", "S3.ACCESS_LOGS", "LOGS.RETENTION"],
  },
  {
    control: "Operations 1. Resources tagged to company standards",
    how: "Mandatory tags validated in config and applied to every resource through the provider's default_tags.",
    rules: ["TAGS.MANDATORY"],
    requires: ["TAGS.MANDATORY"],
  },
];

/** What the review says of a playbook control. */
export type ControlStatus = Status | "NOT MET" | "NOT CHECKED" | "NOT APPLICABLE";

/** The rules a control requires that judged nothing in these findings. */
export const uncheckedRules = (control: PlaybookControl, findings: readonly Finding[]): string[] =>
  control.requires.filter((rule) => !findings.some((f) => f.rule.id === rule));

/**
 * A control's status in an environment: its own judgement where it has one (CloudTrail); NOT
 * CHECKED when a rule it requires found nothing to judge (no MWAA environment, no VPC...); else its
 * rules' worst.
 */
export function controlStatus(control: PlaybookControl, subject: ControlSubject): ControlStatus {
  if (control.judge) return control.judge(subject).status;
  if (uncheckedRules(control, subject.findings).length > 0) return "NOT CHECKED";
  if ((subject.notChecked ?? []).some((row) => row.rules.some((rule) => control.rules.includes(rule)))) return "NOT CHECKED";
  return worstStatus(subject.findings, control.rules);
}

/** Whether a control's PASS rests on what the config cites rather than on what a rule checked. */
export function controlCited(control: PlaybookControl, subject: ControlSubject): boolean {
  return control.judge?.(subject).cited === true;
}

/** How a control is met in an environment, or why it is not. */
export function controlHow(control: PlaybookControl, subject: ControlSubject): string {
  return control.judge ? control.judge(subject).how : control.how;
}

/** The worst status among the findings of `rules`: FAIL over ACKNOWLEDGED over PASS. */
export function worstStatus(findings: readonly Finding[], rules: readonly string[]): Status | "NOT APPLICABLE" {
  const relevant = findings.filter((f) => rules.includes(f.rule.id));
  if (relevant.length === 0) return "NOT APPLICABLE";
  if (relevant.some((f) => f.status === "FAIL")) return "FAIL";
  if (relevant.some((f) => f.status === "ACKNOWLEDGED")) return "ACKNOWLEDGED";
  return "PASS";
}
