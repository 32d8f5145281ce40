import { basename, join, relative } from "node:path";
import type { core } from "zod";
import { AcknowledgementPolicy, acknowledgementPolicyFrom, DEFAULT_MAX_ACKNOWLEDGEMENT_DAYS, todayUtc } from "./acknowledgements";
import { crossEnvironmentCollisions, EnvironmentFile, ownNameCollisions } from "./collisions";
import { displayFileName, listConfigFolder, readConfigFile } from "./config-file";
import { visible } from "../modules/text/visible-text";
import { EnvironmentConfig, resolveConfig } from "./environment-config";
import { JsonTextProblem, parseJsonText } from "./json-text";
import { fieldDoc, knownKeys } from "./reference";
import { plainDataProblems } from "./plain-data";
import { crossFieldProblems, Problem } from "./rules";
import { environmentConfigSchema } from "./schema";

/**
 * Every problem found in the config files, one line each. Thrown before any construct is built.
 * Problems quote config text (keys, values, file names): its control and invisible characters are
 * escaped, so that no key can break a line, forge another problem or reorder the text with bidi.
 */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  /** @param where what holds the problems @default "the environment config" */
  constructor(problems: readonly string[], where = "the environment config") {
    const lines = problems.map(visible);
    super(`${lines.length} problem${lines.length === 1 ? "" : "s"} in ${where}:\n` + lines.map((p) => `  - ${p}`).join("\n"));
    this.name = "ConfigError";
    this.problems = lines;
  }
}

/**
 * Reads and validates every `*.json` file of `dir` (one environment each), in name order, then
 * checks that no two environments claim one name (config/collisions.ts). Files are read as
 * config/config-file.ts allows (regular files inside the folder, at most 1 MiB) and parsed as
 * config/json-text.ts does (no duplicate keys, bounded nesting). Throws a ConfigError listing every
 * problem of every file; returns only when all are valid.
 */
export function loadEnvironmentConfigs(
  dir: string,
  cwd: string = process.cwd(),
  policy: AcknowledgementPolicy | string = acknowledgementPolicyFrom(process.env),
): EnvironmentConfig[] {
  if (typeof policy === "string") throw new ConfigError([policy], "the synth's environment variables");
  const shownDir = relative(cwd, dir) || ".";
  const folder = listConfigFolder(dir);
  if (!folder.ok) throw new ConfigError([`${shownDir}: ${folder.problem}`]);
  if (folder.files.length === 0) {
    throw new ConfigError([
      `${shownDir}: holds no <environment>.json file; copy config/example.json from the repository and edit it`,
    ]);
  }

  const problems: string[] = [];
  const valid: EnvironmentFile[] = [];
  for (const file of folder.files) {
    const shownFile = join(shownDir, displayFileName(file));
    const read = readConfigFile(folder.realDir, file);
    if (!read.ok) {
      problems.push(`${shownFile}: ${read.problem}`);
      continue;
    }
    const parsed = parseJsonText(read.text);
    if (!parsed.ok) {
      problems.push(...parsed.problems.map((p) => `${shownFile}:${p.line}:${p.column}: ${p.message}`));
      continue;
    }
    const result = validateEnvironmentValue(parsed.value, file, policy);
    if (result.ok) valid.push({ file: shownFile, config: result.config });
    else problems.push(...result.problems.map((p) => `${shownFile}: ${p}`));
  }
  problems.push(...crossEnvironmentCollisions(valid).map(({ file, problem }) => `${file}: ${formatProblem(problem)}`));
  if (problems.length > 0) throw new ConfigError(problems);
  return valid.map(({ config }) => config);
}

export type ValidationResult =
  | { ok: true; config: EnvironmentConfig }
  | { ok: false; problems: string[] };

/**
/**
 * Validates one file's text; `fileName` is the name the environment's `name` must match, `policy`
 * bounds its acknowledgements (default: today and the default maximum). A problem of the text itself
 * (JSON syntax, a duplicate key, too deep a nesting) starts with `line:column:`.
 */
export function validateEnvironmentConfig(
  text: string,
  fileName: string,
  policy: AcknowledgementPolicy = { today: todayUtc(), maxDays: DEFAULT_MAX_ACKNOWLEDGEMENT_DAYS },
): ValidationResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map(formatTextProblem) };
  return validateEnvironmentValue(parsed.value, fileName, policy);
}

function formatTextProblem(problem: JsonTextProblem): string {
  return `${problem.line}:${problem.column}: ${problem.message}`;
}

/** Validates one file's parsed JSON value. */
function validateEnvironmentValue(raw: unknown, fileName: string, policy: AcknowledgementPolicy): ValidationResult {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: ["must hold one JSON object, the environment's settings"] };
  }

  const parsed = environmentConfigSchema.safeParse(raw, { reportInput: true });
  const problems: Problem[] = [
    ...plainDataProblems(raw),
    ...(parsed.success ? [] : parsed.error.issues.flatMap(schemaProblems)),
    ...crossFieldProblems(raw, policy),
  ];
  const expectedName = basename(fileName, ".json");
  const name = (raw as Record<string, unknown>).name;
  if (typeof name === "string" && environmentConfigSchema.shape.name.safeParse(name).success && name !== expectedName) {
    problems.push({
      path: "name",
      value: name,
      message: `must equal the file name without .json ('${expectedName}'); rename the file or the environment`,
    });
  }

  if (problems.length > 0 || !parsed.success) {
    return { ok: false, problems: problems.map(formatProblem) };
  }
  const config = resolveConfig(parsed.data);
  const collisions = ownNameCollisions(config);
  if (collisions.length > 0) return { ok: false, problems: collisions.map(formatProblem) };
  return { ok: true, config };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, i) => (typeof segment === "number" ? `[${segment}]` : `${i === 0 ? "" : "."}${String(segment)}`))
    .join("");
}

function schemaProblems(issue: core.$ZodIssue): Problem[] {
  const path = formatPath(issue.path);
  const allowed = fieldDoc(path)?.allowed;
  const withAllowed = (what: string) => (allowed ? `${what}; allowed: ${allowed}` : what);
  const input = (issue as { input?: unknown }).input;

  switch (issue.code) {
    case "unrecognized_keys": {
      const parent = input as Record<string, unknown>;
      return issue.keys.map((key) => ({
        path: path ? `${path}.${key}` : key,
        value: parent?.[key],
        message: `is not a known setting; allowed here: ${knownKeys(path).filter((k) => k !== "$schema").join(", ")}`,
      }));
    }
    case "invalid_type":
      if (input === undefined) return [{ path, message: withAllowed("is required") }];
      return [{ path, value: input, message: withAllowed(`must be ${describeType(issue.expected)}`) }];
    case "custom":
      // Refinements that say what is wrong themselves (schema.ts marks them `explained`).
      if ((issue.params as { explained?: boolean } | undefined)?.explained) return [{ path, value: input, message: issue.message }];
      return [{ path, value: input, message: withAllowed("is not allowed") }];
    case "invalid_key":
      return [{ path, value: issue.path[issue.path.length - 1], message: withAllowed("is not an allowed key") }];
    default:
      return [{ path, value: input, message: withAllowed("is not allowed") }];
  }
}

function describeType(expected: string): string {
  switch (expected) {
    case "int":
      return "a whole number";
    case "record":
    case "object":
      return "an object";
    case "array":
      return "a list";
    default:
      return `a ${expected}`;
  }
}

function formatProblem(problem: Problem): string {
  const where = problem.path || "(file)";
  if (!("value" in problem) || problem.value === undefined) return `${where}: ${problem.message}`;
  return `${where}: got ${display(problem.value)}; ${problem.message}`;
}

function display(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
