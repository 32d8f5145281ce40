import { z } from "zod";
import { SECRET_NAME_SEPARATOR } from "../modules/airflow/secrets-manager-backend";
import { partitionOf } from "./names";
import type { Problem } from "./rules";

/**
 * Where Airflow reads connections and variables (`secrets`): from the metadata database (`none`,
 * MWAA's default) or from AWS Secrets Manager, under this environment's prefixes.
 */

export const SECRETS_BACKENDS = ["none", "secretsmanager"] as const;

/**
 * A prefix of secret names: what Secrets Manager accepts in a name (ASCII letters, digits and
 * `/ _ + = . @ -`), as `/`-separated segments with none empty and no trailing `/` (the backend
 * adds `/<id>`). Neither `*` nor `?` can appear: the prefix becomes the ARN pattern
 * `secret:<prefix>/*` of the execution role's policy, where they would be wildcards.
 */
export const SECRET_PREFIX_PATTERN = /^[A-Za-z0-9_+=.@-]+(\/[A-Za-z0-9_+=.@-]+)*$/;
/** Secrets Manager's 512-character names, with room left for the connection id or variable key. */
export const SECRET_PREFIX_MAX_LENGTH = 256;

/** A KMS key ARN (not an alias: IAM authorizes key use on the key's ARN only). */
export const KMS_KEY_ARN_PATTERN = /^arn:(aws|aws-cn|aws-us-gov):kms:([a-z]{2}(?:-gov)?-[a-z]+-\d):(\d{12}):key\/(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * The default prefixes, one pair per environment: `airflow/<name>/connections` and
 * `airflow/<name>/variables`. Not the backend's own `airflow/connections`: every environment of an
 * account would then read every other's connections (a sandbox's DAGs, production's passwords).
 */
export const defaultConnectionsPrefix = (name: string): string => `airflow/${name}/connections`;
export const defaultVariablesPrefix = (name: string): string => `airflow/${name}/variables`;

const prefix = z.string().max(SECRET_PREFIX_MAX_LENGTH).regex(SECRET_PREFIX_PATTERN);

export const secretsSchema = z.strictObject({
  backend: z
    .enum(SECRETS_BACKENDS)
    .default("none")
    .meta({ description: "Where Airflow reads connections and variables: its metadata database, or AWS Secrets Manager.", allowed: "none or secretsmanager" }),
  connectionsPrefix: prefix.optional().meta({ description: "secretsmanager only: prefix of the secrets holding Airflow connections.", allowed: "a secret name prefix" }),
  variablesPrefix: prefix.optional().meta({ description: "secretsmanager only: prefix of the secrets holding Airflow variables.", allowed: "a secret name prefix" }),
  kmsKeyArn: z
    .string()
    .regex(KMS_KEY_ARN_PATTERN)
    .optional()
    .meta({ description: "secretsmanager only: the key that encrypts the secrets, if not the environment key.", allowed: "a KMS key ARN of the environment's account and Region" }),
});

export type ParsedSecrets = z.output<typeof secretsSchema>;

/** The backend with every default resolved: what stacks and modules receive. */
export type SecretsConfig =
  | { readonly backend: "none" }
  | {
      readonly backend: "secretsmanager";
      readonly connectionsPrefix: string;
      readonly variablesPrefix: string;
      /** The key that encrypts the secrets; absent: the environment key. */
      readonly kmsKeyArn?: string;
    };

export function resolveSecrets(name: string, secrets: ParsedSecrets): SecretsConfig {
  if (secrets.backend === "none") return { backend: "none" };
  return {
    backend: "secretsmanager",
    connectionsPrefix: secrets.connectionsPrefix ?? defaultConnectionsPrefix(name),
    variablesPrefix: secrets.variablesPrefix ?? defaultVariablesPrefix(name),
    ...(secrets.kmsKeyArn ? { kmsKeyArn: secrets.kmsKeyArn } : {}),
  };
}

/** The prefixes Airflow reads under, connections then variables. */
export function secretPrefixes(secrets: SecretsConfig & { backend: "secretsmanager" }): string[] {
  return [secrets.connectionsPrefix, secrets.variablesPrefix];
}

/** Whether secrets under one prefix are also under the other: equal, or one a folder of the other. */
export function prefixesOverlap(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}${SECRET_NAME_SEPARATOR}`) || b.startsWith(`${a}${SECRET_NAME_SEPARATOR}`);
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);

/** Problems of the raw `secrets` section that tie its fields together and to the environment. */
export function secretsProblems(config: Raw): Problem[] {
  const secrets = isObject(config.secrets) ? config.secrets : {};
  const backend = secrets.backend ?? "none";
  if (backend === "none") {
    return ["connectionsPrefix", "variablesPrefix", "kmsKeyArn"]
      .filter((field) => field in secrets)
      .map((field) => ({ path: `secrets.${field}`, value: secrets[field], message: "applies only to the secretsmanager backend; remove it or set secrets.backend to secretsmanager" }));
  }
  if (backend !== "secretsmanager") return [];
  const problems: Problem[] = [];
  const name = typeof config.name === "string" ? config.name : "";
  const connections = typeof secrets.connectionsPrefix === "string" ? secrets.connectionsPrefix : defaultConnectionsPrefix(name);
  const variables = typeof secrets.variablesPrefix === "string" ? secrets.variablesPrefix : defaultVariablesPrefix(name);
  if (prefixesOverlap(connections, variables)) {
    problems.push({
      path: "secrets.variablesPrefix",
      value: variables,
      message: `overlaps the connections prefix '${connections}': a secret under both would be read as a connection and as a variable; use two separate prefixes, e.g. airflow/${name || "<name>"}/connections and airflow/${name || "<name>"}/variables`,
    });
  }
  // Secrets Manager guide, "Secret encryption and decryption": a key of the secret's account and Region.
  const key = typeof secrets.kmsKeyArn === "string" ? KMS_KEY_ARN_PATTERN.exec(secrets.kmsKeyArn) : null;
  const { account, region } = config;
  if (key && typeof region === "string" && typeof account === "string" && (key[2] !== region || key[3] !== account || key[1] !== partitionOf(region))) {
    problems.push({
      path: "secrets.kmsKeyArn",
      value: secrets.kmsKeyArn,
      message: `is a key of ${key[2]} in ${key[3]}; Secrets Manager encrypts a secret only with a key of the secret's account and Region (${account}, ${region})`,
    });
  }
  return problems;
}
