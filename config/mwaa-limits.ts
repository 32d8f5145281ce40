/**
 * What Amazon MWAA, CloudWatch Logs and KMS accept, in one place, so the schema and the README
 * quote the same numbers. Sources: the MWAA API reference (CreateEnvironment), the MWAA user guide
 * (environment classes, customer-managed keys) and CloudWatch Logs' PutRetentionPolicy.
 */

/** Airflow versions MWAA creates environments with (newest MWAA SDK model). */
export const AIRFLOW_VERSIONS = ["2.7.2", "2.8.1", "2.9.2", "2.10.1", "2.10.3", "2.11.0", "3.0.6"] as const;
export const DEFAULT_AIRFLOW_VERSION = "2.11.0";
export type AirflowVersion = (typeof AIRFLOW_VERSIONS)[number];

/**
 * The Python each Airflow version runs on in MWAA ("major.minor"): the MWAA user guide's table of
 * Apache Airflow versions (mwaa-faqs / airflow-versions, "Python version" column), confirmed by
 * `PYTHON_VERSION` in each version's Dockerfile in aws/amazon-mwaa-docker-images (3.11.9 for 2.9.2
 * to 2.10.3, 3.12.10 for 2.11.0 and 3.0.6) and in aws/aws-mwaa-local-runner's v2.7.2 and v2.8.1
 * branches (3.11.6, 3.11.7). A wheel built for another Python does not install.
 */
export const MWAA_PYTHON_VERSIONS: Readonly<Record<AirflowVersion, string>> = {
  "2.7.2": "3.11",
  "2.8.1": "3.11",
  "2.9.2": "3.11",
  "2.10.1": "3.11",
  "2.10.3": "3.11",
  "2.11.0": "3.12",
  "3.0.6": "3.12",
};

/**
 * The platform MWAA's workers, schedulers and webservers install wheels on, for every version
 * above (2.7 and later): Amazon Linux 2023 (MWAA FAQ "What is the default operating system"),
 * whose glibc is 2.34 (AL2023 guide, "Core toolchain packages"), on x86_64: the wheels pip looks
 * for on MWAA are `manylinux..._x86_64` (aws/aws-mwaa-local-runner issues #342 and #393: a
 * plugins.zip built on an arm64 Mac holds aarch64 wheels that MWAA cannot use).
 */
export const MWAA_WORKER_PLATFORM = { system: "linux", architecture: "x86_64", glibc: { major: 2, minor: 34 } } as const;

/**
 * Where MWAA unpacks plugins.zip on every container (Knowledge Center "mwaa-install-custom-packages";
 * MWAA guide "Installing Python dependencies", Python wheels). Requirements install from here
 * with `--find-links` and `--no-index` when the environment has no internet path.
 */
export const MWAA_PLUGINS_PATH = "/usr/local/airflow/plugins";

export const ENVIRONMENT_CLASSES = [
  "mw1.micro",
  "mw1.small",
  "mw1.medium",
  "mw1.large",
  "mw1.xlarge",
  "mw1.2xlarge",
] as const;
export type EnvironmentClass = (typeof ENVIRONMENT_CLASSES)[number];

/** mw1.micro runs one scheduler, one webserver and one worker in a single, fixed footprint. */
export const MICRO_CLASS: EnvironmentClass = "mw1.micro";
/** The class of an environment whose config names none: the smallest that runs several workers. */
export const DEFAULT_ENVIRONMENT_CLASS: EnvironmentClass = "mw1.small";
/** Schedulers and webservers on every class above mw1.micro (MWAA API: 2 to 5, default 2). */
export const SCHEDULERS = { min: 2, max: 5, default: 2 } as const;
export const WEBSERVERS = { min: 2, max: 5, default: 2 } as const;
/** MWAA's default service quota of workers per environment; raise it with AWS, then in config. */
export const DEFAULT_WORKER_QUOTA = 25;
/** Workers of an environment whose config sets none (above mw1.micro): one kept, up to ten under load. */
export const DEFAULT_WORKERS = { min: 1, max: 10 } as const;

export const WEBSERVER_ACCESS_MODES = ["PRIVATE_ONLY", "PUBLIC_ONLY"] as const;

/**
 * How MWAA replaces workers during an update (UpdateEnvironment WorkerReplacementStrategy; the AWS
 * provider's worker_replacement_strategy, 6.11 and later, sent only on update): FORCED stops running
 * tasks at once, GRACEFUL lets them finish first (up to 12 hours).
 */
export const WORKER_REPLACEMENT_STRATEGIES = ["FORCED", "GRACEFUL"] as const;

/** `DAY:HH:MM`, in 30-minute steps (MWAA API pattern for WeeklyMaintenanceWindowStart). */
export const MAINTENANCE_WINDOW_PATTERN = /^(MON|TUE|WED|THU|FRI|SAT|SUN):([01]\d|2[0-3]):(00|30)$/;

/** MWAA environment name: a letter, then letters, digits, '-' or '_'; 1 to 80 characters. */
export const ENVIRONMENT_NAME_PATTERN = /^[a-zA-Z][0-9a-zA-Z_-]*$/;
export const ENVIRONMENT_NAME_MAX_LENGTH = 80;

/** An AWS Region code, e.g. eu-west-1, us-gov-west-1. */
export const REGION_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

export const LOG_LEVELS = ["CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"] as const;

/** The five Airflow log types; MWAA names their groups `airflow-<env>-<suffix>`. */
export const AIRFLOW_LOG_TYPES = [
  { key: "dagProcessing", suffix: "DAGProcessing" },
  { key: "scheduler", suffix: "Scheduler" },
  { key: "task", suffix: "Task" },
  { key: "webserver", suffix: "WebServer" },
  { key: "worker", suffix: "Worker" },
] as const;
export type AirflowLogType = (typeof AIRFLOW_LOG_TYPES)[number]["key"];

/** Retention values CloudWatch Logs accepts; 0 means "never expire" (Terraform's convention). */
export const LOG_RETENTION_DAYS = [
  0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
  3288, 3653,
] as const;

/** KMS ScheduleKeyDeletion accepts a pending window of 7 to 30 days. */
export const KEY_DELETION_WINDOW_DAYS = { min: 7, max: 30, default: 30 } as const;

/** The Terraform AWS provider only accepts VPC and subnet prefixes from /16 to /28. */
export const CIDR_PREFIX = { min: 16, max: 28 } as const;

/** Tags every environment must carry; the provider's default_tags put them on every resource. */
export const MANDATORY_TAG_KEYS = ["Owner", "CostCenter", "DataClassification"] as const;

/**
 * Who creates the VPC endpoints of an environment's database and webserver (MWAA API
 * CreateEnvironment EndpointManagement): SERVICE, MWAA itself in the environment's subnets;
 * CUSTOMER, the VPC's owner, to the endpoint services MWAA names once the environment is PENDING
 * (a shared VPC requires CUSTOMER; after 72 hours without them creation fails).
 */
export const ENDPOINT_MANAGEMENT_MODES = ["SERVICE", "CUSTOMER"] as const;
