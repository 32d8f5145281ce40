import { regionalService } from "../service-principals";
import { S3StateConfig } from "../../../config/environment-config";
import { stateKeyAlias, stateObjectKey } from "../../../config/names";
import { bucketAndObjectsArns } from "../../network/s3-endpoint-access";
import { allow, PolicyStatement } from "./policy-document";
import { DeployerScope, regionalArn } from "./scope";

/**
 * Terraform's S3 backend (Terraform docs, "Backend Type: s3", "Permissions Required"): ListBucket
 * on the bucket; Get/Put/DeleteObject on the stack's state key and its `.tflock` lock file
 * (`use_lockfile`); the state key's Encrypt/Decrypt/GenerateDataKey (`encrypt` with `kms_key_id`).
 * Scoped to this stack's own key, not to `<env>/*`: one stack's deployer cannot rewrite another's state.
 */
export function stateBackendStatements(scope: DeployerScope, state: S3StateConfig, stack: string): PolicyStatement[] {
  const [bucket, objects] = bucketAndObjectsArns(state.bucketName, scope.region);
  const key = stateObjectKey(scope.environment, stack);
  return [
    // ListObjects: Terraform lists the bucket for workspaces; S3 names no object in the request.
    allow("StateBucketListing", ["s3:ListBucket"], [bucket]),
    allow("StateOfThisStack", ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"], [objectArn(objects, key), objectArn(objects, `${key}.tflock`)]),
    stateKeyStatement(scope, "StateKeyForThisStack", ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"]),
  ];
}

/** Reading another stack's state (`terraform_remote_state` with the same backend): its object, decrypted. */
export function remoteStateStatements(scope: DeployerScope, state: S3StateConfig, producerStack: string): PolicyStatement[] {
  const [, objects] = bucketAndObjectsArns(state.bucketName, scope.region);
  return [
    allow("ReadStateOfProducerStack", ["s3:GetObject"], [objectArn(objects, stateObjectKey(scope.environment, producerStack))]),
    stateKeyStatement(scope, "StateKeyForProducerState", ["kms:Decrypt"]),
  ];
}

/**
 * The state key is known by its alias only (its id is AWS's): any key of the account and Region
 * that carries the alias, used only by S3 on behalf of this principal.
 */
function stateKeyStatement(scope: DeployerScope, sid: string, actions: string[]): PolicyStatement {
  return allow(sid, actions, [regionalArn(scope, "kms", "key/*")], {
    "ForAnyValue:StringEquals": { "kms:ResourceAliases": [stateKeyAlias(scope.environment)] },
    StringEquals: { "kms:ViaService": regionalService("s3", scope.region) },
  });
}

/** `arn:...:s3:::<bucket>/<key>` from the bucket's `.../*` ARN. */
function objectArn(objectsArn: string, key: string): string {
  return `${objectsArn.slice(0, -1)}${key}`;
}

