import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, Stats } from "node:fs";
import { join, relative } from "node:path";
import { constraintFilesNamed, requirementsProblems } from "../modules/airflow/python-requirements";
import { hasHiddenCharacters, visible } from "../modules/text/visible-text";
import { AIRFLOW_FOLDER_ENTRIES } from "./airflow-artifacts";
import { EnvironmentConfig } from "./environment-config";

/**
 * Reading `airflow/<env>/` (DAGs, requirements.txt, plugins/, startup.sh) as hostile input, like the
 * config folder (config/config-file.ts): it arrives through pull requests, and what it holds is
 * uploaded to the environment's bucket. A symbolic link is never followed (one to
 * `~/.aws/credentials` would upload the planning machine's secrets), only regular files are
 * opened, sizes are bounded, and every name must be one an S3 key and Terraform carry as plain text.
 * Python's build by-products (`__pycache__/`, `*.pyc`) are skipped: MWAA compiles what it runs.
 */

/** One file read from the folder: its path below the entry it belongs to (`/`-separated) and its bytes. */
export interface AirflowFile {
  readonly path: string;
  readonly content: Buffer;
}

/** What one environment's folder holds; an absent entry is undefined (dags: empty). */
export interface AirflowFolder {
  readonly dags: readonly AirflowFile[];
  /** Files under plugins/, zipped into plugins.zip; undefined when there is no plugins/ or it is empty. */
  readonly plugins?: readonly AirflowFile[];
  readonly requirements?: Buffer;
  readonly startup?: Buffer;
}

/** Largest single file: a wheel of a big package (pyarrow, numpy) is tens of MiB. */
export const MAX_AIRFLOW_FILE_BYTES = 256 * 1024 * 1024;
/** Largest folder per environment, all files together (MWAA itself has to unpack and install them). */
export const MAX_AIRFLOW_FOLDER_BYTES = 1024 * 1024 * 1024;
/** Most files per environment: one aws_s3_object per DAG file, and Terraform plans each. */
export const MAX_AIRFLOW_FILES = 5000;
/** S3 keys are at most 1,024 bytes of UTF-8. */
const MAX_KEY_BYTES = 1024;
const MAX_DEPTH = 16;

/** A path segment: letters, digits, `. _ - + = @ ,` and inner spaces; never `.` or `..`. */
const SEGMENT = /^[A-Za-z0-9._+=@,-](?:[A-Za-z0-9._+=@, -]*[A-Za-z0-9._+=@,-])?$/;
/**
 * What would change how MWAA's pip installs requirements.txt from the startup script: PIP_*
 * variables, a pip configuration file, `pip config`, index options. A shell script can hide such a
 * setting in ways no pattern sees; this refuses the plain ones, and reviewers read startup.sh.
 */
const PIP_SETTINGS = /\bPIP_[A-Z_]+|pip\.conf|pip3? +config\b|--(?:extra-)?index-url|--find-links|\bpip\.ini\b/i;
const SKIPPED_FOLDERS = new Set(["__pycache__"]);
const SKIPPED_FILE = /\.py[co]$/;

/**
 * Reads `dir/<env>/` for every environment, validating everything it holds; a missing `dir` or a
 * missing environment folder means no artifacts. Returns the folders by environment name, or the
 * problems (one line each, starting with the path as shown from `cwd`).
 */
export function readAirflowFolders(
  dir: string,
  configs: readonly EnvironmentConfig[],
  cwd: string = process.cwd(),
): { folders: Map<string, AirflowFolder>; problems: string[] } {
  try {
    return readFolders(dir, configs, cwd);
  } catch (error) {
    // What lstat, readdir or open refuse (permissions, a file removed meanwhile): one line, no trace.
    const { code, path } = error as { code?: unknown; path?: unknown };
    if (typeof code !== "string") throw error;
    const where = typeof path === "string" ? relative(cwd, path) || "." : relative(cwd, dir);
    const fix = code === "EACCES" || code === "EPERM" ? "make it readable by the user who runs the synth" : "check it and run the synth again";
    return { folders: new Map(), problems: [`${where}: cannot be read (${code}); ${fix}`] };
  }
}

function readFolders(
  dir: string,
  configs: readonly EnvironmentConfig[],
  cwd: string,
): { folders: Map<string, AirflowFolder>; problems: string[] } {
  const shown = (path: string) => relative(cwd, path) || ".";
  const problems: string[] = [];
  const folders = new Map<string, AirflowFolder>();
  const root = lstatOrUndefined(dir);
  if (!root) return { folders, problems };
  if (!root.isDirectory()) {
    return { folders, problems: [`${shown(dir)}: is ${kindOf(root)}, not a folder; it holds one folder per environment (airflow/<env>/dags/...), or set MWAA_AIRFLOW_DIR to such a folder`] };
  }
  const byName = new Map(configs.map((c) => [c.name, c]));
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    const config = byName.get(entry);
    const stats = lstatSync(path);
    if (config && stats.isSymbolicLink()) {
      problems.push(`${shown(path)}: is a symbolic link, which is not followed; put the environment's folder itself here`);
      continue;
    }
    if (!config || !stats.isDirectory()) {
      problems.push(`${shown(path)}: ${visibleName(entry)} is not the folder of an environment (${[...byName.keys()].join(", ")}); each environment's Airflow files go in ${shown(dir)}/<environment name>/: rename or remove it`);
      continue;
    }
    const read = readEnvironmentFolder(path, config, shown);
    if (read.problems.length > 0) problems.push(...read.problems);
    else folders.set(config.name, read.folder);
  }
  return { folders, problems };
}

function readEnvironmentFolder(
  dir: string,
  config: EnvironmentConfig,
  shown: (path: string) => string,
): { folder: AirflowFolder; problems: string[] } {
  const problems: string[] = [];
  const budget = { bytes: 0, files: 0 };
  const allowed = Object.values(AIRFLOW_FOLDER_ENTRIES) as string[];
  let dags: AirflowFile[] = [];
  let plugins: AirflowFile[] | undefined;
  let requirements: Buffer | undefined;
  let startup: Buffer | undefined;
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    const stats = lstatSync(path);
    const folderEntry = entry === AIRFLOW_FOLDER_ENTRIES.dags || entry === AIRFLOW_FOLDER_ENTRIES.plugins;
    if (!allowed.includes(entry)) {
      problems.push(`${shown(path)}: ${visibleName(entry)} is not an entry MWAA reads; the folder holds only dags/, plugins/, requirements.txt and startup.sh: rename or remove it`);
    } else if (folderEntry !== stats.isDirectory() || stats.isSymbolicLink()) {
      problems.push(`${shown(path)}: is ${kindOf(stats)}; ${entry} must be ${folderEntry ? "a folder" : "a regular file"} (symbolic links are not followed)`);
    } else if (entry === AIRFLOW_FOLDER_ENTRIES.dags) {
      dags = readTree(path, "", 0, problems, budget, shown, false);
    } else if (entry === AIRFLOW_FOLDER_ENTRIES.plugins) {
      const files = readTree(path, "", 0, problems, budget, shown, true);
      plugins = files.length > 0 ? files : undefined;
    } else {
      const content = readFile(path, stats, problems, budget, shown);
      if (entry === AIRFLOW_FOLDER_ENTRIES.requirements) requirements = content;
      else startup = content;
    }
  }

  const dagPrefix = config.airflow.dagS3Path.replace(/\/+$/, "");
  for (const dag of dags) {
    if (Buffer.byteLength(`${dagPrefix}/${dag.path}`) > MAX_KEY_BYTES) {
      problems.push(`${shown(join(dir, AIRFLOW_FOLDER_ENTRIES.dags, dag.path))}: its S3 key ${dagPrefix}/${dag.path} is longer than the ${MAX_KEY_BYTES} bytes S3 allows: shorten the path`);
    }
  }
  if (requirements !== undefined) {
    const file = shown(join(dir, AIRFLOW_FOLDER_ENTRIES.requirements));
    const text = utf8(requirements);
    if (text === undefined) {
      problems.push(`${file}: is not UTF-8 text; save it as UTF-8`);
    } else {
      const pluginFiles = (plugins ?? []).map((p) => p.path);
      const named = new Set(constraintFilesNamed(text));
      const pluginTexts = Object.fromEntries((plugins ?? []).filter((p) => named.has(p.path)).map((p) => [p.path, p.content.toString("utf8")]));
      problems.push(
        ...requirementsProblems({ text, pluginFiles, airflowVersion: config.airflow.version, pluginTexts }).map(
          (problem) => `${file}${problem.replace(/^requirements\.txt/, "")}`,
        ),
      );
    }
  }
  if (startup !== undefined) {
    const file = shown(join(dir, AIRFLOW_FOLDER_ENTRIES.startup));
    const text = utf8(startup);
    if (text === undefined) problems.push(`${file}: is not UTF-8 text; MWAA runs it with bash: save it as UTF-8`);
    else if (text.includes("\r")) problems.push(`${file}: has Windows (CRLF) line endings, which bash on MWAA reads as part of each command; convert it to LF line endings (dos2unix startup.sh)`);
    else if (PIP_SETTINGS.test(text)) {
      problems.push(`${file}: mentions pip's settings (${PIP_SETTINGS.exec(text)![0]}); MWAA runs the startup script before it installs requirements.txt and keeps what it exports, so an index or find-links set here would bypass the checks of requirements.txt: put pip's options in requirements.txt`);
    }
  }
  return { folder: { dags, plugins, requirements, startup }, problems };
}

/** Every regular file below `dir`, in path order; links, devices and bad names are problems. */
function readTree(
  dir: string,
  prefix: string,
  depth: number,
  problems: string[],
  budget: { bytes: number; files: number },
  shown: (path: string) => string,
  allowWheels: boolean,
): AirflowFile[] {
  const files: AirflowFile[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    const stats = lstatSync(path);
    if (stats.isDirectory() && SKIPPED_FOLDERS.has(entry)) continue;
    if (stats.isFile() && SKIPPED_FILE.test(entry)) continue;
    if (entry === ".git") {
      problems.push(`${shown(path)}: is a Git repository or submodule, whose files the pull request's diff does not show; vendor the files themselves instead`);
      continue;
    }
    if (stats.isFile() && !allowWheels && entry.endsWith(".whl")) {
      problems.push(`${shown(path)}: a wheel outside plugins/ is never installed from requirements.txt, and one a script installs is checked by nothing; put wheels in plugins/ and pin them in requirements.txt`);
      continue;
    }
    if (!SEGMENT.test(entry) || entry === "." || entry === ".." || hasHiddenCharacters(entry)) {
      problems.push(`${shown(dir)}: the name ${visibleName(entry)} holds characters an S3 key or Terraform should not carry; use letters, digits, '.', '_', '-', '+', '=', '@', ',' and inner spaces`);
      continue;
    }
    const relativePath = prefix === "" ? entry : `${prefix}/${entry}`;
    if (stats.isDirectory()) {
      if (depth >= MAX_DEPTH) problems.push(`${shown(path)}: is nested more than ${MAX_DEPTH} folders deep; flatten the folder`);
      else files.push(...readTree(path, relativePath, depth + 1, problems, budget, shown, allowWheels));
    } else if (stats.isFile()) {
      const content = readFile(path, stats, problems, budget, shown);
      if (content !== undefined) files.push({ path: relativePath, content });
    } else {
      problems.push(`${shown(path)}: is ${kindOf(stats)}, not a regular file, and was not read; put the file itself here (symbolic links are not followed)`);
    }
  }
  return files;
}

/** A regular file's bytes, opened so that a swap for a link or a pipe after lstat is caught. */
function readFile(
  path: string,
  judged: Stats,
  problems: string[],
  budget: { bytes: number; files: number },
  shown: (path: string) => string,
): Buffer | undefined {
  budget.files += 1;
  budget.bytes += judged.size;
  if (budget.files > MAX_AIRFLOW_FILES) {
    if (budget.files === MAX_AIRFLOW_FILES + 1) problems.push(`${shown(path)}: the environment's folder holds more than ${MAX_AIRFLOW_FILES} files; keep build output and data out of it`);
    return undefined;
  }
  if (judged.nlink > 1) {
    problems.push(`${shown(path)}: is a hard link (one of ${judged.nlink} names of the same file), which may be a file from outside the folder; put a copy of the file itself here`);
    return undefined;
  }
  if (judged.size > MAX_AIRFLOW_FILE_BYTES) {
    problems.push(`${shown(path)}: is ${judged.size} bytes, more than the ${MAX_AIRFLOW_FILE_BYTES / 1024 / 1024} MiB one file may hold; keep data out of the DAG folder (read it from S3 at run time)`);
    return undefined;
  }
  if (budget.bytes > MAX_AIRFLOW_FOLDER_BYTES) {
    problems.push(`${shown(path)}: the environment's files exceed ${MAX_AIRFLOW_FOLDER_BYTES / 1024 / 1024 / 1024} GiB together; keep data out of the folder`);
    return undefined;
  }
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile() || opened.ino !== judged.ino || opened.dev !== judged.dev || opened.size !== judged.size) {
      problems.push(`${shown(path)}: changed while it was read; run the synth again`);
      return undefined;
    }
    const bytes = Buffer.alloc(opened.size);
    let length = 0;
    while (length < bytes.length) {
      const read = readSync(fd, bytes, length, bytes.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return bytes.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

function utf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
}

function visibleName(name: string): string {
  return visible(JSON.stringify(name));
}

function kindOf(stats: Stats): string {
  if (stats.isSymbolicLink()) return "a symbolic link";
  if (stats.isDirectory()) return "a folder";
  if (stats.isFile()) return "a regular file";
  if (stats.isFIFO()) return "a named pipe";
  if (stats.isSocket()) return "a socket";
  return "a device";
}
