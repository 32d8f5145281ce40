import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { Construct } from "constructs";
import { partitionOf } from "../../config/names";
import { SECRET_READ_ACTIONS, secretArnPattern } from "../airflow/secrets-manager-backend";
import { allow, forPrincipals } from "../iam/policy-statements";
import { endpointServiceName, SECRETS_MANAGER_ENDPOINT_SERVICE } from "./mwaa-endpoint-services";

export interface SecretsManagerEndpointProps {
  readonly account: string;
  readonly region: string;
  /** The prefixes Airflow reads connections and variables from. */
  readonly secretPrefixes: readonly string[];
  readonly vpcId: string;
  /** Both private subnets: an endpoint network interface in each zone. */
  readonly subnetIds: string[];
  /** Security group of the interface endpoints' network interfaces. */
  readonly securityGroupId: string;
  readonly namePrefix: string;
}

/**
 * The `secretsmanager` interface endpoint with private DNS, for Airflow's Secrets Manager backend.
 * Its policy admits only what the backend does, reading this environment's secrets, by principals
 * of this account: through it nothing in the VPC can write a secret, or reach another account's
 * (a way out for data, with credentials of that account).
 */
export class SecretsManagerEndpoint extends Construct {
  readonly endpoint: VpcEndpoint;
  readonly policy: DataAwsIamPolicyDocument;

  constructor(scope: Construct, id: string, props: SecretsManagerEndpointProps) {
    super(scope, id);
    const partition = partitionOf(props.region);
    this.policy = new DataAwsIamPolicyDocument(this, "policy", {
      statement: [
        // Principal "*" narrowed by condition: endpoint policies name callers by account, not by role.
        forPrincipals(
          allow(
            "ReadEnvironmentSecretsFromThisAccount",
            [...SECRET_READ_ACTIONS],
            props.secretPrefixes.map((prefix) => secretArnPattern(partition, props.region, props.account, prefix)),
            [{ test: "StringEquals", variable: "aws:PrincipalAccount", values: [props.account] }],
          ),
          "*",
          ["*"],
        ),
      ],
    });
    this.endpoint = new VpcEndpoint(this, "endpoint", {
      vpcId: props.vpcId,
      serviceName: endpointServiceName(props.region, SECRETS_MANAGER_ENDPOINT_SERVICE),
      vpcEndpointType: "Interface",
      privateDnsEnabled: true,
      subnetIds: props.subnetIds,
      securityGroupIds: [props.securityGroupId],
      policy: this.policy.json,
      tags: { Name: `${props.namePrefix}-${SECRETS_MANAGER_ENDPOINT_SERVICE}` },
    });
  }
}
