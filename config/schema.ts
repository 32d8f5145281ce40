import { z } from "zod";
import { DEFAULT_MAX_ACKNOWLEDGEMENT_DAYS, MAX_ACKNOWLEDGEMENT_DAYS_CEILING, MAX_ACKNOWLEDGEMENT_DAYS_VARIABLE } from "./acknowledgements";
import { LEAST_VERBOSE_LOG_LEVELS, MIN_LOG_RETENTION_DAYS } from "./logging-policy";
import {
  AIRFLOW_VERSIONS,
  CIDR_PREFIX,
  DEFAULT_AIRFLOW_VERSION,
  DEFAULT_ENVIRONMENT_CLASS,
  DEFAULT_WORKER_QUOTA,
  DEFAULT_WORKERS,
  ENDPOINT_MANAGEMENT_MODES,
  ENVIRONMENT_CLASSES,
  ENVIRONMENT_NAME_MAX_LENGTH,
  ENVIRONMENT_NAME_PATTERN,
  KEY_DELETION_WINDOW_DAYS,
  LOG_LEVELS,
  LOG_RETENTION_DAYS,
  MAINTENANCE_WINDOW_PATTERN,
  MANDATORY_TAG_KEYS,
  REGION_PATTERN,
  SCHEDULERS,
  WEBSERVER_ACCESS_MODES,
  WEBSERVERS,
  WORKER_REPLACEMENT_STRATEGIES,
} from "./mwaa-limits";
import { rolesSchema } from "./roles";
import { secretsSchema } from "./secrets";
import { AUDIT_FIELDS, AUDIT_TRAIL_MODES, DEFAULT_TRAIL_LOG_RETENTION_DAYS, parseTopicArn, parseTrailArn } from "./audit";
import { MAX_KEY_ADMINISTRATORS, ORGANIZATION_ID_PATTERN } from "./encryption-keys";
import { ROUTE_TABLE_ID_PATTERN, SECURITY_GROUP_ID_PATTERN, SUBNET_ID_PATTERN, VPC_ID_PATTERN } from "./aws-resource-ids";
import { NETWORK_MODES } from "./network-mode";
import { NETWORK_MODE_FIELDS } from "./network-mode-fields";
import { PROVIDABLE_ENDPOINT_SERVICES } from "../modules/network/mwaa-endpoint-services";

/**
 * The shape of one environment's config file, field by field, and its documentation: each field's
 * `.meta()` says what it does (`description`) and what it accepts (`allowed`); its default is the
 * schema's own `.default()`, or `defaultText` where that cannot say it (derived from other fields,
 * MWAA's choice). The README's reference (reference.ts), the messages of validation errors
 * (load.ts) and the JSON Schema editors read (json-schema.ts) are all made from it. Rules that tie
 * fields together (sizing per class, CIDRs inside the VPC, zones of the Region, mandatory tags)
 * live in `rules.ts`.
 */

declare module "zod" {
  interface GlobalMeta {
    /** What the field accepts, as error messages and the reference quote it. */
    allowed?: string;
    /** The default as the reference shows it, where the field's `.default()` does not say it. */
    defaultText?: string;
  }
}

const list = (values: readonly (string | number)[]) => values.join(", ");
const oneOf = (values: readonly (string | number)[]) => `one of ${list(values)}`;

const wholeNumber = z.number().int();

/**
 * Free text that reaches the Terraform configuration. The stacks escape `${` and `%{` so Terraform
 * reads it literally; what cdktf's `--hcl` renderer cannot carry is refused: control characters and
 * line breaks (a value would become a heredoc its text can end), backslashes (HCL escapes), and a
 * double quote together with `${` or `%{` (cdktf then leaves the quote unescaped).
 */
const terraformText = z.string().check(
  z.refine((text) => !/[\p{Cc}\\]/u.test(text), { message: "must not hold control characters, line breaks or backslashes", params: { explained: true } }),
  z.refine((text) => !(text.includes('"') && /[$%]\{/.test(text)), { message: "must not hold a double quote together with ${ or %{", params: { explained: true } }),
);

/** Shape only; `rules.ts` checks the address, the prefix and how the blocks fit together. */
const cidr = z.string();

/** A retention CloudWatch Logs accepts; a literal set, so the JSON Schema lists it for editors. */
const retentionDays = z.literal(LOG_RETENTION_DAYS);
const retentionAllowed = `${oneOf(LOG_RETENTION_DAYS)} (0 = never expire)`;

const logLevel = z.enum(LOG_LEVELS);
const levelAllowed = oneOf(LOG_LEVELS);

const airflow = z.strictObject({
  version: z.enum(AIRFLOW_VERSIONS).default(DEFAULT_AIRFLOW_VERSION).meta({
    description: "Apache Airflow version of the environment.",
    allowed: oneOf(AIRFLOW_VERSIONS),
  }),
  environmentClass: z.enum(ENVIRONMENT_CLASSES).default(DEFAULT_ENVIRONMENT_CLASS).meta({
    description: "MWAA environment class (size of scheduler, workers and webserver).",
    allowed: oneOf(ENVIRONMENT_CLASSES),
  }),
  schedulers: wholeNumber.optional().meta({
    description: "Number of schedulers.",
    allowed: `${SCHEDULERS.min} to ${SCHEDULERS.max}; exactly 1 on mw1.micro`,
    defaultText: `${SCHEDULERS.default} (1 on mw1.micro)`,
  }),
  minWorkers: wholeNumber.min(1).optional().meta({
    description: "Workers MWAA keeps running.",
    allowed: "a whole number from 1 to maxWorkers; exactly 1 on mw1.micro",
    defaultText: String(DEFAULT_WORKERS.min),
  }),
  maxWorkers: wholeNumber.min(1).optional().meta({
    description: "Workers MWAA may scale out to.",
    allowed: "a whole number from minWorkers to workerQuota; exactly 1 on mw1.micro",
    defaultText: `${DEFAULT_WORKERS.max} (or workerQuota if lower, minWorkers if higher; 1 on mw1.micro)`,
  }),
  workerQuota: wholeNumber.min(1).default(DEFAULT_WORKER_QUOTA).meta({
    description: "Your account's MWAA workers-per-environment quota; raise it only after AWS raised the quota.",
    allowed: "a whole number of at least 1",
  }),
  minWebservers: wholeNumber.optional().meta({
    description: "Webservers MWAA keeps running.",
    allowed: `${WEBSERVERS.min} to ${WEBSERVERS.max}, at most maxWebservers; exactly 1 on mw1.micro`,
    defaultText: `${WEBSERVERS.default} (1 on mw1.micro)`,
  }),
  maxWebservers: wholeNumber.optional().meta({
    description: "Webservers MWAA may scale out to under API load.",
    allowed: `${WEBSERVERS.min} to ${WEBSERVERS.max}, at least minWebservers; exactly 1 on mw1.micro`,
    defaultText: `${WEBSERVERS.default} (1 on mw1.micro)`,
  }),
  webserverAccessMode: z.enum(WEBSERVER_ACCESS_MODES).default("PRIVATE_ONLY").meta({
    description:
      "Who can reach the Airflow UI. PRIVATE_ONLY puts it behind a VPC endpoint; PUBLIC_ONLY exposes it on the internet (still behind IAM sign-in).",
    allowed: oneOf(WEBSERVER_ACCESS_MODES),
  }),
  weeklyMaintenanceWindowStart: z.string().regex(MAINTENANCE_WINDOW_PATTERN).optional().meta({
    description: "Start of the weekly maintenance window, in UTC.",
    allowed: "DAY:HH:MM with DAY one of MON..SUN, HH 00-23 and MM 00 or 30, e.g. SUN:03:00",
    defaultText: "chosen by MWAA",
  }),
  workerReplacementStrategy: z.enum(WORKER_REPLACEMENT_STRATEGIES).optional().meta({
    description:
      "How MWAA replaces workers when an update (new requirements, plugins, options or version) restarts them: FORCED stops running tasks, GRACEFUL lets them finish first. Applies to updates only.",
    allowed: oneOf(WORKER_REPLACEMENT_STRATEGIES),
    defaultText: "MWAA's (FORCED)",
  }),
  endpointManagement: z.enum(ENDPOINT_MANAGEMENT_MODES).default("SERVICE").meta(NETWORK_MODE_FIELDS["airflow.endpointManagement"]),
  dagS3Path: terraformText
    .regex(/^[^/\s][^\s]*$/)
    .max(1024)
    .default("dags")
    .meta({
      description: "Folder of the DAG bucket that holds the DAGs.",
      allowed: "a relative S3 key prefix without a leading '/', whitespace or backslashes, e.g. dags; `${` and `%{` are kept as literal text",
    }),
  configurationOptions: z
    .record(z.string().regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/), terraformText)
    .default({})
    .meta({
      description: "Airflow configuration overrides (`airflow_configuration_options`).",
      allowed:
        "an object of `section.option` keys (lowercase, e.g. core.default_timezone) to string values without control characters, line breaks or backslashes; `${` and `%{` are kept as literal text (not beside a double quote). Options that reveal secrets or open the API keep safe values (webserver.expose_config or api.expose_config false or non-sensitive-only, core.hide_sensitive_var_conn_fields true, webserver.expose_stacktrace false, no anonymous api.auth_backends or fab.auth_backends), secrets.backend and workers.secrets_backend are Secrets Manager or Parameter Store, and their backend_kwargs name only this account's secrets. Options the environment's Airflow version does not read (removed or renamed in Airflow 3, or Airflow 3 names on Airflow 2) and options MWAA sets itself are refused; names of at most 64 characters, values of 1 to 65536 printable ASCII characters",
    }),
});

const logging = z.strictObject({
  retentionDays: retentionDays.default(MIN_LOG_RETENTION_DAYS).meta({
    description: "Retention of the five Airflow log groups.",
    allowed: retentionAllowed,
  }),
  levels: z
    .strictObject({
      dagProcessing: logLevel.default(LEAST_VERBOSE_LOG_LEVELS.dagProcessing).meta({ description: "Log level of DAG processing logs.", allowed: levelAllowed }),
      scheduler: logLevel.default(LEAST_VERBOSE_LOG_LEVELS.scheduler).meta({ description: "Log level of scheduler logs.", allowed: levelAllowed }),
      task: logLevel.default(LEAST_VERBOSE_LOG_LEVELS.task).meta({
        description: `Log level of task logs. The guardrail MWAA.ALL_LOGGING fails task logs above ${LEAST_VERBOSE_LOG_LEVELS.task} (a task's output is logged at INFO) and the other types above ${LEAST_VERBOSE_LOG_LEVELS.scheduler}, unless acknowledged.`,
        allowed: levelAllowed,
      }),
      webserver: logLevel.default(LEAST_VERBOSE_LOG_LEVELS.webserver).meta({ description: "Log level of webserver logs.", allowed: levelAllowed }),
      worker: logLevel.default(LEAST_VERBOSE_LOG_LEVELS.worker).meta({ description: "Log level of worker logs.", allowed: levelAllowed }),
    })
    .default({ ...LEAST_VERBOSE_LOG_LEVELS }),
});

/** Which fields each network.mode needs is a cross-field rule (network-mode-rules.ts). */
const cidrAllowed = `a network address in CIDR form with a prefix from /${CIDR_PREFIX.min} to /${CIDR_PREFIX.max}`;

const privateSubnet = z.strictObject({
  cidr: cidr.optional().meta({
    description: "IPv4 CIDR of the subnet (network.mode create).",
    allowed: `a network address in CIDR form, /${CIDR_PREFIX.min} to /${CIDR_PREFIX.max}, inside vpcCidr and not overlapping the other subnet`,
  }),
  subnetId: z.string().regex(SUBNET_ID_PATTERN).optional().meta(NETWORK_MODE_FIELDS["network.privateSubnets[].subnetId"]),
  availabilityZone: z
    .string()
    .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/)
    .meta({ description: "Availability Zone of the subnet.", allowed: "an Availability Zone name of the Region, e.g. eu-west-1a" }),
});

const securityGroupId = z.string().regex(SECURITY_GROUP_ID_PATTERN);

const network = z.strictObject({
  mode: z.enum(NETWORK_MODES).default("create").meta(NETWORK_MODE_FIELDS["network.mode"]),
  vpcId: z.string().regex(VPC_ID_PATTERN).optional().meta(NETWORK_MODE_FIELDS["network.vpcId"]),
  vpcCidr: cidr.meta({ description: "IPv4 CIDR of the VPC: the one the network stack creates, or the network team's (network.mode existing), which the security groups' rules name.", allowed: cidrAllowed }),
  privateSubnets: z.array(privateSubnet).length(2).meta({
    description: "The two private subnets MWAA runs in.",
    allowed: "exactly 2 subnets, in two different Availability Zones of the Region",
  }),
  routeTableIds: z.array(z.string().regex(ROUTE_TABLE_ID_PATTERN)).min(1).optional().meta(NETWORK_MODE_FIELDS["network.routeTableIds"]),
  securityGroupIds: z
    .strictObject({
      mwaa: securityGroupId.optional().meta(NETWORK_MODE_FIELDS["network.securityGroupIds.mwaa"]),
      endpoints: securityGroupId.optional().meta(NETWORK_MODE_FIELDS["network.securityGroupIds.endpoints"]),
    })
    .optional()
    .meta(NETWORK_MODE_FIELDS["network.securityGroupIds"]),
  providedEndpoints: z.array(z.enum(PROVIDABLE_ENDPOINT_SERVICES)).optional().meta(NETWORK_MODE_FIELDS["network.providedEndpoints"]),
  providedEndpointCidrs: z.array(cidr).optional().meta(NETWORK_MODE_FIELDS["network.providedEndpointCidrs"]),
  webserverIngressCidrs: z.array(cidr).default([]).meta({
    description: "Networks (VPN, peered VPCs, Transit Gateway) allowed to reach the private Airflow UI on port 443.",
    allowed: "a list of private IPv4 CIDR blocks; 0.0.0.0/0 is refused",
    defaultText: "[] (only the environment's own security group)",
  }),
  flowLogRetentionDays: retentionDays.default(MIN_LOG_RETENTION_DAYS).meta({
    description: "Retention of the VPC flow log group.",
    allowed: retentionAllowed,
  }),
});

const encryption = z.strictObject({
  keyDeletionWindowDays: wholeNumber
    .min(KEY_DELETION_WINDOW_DAYS.min)
    .max(KEY_DELETION_WINDOW_DAYS.max)
    .default(KEY_DELETION_WINDOW_DAYS.default)
    .meta({
      description: "Waiting period before a scheduled key deletion takes effect.",
      allowed: `${KEY_DELETION_WINDOW_DAYS.min} to ${KEY_DELETION_WINDOW_DAYS.max}`,
    }),
  // Shapes only: rules.ts (encryption-keys.ts) holds them to the environment's account and Region.
  keyArn: z.string().optional().meta({
    description:
      "The ARN of a key the stacks do not own, such as a security team's. The stacks then create no key: the MWAA environment, the DAG bucket and its objects, the five Airflow log groups and the VPC flow logs use this key, and the synth writes `cdktf.out/stacks/<name>-mwaa/key-policy-statements.json`, the statements the key's administrators must add to its policy (use by the execution role through S3 and SQS, CloudWatch Logs for this environment's log groups, MWAA's grants). The state key of the s3 backend is still created.",
    allowed: "`arn:<partition>:kms:<region>:<account>:key/<key id>` of the environment's account and Region; not an alias, a key id or a multi-Region (`mrk-`) key",
    defaultText: "none (the stacks create one key per environment, and one for the flow logs)",
  }),
  keyAdministratorRoleArns: z.array(z.string()).max(MAX_KEY_ADMINISTRATORS).optional().meta({
    description:
      "Roles that administer the keys the stacks create (key policy statement `KeyAdministrators`: manage, disable, schedule deletion; not encrypt or decrypt), beside the account root, which every key policy keeps. The roles must exist before the deploy: KMS refuses a policy that names an unknown role. The guardrail IAM.NO_KEY_ADMINISTRATION accepts key administration only for the account root and these roles.",
    allowed: `at most ${MAX_KEY_ADMINISTRATORS} distinct IAM role ARNs (\`arn:<partition>:iam::<account>:role/<name>\`) of the environment's account, without wildcards, none of them a role the stacks create; not with encryption.keyArn under state.backend hcp (no key is created then)`,
    defaultText: "none (the account root alone)",
  }),
  organizationId: z.string().regex(ORGANIZATION_ID_PATTERN).optional().meta({
    description:
      "The playbook's `aws:PrincipalOrgID` condition, on the statement that names the execution role's use of the environment key through S3 and SQS (`ExecutionRoleUseThroughSqsAndS3`): in the statements written for encryption.keyArn, and in a created environment key's policy, where the account root's statement already lets IAM policies grant that use.",
    allowed: "an AWS Organizations id: `o-` and 10 to 32 lowercase letters or digits",
  }),
});

const bucketNameAllowed = "an S3 bucket name: 3 to 63 lowercase letters, digits, '.' or '-'";

const storage = z.strictObject({
  dagBucketName: z.string().optional().meta({
    description: "Name of the DAG bucket.",
    allowed: bucketNameAllowed,
    defaultText: "`<name>-dags-<account>-<region>` (lowercase, '_' as '-')",
  }),
  accessLogRetentionDays: wholeNumber.min(1).default(MIN_LOG_RETENTION_DAYS).meta({
    description:
      "Days the S3 server access logs of the DAG and state buckets are kept, in their own SSE-S3 log buckets (`<name>-s3-logs-...`, `<name>-tfstate-logs-...`).",
    allowed: "a whole number of at least 1",
  }),
});

/** HCP Terraform organization and workspace names: letters, digits, '-' and '_'. */
const HCP_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Where Terraform state lives: this environment's S3 bucket (the default) or HCP Terraform. */
export const STATE_BACKENDS = ["s3", "hcp"] as const;
export const DEFAULT_STATE_BACKEND: (typeof STATE_BACKENDS)[number] = "s3";

const state = z.strictObject({
  backend: z.enum(STATE_BACKENDS).default(DEFAULT_STATE_BACKEND).meta({
    description:
      "Where Terraform state lives. s3: a bucket and key of this environment, created by the `<name>-state` bootstrap stack, encrypted with its own key and locked with S3-native lock files. hcp: HCP Terraform (Terraform Cloud) workspaces, one per stack.",
    allowed: STATE_BACKENDS.join(" or "),
  }),
  bucketName: z.string().optional().meta({
    description: "s3 only: name of the state bucket the bootstrap stack creates.",
    allowed: bucketNameAllowed,
    defaultText: "`<name>-tfstate-<account>-<region>` (lowercase, '_' as '-')",
  }),
  noncurrentVersionExpirationDays: wholeNumber.min(1).default(90).meta({
    description: "s3 only: days an overwritten state version is kept before S3 expires it.",
    allowed: "a whole number of at least 1",
  }),
  bootstrapStateInBucket: z.boolean().default(false).meta({
    description:
      "s3 only: false while the bootstrap stack keeps its own state in a local file; set true once the bucket exists to move that state into the bucket (`cdktf deploy <name>-state --migrate-state`).",
    allowed: "true or false",
  }),
  organization: z.string().max(40).regex(HCP_NAME_PATTERN).optional().meta({
    description: "hcp only: the HCP Terraform organization.",
    allowed: "letters, digits, '-' and '_', up to 40 characters; required when backend is hcp",
  }),
  workspacePrefix: z.string().max(50).regex(/^[A-Za-z0-9_-]*$/).default("mwaa-").meta({
    description: "hcp only: prefix of the workspace names; each stack uses `<prefix><stack>`, e.g. mwaa-example-network.",
    allowed: "letters, digits, '-' and '_', up to 50 characters",
  }),
  hostname: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/)
    .default("app.terraform.io")
    .meta({ description: "hcp only: the HCP Terraform or Terraform Enterprise host.", allowed: "a host name" }),
});

/** Playbook control 4; `rules.ts` (config/audit.ts) ties each field to its mode and checks the ARNs' accounts. */
const auditDoc = (field: string) => ({ description: AUDIT_FIELDS[field].description, allowed: AUDIT_FIELDS[field].allowed });
const audit = z.strictObject({
  trail: z.enum(AUDIT_TRAIL_MODES).default("none").meta(auditDoc("audit.trail")),
  trailArn: z.string().refine((arn) => parseTrailArn(arn) !== undefined).optional().meta(auditDoc("audit.trailArn")),
  logRetentionDays: retentionDays.default(DEFAULT_TRAIL_LOG_RETENTION_DAYS).meta(auditDoc("audit.logRetentionDays")),
  alarmTopicArn: z.string().refine((arn) => parseTopicArn(arn) !== undefined).optional().meta(auditDoc("audit.alarmTopicArn")),
});

const acknowledgement = z.strictObject({
  rule: z.string().meta({ description: "The rule id, e.g. LOGS.RETENTION.", allowed: "a rule id listed in README.md" }),
  resource: z.string().min(1).meta({
    description:
      "The resource path the violation names, e.g. example-mwaa/log-groups/Task. It names at least a stack, so no pattern waives a rule everywhere.",
    allowed: "`<name>-<stack>/...` or `<name>-<stack> (...)`; a `*` only at the end, where it matches every path that starts with the rest",
  }),
  reason: z.string().refine((r) => r.trim().length >= 10).meta({ description: "Why the exception is acceptable, for the reviewers.", allowed: "at least 10 characters" }),
  expires: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/).meta({
    description: "The day the exception ends; from then on the violation fails the synth again.",
    allowed: `a date, YYYY-MM-DD, at most ${MAX_ACKNOWLEDGEMENT_DAYS_VARIABLE} days after the day of the synth (default ${DEFAULT_MAX_ACKNOWLEDGEMENT_DAYS}, at most ${MAX_ACKNOWLEDGEMENT_DAYS_CEILING})`,
  }),
});

const guardrails = z.strictObject({
  acknowledgements: z.array(acknowledgement).default([]).meta({
    description:
      "Reviewed exceptions to guardrail rules. A violation they cover shows as ACKNOWLEDGED in cdktf.out/REVIEW.md instead of failing the synth, until it expires. Each must waive at least one current violation: one that matches none fails the synth (GUARDRAILS.ACKNOWLEDGEMENT_MATCHES).",
    allowed: `a list of objects with rule (a rule id), resource (a resource path as errors print it, starting with a stack of this environment; a trailing * matches a prefix), reason (at least 10 characters) and expires (YYYY-MM-DD, at most ${DEFAULT_MAX_ACKNOWLEDGEMENT_DAYS} days ahead by default)`,
  }),
});

export const environmentConfigSchema = z.strictObject({
  $schema: z.string().optional().meta({
    description: "The JSON Schema of config files, for editors to complete and check this file; ignored by the app.",
    allowed: "a path relative to this file, or a URL",
  }),
  name: z.string().min(1).max(ENVIRONMENT_NAME_MAX_LENGTH).regex(ENVIRONMENT_NAME_PATTERN).meta({
    description:
      "The MWAA environment name; also names the stacks (`<name>-network`, `<name>-mwaa`), the log groups and the key aliases. Must equal the file name without `.json`.",
    allowed: `a letter, then letters, digits, '-' or '_'; 1 to ${ENVIRONMENT_NAME_MAX_LENGTH} characters`,
  }),
  account: z.string().regex(/^\d{12}$/).meta({
    description:
      "The AWS account the environment is deployed to. The provider refuses any other account (`allowed_account_ids`) and policies are scoped to it.",
    allowed: "12 digits",
  }),
  region: z.string().regex(REGION_PATTERN).meta({ description: "The AWS Region of every resource of the environment.", allowed: "a Region code such as eu-west-1 or us-east-2" }),
  protectFromDestroy: z.boolean().default(true).meta({
    description:
      "Sets `prevent_destroy` on the stateful resources (the MWAA environment and its metadata database, the keys, the DAG and access-log buckets, the Airflow and flow log groups) so a `destroy` or a replacing change fails instead of losing data. `false` is for throwaway environments, and the guardrail DATA.PREVENT_DESTROY then fails until the exception is acknowledged for `<name>-network/*` and `<name>-mwaa/*`, so the review shows it.",
    allowed: "true or false",
  }),
  airflow: airflow.default(airflow.parse({})),
  logging: logging.default(logging.parse({})),
  network,
  encryption: encryption.default(encryption.parse({})),
  storage: storage.default(storage.parse({})),
  state: state.default(state.parse({})),
  audit: audit.default(audit.parse({})),
  guardrails: guardrails.default({ acknowledgements: [] }),
  roles: rolesSchema.default(rolesSchema.parse({})),
  secrets: secretsSchema.default(secretsSchema.parse({})),
  tags: z.record(z.string(), z.string()).meta({
    description:
      "Tags on every resource, through the provider's `default_tags`; `MwaaEnvironment` (the name) and `ManagedBy` are added by the app.",
    allowed: `an object that holds at least ${list(MANDATORY_TAG_KEYS)}; keys 1-128 and values 0-256 characters of letters, digits, spaces and _ . : / = + - @; no key starting with aws:, and not MwaaEnvironment or ManagedBy`,
  }),
});

/** A config file as written, with defaults filled in but sizing not yet resolved per class. */
export type ParsedConfig = z.output<typeof environmentConfigSchema>;
