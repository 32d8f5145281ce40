import { AcknowledgementPolicy, acknowledgementProblems } from "./acknowledgements";
import { airflowOptionProblems } from "./airflow-options";
import { auditProblems } from "./audit";
import { encryptionProblems } from "./encryption-keys";
import { cidrContains, cidrsOverlap, Ipv4Cidr, isPrivateCidr, parseCidr } from "./cidr";
import {
  CIDR_PREFIX,
  DEFAULT_ENVIRONMENT_CLASS,
  DEFAULT_WORKER_QUOTA,
  ENVIRONMENT_CLASSES,
  ENVIRONMENT_NAME_PATTERN,
  MANDATORY_TAG_KEYS,
  MICRO_CLASS,
  REGION_PATTERN,
  SCHEDULERS,
  WEBSERVERS,
} from "./mwaa-limits";
import { accessLogBucketName, defaultDagBucketName, defaultStateBucketName, stateAccessLogBucketName } from "./names";
import { rolesProblems } from "./roles";
import { networkModeProblems } from "./network-mode-rules";
import { s3BucketNameProblems } from "./s3-bucket-name";
import { secretsProblems } from "./secrets";
import { DEFAULT_STATE_BACKEND } from "./schema";

/**
 * Rules that tie fields together. They read the raw file defensively (a field of the wrong type is
 * left to the schema's own message) so that one run reports every problem, not the first layer.
 * The JSON Schema editors read (json-schema.ts) carries none of them: it checks each field alone.
 */

export interface Problem {
  /** Field path, e.g. `network.privateSubnets[1].cidr`. */
  readonly path: string;
  /** What is wrong and what is allowed. */
  readonly message: string;
  /** The offending value; omitted when the value is missing. */
  readonly value?: unknown;
}

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);
const asObject = (v: unknown): Raw => (isObject(v) ? v : {});
const isWhole = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

/** Automatic tags; config may not set them. */
export const APP_TAG_KEYS = ["MwaaEnvironment", "ManagedBy"] as const;
const TAG_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const MAX_TAGS_PER_RESOURCE = 50;

export function crossFieldProblems(raw: unknown, policy: AcknowledgementPolicy): Problem[] {
  const config = asObject(raw);
  return [
    ...sizingProblems(asObject(config.airflow)),
    ...networkProblems(asObject(config.network), config.region),
    ...networkModeProblems(asObject(config.network), asObject(config.airflow)),
    ...tagProblems(config.tags),
    ...bucketNameProblems(config),
    ...stateProblems(config),
    ...encryptionProblems(config),
    ...acknowledgementProblems(asObject(config.guardrails).acknowledgements, config.name, policy),
    ...airflowOptionProblems(asObject(config.airflow).configurationOptions, config.account, asObject(config.airflow).version, asObject(config.secrets).backend),
    ...rolesProblems(config),
    ...secretsProblems(config),
    ...auditProblems(config),
  ];
}

function sizingProblems(airflow: Raw): Problem[] {
  const problems: Problem[] = [];
  const environmentClass = airflow.environmentClass ?? DEFAULT_ENVIRONMENT_CLASS;
  if (!(ENVIRONMENT_CLASSES as readonly unknown[]).includes(environmentClass)) return problems;

  if (environmentClass === MICRO_CLASS) {
    for (const field of ["schedulers", "minWorkers", "maxWorkers", "minWebservers", "maxWebservers"]) {
      const value = airflow[field];
      if (isWhole(value) && value !== 1) {
        problems.push({
          path: `airflow.${field}`,
          value,
          message: "must be 1 on mw1.micro, which runs one scheduler, one worker and one webserver",
        });
      }
    }
    return problems;
  }

  const inRange = (field: string, range: { min: number; max: number }) => {
    const value = airflow[field];
    if (isWhole(value) && (value < range.min || value > range.max)) {
      problems.push({
        path: `airflow.${field}`,
        value,
        message: `must be from ${range.min} to ${range.max} on ${environmentClass}`,
      });
    }
  };
  inRange("schedulers", SCHEDULERS);
  inRange("minWebservers", WEBSERVERS);
  inRange("maxWebservers", WEBSERVERS);

  const ordered = (minField: string, maxField: string) => {
    const min = airflow[minField];
    const max = airflow[maxField];
    if (isWhole(min) && isWhole(max) && min > max) {
      problems.push({
        path: `airflow.${maxField}`,
        value: max,
        message: `must be at least airflow.${minField} (${min})`,
      });
    }
  };
  ordered("minWorkers", "maxWorkers");
  ordered("minWebservers", "maxWebservers");

  const quota = isWhole(airflow.workerQuota) ? airflow.workerQuota : DEFAULT_WORKER_QUOTA;
  for (const field of ["minWorkers", "maxWorkers"]) {
    const value = airflow[field];
    if (isWhole(value) && value > quota) {
      problems.push({
        path: `airflow.${field}`,
        value,
        message: `must be at most airflow.workerQuota (${quota}), MWAA's workers-per-environment quota; ask AWS to raise the quota, then raise airflow.workerQuota`,
      });
    }
  }
  return problems;
}

function validCidr(value: unknown): Ipv4Cidr | undefined {
  if (typeof value !== "string") return undefined;
  const parsed = parseCidr(value);
  return typeof parsed === "string" ? undefined : parsed;
}


function networkProblems(network: Raw, region: unknown): Problem[] {
  const problems: Problem[] = [];
  const cidrShape = (path: string, value: unknown) => {
    if (typeof value !== "string") return;
    const parsed = parseCidr(value);
    if (typeof parsed === "string") {
      problems.push({ path, value, message: parsed });
    } else if (parsed.prefix < CIDR_PREFIX.min || parsed.prefix > CIDR_PREFIX.max) {
      problems.push({
        path,
        value,
        message: `must have a prefix from /${CIDR_PREFIX.min} to /${CIDR_PREFIX.max} (what AWS allows for a VPC or subnet)`,
      });
    }
  };

  cidrShape("network.vpcCidr", network.vpcCidr);
  const vpc = validCidr(network.vpcCidr);
  const subnets = Array.isArray(network.privateSubnets) ? network.privateSubnets.map(asObject) : [];
  const seen: { index: number; cidr: Ipv4Cidr }[] = [];
  const zones = new Map<string, number>();
  subnets.forEach((subnet, index) => {
    const path = `network.privateSubnets[${index}]`;
    cidrShape(`${path}.cidr`, subnet.cidr);
    const cidr = validCidr(subnet.cidr);
    if (cidr && vpc && !cidrContains(vpc, cidr)) {
      problems.push({
        path: `${path}.cidr`,
        value: subnet.cidr,
        message: `must lie inside network.vpcCidr (${vpc.text})`,
      });
    }
    if (cidr) {
      const clash = seen.find((other) => cidrsOverlap(other.cidr, cidr));
      if (clash) {
        problems.push({
          path: `${path}.cidr`,
          value: subnet.cidr,
          message: `overlaps network.privateSubnets[${clash.index}].cidr (${clash.cidr.text}); subnets must not overlap`,
        });
      }
      seen.push({ index, cidr });
    }
    const zone = subnet.availabilityZone;
    if (typeof zone === "string") {
      if (typeof region === "string" && REGION_PATTERN.test(region) && !new RegExp(`^${region}[a-z]$`).test(zone)) {
        problems.push({
          path: `${path}.availabilityZone`,
          value: zone,
          message: `must be an Availability Zone of region ${region}, e.g. ${region}a`,
        });
      }
      const first = zones.get(zone);
      if (first !== undefined) {
        problems.push({
          path: `${path}.availabilityZone`,
          value: zone,
          message: `is also the zone of network.privateSubnets[${first}]; MWAA needs two subnets in different Availability Zones`,
        });
      } else {
        zones.set(zone, index);
      }
    }
  });

  const ingress = Array.isArray(network.webserverIngressCidrs) ? network.webserverIngressCidrs : [];
  ingress.forEach((value, index) => {
    const path = `network.webserverIngressCidrs[${index}]`;
    if (typeof value !== "string") return;
    const parsed = parseCidr(value);
    if (typeof parsed === "string") {
      problems.push({ path, value, message: parsed });
    } else if (!isPrivateCidr(parsed)) {
      problems.push({
        path,
        value,
        message:
          "must be a private network (inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10); the UI is never opened to the internet",
      });
    }
  });
  return problems;
}

function tagProblems(tags: unknown): Problem[] {
  if (!isObject(tags)) return [];
  const problems: Problem[] = [];
  for (const key of MANDATORY_TAG_KEYS) {
    const value = tags[key];
    if (value === undefined || (typeof value === "string" && value.trim() === "")) {
      problems.push({
        path: `tags.${key}`,
        value,
        message: `is a mandatory tag; set a non-empty value (mandatory tags: ${MANDATORY_TAG_KEYS.join(", ")})`,
      });
    }
  }
  for (const [key, value] of Object.entries(tags)) {
    const path = `tags.${key}`;
    if ((APP_TAG_KEYS as readonly string[]).includes(key)) {
      problems.push({ path, value, message: "is set by the app on every resource; remove it from the config" });
    }
    if (key.length < 1 || key.length > 128 || !TAG_PATTERN.test(key)) {
      problems.push({
        path,
        value: key,
        message: "is not a valid tag key: 1 to 128 letters, digits, spaces and _ . : / = + - @",
      });
    }
    if (key.toLowerCase().startsWith("aws:")) {
      problems.push({ path, value: key, message: "must not start with the reserved prefix aws:" });
    }
    if (typeof value === "string" && (value.length > 256 || !TAG_PATTERN.test(value))) {
      problems.push({
        path,
        value,
        message: "is not a valid tag value: 0 to 256 letters, digits, spaces and _ . : / = + - @",
      });
    }
  }
  const count = Object.keys(tags).length + APP_TAG_KEYS.length;
  if (count > MAX_TAGS_PER_RESOURCE) {
    problems.push({
      path: "tags",
      value: `${Object.keys(tags).length} tags`,
      message: `must hold at most ${MAX_TAGS_PER_RESOURCE - APP_TAG_KEYS.length} tags: AWS allows ${MAX_TAGS_PER_RESOURCE} per resource and the app adds ${APP_TAG_KEYS.length}`,
    });
  }
  return problems;
}

function bucketNameProblems(config: Raw): Problem[] {
  return [
    ...namedBucketProblems(config, "storage.dagBucketName", asObject(config.storage).dagBucketName, defaultDagBucketName),
    ...namedBucketProblems(config, "name", undefined, accessLogBucketName, "choose another environment name"),
  ];
}

function stateProblems(config: Raw): Problem[] {
  const state = asObject(config.state);
  const backend = state.backend ?? DEFAULT_STATE_BACKEND;
  if (backend === "hcp") {
    const problems: Problem[] = [];
    if (state.organization === undefined) {
      problems.push({ path: "state.organization", message: "is required when state.backend is hcp; set your HCP Terraform organization" });
    }
    for (const field of ["bucketName", "noncurrentVersionExpirationDays", "bootstrapStateInBucket"]) {
      if (field in state) {
        problems.push({ path: `state.${field}`, value: state[field], message: "applies only to the s3 backend; remove it or set state.backend to s3" });
      }
    }
    if (typeof config.name === "string" && typeof state.workspacePrefix === "string") {
      const longest = `${state.workspacePrefix}${config.name}-network`;
      if (longest.length > 90) {
        problems.push({
          path: "state.workspacePrefix",
          value: state.workspacePrefix,
          message: `makes the workspace name '${longest}' longer than HCP Terraform's 90 characters`,
        });
      }
    }
    return problems;
  }
  if (backend !== "s3") return [];
  const problems = ["organization", "workspacePrefix", "hostname"]
    .filter((field) => field in state)
    .map((field) => ({
      path: `state.${field}`,
      value: state[field],
      message: "applies only to the hcp backend; remove it or set state.backend to hcp",
    }));
  return [
    ...problems,
    ...namedBucketProblems(config, "state.bucketName", state.bucketName, defaultStateBucketName),
    ...namedBucketProblems(config, "name", undefined, stateAccessLogBucketName, "choose another environment name"),
  ];
}

/** S3 naming problems of a configured bucket name, or of the name that would be derived. */
function namedBucketProblems(
  config: Raw,
  path: string,
  configured: unknown,
  derive: (name: string, account: string, region: string) => string,
  fix = `set ${path}`,
): Problem[] {
  if (typeof configured === "string") {
    return s3BucketNameProblems(configured).map((message) => ({ path, value: configured, message }));
  }
  const { name, account, region } = config;
  // A derived name is only worth checking once its parts are valid; their own messages come first.
  if (
    typeof name !== "string" ||
    !ENVIRONMENT_NAME_PATTERN.test(name) ||
    typeof account !== "string" ||
    !/^\d{12}$/.test(account) ||
    typeof region !== "string" ||
    !REGION_PATTERN.test(region)
  ) {
    return [];
  }
  const derived = derive(name, account, region);
  return s3BucketNameProblems(derived).map((message) => ({
    path,
    message: `the default name '${derived}' ${message}; ${fix}`,
  }));
}
