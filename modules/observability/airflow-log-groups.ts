import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { Construct } from "constructs";
import { AIRFLOW_LOG_TYPES, AirflowLogType } from "../../config/mwaa-limits";
import { airflowLogGroupName } from "../../config/names";

export interface AirflowLogGroupsProps {
  readonly environmentName: string;
  /** The environment key; its policy must let CloudWatch Logs use it for `airflow-<env>-*`. */
  readonly kmsKeyArn: string;
  readonly retentionInDays: number;
  /** Fail any plan that would destroy a group (and its logs). @default true */
  readonly preventDestroy?: boolean;
}

/**
 * The five log groups MWAA writes to, `airflow-<env>-DAGProcessing|Scheduler|Task|WebServer|Worker`,
 * created before the environment with the environment key and a retention. Left to MWAA they never
 * expire, and after a destroy and redeploy they keep the old, deleted key: task logs become
 * unreadable. The environment must depend on `groups`.
 */
export class AirflowLogGroups extends Construct {
  readonly groups: Record<AirflowLogType, CloudwatchLogGroup>;

  constructor(scope: Construct, id: string, props: AirflowLogGroupsProps) {
    super(scope, id);
    const groups = {} as Record<AirflowLogType, CloudwatchLogGroup>;
    for (const { key, suffix } of AIRFLOW_LOG_TYPES) {
      groups[key] = new CloudwatchLogGroup(this, suffix, {
        name: airflowLogGroupName(props.environmentName, key),
        kmsKeyId: props.kmsKeyArn,
        retentionInDays: props.retentionInDays,
        lifecycle: { preventDestroy: props.preventDestroy ?? true },
      });
    }
    this.groups = groups;
  }

  get all(): CloudwatchLogGroup[] {
    return Object.values(this.groups);
  }
}
