import { z } from "zod";
import {
  AIRFLOW_VERSIONS,
  DEFAULT_AIRFLOW_VERSION,
  DEFAULT_WORKER_QUOTA,
  ENDPOINT_MANAGEMENT_MODES,
  ENVIRONMENT_CLASSES,
  ENVIRONMENT_NAME_MAX_LENGTH,
  ENVIRONMENT_NAME_PATTERN,
  KEY_DELETION_WINDOW_DAYS,
  LOG_LEVELS,
  LOG_RETENTION_DAYS,
  MAINTENANCE_WINDOW_PATTERN,
  REGION_PATTERN,
  WEBSERVER_ACCESS_MODES,
  WORKER_REPLACEMENT_STRATEGIES,
} from "./mwaa-limits";
import { ROUTE_TABLE_ID_PATTERN, SECURITY_GROUP_ID_PATTERN, SUBNET_ID_PATTERN, VPC_ID_PATTERN } from "./aws-resource-ids";
import { NETWORK_MODES } from "./network-mode";
import { NETWORK_MODE_FIELDS } from "./network-mode-fields";
import { MWAA_ENDPOINT_SERVICES } from "../modules/network/mwaa-endpoint-services";

/**
 * The shape of one environment's config file, field by field. Rules that tie fields together
 * (sizing per class, CIDRs inside the VPC, zones of the Region, mandatory tags) live in
 * `rules.ts`; what each field means is in `reference.ts`.
 */

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

const retentionDays = z
  .number()
  .refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days));

const logLevel = z.enum(LOG_LEVELS);

const airflow = z.strictObject({
  version: z.enum(AIRFLOW_VERSIONS).default(DEFAULT_AIRFLOW_VERSION),
  environmentClass: z.enum(ENVIRONMENT_CLASSES).default("mw1.small"),
  schedulers: wholeNumber.optional(),
  minWorkers: wholeNumber.min(1).optional(),
  maxWorkers: wholeNumber.min(1).optional(),
  workerQuota: wholeNumber.min(1).default(DEFAULT_WORKER_QUOTA),
  minWebservers: wholeNumber.optional(),
  maxWebservers: wholeNumber.optional(),
  webserverAccessMode: z.enum(WEBSERVER_ACCESS_MODES).default("PRIVATE_ONLY"),
  weeklyMaintenanceWindowStart: z.string().regex(MAINTENANCE_WINDOW_PATTERN).optional(),
  workerReplacementStrategy: z.enum(WORKER_REPLACEMENT_STRATEGIES).optional(),
  endpointManagement: z.enum(ENDPOINT_MANAGEMENT_MODES).default("SERVICE").meta(NETWORK_MODE_FIELDS["airflow.endpointManagement"]),
  dagS3Path: terraformText
    .regex(/^[^/\s][^\s]*$/)
    .max(1024)
    .default("dags"),
  configurationOptions: z
    .record(z.string().regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/), terraformText)
    .default({}),
});

const logging = z.strictObject({
  retentionDays: retentionDays.default(365),
  levels: z
    .strictObject({
      dagProcessing: logLevel.default("WARNING"),
      scheduler: logLevel.default("WARNING"),
      task: logLevel.default("INFO"),
      webserver: logLevel.default("WARNING"),
      worker: logLevel.default("WARNING"),
    })
    .default({ dagProcessing: "WARNING", scheduler: "WARNING", task: "INFO", webserver: "WARNING", worker: "WARNING" }),
});

/** Which fields each network.mode needs is a cross-field rule (network-mode-rules.ts). */
const privateSubnet = z.strictObject({
  cidr: cidr.optional(),
  subnetId: z.string().regex(SUBNET_ID_PATTERN).optional().meta(NETWORK_MODE_FIELDS["network.privateSubnets[].subnetId"]),
  availabilityZone: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/),
});

const securityGroupId = z.string().regex(SECURITY_GROUP_ID_PATTERN);

const network = z.strictObject({
  mode: z.enum(NETWORK_MODES).default("create").meta(NETWORK_MODE_FIELDS["network.mode"]),
  vpcId: z.string().regex(VPC_ID_PATTERN).optional().meta(NETWORK_MODE_FIELDS["network.vpcId"]),
  vpcCidr: cidr,
  privateSubnets: z.array(privateSubnet).length(2),
  routeTableIds: z.array(z.string().regex(ROUTE_TABLE_ID_PATTERN)).min(1).optional().meta(NETWORK_MODE_FIELDS["network.routeTableIds"]),
  securityGroupIds: z
    .strictObject({
      mwaa: securityGroupId.optional().meta(NETWORK_MODE_FIELDS["network.securityGroupIds.mwaa"]),
      endpoints: securityGroupId.optional().meta(NETWORK_MODE_FIELDS["network.securityGroupIds.endpoints"]),
    })
    .optional()
    .meta(NETWORK_MODE_FIELDS["network.securityGroupIds"]),
  providedEndpoints: z.array(z.enum(MWAA_ENDPOINT_SERVICES)).optional().meta(NETWORK_MODE_FIELDS["network.providedEndpoints"]),
  providedEndpointCidrs: z.array(cidr).optional().meta(NETWORK_MODE_FIELDS["network.providedEndpointCidrs"]),
  webserverIngressCidrs: z.array(cidr).default([]),
  flowLogRetentionDays: retentionDays.default(365),
});

const encryption = z.strictObject({
  keyDeletionWindowDays: wholeNumber
    .min(KEY_DELETION_WINDOW_DAYS.min)
    .max(KEY_DELETION_WINDOW_DAYS.max)
    .default(KEY_DELETION_WINDOW_DAYS.default),
});

const storage = z.strictObject({
  dagBucketName: z.string().optional(),
  accessLogRetentionDays: wholeNumber.min(1).default(365),
});

/** HCP Terraform organization and workspace names: letters, digits, '-' and '_'. */
const HCP_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

const state = z.strictObject({
  backend: z.enum(["s3", "hcp"]).default("s3"),
  bucketName: z.string().optional(),
  noncurrentVersionExpirationDays: wholeNumber.min(1).default(90),
  bootstrapStateInBucket: z.boolean().default(false),
  organization: z.string().max(40).regex(HCP_NAME_PATTERN).optional(),
  workspacePrefix: z.string().max(50).regex(/^[A-Za-z0-9_-]*$/).default("mwaa-"),
  hostname: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/)
    .default("app.terraform.io"),
});

const acknowledgement = z.strictObject({
  rule: z.string(),
  resource: z.string().min(1),
  reason: z.string().refine((r) => r.trim().length >= 10),
  expires: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/),
});

const guardrails = z.strictObject({
  acknowledgements: z.array(acknowledgement).default([]),
});

export const environmentConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1).max(ENVIRONMENT_NAME_MAX_LENGTH).regex(ENVIRONMENT_NAME_PATTERN),
  account: z.string().regex(/^\d{12}$/),
  region: z.string().regex(REGION_PATTERN),
  protectFromDestroy: z.boolean().default(true),
  airflow: airflow.default(airflow.parse({})),
  logging: logging.default(logging.parse({})),
  network,
  encryption: encryption.default(encryption.parse({})),
  storage: storage.default(storage.parse({})),
  state: state.default(state.parse({})),
  guardrails: guardrails.default({ acknowledgements: [] }),
  tags: z.record(z.string(), z.string()),
});

/** A config file as written, with defaults filled in but sizing not yet resolved per class. */
export type ParsedConfig = z.output<typeof environmentConfigSchema>;
