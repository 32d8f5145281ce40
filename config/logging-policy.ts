import { AirflowLogType, LOG_LEVELS } from "./mwaa-limits";

/**
 * What the guardrails require of logs, and so what the config defaults to: a default that the
 * rules then fail would be a trap. The config schema (defaults), the guardrails LOGS.RETENTION and
 * MWAA.ALL_LOGGING (thresholds) and the reference (allowed values) all read these.
 */

export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The shortest retention LOGS.RETENTION accepts (0, never expire, aside), and the default of every
 * retention setting: investigations often start months after the fact.
 */
export const MIN_LOG_RETENTION_DAYS = 365;

/**
 * The least verbose level each Airflow log type may have (MWAA.ALL_LOGGING), and its default: what
 * a task prints reaches its log at INFO, so task logs need INFO or more; the other types keep
 * warnings (failed imports, refused sign-ins).
 */
export const LEAST_VERBOSE_LOG_LEVELS: Readonly<Record<AirflowLogType, LogLevel>> = {
  dagProcessing: "WARNING",
  scheduler: "WARNING",
  task: "INFO",
  webserver: "WARNING",
  worker: "WARNING",
};

/** The block of `logging_configuration` (aws_mwaa_environment) that configures a log type, e.g. `dag_processing_logs`. */
export function logConfigurationBlock(type: AirflowLogType): string {
  return `${type.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}_logs`;
}
