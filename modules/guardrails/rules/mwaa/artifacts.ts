import { MWAA_PLUGINS_PATH } from "../../../../config/mwaa-limits";
import { constraintFilesNamed, requirementsProblems } from "../../../airflow/python-requirements";
import { zipEntries } from "../../../archive/zip-entries";
import { check, Evaluation, Rule } from "../../rule";
import { SynthesizedStack, SynthResource } from "../../synthesized-stack";

/** The files MWAA reads from the DAG bucket, by the environment's argument names. */
const ARTIFACTS = [
  { name: "requirements", path: "requirements_s3_path", version: "requirements_s3_object_version" },
  { name: "plugins", path: "plugins_s3_path", version: "plugins_s3_object_version" },
  { name: "startup script", path: "startup_script_s3_path", version: "startup_script_s3_object_version" },
] as const;

export const mwaaArtifacts: Rule = {
  id: "MWAA.ARTIFACTS",
  title: "The environment installs only uploads of this stack, and its requirements never reach PyPI",
  evaluates:
    "requirements_s3_path, plugins_s3_path, startup_script_s3_path and their *_s3_object_version of every aws_mwaa_environment: each path the key of an aws_s3_object of this stack in the environment's source bucket, pinned to that object's version_id; the requirements object's file read with the plugins object's archive, for an environment with no internet path",
  sources: ["MWAA guide: Python dependencies (private network: --no-index, --find-links /usr/local/airflow/plugins)", "Project rule: what is judged is what is deployed", "REFERENCES: *_s3_object_version is what triggers an update"],
  explanation:
    "MWAA installs requirements.txt with pip, unpacks plugins.zip and runs startup.sh on every scheduler, worker and webserver. A path to an object no stack uploads, or a version no rule has seen, runs whatever was put in the bucket by hand; a path without a pinned version is never re-read after a change. The environment has no internet path, so pip must install from the wheels shipped in plugins.zip: a requirements file that reaches for an index, a URL or an unpinned package fails at run time, or installs what nobody reviewed.",
  fix: "Put the files in airflow/<env>/ (requirements.txt, plugins/ with the wheels, startup.sh): the synth uploads them (AirflowObjects) and pins the environment to their versions. Start requirements.txt with --no-index and --find-links /usr/local/airflow/plugins, pin every package with ==, and ship its wheel in plugins/.",
  evaluate: (stack) => stack.resources("aws_mwaa_environment").flatMap((environment) => judgeEnvironment(stack, environment)),
};

function judgeEnvironment(stack: SynthesizedStack, environment: SynthResource): Evaluation[] {
  const config = environment.config;
  const objects = new Map<string, SynthResource | string>();
  const evaluations = ARTIFACTS.flatMap((artifact) => {
    const path = config[artifact.path];
    const version = config[artifact.version];
    if (path === undefined && version === undefined) return [];
    const resource = `${environment.path} (${artifact.name})`;
    const object = pinnedObject(stack, environment, path, version);
    objects.set(artifact.name, object);
    return [check(resource, typeof object !== "string", typeof object === "string" ? object : `${artifact.path} = ${object.config.key}, version of ${object.path}`)];
  });
  const requirements = objects.get("requirements");
  if (requirements && typeof requirements !== "string") {
    const problems = offlineRequirementsProblems(stack, environment, requirements, objects.get("plugins"));
    evaluations.push(check(`${environment.path} (requirements)`, problems.length === 0, problems.length === 0 ? `installs only pinned wheels from ${MWAA_PLUGINS_PATH}` : problems.join("; ")));
  }
  return evaluations;
}

/** The aws_s3_object the environment reads at `path`, pinned by `version`; or why it is not one. */
function pinnedObject(stack: SynthesizedStack, environment: SynthResource, path: unknown, version: unknown): SynthResource | string {
  const pinned = stack.referenced(version);
  if (!pinned || pinned.resource.type !== "aws_s3_object" || pinned.attribute !== "version_id") {
    return `version ${JSON.stringify(version ?? null)} is not the version_id of an aws_s3_object of this stack`;
  }
  const object = pinned.resource;
  const byReference = stack.referenced(path);
  const samePath = byReference ? byReference.resource === object && byReference.attribute === "key" : path === object.config.key;
  if (!samePath) return `path ${JSON.stringify(path ?? null)} is not the key of ${object.path}`;
  const source = stack.referenced(environment.config.source_bucket_arn)?.resource;
  const bucket = stack.referenced(object.config.bucket)?.resource;
  if (!source || source !== bucket) return `${object.path} is not in the environment's source bucket`;
  return object;
}

/** What requirementsProblems finds in the uploaded requirements, against the uploaded plugins.zip. */
function offlineRequirementsProblems(
  stack: SynthesizedStack,
  environment: SynthResource,
  requirements: SynthResource,
  plugins: SynthResource | string | undefined,
): string[] {
  const text = objectBytes(stack, requirements)?.toString("utf8");
  if (text === undefined) return [`the content of ${requirements.path} cannot be read (source, content or content_base64 as a literal)`];
  let entries: { name: string; data?: Buffer }[] = [];
  if (plugins && typeof plugins !== "string") {
    const archive = objectBytes(stack, plugins);
    const read = archive && zipEntries(archive);
    if (!read) return [`the archive of ${plugins.path} cannot be read`];
    entries = read;
  }
  const version = environment.config.airflow_version;
  if (typeof version !== "string") return [`airflow_version = ${JSON.stringify(version ?? null)} is not a literal version`];
  // Constraints files the requirements name, as stored in the archive (one compressed otherwise is unread, and refused).
  const named = new Set(constraintFilesNamed(text));
  const pluginTexts = Object.fromEntries(entries.filter((e) => named.has(e.name) && e.data).map((e) => [e.name, e.data!.toString("utf8")]));
  return requirementsProblems({ text, pluginFiles: entries.map((e) => e.name), airflowVersion: version, pluginTexts });
}

function objectBytes(stack: SynthesizedStack, object: SynthResource): Buffer | undefined {
  const { source, content, content_base64: base64 } = object.config;
  if (source !== undefined) return stack.stackFile(source);
  if (typeof content === "string") return Buffer.from(content, "utf8");
  if (typeof base64 === "string") return Buffer.from(base64, "base64");
  return undefined;
}
