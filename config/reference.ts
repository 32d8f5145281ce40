import { DEFAULT_MAX_ACKNOWLEDGEMENT_DAYS, MAX_ACKNOWLEDGEMENT_DAYS_CEILING, MAX_ACKNOWLEDGEMENT_DAYS_VARIABLE } from "./acknowledgements";
import {
  AIRFLOW_VERSIONS,
  CIDR_PREFIX,
  DEFAULT_AIRFLOW_VERSION,
  DEFAULT_WORKER_QUOTA,
  ENVIRONMENT_CLASSES,
  ENVIRONMENT_NAME_MAX_LENGTH,
  KEY_DELETION_WINDOW_DAYS,
  LOG_LEVELS,
  LOG_RETENTION_DAYS,
  MANDATORY_TAG_KEYS,
  SCHEDULERS,
  WEBSERVER_ACCESS_MODES,
  WEBSERVERS,
  WORKER_REPLACEMENT_STRATEGIES,
} from "./mwaa-limits";
import { NETWORK_MODE_FIELDS } from "./network-mode-fields";

/**
 * The config reference: every field, what it does, what is allowed and its default. Validation
 * errors quote `allowed`; the README's configuration table is this table (a test keeps the two in
 * step, and another checks that every field of the schema is described here).
 */
export interface FieldDoc {
  readonly description: string;
  readonly allowed: string;
  /** Omitted for required fields. */
  readonly default?: string;
}

const list = (values: readonly (string | number)[]) => values.join(", ");
const levels = `one of ${list(LOG_LEVELS)}`;

export const CONFIG_FIELDS: Record<string, FieldDoc> = {
  $schema: {
    description: "Path to the JSON schema, for editors; ignored by the app.",
    allowed: "a string",
    default: "none",
  },
  name: {
    description:
      "The MWAA environment name; also names the stacks (`<name>-network`, `<name>-mwaa`), the log groups and the key aliases. Must equal the file name without `.json`.",
    allowed: `a letter, then letters, digits, '-' or '_'; 1 to ${ENVIRONMENT_NAME_MAX_LENGTH} characters`,
  },
  account: {
    description:
      "The AWS account the environment is deployed to. The provider refuses any other account (`allowed_account_ids`) and policies are scoped to it.",
    allowed: "12 digits",
  },
  region: {
    description: "The AWS Region of every resource of the environment.",
    allowed: "a Region code such as eu-west-1 or us-east-2",
  },
  protectFromDestroy: {
    description:
      "Sets `prevent_destroy` on the stateful resources (the MWAA environment and its metadata database, the keys, the DAG and access-log buckets, the Airflow and flow log groups) so a `destroy` or a replacing change fails instead of losing data. `false` is for throwaway environments, and the guardrail DATA.PREVENT_DESTROY then fails until the exception is acknowledged for `<name>-network/*` and `<name>-mwaa/*`, so the review shows it.",
    allowed: "true or false",
    default: "true",
  },
  "airflow.version": {
    description: "Apache Airflow version of the environment.",
    allowed: `one of ${list(AIRFLOW_VERSIONS)}`,
    default: DEFAULT_AIRFLOW_VERSION,
  },
  "airflow.environmentClass": {
    description: "MWAA environment class (size of scheduler, workers and webserver).",
    allowed: `one of ${list(ENVIRONMENT_CLASSES)}`,
    default: "mw1.small",
  },
  "airflow.schedulers": {
    description: "Number of schedulers.",
    allowed: `${SCHEDULERS.min} to ${SCHEDULERS.max}; exactly 1 on mw1.micro`,
    default: `${SCHEDULERS.default} (1 on mw1.micro)`,
  },
  "airflow.minWorkers": {
    description: "Workers MWAA keeps running.",
    allowed: "a whole number from 1 to maxWorkers; exactly 1 on mw1.micro",
    default: "1",
  },
  "airflow.maxWorkers": {
    description: "Workers MWAA may scale out to.",
    allowed: "a whole number from minWorkers to workerQuota; exactly 1 on mw1.micro",
    default: "10 (or workerQuota if lower, minWorkers if higher; 1 on mw1.micro)",
  },
  "airflow.workerQuota": {
    description:
      "Your account's MWAA workers-per-environment quota; raise it only after AWS raised the quota.",
    allowed: "a whole number of at least 1",
    default: String(DEFAULT_WORKER_QUOTA),
  },
  "airflow.minWebservers": {
    description: "Webservers MWAA keeps running.",
    allowed: `${WEBSERVERS.min} to ${WEBSERVERS.max}, at most maxWebservers; exactly 1 on mw1.micro`,
    default: `${WEBSERVERS.default} (1 on mw1.micro)`,
  },
  "airflow.maxWebservers": {
    description: "Webservers MWAA may scale out to under API load.",
    allowed: `${WEBSERVERS.min} to ${WEBSERVERS.max}, at least minWebservers; exactly 1 on mw1.micro`,
    default: `${WEBSERVERS.default} (1 on mw1.micro)`,
  },
  "airflow.webserverAccessMode": {
    description:
      "Who can reach the Airflow UI. PRIVATE_ONLY puts it behind a VPC endpoint; PUBLIC_ONLY exposes it on the internet (still behind IAM sign-in).",
    allowed: `one of ${list(WEBSERVER_ACCESS_MODES)}`,
    default: "PRIVATE_ONLY",
  },
  "airflow.weeklyMaintenanceWindowStart": {
    description: "Start of the weekly maintenance window, in UTC.",
    allowed: "DAY:HH:MM with DAY one of MON..SUN, HH 00-23 and MM 00 or 30, e.g. SUN:03:00",
    default: "chosen by MWAA",
  },
  "airflow.workerReplacementStrategy": {
    description:
      "How MWAA replaces workers when an update (new requirements, plugins, options or version) restarts them: FORCED stops running tasks, GRACEFUL lets them finish first. Applies to updates only.",
    allowed: `one of ${list(WORKER_REPLACEMENT_STRATEGIES)}`,
    default: "MWAA's (FORCED)",
  },
  "airflow.endpointManagement": NETWORK_MODE_FIELDS["airflow.endpointManagement"],
  "airflow.dagS3Path": {
    description: "Folder of the DAG bucket that holds the DAGs.",
    allowed: "a relative S3 key prefix without a leading '/', whitespace or backslashes, e.g. dags; `${` and `%{` are kept as literal text",
    default: "dags",
  },
  "airflow.configurationOptions": {
    description: "Airflow configuration overrides (`airflow_configuration_options`).",
    allowed: "an object of `section.option` keys (lowercase, e.g. core.default_timezone) to string values without control characters, line breaks or backslashes; `${` and `%{` are kept as literal text (not beside a double quote). Options that reveal secrets or open the API keep safe values (webserver.expose_config or api.expose_config false or non-sensitive-only, core.hide_sensitive_var_conn_fields true, webserver.expose_stacktrace false, no anonymous api.auth_backends or fab.auth_backends), secrets.backend and workers.secrets_backend are Secrets Manager or Parameter Store, and their backend_kwargs name only this account's secrets. Options the environment's Airflow version does not read (removed or renamed in Airflow 3, or Airflow 3 names on Airflow 2) and options MWAA sets itself are refused; names of at most 64 characters, values of 1 to 65536 printable ASCII characters",
    default: "{}",
  },
  "logging.retentionDays": {
    description: "Retention of the five Airflow log groups.",
    allowed: `one of ${list(LOG_RETENTION_DAYS)} (0 = never expire)`,
    default: "365",
  },
  "logging.levels.dagProcessing": { description: "Log level of DAG processing logs.", allowed: levels, default: "WARNING" },
  "logging.levels.scheduler": { description: "Log level of scheduler logs.", allowed: levels, default: "WARNING" },
  "logging.levels.task": {
    description: "Log level of task logs. The guardrail MWAA.ALL_LOGGING fails task logs above INFO (a task's output is logged at INFO) and the other types above WARNING, unless acknowledged.",
    allowed: levels,
    default: "INFO",
  },
  "logging.levels.webserver": { description: "Log level of webserver logs.", allowed: levels, default: "WARNING" },
  "logging.levels.worker": { description: "Log level of worker logs.", allowed: levels, default: "WARNING" },
  "network.mode": NETWORK_MODE_FIELDS["network.mode"],
  "network.vpcId": NETWORK_MODE_FIELDS["network.vpcId"],
  "network.vpcCidr": {
    description:
      "IPv4 CIDR of the VPC the network stack creates; with mode existing, of the network team's VPC: the MWAA security group's egress goes to it (the interface endpoints, MWAA's database and webserver endpoints), and the rules judge a literal CIDR only (one read from AWS at plan time could not be judged).",
    allowed: `a network address in CIDR form with a prefix from /${CIDR_PREFIX.min} to /${CIDR_PREFIX.max}`,
  },
  "network.privateSubnets": {
    description: "The two private subnets MWAA runs in: created (cidr) or, with mode existing, the network team's (subnetId).",
    allowed: "exactly 2 subnets, in two different Availability Zones of the Region",
  },
  "network.privateSubnets[].cidr": {
    description: "create only: IPv4 CIDR of the subnet.",
    allowed: `a network address in CIDR form, /${CIDR_PREFIX.min} to /${CIDR_PREFIX.max}, inside vpcCidr and not overlapping the other subnet; required when mode is create`,
  },
  "network.privateSubnets[].subnetId": NETWORK_MODE_FIELDS["network.privateSubnets[].subnetId"],
  "network.privateSubnets[].availabilityZone": {
    description: "Availability Zone of the subnet.",
    allowed: "an Availability Zone name of the Region, e.g. eu-west-1a",
  },
  "network.webserverIngressCidrs": {
    description:
      "Networks (VPN, peered VPCs, Transit Gateway) allowed to reach the private Airflow UI on port 443.",
    allowed: "a list of private IPv4 CIDR blocks; 0.0.0.0/0 is refused; not with network.securityGroupIds.mwaa",
    default: "[] (only the environment's own security group)",
  },
  "network.routeTableIds": NETWORK_MODE_FIELDS["network.routeTableIds"],
  "network.securityGroupIds.mwaa": NETWORK_MODE_FIELDS["network.securityGroupIds.mwaa"],
  "network.securityGroupIds.endpoints": NETWORK_MODE_FIELDS["network.securityGroupIds.endpoints"],
  "network.providedEndpoints": NETWORK_MODE_FIELDS["network.providedEndpoints"],
  "network.providedEndpointCidrs": NETWORK_MODE_FIELDS["network.providedEndpointCidrs"],
  "network.flowLogRetentionDays": {
    description: "create only: retention of the VPC flow log group (with mode existing, the network team keeps the VPC's flow logs).",
    allowed: `one of ${list(LOG_RETENTION_DAYS)} (0 = never expire)`,
    default: "365",
  },
  "encryption.keyDeletionWindowDays": {
    description: "Waiting period before a scheduled key deletion takes effect.",
    allowed: `${KEY_DELETION_WINDOW_DAYS.min} to ${KEY_DELETION_WINDOW_DAYS.max}`,
    default: String(KEY_DELETION_WINDOW_DAYS.default),
  },
  "storage.dagBucketName": {
    description: "Name of the DAG bucket.",
    allowed: "an S3 bucket name: 3 to 63 lowercase letters, digits, '.' or '-'",
    default: "`<name>-dags-<account>-<region>` (lowercase, '_' as '-')",
  },
  "state.backend": {
    description:
      "Where Terraform state lives. s3: a bucket and key of this environment, created by the `<name>-state` bootstrap stack, encrypted with its own key and locked with S3-native lock files. hcp: HCP Terraform (Terraform Cloud) workspaces, one per stack.",
    allowed: "s3 or hcp",
    default: "s3",
  },
  "state.bucketName": {
    description: "s3 only: name of the state bucket the bootstrap stack creates.",
    allowed: "an S3 bucket name: 3 to 63 lowercase letters, digits, '.' or '-'",
    default: "`<name>-tfstate-<account>-<region>` (lowercase, '_' as '-')",
  },
  "state.noncurrentVersionExpirationDays": {
    description: "s3 only: days an overwritten state version is kept before S3 expires it.",
    allowed: "a whole number of at least 1",
    default: "90",
  },
  "state.bootstrapStateInBucket": {
    description:
      "s3 only: false while the bootstrap stack keeps its own state in a local file; set true once the bucket exists to move that state into the bucket (`cdktf deploy <name>-state --migrate-state`).",
    allowed: "true or false",
    default: "false",
  },
  "state.organization": {
    description: "hcp only: the HCP Terraform organization.",
    allowed: "letters, digits, '-' and '_', up to 40 characters; required when backend is hcp",
    default: "none",
  },
  "state.workspacePrefix": {
    description: "hcp only: prefix of the workspace names; each stack uses `<prefix><stack>`, e.g. mwaa-example-network.",
    allowed: "letters, digits, '-' and '_', up to 50 characters",
    default: "mwaa-",
  },
  "state.hostname": {
    description: "hcp only: the HCP Terraform or Terraform Enterprise host.",
    allowed: "a host name",
    default: "app.terraform.io",
  },
  "storage.accessLogRetentionDays": {
    description:
      "Days the S3 server access logs of the DAG and state buckets are kept, in their own SSE-S3 log buckets (`<name>-s3-logs-...`, `<name>-tfstate-logs-...`).",
    allowed: "a whole number of at least 1",
    default: "365",
  },
  "guardrails.acknowledgements": {
    description:
      "Reviewed exceptions to guardrail rules. A violation they cover shows as ACKNOWLEDGED in cdktf.out/REVIEW.md instead of failing the synth, until it expires. Each must waive at least one current violation: one that matches none fails the synth (GUARDRAILS.ACKNOWLEDGEMENT_MATCHES).",
    allowed: `a list of objects with rule (a rule id), resource (a resource path as errors print it, starting with a stack of this environment; a trailing * matches a prefix), reason (at least 10 characters) and expires (YYYY-MM-DD, at most ${DEFAULT_MAX_ACKNOWLEDGEMENT_DAYS} days ahead by default)`,
    default: "[]",
  },
  "guardrails.acknowledgements[].rule": { description: "The rule id, e.g. LOGS.RETENTION.", allowed: "a rule id listed in README.md" },
  "guardrails.acknowledgements[].resource": {
    description: "The resource path the violation names, e.g. example-mwaa/log-groups/Task. It names at least a stack, so no pattern waives a rule everywhere.",
    allowed: "`<name>-<stack>/...` or `<name>-<stack> (...)`; a `*` only at the end, where it matches every path that starts with the rest",
  },
  "guardrails.acknowledgements[].reason": { description: "Why the exception is acceptable, for the reviewers.", allowed: "at least 10 characters" },
  "guardrails.acknowledgements[].expires": {
    description: "The day the exception ends; from then on the violation fails the synth again.",
    allowed: `a date, YYYY-MM-DD, at most ${MAX_ACKNOWLEDGEMENT_DAYS_VARIABLE} days after the day of the synth (default ${DEFAULT_MAX_ACKNOWLEDGEMENT_DAYS}, at most ${MAX_ACKNOWLEDGEMENT_DAYS_CEILING})`,
  },
  tags: {
    description:
      "Tags on every resource, through the provider's `default_tags`; `MwaaEnvironment` (the name) and `ManagedBy` are added by the app.",
    allowed: `an object that holds at least ${list(MANDATORY_TAG_KEYS)}; keys 1-128 and values 0-256 characters of letters, digits, spaces and _ . : / = + - @; no key starting with aws:, and not MwaaEnvironment or ManagedBy`,
  },
};

/** The reference as the README's Markdown table. */
export function renderConfigReference(): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const rows = Object.entries(CONFIG_FIELDS)
    .filter(([path]) => path !== "$schema")
    .map(([path, doc]) => `| \`${path}\` | ${cell(doc.description)} | ${cell(doc.allowed)} | ${cell(doc.default ?? "required")} |`);
  return ["| field | what it does | allowed | default |", "| --- | --- | --- | --- |", ...rows].join("\n");
}
