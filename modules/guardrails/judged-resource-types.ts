import { PATH_RESOURCES } from "./rules/vpc/internet-paths";

/**
 * The resource types the rule pack judges: those this project builds, and those a rule reads every
 * security-relevant argument of (or fails outright, like an internet gateway). Any other type
 * reaches AWS unjudged: an aws_kms_grant shares a key with another account, an
 * aws_s3_bucket_replication_configuration copies every DAG out, a log subscription filter streams
 * task logs away, a Lambda function URL opens a public door. TERRAFORM.UNJUDGED_TYPE fails them.
 * A type joins this list only with the rule that judges it.
 */
export const JUDGED_RESOURCE_TYPES: ReadonlySet<string> = new Set([
  // Airflow, keys and logs
  "aws_mwaa_environment",
  "aws_kms_key",
  "aws_kms_alias",
  "aws_kms_key_policy",
  "aws_cloudwatch_log_group",
  // The trail (rules/cloudtrail/trail.ts), its metric filter and alarm (rules/cloudwatch/alarms.ts)
  "aws_cloudtrail",
  "aws_cloudwatch_log_metric_filter",
  "aws_cloudwatch_metric_alarm",
  // Buckets and every resource that sets a bucket property (modules/guardrails/bucket-parts.ts)
  "aws_s3_bucket",
  "aws_s3_bucket_policy",
  "aws_s3_bucket_public_access_block",
  "aws_s3_bucket_versioning",
  "aws_s3_bucket_server_side_encryption_configuration",
  "aws_s3_bucket_ownership_controls",
  "aws_s3_bucket_logging",
  "aws_s3_bucket_acl",
  "aws_s3_bucket_lifecycle_configuration",
  // Uploads into a bucket (rules/s3/objects.ts; the MWAA artifacts: rules/mwaa/artifacts.ts)
  "aws_s3_object",
  // IAM: principals and every route by which a policy reaches them (modules/guardrails/iam/policy-routes.ts)
  "aws_iam_role",
  "aws_iam_role_policy",
  "aws_iam_policy",
  "aws_iam_role_policy_attachment",
  "aws_iam_user",
  "aws_iam_user_policy",
  "aws_iam_user_policy_attachment",
  "aws_iam_group",
  "aws_iam_group_policy",
  "aws_iam_group_policy_attachment",
  "aws_iam_policy_attachment",
  "aws_iam_role_policies_exclusive",
  "aws_iam_role_policy_attachments_exclusive",
  "aws_iam_user_policy_attachments_exclusive",
  "aws_iam_group_policy_attachments_exclusive",
  // Network: VPC, subnets, routes, security groups, endpoints, flow logs
  "aws_vpc",
  "aws_subnet",
  "aws_route_table",
  "aws_route_table_association",
  "aws_route",
  "aws_default_route_table",
  "aws_default_security_group",
  "aws_security_group",
  "aws_security_group_rule",
  "aws_vpc_security_group_ingress_rule",
  "aws_vpc_security_group_egress_rule",
  "aws_ec2_managed_prefix_list",
  "aws_ec2_managed_prefix_list_entry",
  "aws_vpc_endpoint",
  "aws_vpc_endpoint_policy",
  "aws_flow_log",
  // What asks for a public address (VPC.NO_PUBLIC_IP) and every internet path (VPC.NO_INTERNET_PATH): judged by failing
  "aws_eip",
  "aws_eip_association",
  "aws_instance",
  "aws_spot_instance_request",
  "aws_launch_configuration",
  "aws_launch_template",
  "aws_lb",
  "aws_alb",
  "aws_elb",
  ...Object.keys(PATH_RESOURCES),
]);
