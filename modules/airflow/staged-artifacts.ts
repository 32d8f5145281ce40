import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { AIRFLOW_OBJECT_KEYS, AirflowArtifacts, AirflowObject } from "../../config/airflow-artifacts";
import type { AirflowFolder } from "../../config/airflow-folder";
import { zipFiles } from "../archive/deterministic-zip";

/**
 * Writes what config/airflow-folder.ts read and validated into `buildDir`, the files the stack then
 * uploads: the bytes that were judged are the bytes that are uploaded, whatever happens to the
 * source folder meanwhile. `plugins/` becomes one deterministic `plugins.zip`, so an unchanged
 * folder gives the same object (and no environment update) on every machine.
 *
 * @param dagS3Path the environment's DAG folder in the bucket (airflow.dagS3Path)
 */
export function stageAirflowArtifacts(folder: AirflowFolder, dagS3Path: string, buildDir: string): AirflowArtifacts {
  const stage = (name: string, key: string, content: Buffer): AirflowObject => {
    const file = join(buildDir, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    return { key, file, sha256: createHash("sha256").update(content).digest("hex") };
  };
  const dagPrefix = dagS3Path.replace(/\/+$/, "");
  return {
    dags: folder.dags.map((dag) => stage(join("dags", dag.path), `${dagPrefix}/${dag.path}`, dag.content)),
    requirements: folder.requirements && stage(AIRFLOW_OBJECT_KEYS.requirements, AIRFLOW_OBJECT_KEYS.requirements, folder.requirements),
    plugins: folder.plugins && stage(AIRFLOW_OBJECT_KEYS.plugins, AIRFLOW_OBJECT_KEYS.plugins, zipFiles([...folder.plugins])),
    startup: folder.startup && stage(AIRFLOW_OBJECT_KEYS.startup, AIRFLOW_OBJECT_KEYS.startup, folder.startup),
  };
}
