import { Finding, Status } from "../guardrails/evaluate";

/** The seed security playbook's controls, and the rules that show each is met. */
export const SEED_CONTROLS: readonly { control: string; how: string; rules: readonly string[] }[] = [
  {
    control: "1. Encrypted with customer-managed KMS keys",
    how: "One CMK per environment encrypts the DAG bucket, the five log groups and the environment (given by ARN); flow logs and state have keys of their own; every key rotates, stays enabled and keeps an administrable policy.",
    rules: ["MWAA.CMK_ARN", "S3.KMS_ENCRYPTION", "LOGS.KMS_ENCRYPTION", "KMS.ROTATION", "KMS.POLICY_DEFINED", "KMS.ADMINISTRABLE", "KMS.NO_WILDCARD_PRINCIPAL", "KMS.USABLE", "STATE.ENCRYPTED"],
  },
  {
    control: "2. VPC endpoints, private subnets, no public access (CS0012300)",
    how: "No internet path in any stack; the MWAA interface endpoints with private DNS plus the S3 gateway, whose policy admits only this environment's bucket and ECR's layers; PRIVATE_ONLY webserver; no security group rule reaching public address space; buckets block all public access.",
    rules: ["VPC.NO_INTERNET_PATH", "VPC.MWAA_ENDPOINTS", "VPC.ENDPOINT_POLICIES", "VPC.NO_PUBLIC_IP", "VPC.DEFAULT_SG_CLOSED", "MWAA.PRIVATE_WEBSERVER", "SG.NO_OPEN_INGRESS", "SG.NO_INTERNET_EGRESS", "S3.PUBLIC_ACCESS_BLOCK", "S3.NO_PUBLIC_ALLOW", "S3.TLS_ONLY"],
  },
  {
    control: "3. Least-privilege execution role",
    how: "The MWAA guide's customer-managed-key policy scoped to this environment, bucket, log groups, queues and key, judged as IAM evaluates it; every policy readable; trust only MWAA's services, conditioned on aws:SourceAccount and aws:SourceArn.",
    rules: ["IAM.NO_WILDCARD_ACTIONS", "IAM.WILDCARD_RESOURCES", "IAM.NO_PASS_ROLE", "IAM.NO_ADMIN_POLICY", "IAM.NO_KEY_ADMINISTRATION", "IAM.UNVERIFIABLE_POLICY", "IAM.TRUSTED_PRINCIPALS", "IAM.CONFUSED_DEPUTY", "IAM.OWN_ACCOUNT_GRANTS"],
  },
  {
    control: "4. CloudTrail logging enabled for MWAA",
    how: "Out of scope for these stacks: MWAA, KMS, IAM and S3 management events go to the account's or organization's trail, which is not per environment. Confirm one exists. In scope and checked: MWAA's own logs, VPC flow logs and S3 access logs.",
    rules: ["MWAA.ALL_LOGGING", "VPC.FLOW_LOGS", "S3.ACCESS_LOGS", "LOGS.RETENTION"],
  },
  {
    control: "Operations 1. Resources tagged to company standards",
    how: "Mandatory tags validated in config and applied to every resource through the provider's default_tags.",
    rules: ["TAGS.MANDATORY"],
  },
];

/** The worst status among the findings of `rules`: FAIL over ACKNOWLEDGED over PASS. */
export function worstStatus(findings: readonly Finding[], rules: readonly string[]): Status | "NOT APPLICABLE" {
  const relevant = findings.filter((f) => rules.includes(f.rule.id));
  if (relevant.length === 0) return "NOT APPLICABLE";
  if (relevant.some((f) => f.status === "FAIL")) return "FAIL";
  if (relevant.some((f) => f.status === "ACKNOWLEDGED")) return "ACKNOWLEDGED";
  return "PASS";
}
