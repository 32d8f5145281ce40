import { EnvironmentConfig } from "../../config/environment-config";
import { mwaaStackName, networkStackName, stateStackName } from "../../config/names";
import { PolicyDocument, policyDocuments } from "./deployer/policy-document";
import { deployerScope } from "./deployer/scope";
import { mwaaStackStatements, networkStackStatements, stateStackStatements } from "./deployer/stack-policies";

/** The least-privilege policy a principal needs to deploy one stack of an environment. */
export interface DeployerPolicy {
  readonly stack: string;
  /** One document, or several when the statements exceed IAM's managed-policy size limit. */
  readonly documents: readonly PolicyDocument[];
}

/**
 * For each stack of the environment (`<env>-state` only with the s3 backend, `<env>-network`,
 * `<env>-mwaa`), the IAM policy that lets a principal run `cdktf deploy` on it: `terraform
 * init`, `plan` (refresh) and `apply`, of exactly the resources that stack creates. Attach each
 * document as a customer managed policy of the principal that deploys the stack.
 */
export function deployerPolicies(config: EnvironmentConfig): DeployerPolicy[] {
  const scope = deployerScope(config);
  const stacks = [
    ...(config.state.backend === "s3" ? [{ stack: stateStackName(config.name), statements: stateStackStatements(scope, stateStackName(config.name), config.state) }] : []),
    { stack: networkStackName(config.name), statements: networkStackStatements(scope, networkStackName(config.name)) },
    { stack: mwaaStackName(config.name), statements: mwaaStackStatements(scope, mwaaStackName(config.name)) },
  ];
  return stacks.map(({ stack, statements }) => ({ stack, documents: policyDocuments(statements) }));
}
