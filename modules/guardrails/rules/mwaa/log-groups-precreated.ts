import { AIRFLOW_LOG_TYPES } from "../../../../config/mwaa-limits";
import { airflowLogGroupName } from "../../../../config/names";
import { check, Rule } from "../../rule";

export const mwaaLogGroupsPrecreated: Rule = {
  id: "MWAA.LOG_GROUPS",
  title: "The environment's five log groups are created first, with a key and a retention",
  evaluates: "every aws_mwaa_environment against the aws_cloudwatch_log_group resources of its stack: the five airflow-<name>-<type> groups exist with kms_key_id and retention_in_days, and are in the environment's depends_on",
  sources: ["Seed post: task logs unreadable after a redeploy", "checkov CKV_AWS_158", "checkov CKV_AWS_66"],
  explanation:
    "Left to MWAA, the airflow-<env>-* groups never expire and keep a deleted key after a destroy and redeploy, which makes task logs unreadable.",
  fix: "Create the five airflow-<env>-* log groups with kms_key_id and retention_in_days, and make the environment depend on them (AirflowLogGroups does).",
  evaluate: (stack) =>
    stack.resources("aws_mwaa_environment").map((env) => {
      const dependsOn: string[] = env.config.depends_on ?? [];
      const groups = stack.resources("aws_cloudwatch_log_group");
      // The names MWAA gives them, as the stacks create them (config/names.ts).
      const names = AIRFLOW_LOG_TYPES.map((type) => airflowLogGroupName(String(env.config.name), type.key));
      const missing = names.filter((name) => {
        const group = groups.find((g) => g.config.name === name);
        return !group || !group.config.kms_key_id || group.config.retention_in_days === undefined || !dependsOn.includes(`aws_cloudwatch_log_group.${group.logicalId}`);
      });
      return check(
        env.path,
        missing.length === 0,
        missing.length === 0
          ? `depends on ${names.join(", ")}, each with a key and a retention`
          : `not created first with a key and retention: ${missing.join(", ")}`,
      );
    }),
};

