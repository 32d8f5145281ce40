import { OfflineStack, stateDocument, stateResource } from "./offline-stack";

/**
 * A state file for an MWAA stack as if it had been deployed with `airflowVersion`: the environment
 * and the key it is encrypted with (the environment's `kms_key` forces a new environment when it
 * changes, so the key must already be known for a plan to show what the version alone does). Every
 * other resource is absent and plans as a create. Attributes the environment was created with are
 * the stack's own literal arguments; ids and ARNs are made up; the subnets and security group are
 * the ones the stack's `terraform_remote_state` reads.
 */
export function deployedEnvironmentState(stack: OfflineStack, airflowVersion: string, terraformVersion: string): string {
  return stateDocument(terraformVersion, { resources: deployedResources(stack, airflowVersion, {}) });
}

/**
 * A state file for an MWAA stack deployed with the configuration's Airflow version, but whose key,
 * DAG bucket, first log group and environment were created with other values of arguments that force
 * replacement: the key is an RSA signing key, the bucket and the log group had other names, the
 * environment another first subnet (and, the key being replaced, its `kms_key` changes too). With it,
 * the argument paths that differ, by address.
 */
export function statefulArgumentsChangedState(stack: OfflineStack, terraformVersion: string): { state: string; changed: Record<string, string[]> } {
  const [environmentId, environment] = Object.entries<any>(stack.json.resource.aws_mwaa_environment)[0];
  const keyId = /^\$\{aws_kms_key\.([^.}]+)\.arn\}$/.exec(environment.kms_key)![1];
  const bucketId = /^\$\{aws_s3_bucket\.([^.}]+)\.arn\}$/.exec(environment.source_bucket_arn)?.[1];
  if (!bucketId) throw new Error(`${stack.name}: the environment's source_bucket_arn is not an aws_s3_bucket's arn: ${environment.source_bucket_arn}`);
  const [logGroupId, logGroup] = Object.entries<any>(stack.json.resource.aws_cloudwatch_log_group)[0];
  const { region, allowed_account_ids: [account] } = stack.json.provider.aws[0];
  const bucket = `${stack.json.resource.aws_s3_bucket[bucketId].bucket}-before-rename`;
  const logGroupName = `${logGroup.name}-before-rename`;
  const resources = [
    ...deployedResources(stack, environment.airflow_version, {
      key: { customer_master_key_spec: "RSA_2048", key_usage: "SIGN_VERIFY" },
      firstSubnet: "subnet-0fedcba9876543210",
    }),
    stateResource("aws_s3_bucket", bucketId, { id: bucket, bucket, arn: `arn:aws:s3:::${bucket}`, force_destroy: false }),
    stateResource("aws_cloudwatch_log_group", logGroupId, {
      ...literalArguments(logGroup),
      id: logGroupName,
      name: logGroupName,
      arn: `arn:aws:logs:${region}:${account}:log-group:${logGroupName}`,
    }),
  ];
  return {
    state: stateDocument(terraformVersion, { resources }),
    changed: {
      [`aws_kms_key.${keyId}`]: ["customer_master_key_spec", "key_usage"],
      [`aws_mwaa_environment.${environmentId}`]: ["kms_key", "network_configuration.subnet_ids"],
      [`aws_s3_bucket.${bucketId}`]: ["bucket"],
      [`aws_cloudwatch_log_group.${logGroupId}`]: ["name"],
    },
  };
}

/** The key and the environment as deployed: with `changes.key`'s arguments on the key and the environment's first subnet swapped, when given. */
function deployedResources(stack: OfflineStack, airflowVersion: string, changes: { key?: Record<string, unknown>; firstSubnet?: string }): unknown[] {
  const provider = stack.json.provider.aws[0];
  const [region, account] = [provider.region as string, provider.allowed_account_ids[0] as string];
  const environments = Object.entries<any>(stack.json.resource?.aws_mwaa_environment ?? {});
  if (environments.length !== 1) throw new Error(`${stack.name}: expected one aws_mwaa_environment, found ${environments.length}`);
  const [environmentId, environment] = environments[0];
  const keyId = /^\$\{aws_kms_key\.([^.}]+)\.arn\}$/.exec(environment.kms_key)?.[1];
  if (!keyId) throw new Error(`${stack.name}: the environment's kms_key is not an aws_kms_key's arn: ${environment.kms_key}`);
  const key = stack.json.resource.aws_kms_key[keyId];
  const keyUuid = "0123abcd-4567-4890-abcd-0123456789ab";
  const keyArn = `arn:aws:kms:${region}:${account}:key/${keyUuid}`;
  const remote = (expression: string) => {
    const [, source, output] = /^\$\{data\.terraform_remote_state\.([^.}]+)\.outputs\.([^.}]+)\}$/.exec(expression) ?? [];
    const value = stack.remoteOutputs[source]?.[output];
    if (value === undefined) throw new Error(`${stack.name}: cannot resolve ${expression} from the remote states`);
    return value;
  };
  const network = environment.network_configuration;
  return [
    stateResource("aws_kms_key", keyId, {
      ...literalArguments(key),
      id: keyUuid,
      key_id: keyUuid,
      arn: keyArn,
      customer_master_key_spec: "SYMMETRIC_DEFAULT",
      key_usage: "ENCRYPT_DECRYPT",
      multi_region: false,
      is_enabled: true,
      ...changes.key,
    }),
    stateResource("aws_mwaa_environment", environmentId, {
      ...literalArguments(environment),
      id: environment.name,
      arn: `arn:aws:airflow:${region}:${account}:environment/${environment.name}`,
      airflow_version: airflowVersion,
      kms_key: keyArn,
      network_configuration: [
        {
          security_group_ids: network.security_group_ids.map(remote),
          subnet_ids: ((subnets: string[]) => (changes.firstSubnet ? [changes.firstSubnet, ...subnets.slice(1)] : subnets))(
            typeof network.subnet_ids === "string" ? remote(network.subnet_ids) : network.subnet_ids.map(remote),
          ),
        },
      ],
    }),
  ];
}

/** A resource's arguments that are plain values: no reference, no nested block, no meta-argument. */
function literalArguments(resource: Record<string, unknown>): Record<string, unknown> {
  const plain = (value: unknown) =>
    ["string", "number", "boolean"].includes(typeof value) && !String(value).includes("${");
  return Object.fromEntries(
    Object.entries(resource).filter(([name, value]) => {
      if (["//", "lifecycle", "depends_on", "provider", "count", "for_each"].includes(name)) return false;
      if (plain(value)) return true;
      // A map of plain strings (airflow_configuration_options) is an argument, not a block.
      return name === "airflow_configuration_options" && Object.values(value as object).every(plain);
    }),
  );
}
