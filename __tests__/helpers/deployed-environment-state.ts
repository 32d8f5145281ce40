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
  const resources = [
    stateResource("aws_kms_key", keyId, {
      ...literalArguments(key),
      id: keyUuid,
      key_id: keyUuid,
      arn: keyArn,
      customer_master_key_spec: "SYMMETRIC_DEFAULT",
      key_usage: "ENCRYPT_DECRYPT",
      multi_region: false,
      is_enabled: true,
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
          subnet_ids: typeof network.subnet_ids === "string" ? remote(network.subnet_ids) : network.subnet_ids.map(remote),
        },
      ],
    }),
  ];
  return stateDocument(terraformVersion, { resources });
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
