import { LEAST_VERBOSE_LOG_LEVELS, logConfigurationBlock } from "../../../../config/logging-policy";
import { AIRFLOW_LOG_TYPES, LOG_LEVELS } from "../../../../config/mwaa-limits";
import { check, Rule } from "../../rule";
import { block } from "../../terraform-document";

/** The least verbose level each block of logging_configuration may have (config/logging-policy.ts says why). */
const LEAST_VERBOSE: Record<string, (typeof LOG_LEVELS)[number]> = Object.fromEntries(
  AIRFLOW_LOG_TYPES.map(({ key }) => [logConfigurationBlock(key), LEAST_VERBOSE_LOG_LEVELS[key]]),
);

/** Why a log type keeps too little, if it does: not enabled, or a level above its least verbose one. */
function problem(type: string, config: Record<string, any> | undefined): string | undefined {
  if (config?.enabled !== true) return `${type} not enabled`;
  const level = config.log_level;
  const rank = LOG_LEVELS.indexOf(level);
  if (rank < 0) return `${type} log_level = ${level === undefined ? "unset" : JSON.stringify(level)}: not a level the rules can read`;
  if (rank < LOG_LEVELS.indexOf(LEAST_VERBOSE[type])) return `${type} log_level = ${level}: drops ${LEAST_VERBOSE[type]}`;
  return undefined;
}

export const mwaaAllLoggingEnabled: Rule = {
  id: "MWAA.ALL_LOGGING",
  title: "All five MWAA log types are enabled, at a level that keeps what matters",
  evaluates:
    "logging_configuration of every aws_mwaa_environment: each of the five log types enabled, with log_level task_logs INFO or DEBUG and the others WARNING, INFO or DEBUG",
  sources: ["checkov CKV_AWS_242", "checkov CKV_AWS_243", "checkov CKV_AWS_244", "cdk-nag MWAAAllLoggingInfo"],
  explanation:
    "Without DAG processing, scheduler, task, webserver and worker logs, failures and access to the Airflow UI leave no trace; a log type at ERROR or CRITICAL is enabled in name only (task output is logged at INFO, so task logs at WARNING or above keep nothing a task prints).",
  fix: "Enable all five log types in the environment's logging_configuration (the MwaaEnvironment construct does), with logging.levels task INFO or DEBUG and the others WARNING or more verbose.",
  evaluate: (stack) =>
    stack.resources("aws_mwaa_environment").map((env) => {
      const logging = block(env.config.logging_configuration) ?? {};
      const problems = Object.keys(LEAST_VERBOSE).flatMap((type) => problem(type, block(logging[type])) ?? []);
      return check(env.path, problems.length === 0, problems.length === 0 ? "all five log types enabled at a level that keeps warnings (task output at INFO)" : problems.join("; "));
    }),
};
