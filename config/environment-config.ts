import { AirflowArtifacts } from "./airflow-artifacts";
import { AuditConfig, resolveAudit } from "./audit";
import { DEFAULT_WORKERS, MICRO_CLASS, SCHEDULERS, WEBSERVERS } from "./mwaa-limits";
import { defaultDagBucketName, defaultStateBucketName } from "./names";
import { NetworkConfig, resolveNetwork } from "./network-mode";
import { ParsedConfig } from "./schema";
import { resolveSecrets, SecretsConfig } from "./secrets";

/** One environment's validated config, every default resolved. What stacks and modules receive. */
export interface EnvironmentConfig extends Omit<ParsedConfig, "airflow" | "network" | "storage" | "state" | "secrets" | "audit" | "$schema"> {
  readonly airflow: ParsedConfig["airflow"] & {
    readonly schedulers: number;
    readonly minWorkers: number;
    readonly maxWorkers: number;
    readonly minWebservers: number;
    readonly maxWebservers: number;
  };
  /** The VPC the network stack creates, or a network team's (network-mode.ts). */
  readonly network: NetworkConfig;
  readonly storage: { readonly dagBucketName: string; readonly accessLogRetentionDays: number };
  readonly state: S3StateConfig | HcpStateConfig;
  /** Where Airflow reads connections and variables, prefixes resolved. */
  readonly secrets: SecretsConfig;
  /** Playbook control 4: no trail, a trail of the environment's own, or the account's existing one. */
  readonly audit: AuditConfig;
  /**
   * The files of `airflow/<env>/`, staged for upload; absent when the environment has no such
   * folder. Set by the synth (stacks/synthesize.ts), never by a config file.
   */
  readonly artifacts?: AirflowArtifacts;
}

/** State in this environment's bucket, created by the `<name>-state` bootstrap stack. */
export interface S3StateConfig {
  readonly backend: "s3";
  readonly bucketName: string;
  readonly noncurrentVersionExpirationDays: number;
  readonly bootstrapStateInBucket: boolean;
}

/** State in HCP Terraform workspaces named `<workspacePrefix><stack>`. */
export interface HcpStateConfig {
  readonly backend: "hcp";
  readonly organization: string;
  readonly workspacePrefix: string;
  readonly hostname: string;
}

/** Fills the defaults that depend on other fields: sizing per class, the derived bucket name. */
export function resolveConfig(parsed: ParsedConfig): EnvironmentConfig {
  const { $schema: _schema, ...config } = parsed;
  const micro = config.airflow.environmentClass === MICRO_CLASS;
  const airflow = config.airflow;
  return {
    ...config,
    airflow: {
      ...airflow,
      schedulers: airflow.schedulers ?? (micro ? 1 : SCHEDULERS.default),
      minWorkers: airflow.minWorkers ?? DEFAULT_WORKERS.min,
      maxWorkers:
        airflow.maxWorkers ??
        (micro ? 1 : Math.max(airflow.minWorkers ?? DEFAULT_WORKERS.min, Math.min(DEFAULT_WORKERS.max, airflow.workerQuota))),
      minWebservers: airflow.minWebservers ?? (micro ? 1 : WEBSERVERS.default),
      maxWebservers:
        airflow.maxWebservers ?? (micro ? 1 : Math.max(WEBSERVERS.default, airflow.minWebservers ?? 0)),
    },
    network: resolveNetwork(config.network),
    storage: {
      accessLogRetentionDays: config.storage.accessLogRetentionDays,
      dagBucketName:
        config.storage.dagBucketName ?? defaultDagBucketName(config.name, config.account, config.region),
    },
    state: resolveState(config),
    secrets: resolveSecrets(config.name, config.secrets),
    audit: resolveAudit(config.audit),
  };
}

function resolveState(config: Omit<ParsedConfig, "$schema">): S3StateConfig | HcpStateConfig {
  const { state } = config;
  if (state.backend === "hcp") {
    // Validation guarantees the organization of an hcp backend.
    return { backend: "hcp", organization: state.organization!, workspacePrefix: state.workspacePrefix, hostname: state.hostname };
  }
  return {
    backend: "s3",
    bucketName: state.bucketName ?? defaultStateBucketName(config.name, config.account, config.region),
    noncurrentVersionExpirationDays: state.noncurrentVersionExpirationDays,
    bootstrapStateInBucket: state.bootstrapStateInBucket,
  };
}
