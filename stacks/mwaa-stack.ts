import { S3Object } from "@cdktf/provider-aws/lib/s3-object";
import { TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { trailBucketName } from "../config/audit";
import { EnvironmentConfig } from "../config/environment-config";
import { secretPrefixes } from "../config/secrets";
import {
  accessLogBucketName,
  airflowLogGroupPrefix,
  environmentArn,
  environmentKeyAlias,
  executionRoleName,
  partitionOf,
} from "../config/names";
import { AirflowObjects } from "../modules/airflow/airflow-objects";
import { MwaaEnvironment, PinnedObject } from "../modules/airflow/mwaa-environment";
import { secretsManagerOptions } from "../modules/airflow/secrets-manager-backend";
import { AuditTrail } from "../modules/audit/audit-trail";
import { CustomerManagedKey } from "../modules/encryption/customer-managed-key";
import { policyDocumentStatements } from "../modules/iam/config-statements";
import { executionRoleKeyUse } from "../modules/encryption/key-use";
import { MwaaExecutionRole } from "../modules/iam/mwaa-execution-role";
import { AirflowLogGroups } from "../modules/observability/airflow-log-groups";
import { EncryptedBucket } from "../modules/storage/encrypted-bucket";
import { terraformLiteral } from "../modules/terraform/template-syntax";
import { EnvironmentStack } from "./environment-stack";
import { NETWORK_OUTPUTS } from "./network-stack";


/**
 * `<env>-mwaa`: one customer-managed key encrypting the DAG bucket, the log groups and the
 * environment (or, with `encryption.keyArn`, a key the stacks do not own and do not create); the
 * execution role; the five log groups; the environment itself.
 */
export class MwaaStack extends EnvironmentStack {
  /** The environment key; absent when `encryption.keyArn` names a key the stacks do not own. */
  readonly key?: CustomerManagedKey;
  /** The ARN the environment, the bucket, its objects and the log groups are encrypted with. */
  readonly keyArn: string;
  readonly dagBucket: EncryptedBucket;
  readonly executionRole: MwaaExecutionRole;
  readonly logGroups: AirflowLogGroups;
  readonly environment: MwaaEnvironment;
  /** The environment's Airflow files in its DAG bucket; absent without an `airflow/<env>/` folder. */
  readonly airflowObjects?: AirflowObjects;
  /** The environment's own trail (playbook control 4); only with `audit.trail` create. */
  readonly auditTrail?: AuditTrail;

  /** @param networkStack the environment's network stack, whose outputs this stack reads. */
  constructor(scope: Construct, id: string, config: EnvironmentConfig, networkStack: TerraformStack) {
    super(scope, id, config);
    // The network stack's state, read with its own backend settings (S3 key, workspace or file).
    const networkState = networkStack
      .ensureBackendExists()
      .getRemoteStateDataSource(this, `state-of-${networkStack.node.id}`, networkStack.node.id);
    this.addDependency(networkStack);
    const network = {
      subnetIds: networkState.getList(NETWORK_OUTPUTS.subnetIds),
      securityGroupId: networkState.getString(NETWORK_OUTPUTS.mwaaSecurityGroupId),
    };
    const { name, account, region, airflow, logging, secrets } = config;
    const logGroupPrefix = airflowLogGroupPrefix(name);

    const { keyArn, keyAdministratorRoleArns, organizationId } = config.encryption;
    if (keyArn === undefined) {
      this.key = new CustomerManagedKey(this, "environment-key", {
        account,
        region,
        alias: environmentKeyAlias(name),
        description: `Encrypts MWAA environment ${name}: its DAG bucket, log groups and environment`,
        logGroupNamePrefixes: [logGroupPrefix],
        deletionWindowInDays: config.encryption.keyDeletionWindowDays,
        preventDestroy: config.protectFromDestroy,
        administratorRoleArns: keyAdministratorRoleArns,
        // The playbook's use of the key within the organization, when it names one.
        useStatements: organizationId ? [executionRoleKeyUse(config)] : [],
      });
    }
    // MWAA requires the DAG bucket's key to be the environment's: one key for everything here.
    this.keyArn = keyArn ?? this.key!.arn;

    const accessLogBucket = new EncryptedBucket(this, "access-log-bucket", {
      bucketName: accessLogBucketName(name, account, region),
      preventDestroy: config.protectFromDestroy,
      expirationDays: config.storage.accessLogRetentionDays,
      logDelivery: {
        account,
        partition: partitionOf(region),
        sourceBucketNames: [config.storage.dagBucketName, ...(config.audit.trail === "create" ? [trailBucketName(name, account, region)] : [])],
      },
    });
    this.dagBucket = new EncryptedBucket(this, "dag-bucket", {
      bucketName: config.storage.dagBucketName,
      kmsKeyArn: this.keyArn,
      preventDestroy: config.protectFromDestroy,
      accessLogBucketName: accessLogBucket.name,
    });

    this.logGroups = new AirflowLogGroups(this, "log-groups", {
      environmentName: name,
      kmsKeyArn: this.keyArn,
      retentionInDays: logging.retentionDays,
      preventDestroy: config.protectFromDestroy,
    });

    this.executionRole = new MwaaExecutionRole(this, "execution-role", {
      roleName: executionRoleName(name),
      account,
      region,
      environmentArn: environmentArn(name, account, region),
      dagBucketArn: this.dagBucket.arn,
      kmsKeyArn: this.keyArn,
      logGroupNamePrefix: logGroupPrefix,
      roleSettings: config.roles,
      secrets: secrets.backend === "secretsmanager" ? { prefixes: secretPrefixes(secrets), kmsKeyArn: secrets.kmsKeyArn ?? this.keyArn } : undefined,
      additionalStatements: policyDocumentStatements(config.roles.executionRoleStatements),
    });

    if (config.artifacts) {
      this.airflowObjects = new AirflowObjects(this, "airflow-files", {
        artifacts: config.artifacts,
        bucketName: this.dagBucket.name,
        kmsKeyArn: this.keyArn,
        dependsOn: this.dagBucket.settings,
      });
    }
    // secrets.backend's options; validation refuses the config's own secrets options beside them.
    const configurationOptions = { ...airflow.configurationOptions, ...(secrets.backend === "secretsmanager" ? secretsManagerOptions(secrets) : {}) };
    const pinned = (object: S3Object | undefined): PinnedObject | undefined => object && { key: object.key, versionId: object.versionId };

    this.environment = new MwaaEnvironment(this, "airflow", {
      name,
      airflowVersion: airflow.version,
      sizing: airflow,
      executionRoleArn: this.executionRole.arn,
      kmsKeyArn: this.keyArn,
      sourceBucketArn: this.dagBucket.arn,
      // Free text from the config file: Terraform must read it literally, never as an expression.
      dagS3Path: terraformLiteral(airflow.dagS3Path),
      subnetIds: network.subnetIds,
      securityGroupIds: [network.securityGroupId],
      logLevels: logging.levels,
      webserverAccessMode: airflow.webserverAccessMode,
      endpointManagement: airflow.endpointManagement,
      weeklyMaintenanceWindowStart: airflow.weeklyMaintenanceWindowStart,
      workerReplacementStrategy: airflow.workerReplacementStrategy,
      airflowConfigurationOptions: Object.fromEntries(
        Object.entries(configurationOptions).map(([key, value]) => [terraformLiteral(key), terraformLiteral(value)]),
      ),
      requirements: pinned(this.airflowObjects?.requirements),
      plugins: pinned(this.airflowObjects?.plugins),
      startupScript: pinned(this.airflowObjects?.startup),
      // The DAGs too: an environment that starts before its DAGs are uploaded runs without them.
      dependsOn: [...this.logGroups.all, ...this.executionRole.policies, ...(this.airflowObjects?.dags ?? [])],
      preventDestroy: config.protectFromDestroy,
    });

    if (config.audit.trail === "create") {
      // Here rather than in a stack of its own: it watches this stack's DAG bucket, key and role.
      this.auditTrail = new AuditTrail(this, "trail", {
        environmentName: name,
        account,
        region,
        dagBucketArn: this.dagBucket.arn,
        accessLogBucketName: accessLogBucket.name,
        environmentKeyArn: this.keyArn,
        executionRoleArn: this.executionRole.arn,
        logRetentionDays: config.audit.logRetentionDays,
        alarmTopicArn: config.audit.alarmTopicArn,
        keyDeletionWindowDays: config.encryption.keyDeletionWindowDays,
        preventDestroy: config.protectFromDestroy,
        roleSettings: config.roles,
      });
    }

    const environment = this.environment.environment;
    new TerraformOutput(this, "webserver_url", {
      value: environment.webserverUrl,
      description: "Airflow UI (reachable from the VPC and webserverIngressCidrs when PRIVATE_ONLY)",
    });
    new TerraformOutput(this, "environment_arn", { value: environment.arn, description: "The MWAA environment" });
    new TerraformOutput(this, "dag_bucket", {
      value: this.dagBucket.name,
      description: "Upload DAGs here, under the DAG folder",
    });
    new TerraformOutput(this, "execution_role_arn", {
      value: this.executionRole.arn,
      description: "Role the environment runs as; attach extra policies for your DAGs' needs",
    });
    // A key the stacks do not own is output as the environment reads it: an output is a value of the stack's resources.
    new TerraformOutput(this, "kms_key_arn", { value: this.key?.arn ?? environment.kmsKey, description: "The environment key" });
    new TerraformOutput(this, "security_group_id", {
      value: network.securityGroupId,
      description: "Security group of the environment",
    });
    if (airflow.endpointManagement === "CUSTOMER") {
      // The network team connects an endpoint to each, in the environment's subnets (MWAA guide,
      // "Managing your own Amazon VPC endpoints"); MWAA names them once the environment is PENDING.
      new TerraformOutput(this, "database_vpc_endpoint_service", {
        value: environment.databaseVpcEndpointService,
        description: "Endpoint service of the environment's metadata database: the network team creates an interface endpoint to it",
      });
      new TerraformOutput(this, "webserver_vpc_endpoint_service", {
        value: environment.webserverVpcEndpointService,
        description: "Endpoint service of the environment's webserver: the network team creates an interface endpoint to it",
      });
    }
  }
}
