import { DataAwsIamPolicyDocument, DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Construct } from "constructs";
import { partitionOf } from "../../config/names";
import { allow, forPrincipals } from "../iam/policy-statements";
import { asDocumentStatement, KeyPolicyStatement } from "./key-policy-statement";
import { keyAdministrators, LOGS_KEY_ACTIONS, logsEncryptionContext, logsServicePrincipal } from "./key-use";

export interface CustomerManagedKeyProps {
  readonly account: string;
  readonly region: string;
  /** Alias, `alias/...`. Humans find the key by it; MWAA is given the key's ARN, never the alias. */
  readonly alias: string;
  readonly description: string;
  /**
   * Name prefixes of the CloudWatch log groups that may be encrypted with this key. The key policy
   * lets `logs.<region>.amazonaws.com` use the key only for log groups matching them.
   * @default [] (CloudWatch Logs may not use the key)
   */
  readonly logGroupNamePrefixes?: string[];
  /**
   * Statements for another service that uses the key for this stack's resources (CloudTrail
   * encrypting its log files), each scoped by its own conditions. @default none
   */
  readonly serviceStatements?: DataAwsIamPolicyDocumentStatement[];
  /** @default 30 */
  readonly deletionWindowInDays?: number;
  /** Fail any plan that would destroy the key. @default true */
  readonly preventDestroy?: boolean;
  /**
   * Roles of the account that administer the key beside the account root (statement
   * `KeyAdministrators`: management, not use). They must exist: KMS refuses a policy naming an
   * unknown principal. @default [] (the account root alone)
   */
  readonly administratorRoleArns?: readonly string[];
  /** Statements the key's users need beyond the root's and CloudWatch Logs'. @default [] */
  readonly useStatements?: readonly KeyPolicyStatement[];
}

/**
 * A symmetric customer-managed KMS key with rotation, an alias and an explicit key policy:
 *
 * - the account root may administer and use the key, so IAM policies decide who else may; without
 *   this statement KMS refuses the policy ("The new key policy will not allow you to update the key
 *   policy in the future");
 * - CloudWatch Logs may use it only for this account's log groups named by `logGroupNamePrefixes`
 *   (the `kms:EncryptionContext:aws:logs:arn` condition of the MWAA guide);
 * - named administrator roles, when given, may manage it but not use it (the playbook's "Allow
 *   access for Key Administrators"), and `useStatements` add what its users need.
 *
 * Single-Region on purpose: MWAA does not accept multi-Region keys.
 */
export class CustomerManagedKey extends Construct {
  readonly key: KmsKey;
  readonly alias: KmsAlias;
  readonly policy: DataAwsIamPolicyDocument;
  /** The key's ARN: what MWAA, S3 and CloudWatch Logs must be given. */
  readonly arn: string;

  constructor(scope: Construct, id: string, props: CustomerManagedKeyProps) {
    super(scope, id);
    const partition = partitionOf(props.region);
    const logGroupArns = (props.logGroupNamePrefixes ?? []).map(
      (prefix) => `arn:${partition}:logs:${props.region}:${props.account}:log-group:${prefix}*`,
    );

    this.policy = new DataAwsIamPolicyDocument(this, "policy", {
      statement: [
        forPrincipals(allow("AccountAdministration", ["kms:*"], ["*"]), "AWS", [
          `arn:${partition}:iam::${props.account}:root`,
        ]),
        ...(logGroupArns.length === 0
          ? []
          : [
              forPrincipals(
                allow("CloudWatchLogsEncryption", [...LOGS_KEY_ACTIONS], ["*"], [logsEncryptionContext("ArnLike", logGroupArns)]),
                "Service",
                [logsServicePrincipal(props.region)],
              ),
            ]),
        ...(props.administratorRoleArns?.length ? [asDocumentStatement(keyAdministrators(props.administratorRoleArns))] : []),
        ...(props.useStatements ?? []).map(asDocumentStatement),
        ...(props.serviceStatements ?? []),
      ],
    });

    this.key = new KmsKey(this, "key", {
      description: props.description,
      keyUsage: "ENCRYPT_DECRYPT",
      customerMasterKeySpec: "SYMMETRIC_DEFAULT",
      multiRegion: false,
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowInDays ?? 30,
      bypassPolicyLockoutSafetyCheck: false,
      policy: this.policy.json,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });

    this.alias = new KmsAlias(this, "alias", {
      name: props.alias,
      targetKeyId: this.key.keyId,
    });
    this.arn = this.key.arn;
  }
}
