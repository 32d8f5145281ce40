import { Rule } from "../rule";
import { cloudTrailTrail } from "./cloudtrail/trail";
import { cloudWatchAlarms } from "./cloudwatch/alarms";
import { dataLifecycleKeepsData } from "./data/lifecycle-keeps-data";
import { dataPreventDestroy } from "./data/prevent-destroy";
import { iamConfusedDeputy } from "./iam/confused-deputy";
import { iamOwnAccountGrants } from "./iam/own-account-grants";
import { iamSecretsScope } from "./iam/secrets-scope";
import { iamNoAdminAccess } from "./iam/no-admin-access";
import { iamNoKeyPolicyChanges } from "./iam/no-key-policy-changes";
import { iamNoPassRole } from "./iam/no-pass-role";
import { iamNoWildcardActions } from "./iam/no-wildcard-actions";
import { iamTrustedPrincipals } from "./iam/trusted-principals";
import { iamUnverifiablePolicy } from "./iam/unverifiable-policy";
import { iamWildcardResources } from "./iam/wildcard-resources";
import { kmsKeyPolicyDefined } from "./kms/key-policy-defined";
import { kmsKeyRotation } from "./kms/key-rotation";
import { kmsNoWildcardPrincipal } from "./kms/no-wildcard-principal";
import { kmsRootAdministration } from "./kms/root-administration";
import { kmsUsable } from "./kms/usable";
import { logsKmsEncryption } from "./logs/kms-encryption";
import { logsRetention } from "./logs/retention";
import { mwaaAllLoggingEnabled } from "./mwaa/all-logging-enabled";
import { mwaaArtifacts } from "./mwaa/artifacts";
import { mwaaCustomerManagedKeyArn } from "./mwaa/customer-managed-key";
import { mwaaOwnResources } from "./mwaa/own-resources";
import { mwaaLogGroupsPrecreated } from "./mwaa/log-groups-precreated";
import { mwaaPrivateWebserver } from "./mwaa/private-webserver";
import { s3AccessLogging } from "./s3/access-logging";
import { s3KmsEncryption } from "./s3/kms-encryption";
import { s3NoForceDestroy } from "./s3/no-force-destroy";
import { s3Objects } from "./s3/objects";
import { s3NoPublicAllow } from "./s3/no-public-allow";
import { s3OwnershipEnforced } from "./s3/ownership-enforced";
import { s3PublicAccessBlock } from "./s3/public-access-block";
import { s3TlsOnly } from "./s3/tls-only";
import { s3Versioning } from "./s3/versioning";
import { sgDescriptions } from "./security-groups/descriptions";
import { sgNoInternetEgress } from "./security-groups/no-internet-egress";
import { sgNoOpenIngress } from "./security-groups/no-open-ingress";
import { stateEncrypted } from "./state/encrypted";
import { stateLocked } from "./state/locked";
import { stateOutputsFromResources } from "./state/outputs";
import { stateRemoteBackend } from "./state/remote-backend";
import { stateRemoteStateSources } from "./state/remote-state-sources";
import { providerAccountPinned } from "./provider/account-pinned";
import { tagsMandatory } from "./tags/mandatory-tags";
import { terraformOpaqueContent } from "./terraform/opaque-content";
import { terraformUnjudgedType } from "./terraform/unjudged-types";
import { vpcDefaultSecurityGroupClosed } from "./vpc/default-security-group-closed";
import { vpcEndpointPolicies } from "./vpc/endpoint-policies";
import { vpcFlowLogs } from "./vpc/flow-logs";
import { vpcMwaaEndpoints } from "./vpc/mwaa-endpoints";
import { vpcNoInternetPath } from "./vpc/no-internet-path";
import { vpcNoPublicIp } from "./vpc/no-public-ip";

/** The rule pack, in the order of the review report. */
export const RULES: readonly Rule[] = [
  mwaaCustomerManagedKeyArn,
  mwaaOwnResources,
  mwaaPrivateWebserver,
  mwaaAllLoggingEnabled,
  mwaaArtifacts,
  mwaaLogGroupsPrecreated,
  kmsKeyRotation,
  kmsKeyPolicyDefined,
  kmsRootAdministration,
  kmsNoWildcardPrincipal,
  kmsUsable,
  s3KmsEncryption,
  s3PublicAccessBlock,
  s3TlsOnly,
  s3NoPublicAllow,
  s3OwnershipEnforced,
  s3Versioning,
  s3AccessLogging,
  s3NoForceDestroy,
  s3Objects,
  logsKmsEncryption,
  logsRetention,
  cloudTrailTrail,
  cloudWatchAlarms,
  iamNoWildcardActions,
  iamWildcardResources,
  iamNoPassRole,
  iamNoAdminAccess,
  iamNoKeyPolicyChanges,
  iamConfusedDeputy,
  iamOwnAccountGrants,
  iamTrustedPrincipals,
  iamUnverifiablePolicy,
  iamSecretsScope,
  sgNoOpenIngress,
  sgNoInternetEgress,
  sgDescriptions,
  vpcNoInternetPath,
  vpcMwaaEndpoints,
  vpcEndpointPolicies,
  vpcNoPublicIp,
  vpcDefaultSecurityGroupClosed,
  vpcFlowLogs,
  stateRemoteBackend,
  stateRemoteStateSources,
  stateEncrypted,
  stateLocked,
  stateOutputsFromResources,
  providerAccountPinned,
  tagsMandatory,
  dataPreventDestroy,
  dataLifecycleKeepsData,
  terraformOpaqueContent,
  terraformUnjudgedType,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);
