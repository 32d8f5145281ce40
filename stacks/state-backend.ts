import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TerraformStack } from "cdktf";
import { EnvironmentConfig } from "../config/environment-config";
import { aliasArn, hcpWorkspaceName, stateKeyAlias, stateObjectKey } from "../config/names";

/**
 * Where a stack keeps its Terraform state, from the environment's `state` config:
 *
 * - hcp: an HCP Terraform `cloud` block with one named workspace per stack;
 * - s3: the environment's state bucket, a key per stack, encrypted with the state key (by alias, so
 *   the block is known before the key exists) and locked with S3-native lock files;
 * - the bootstrap stack itself, until its bucket exists: a local file at a relative path.
 *
 * Cross-stack references read the producing stack's state through the same settings.
 */
export function useStateBackend(stack: TerraformStack, config: EnvironmentConfig, options: { bootstrap: boolean }): void {
  const stackName = stack.node.id;
  const { state } = config;

  if (state.backend === "hcp") {
    new CloudBackend(stack, {
      organization: state.organization,
      hostname: state.hostname,
      workspaces: new NamedCloudWorkspace(hcpWorkspaceName(state.workspacePrefix, stackName)),
    });
    return;
  }

  if (options.bootstrap && !state.bootstrapStateInBucket) {
    // cdktf's default local path is absolute (it names the machine that synthesized). Terraform runs
    // in cdktf.out/stacks/<stack>, so this keeps the file beside the project, outside cdktf.out.
    new LocalBackend(stack, { path: `../../../terraform.${stackName}.tfstate` });
    return;
  }

  const backend = new S3Backend(stack, {
    bucket: state.bucketName,
    key: stateObjectKey(config.name, stackName),
    region: config.region,
    encrypt: true,
    kmsKeyId: aliasArn(stateKeyAlias(config.name), config.account, config.region),
  });
  // S3-native locking (Terraform >= 1.10) instead of a DynamoDB table; cdktf 0.21 has no field for it.
  backend.addOverride("use_lockfile", true);
}
