import { MwaaEnvironment as MwaaEnvironmentResource } from "@cdktf/provider-aws/lib/mwaa-environment";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { AirflowLogType } from "../../config/mwaa-limits";

export interface AirflowSizing {
  readonly environmentClass: string;
  readonly schedulers: number;
  readonly minWorkers: number;
  readonly maxWorkers: number;
  readonly minWebservers: number;
  readonly maxWebservers: number;
}

export interface MwaaEnvironmentProps {
  readonly name: string;
  readonly airflowVersion: string;
  readonly sizing: AirflowSizing;
  readonly executionRoleArn: string;
  /** The key's ARN. MWAA fails to create the environment when given a key id or an alias. */
  readonly kmsKeyArn: string;
  readonly sourceBucketArn: string;
  readonly dagS3Path: string;
  readonly subnetIds: string[];
  readonly securityGroupIds: string[];
  /** Log level of each of the five log types; all five are always enabled. */
  readonly logLevels: Record<AirflowLogType, string>;
  /** @default "PRIVATE_ONLY" */
  readonly webserverAccessMode?: string;
  /**
   * Who creates the environment's database and webserver endpoints: SERVICE (MWAA, in our
   * subnets) or CUSTOMER (the VPC's owner, to the services the environment then names).
   * @default "SERVICE"
   */
  readonly endpointManagement?: string;
  /** @default chosen by MWAA */
  readonly weeklyMaintenanceWindowStart?: string;
  /**
   * requirements.txt, plugins.zip and startup.sh: each an object of the DAG bucket, pinned to its
   * version (MWAA reads a new version only when the version argument changes). @default none
   */
  readonly requirements?: PinnedObject;
  readonly plugins?: PinnedObject;
  readonly startupScript?: PinnedObject;
  /** How workers are replaced on an update. @default MWAA's (FORCED) */
  readonly workerReplacementStrategy?: string;
  /** @default {} */
  readonly airflowConfigurationOptions?: Record<string, string>;
  /** What must exist first: the log groups (so MWAA does not create its own) and the role's policy. */
  readonly dependsOn: ITerraformDependable[];
  /**
   * Refuse any plan that destroys the environment, replacements included: its metadata database
   * (DAG run history, connections, variables) cannot be restored.
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/** An object of the DAG bucket, by key, at one version (`${aws_s3_object.x.version_id}`). */
export interface PinnedObject {
  readonly key: string;
  readonly versionId: string;
}

/** The `aws_mwaa_environment`, private by default and logging everything it can. */
export class MwaaEnvironment extends Construct {
  readonly environment: MwaaEnvironmentResource;

  constructor(scope: Construct, id: string, props: MwaaEnvironmentProps) {
    super(scope, id);
    const log = (type: AirflowLogType) => ({ enabled: true, logLevel: props.logLevels[type] });

    this.environment = new MwaaEnvironmentResource(this, "environment", {
      name: props.name,
      airflowVersion: props.airflowVersion,
      environmentClass: props.sizing.environmentClass,
      schedulers: props.sizing.schedulers,
      minWorkers: props.sizing.minWorkers,
      maxWorkers: props.sizing.maxWorkers,
      minWebservers: props.sizing.minWebservers,
      maxWebservers: props.sizing.maxWebservers,
      executionRoleArn: props.executionRoleArn,
      kmsKey: props.kmsKeyArn,
      sourceBucketArn: props.sourceBucketArn,
      dagS3Path: props.dagS3Path,
      webserverAccessMode: props.webserverAccessMode ?? "PRIVATE_ONLY",
      endpointManagement: props.endpointManagement ?? "SERVICE",
      weeklyMaintenanceWindowStart: props.weeklyMaintenanceWindowStart,
      workerReplacementStrategy: props.workerReplacementStrategy,
      requirementsS3Path: props.requirements?.key,
      requirementsS3ObjectVersion: props.requirements?.versionId,
      pluginsS3Path: props.plugins?.key,
      pluginsS3ObjectVersion: props.plugins?.versionId,
      startupScriptS3Path: props.startupScript?.key,
      startupScriptS3ObjectVersion: props.startupScript?.versionId,
      airflowConfigurationOptions: props.airflowConfigurationOptions ?? {},
      networkConfiguration: {
        subnetIds: props.subnetIds,
        securityGroupIds: props.securityGroupIds,
      },
      loggingConfiguration: {
        dagProcessingLogs: log("dagProcessing"),
        schedulerLogs: log("scheduler"),
        taskLogs: log("task"),
        webserverLogs: log("webserver"),
        workerLogs: log("worker"),
      },
      dependsOn: props.dependsOn,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
  }
}
