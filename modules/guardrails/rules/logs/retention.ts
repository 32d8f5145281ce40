import { MIN_LOG_RETENTION_DAYS } from "../../../../config/logging-policy";
import { check, Rule } from "../../rule";

export const logsRetention: Rule = {
  id: "LOGS.RETENTION",
  title: "Log groups keep logs for at least a year, with the retention set explicitly",
  evaluates: `retention_in_days of every aws_cloudwatch_log_group: 0 (never expire) or at least ${MIN_LOG_RETENTION_DAYS}`,
  sources: ["checkov CKV_AWS_66", "checkov CKV_AWS_338"],
  explanation: "Investigations often start months after the fact; an unset retention is a decision nobody made.",
  fix: `Set logging.retentionDays / network.flowLogRetentionDays to ${MIN_LOG_RETENTION_DAYS} or more (or 0 to never expire), or acknowledge a shorter retention.`,
  evaluate: (stack) =>
    stack.resources("aws_cloudwatch_log_group").map((group) => {
      const days = group.config.retention_in_days;
      return check(group.path, days === 0 || (typeof days === "number" && days >= MIN_LOG_RETENTION_DAYS), `retention_in_days = ${days ?? "unset"}`);
    }),
};
