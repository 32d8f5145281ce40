import { S3StateConfig } from "../../../config/environment-config";
import {
  accessLogBucketName,
  airflowLogGroupName,
  environmentKeyAlias,
  executionRoleName,
  flowLogGroupName,
  flowLogsRoleName,
  networkLogsKeyAlias,
  networkStackName,
  stateAccessLogBucketName,
  stateKeyAlias,
} from "../../../config/names";
import { AIRFLOW_LOG_TYPES } from "../../../config/mwaa-limits";
import { VPC_FLOW_LOGS_SERVICE_PRINCIPALS } from "../service-principals";
import { auditTrailBucketNames, auditTrailListActions, auditTrailStatements } from "./audit-trail";
import { bucketStatements } from "./buckets";
import { dagObjectStatements } from "./dag-objects";
import { externalKeyStatements, KMS_LIST_ACTIONS, kmsKeyStatements } from "./kms-keys";
import { LOG_GROUP_LIST_ACTIONS, logGroupStatements } from "./log-groups";
import { mwaaEnvironmentStatements } from "./mwaa-environment";
import { NETWORK_DESCRIBE_ACTIONS, networkStatements } from "./network";
import { networkTeamsVpcStatements } from "./network-teams-vpc";
import { allow, PolicyStatement } from "./policy-document";
import { passRoleStatement, roleStatements } from "./roles";
import { DeployerScope } from "./scope";
import { remoteStateStatements, stateBackendStatements } from "./state-access";

/**
 * The statements of each stack's deployer, in the order they read best. Each list is what the
 * provider calls for the resources that stack writes (see the files beside this one), its state
 * backend, and for the MWAA stack what MWAA checks against the caller.
 */

/** Actions that take no resource ARN (IAM authorizes them only on "*"), in one statement. */
function withoutResourceArn(actions: string[]): PolicyStatement {
  return allow("ActionsWithoutResourceArn", actions, ["*"]);
}

/** Backend statements when the stack keeps its state in the environment's bucket. */
function backend(scope: DeployerScope, stack: string, inBucket: boolean): PolicyStatement[] {
  const state = scope.config.state;
  return state.backend === "s3" && inBucket ? stateBackendStatements(scope, state, stack) : [];
}

/** `<env>-state`: the state key and alias, the state bucket and its access-log bucket. */
export function stateStackStatements(scope: DeployerScope, stack: string, state: S3StateConfig): PolicyStatement[] {
  const { name, account, region } = scope.config;
  return [
    ...kmsKeyStatements(scope, "StateKey", [stateKeyAlias(name)]),
    bucketStatements(scope, "StateBuckets", [state.bucketName, stateAccessLogBucketName(name, account, region)]),
    // Until `bootstrapStateInBucket`, its own state is a local file.
    ...backend(scope, stack, state.bootstrapStateInBucket),
    withoutResourceArn(KMS_LIST_ACTIONS),
  ];
}

/** `<env>-network`: the VPC and its parts, the flow-log key, log group and delivery role. */
export function networkStackStatements(scope: DeployerScope, stack: string): PolicyStatement[] {
  const { name, network } = scope.config;
  // In a network team's VPC: no VPC, flow logs, key, log group or role of ours.
  if (network.mode === "existing") {
    return [...networkTeamsVpcStatements(scope, network), ...backend(scope, stack, true), withoutResourceArn(NETWORK_DESCRIBE_ACTIONS)];
  }
  // With encryption.keyArn the flow logs use that key: the stack creates none.
  const createsKey = scope.config.encryption.keyArn === undefined;
  return [
    ...networkStatements(scope),
    ...(createsKey ? kmsKeyStatements(scope, "FlowLogsKey", [networkLogsKeyAlias(name)]) : []),
    logGroupStatements(scope, "FlowLogGroup", [flowLogGroupName(name)]),
    ...roleStatements(scope, "FlowLogsRole", [flowLogsRoleName(name)]),
    passRoleStatement(scope, "PassFlowLogsRole", [flowLogsRoleName(name)], [...VPC_FLOW_LOGS_SERVICE_PRINCIPALS]),
    ...backend(scope, stack, true),
    withoutResourceArn([...NETWORK_DESCRIBE_ACTIONS, ...(createsKey ? KMS_LIST_ACTIONS : []), ...LOG_GROUP_LIST_ACTIONS]),
  ];
}

/**
 * `<env>-mwaa`: the environment key and alias, the DAG and access-log buckets and the DAG bucket's
 * objects, the five log groups, the execution role, the environment, and with `audit.trail` create
 * the trail and what it writes to; the network stack's state.
 */
export function mwaaStackStatements(scope: DeployerScope, stack: string): PolicyStatement[] {
  const { name, account, region, storage } = scope.config;
  const state = scope.config.state;
  const keyArn = scope.config.encryption.keyArn;
  return [
    ...mwaaEnvironmentStatements(scope),
    // A key the stacks do not own is neither created nor changed: no kms:CreateKey, no kms:PutKeyPolicy.
    ...(keyArn === undefined ? kmsKeyStatements(scope, "EnvironmentKey", [environmentKeyAlias(name)]) : externalKeyStatements(keyArn)),
    bucketStatements(scope, "EnvironmentBuckets", [storage.dagBucketName, accessLogBucketName(name, account, region), ...auditTrailBucketNames(scope, scope.config.audit)]),
    ...dagObjectStatements(scope, storage.dagBucketName),
    logGroupStatements(scope, "AirflowLogGroups", AIRFLOW_LOG_TYPES.map((type) => airflowLogGroupName(name, type.key))),
    ...roleStatements(scope, "ExecutionRole", [executionRoleName(name)]),
    ...auditTrailStatements(scope, scope.config.audit),
    ...backend(scope, stack, true),
    ...(state.backend === "s3" ? remoteStateStatements(scope, state, networkStackName(name)) : []),
    withoutResourceArn([...(keyArn === undefined ? KMS_LIST_ACTIONS : []), ...LOG_GROUP_LIST_ACTIONS, "ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeRouteTables", ...auditTrailListActions(scope.config.audit)]),
  ];
}
