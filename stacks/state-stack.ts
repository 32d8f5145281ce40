import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { EnvironmentConfig, S3StateConfig } from "../config/environment-config";
import { partitionOf, stateAccessLogBucketName, stateKeyAlias } from "../config/names";
import { CustomerManagedKey } from "../modules/encryption/customer-managed-key";
import { EncryptedBucket } from "../modules/storage/encrypted-bucket";
import { EnvironmentStack } from "./environment-stack";

/**
 * `<env>-state`: the bucket and key that hold the Terraform state of the environment's other
 * stacks. Deployed first, with local state; then its own state moves into the bucket.
 * Both resources are always protected from destroy: losing them loses every stack's state.
 */
export class StateStack extends EnvironmentStack {
  readonly key: CustomerManagedKey;
  readonly bucket: EncryptedBucket;

  constructor(scope: Construct, id: string, config: EnvironmentConfig & { state: S3StateConfig }) {
    super(scope, id, config, { bootstrap: true });
    const { name, account, region, state } = config;

    this.key = new CustomerManagedKey(this, "state-key", {
      account,
      region,
      alias: stateKeyAlias(name),
      description: `Encrypts the Terraform state of MWAA environment ${name}`,
      deletionWindowInDays: config.encryption.keyDeletionWindowDays,
      preventDestroy: true,
      administratorRoleArns: config.encryption.keyAdministratorRoleArns,
    });

    const accessLogBucket = new EncryptedBucket(this, "state-access-log-bucket", {
      bucketName: stateAccessLogBucketName(name, account, region),
      preventDestroy: true,
      expirationDays: config.storage.accessLogRetentionDays,
      logDelivery: { account, partition: partitionOf(region), sourceBucketNames: [state.bucketName] },
    });
    this.bucket = new EncryptedBucket(this, "state-bucket", {
      bucketName: state.bucketName,
      kmsKeyArn: this.key.arn,
      preventDestroy: true,
      noncurrentVersionExpirationDays: state.noncurrentVersionExpirationDays,
      accessLogBucketName: accessLogBucket.name,
    });

    new TerraformOutput(this, "state_bucket", { value: this.bucket.name, description: "Bucket of the Terraform state" });
    new TerraformOutput(this, "state_key_alias", { value: this.key.alias.name, description: "Alias of the state key" });
  }
}
