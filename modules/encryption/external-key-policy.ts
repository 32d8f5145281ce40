import { regionalService } from "../iam/service-principals";
import { executionRoleArn, partitionOf } from "../../config/names";
import { secretPrefixes, SecretsConfig } from "../../config/secrets";
import { secretArnPattern } from "../airflow/secrets-manager-backend";
import { asIamJson, IamKeyPolicyStatement, KeyPolicyStatement } from "./key-policy-statement";
import { cloudWatchLogsKeyUse, deployerKeyUse, executionRoleKeyUse, KeyUser, mwaaGrants } from "./key-use";

/**
 * A key the stacks do not own (`encryption.keyArn`): its policy is its administrators', so the
 * synth cannot write it. It writes instead the statements they must add for this environment, each
 * built from the config with real ARNs: the file `key-policy-statements.json` beside the MWAA stack
 * (modules/synthesis/key-policy-files.ts), and rows for the review.
 */

/** The environment's key, when the config names one the stacks do not own. */
export interface ExternalKeyUser extends KeyUser {
  readonly encryption: KeyUser["encryption"] & { readonly keyArn?: string };
  /** Airflow's secrets backend: with Secrets Manager and no key of its own, this key encrypts the secrets. @default none */
  readonly secrets?: SecretsConfig;
}

/** The statements the key's administrators must add, in the order the review lists them. */
export function externalKeyPolicyStatements(user: ExternalKeyUser): KeyPolicyStatement[] {
  return [cloudWatchLogsKeyUse(user), executionRoleKeyUse(user), ...secretsKeyUse(user), mwaaGrants(user), ...deployerKeyUse(user)];
}

/**
 * With secrets.backend secretsmanager and no secrets.kmsKeyArn, this key encrypts the environment's
 * secrets: the execution role decrypts them through Secrets Manager only, and only those under the
 * environment's prefixes (the same conditions as its own policy, MwaaExecutionRole).
 */
function secretsKeyUse(user: ExternalKeyUser): KeyPolicyStatement[] {
  const secrets = user.secrets;
  if (secrets?.backend !== "secretsmanager" || secrets.kmsKeyArn !== undefined) return [];
  const partition = partitionOf(user.region);
  return [
    {
      sid: "ExecutionRoleDecryptsSecretsThroughSecretsManager",
      principal: { type: "AWS", identifiers: [`arn:${partition}:iam::${user.account}:root`] },
      actions: ["kms:Decrypt"],
      conditions: [
        { test: "StringEquals", variable: "kms:ViaService", values: [regionalService("secretsmanager", user.region)] },
        { test: "StringLike", variable: "kms:EncryptionContext:SecretARN", values: secretPrefixes(secrets).map((prefix) => secretArnPattern(partition, user.region, user.account, prefix)) },
        { test: "ArnEquals", variable: "aws:PrincipalArn", values: [executionRoleArn(user.name, user.account, user.region, user.roles?.path)] },
      ],
      why: "Airflow reads its connections and variables from Secrets Manager, encrypted with this key.",
    },
  ];
}

/** The statements as an IAM policy document: `aws accessanalyzer validate-policy --policy-type RESOURCE_POLICY` reads it. */
export interface KeyPolicyStatementsDocument {
  readonly Version: "2012-10-17";
  readonly Statement: IamKeyPolicyStatement[];
}

export function externalKeyPolicyDocument(user: ExternalKeyUser): KeyPolicyStatementsDocument {
  return { Version: "2012-10-17", Statement: externalKeyPolicyStatements(user).map(asIamJson) };
}

/** The file's content: pretty-printed, ending in a newline, so two synths write the same bytes. */
export function externalKeyPolicyFile(user: ExternalKeyUser): string {
  return `${JSON.stringify(externalKeyPolicyDocument(user), null, 2)}\n`;
}

/** One statement as the review shows it to the people who must add it. */
export interface KeyPolicyReviewRow {
  readonly sid: string;
  /** `AWS arn:...:root` or `Service logs.<region>.amazonaws.com`. */
  readonly principal: string;
  readonly actions: string;
  /** `test variable = value, value; ...`, or `none`. */
  readonly conditions: string;
  readonly why: string;
  /**
   * Whether an unconditioned Allow of kms:* for the account root (the KMS default "Enable IAM User
   * Permissions" statement) already covers it: a statement for the root only delegates to IAM.
   * CloudWatch Logs' is never covered: a service principal is not the account's.
   */
  readonly coveredByAccountRootStatement: boolean;
}

export function externalKeyReviewRows(user: ExternalKeyUser): KeyPolicyReviewRow[] {
  const root = `arn:${partitionOf(user.region)}:iam::${user.account}:root`;
  return externalKeyPolicyStatements(user).map((statement) => ({
    sid: statement.sid,
    principal: `${statement.principal.type} ${statement.principal.identifiers.join(", ")}`,
    actions: statement.actions.join(", "),
    conditions: statement.conditions.map((c) => `${c.test} ${c.variable} = ${c.values.join(", ")}`).join("; ") || "none",
    why: statement.why,
    coveredByAccountRootStatement: statement.principal.type === "AWS" && statement.principal.identifiers.every((id) => id === root),
  }));
}

/**
 * What the review says about the key, as text: which key, which statements its administrators must
 * add and where the file is. Empty for an environment whose stacks create their key.
 */
export function externalKeyReviewText(user: ExternalKeyUser, file: string): string {
  const keyArn = user.encryption.keyArn;
  if (keyArn === undefined) return "";
  const rows = externalKeyReviewRows(user);
  const lines = rows.map(
    (row) =>
      `- ${row.sid} (${row.principal}: ${row.actions}; conditions: ${row.conditions}): ${row.why}${row.coveredByAccountRootStatement ? " Already covered if the key policy allows kms:* to the account root unconditioned." : " Always needed."}`,
  );
  return [
    `The environment is encrypted with ${keyArn}, a key the stacks do not own: they create no key for it, and cannot change its policy.`,
    `Its administrators must add these ${rows.length} statements to its key policy (${file}, IAM JSON) before the MWAA stack is deployed:`,
    ...lines,
  ].join("\n");
}
