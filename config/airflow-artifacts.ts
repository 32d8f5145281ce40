import { terraformLiteral } from "../modules/terraform/template-syntax";

/**
 * What an environment uploads into its DAG bucket besides the bucket itself: its DAGs,
 * `requirements.txt`, `plugins.zip` and `startup.sh`, read from `airflow/<env>/` (see
 * config/airflow-folder.ts) and staged as files the `<env>-mwaa` stack uploads as `aws_s3_object`s.
 * Plain data (it crosses to the synth's worker processes as JSON).
 */

/** The entries of `airflow/<env>/`, and the S3 key each becomes. */
export const AIRFLOW_FOLDER_ENTRIES = {
  /** A folder: each file becomes `<airflow.dagS3Path>/<its path under dags/>`. */
  dags: "dags",
  /** A folder: zipped (deterministically) into `plugins.zip`, which MWAA unpacks to /usr/local/airflow/plugins. */
  plugins: "plugins",
  requirements: "requirements.txt",
  startup: "startup.sh",
} as const;

/** The keys MWAA reads them from (relative to the DAG bucket; MWAA's own names). */
export const AIRFLOW_OBJECT_KEYS = {
  requirements: "requirements.txt",
  plugins: "plugins.zip",
  startup: "startup.sh",
} as const;

/** One object to upload: its key, the staged file it comes from, and that file's SHA-256 (hex). */
export interface AirflowObject {
  readonly key: string;
  /** Absolute path of the staged copy (written by the synth from what it validated). */
  readonly file: string;
  readonly sha256: string;
}

export interface AirflowArtifacts {
  /** Every file under `dags/`, in path order. */
  readonly dags: readonly AirflowObject[];
  readonly requirements?: AirflowObject;
  readonly plugins?: AirflowObject;
  readonly startup?: AirflowObject;
}

/**
 * The artifacts as a reviewer reads them: each object's key and SHA-256, without the staged file's
 * path (a path of the machine that ran the synth, different on every run).
 */
export function artifactsForReview(artifacts: AirflowArtifacts): Record<string, unknown> {
  const shown = (object: AirflowObject) => ({ key: object.key, sha256: object.sha256 });
  return {
    dags: artifacts.dags.map(shown),
    ...(artifacts.requirements && { requirements: shown(artifacts.requirements) }),
    ...(artifacts.plugins && { plugins: shown(artifacts.plugins) }),
    ...(artifacts.startup && { startup: shown(artifacts.startup) }),
  };
}

/**
 * The uploads the environment's validated files make, each key as the stack writes it (Terraform's
 * template syntax escaped) with the file's SHA-256: what rules/s3/objects.ts accepts, and nothing else.
 */
export function allowedUploads(artifacts: AirflowArtifacts): { key: string; sha256: string }[] {
  const objects = [...artifacts.dags, artifacts.requirements, artifacts.plugins, artifacts.startup].filter((o): o is AirflowObject => o !== undefined);
  return objects.map((o) => ({ key: terraformLiteral(o.key), sha256: o.sha256 }));
}
