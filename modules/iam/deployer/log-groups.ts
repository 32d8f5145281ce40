import { allow, PolicyStatement } from "./policy-document";
import { DeployerScope, logGroupArns } from "./scope";

/**
 * `aws_cloudwatch_log_group` (provider: internal/service/logs/group.go). Create: CreateLogGroup
 * with its key and tags (TagResource), PutRetentionPolicy; read: DescribeLogGroups (no resource
 * ARN), ListTagsForResource; update: PutRetentionPolicy, DeleteRetentionPolicy,
 * AssociateKmsKey, DisassociateKmsKey, Tag/UntagResource; delete: DeleteLogGroup. Names are
 * known at synth.
 */
export function logGroupStatements(scope: DeployerScope, sid: string, names: string[]): PolicyStatement {
  return allow(
    sid,
    [
      "logs:CreateLogGroup",
      "logs:DeleteLogGroup",
      "logs:PutRetentionPolicy",
      "logs:DeleteRetentionPolicy",
      "logs:AssociateKmsKey",
      "logs:DisassociateKmsKey",
      "logs:TagResource",
      "logs:UntagResource",
      "logs:ListTagsForResource",
    ],
    names.flatMap((name) => logGroupArns(scope, name)),
  );
}

/** DescribeLogGroups takes no resource ARN: the provider's refresh of a group goes through it. */
export const LOG_GROUP_LIST_ACTIONS = ["logs:DescribeLogGroups"];
