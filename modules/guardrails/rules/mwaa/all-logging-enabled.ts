import { check, Rule } from "../../rule";
import { block } from "../../terraform-document";

const LOG_TYPES = ["dag_processing_logs", "scheduler_logs", "task_logs", "webserver_logs", "worker_logs"];

export const mwaaAllLoggingEnabled: Rule = {
  id: "MWAA.ALL_LOGGING",
  title: "All five MWAA log types are enabled",
  evaluates: "logging_configuration of every aws_mwaa_environment: each of the five log types enabled",
  sources: ["checkov CKV_AWS_242", "checkov CKV_AWS_243", "checkov CKV_AWS_244", "cdk-nag MWAAAllLoggingInfo"],
  explanation:
    "Without DAG processing, scheduler, task, webserver and worker logs, failures and access to the Airflow UI leave no trace.",
  fix: "Enable all five log types in the environment's logging_configuration (the MwaaEnvironment construct does).",
  evaluate: (stack) =>
    stack.resources("aws_mwaa_environment").map((env) => {
      const logging = block(env.config.logging_configuration) ?? {};
      const off = LOG_TYPES.filter((t) => block(logging[t])?.enabled !== true);
      return check(env.path, off.length === 0, off.length === 0 ? "all five log types enabled" : `not enabled: ${off.join(", ")}`);
    }),
};
