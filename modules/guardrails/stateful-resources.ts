/**
 * Resource types whose destruction loses data, and what is lost: the rules require them to be
 * protected from destroy, and the review names the loss.
 */
export const STATEFUL_RESOURCES: Readonly<Record<string, string>> = {
  aws_kms_key: "the key; what it encrypted (DAGs, logs, state, the environment) becomes unreadable when its deletion window ends",
  aws_kms_external_key: "the key; what it encrypted becomes unreadable when its deletion window ends",
  aws_kms_replica_key: "the replica key; what it encrypted in its Region becomes unreadable",
  aws_kms_replica_external_key: "the replica key; what it encrypted in its Region becomes unreadable",
  aws_s3_bucket: "the bucket with every object version in it (DAGs, requirements, access logs or Terraform state)",
  aws_s3_directory_bucket: "the bucket with every object in it",
  aws_cloudwatch_log_group: "the log group with every log event in it",
  aws_mwaa_environment: "the environment and its Airflow metadata database: DAG run history, task instances, connections and variables",
  aws_dynamodb_table: "the table and its items",
  aws_db_instance: "the database",
  aws_rds_cluster: "the database cluster",
  aws_efs_file_system: "the file system and its files",
  aws_ebs_volume: "the volume and its data",
  aws_secretsmanager_secret: "the secret and its versions",
};
