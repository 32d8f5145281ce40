/**
 * Judges an environment's requirements.txt for a network with no internet path (every environment
 * of this project): pip on MWAA must install only from the wheels shipped in plugins.zip.
 *
 * What MWAA does (sources in the comments where each fact is used):
 * - MWAA runs `pip install -r requirements.txt` on every container at start-up and on update
 *   (MWAA guide "Installing Python dependencies"; aws/amazon-mwaa-docker-images,
 *   python/mwaa/utils/user_requirements.py). pip reads PyPI unless the file says `--no-index`.
 * - plugins.zip is unpacked in /usr/local/airflow/plugins (Knowledge Center
 *   "mwaa-install-custom-packages"); `--find-links /usr/local/airflow/plugins` with `--no-index`
 *   makes pip install from the wheels there and nowhere else (MWAA guide "Managing Python
 *   dependencies", Python wheels; the docker images' `package-requirements` writes exactly these
 *   two lines above the user's requirements).
 * - Constraints: from Airflow 2.7.2 a requirements file "must include a --constraint statement";
 *   without one MWAA adds `-c $AIRFLOW_CONSTRAINTS_FILE`, a copy of Airflow's constraints inside
 *   the image (user_requirements.py; the Dockerfiles' AIRFLOW_CONSTRAINTS_FILE). That needs no
 *   network, so the recommended file has no `-c` line. A `--constraint` URL (the guide's GitHub
 *   link) would need the internet and is refused; a constraints file shipped in plugins/ is fine.
 *
 * Decisions (each refused line names its fix):
 * - Requirements are `name==version` or `name[extras]==version`, optionally followed by `--hash`.
 *   Other specifiers let pip choose a version the synth cannot match to a wheel.
 * - Environment markers (`; python_version < "3.12"`) are refused: MWAA runs one known Python and
 *   platform, so a requirement either applies (drop the marker) or does not (drop the line).
 * - Only the pinned requirements themselves are matched to wheels; their dependencies (and
 *   extras' dependencies) come from the same `pip download`, and pip with `--no-index` fails the
 *   install, without reaching the network, if one is missing.
 * - Comments, blank lines and `\` continuations are read exactly as pip reads them; `${VAR}`
 *   references are refused (pip fills them from the container's environment, which the synth
 *   cannot see); non-ASCII text and control characters are refused (pip decodes with the
 *   container's locale and Python's splitlines breaks lines at \v, \f, \x1c to \x1e, so a
 *   reviewer and pip could read different lines).
 * - Options are matched by their full name only: pip (optparse) also accepts any unambiguous
 *   abbreviation, so `--ind` would be `--index-url`.
 */
import { MWAA_PLUGINS_PATH, MWAA_PYTHON_VERSIONS, MWAA_WORKER_PLATFORM } from "../../config/mwaa-limits";
import { visible } from "../text/visible-text";
import { parseVersion, versionMatches, type Pep440Version } from "./pep440-version";
import { logicalLines, shlexSplit, splitArgsAndOptions } from "./requirements-file-lines";
import { normalizeProjectName, parseWheelFilename, wheelInstallsOn, type WheelFile } from "./wheel-filenames";

export interface RequirementsInput {
  /** The text of requirements.txt; empty or undefined when the environment has none. */
  readonly text: string | undefined;
  /** Every file in the environment's plugins/ folder, as paths relative to it with `/`. */
  readonly pluginFiles: readonly string[];
  readonly airflowVersion: string;
  /**
   * The text of each constraints file in plugins/ that requirements.txt names with `-c` (see
   * `constraintFilesNamed`); a named file whose text is missing here is refused, unread.
   */
  readonly pluginTexts?: Readonly<Record<string, string>>;
}

const FILE = "requirements.txt";
const FIND_LINKS = `--find-links ${MWAA_PLUGINS_PATH}`;
const PRIVATE_FIX = `requirements install from the wheels in plugins/ (${FIND_LINKS} and --no-index)`;

/** Every option pip accepts in a requirements file (req_file.py SUPPORTED_OPTIONS and _REQ). */
const PIP_LONG_OPTIONS = [
  "--index-url", "--pypi-url", "--extra-index-url", "--no-index", "--constraint", "--requirement", "--editable",
  "--find-links", "--no-binary", "--only-binary", "--prefer-binary", "--require-hashes", "--pre", "--trusted-host",
  "--use-feature", "--global-option", "--hash", "--config-settings",
];
const PIP_SHORT_OPTIONS: Readonly<Record<string, string>> = {
  "-i": "--index-url", "-c": "--constraint", "-r": "--requirement", "-e": "--editable", "-f": "--find-links", "-C": "--config-settings",
};
const FLAGS = new Set(["--no-index", "--prefer-binary", "--require-hashes", "--pre"]);

/** Why each option pip knows but the synth refuses is refused, and what to do instead. */
const REFUSED_OPTIONS: Readonly<Record<string, string>> = {
  "--index-url": `reaches a package index over the network, which a private network cannot reach; remove it: ${PRIVATE_FIX}`,
  "--pypi-url": `reaches a package index over the network, which a private network cannot reach; remove it: ${PRIVATE_FIX}`,
  "--extra-index-url": `reaches a package index over the network, which a private network cannot reach; remove it: ${PRIVATE_FIX}`,
  "--trusted-host": `only matters for an index reached over the network; remove it: ${PRIVATE_FIX}`,
  "--requirement": "includes another requirements file, whose lines the synth would not judge; move its lines into requirements.txt",
  "--editable": "installs from a source tree, URL or VCS, which needs a build and often the network; ship a wheel in plugins/ and pin it as name==version",
  "--no-binary": "makes pip build from source distributions, which the wheel check does not cover; remove it and ship wheels",
  "--use-feature": "changes how pip behaves in ways the synth does not judge; remove it",
  "--global-option": "only applies to builds from source; remove it and ship wheels",
  "--config-settings": "only applies to builds from source; remove it and ship wheels",
};

/** An sdist file name: `{name}-{version}.tar.gz` or `.zip` (the version part is dropped for matching). */
const SOURCE_DISTRIBUTION = /-[^-]+\.(tar\.gz|zip)$/;
const HASH = /^(sha256|sha384|sha512):[0-9a-fA-F]+$/;
const ENV_VAR = /\$\{[A-Z0-9_]+\}/;
const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[\s*(?:[A-Za-z0-9][A-Za-z0-9._-]*(?:\s*,\s*[A-Za-z0-9][A-Za-z0-9._-]*)*)?\s*\])?\s*(.*)$/;
/** pip's auto_decode reads a `coding:` declaration in the first two lines (pip/_internal/utils/encoding.py). */
const CODING_DECLARATION = /^#.*coding[:=]\s*([-\w.]+)/;
const SAFE_CODINGS = new Set(["utf-8", "utf8", "utf_8", "ascii", "us-ascii"]);

const shown = (text: string) => {
  const short = text.length > 120 ? `${text.slice(0, 117)}...` : text;
  return `\`${visible(short).replace(/`/g, "'")}\``;
};

interface Option {
  readonly name: string;
  readonly value: string | undefined;
}

interface LineProblem {
  readonly line: number;
  readonly message: string;
}

/** The options of one line, or the problems that stop them being read. */
function readOptions(optionText: string, line: number): { options: Option[]; problems: LineProblem[] } {
  const problems: LineProblem[] = [];
  const options: Option[] = [];
  const words = shlexSplit(optionText);
  if (words === undefined) {
    return { options, problems: [{ line, message: "has an unclosed quote or a trailing backslash, which pip refuses; close the quote" }] };
  }
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    let name: string;
    let value: string | undefined;
    if (word === "--") {
      problems.push({ line, message: "has `--`, after which pip ignores the rest of the line; remove it" });
      break;
    } else if (word.startsWith("--")) {
      const eq = word.indexOf("=");
      name = eq === -1 ? word : word.slice(0, eq);
      value = eq === -1 ? undefined : word.slice(eq + 1);
      if (!PIP_LONG_OPTIONS.includes(name)) {
        const meant = PIP_LONG_OPTIONS.filter((o) => o.startsWith(name));
        problems.push({
          line,
          message:
            meant.length > 0
              ? `has ${shown(name)}, which pip reads as an abbreviation of ${meant.join(" or ")}; write options in full`
              : `has ${shown(name)}, which is not an option of a requirements file; remove it`,
        });
        continue;
      }
    } else if (word.startsWith("-") && word.length > 1) {
      const long = PIP_SHORT_OPTIONS[word.slice(0, 2)];
      if (!long) {
        problems.push({ line, message: `has ${shown(word.slice(0, 2))}, which is not an option of a requirements file; remove it` });
        continue;
      }
      name = long;
      value = word.length > 2 ? word.slice(2) : undefined;
    } else {
      problems.push({ line, message: `has ${shown(word)} after its options, which pip ignores; put each requirement on its own line` });
      continue;
    }
    if (!FLAGS.has(name) && value === undefined) {
      value = words[i + 1];
      i++;
      if (value === undefined) {
        problems.push({ line, message: `has ${name} without a value, which pip refuses` });
        continue;
      }
    }
    if (FLAGS.has(name) && value !== undefined) {
      problems.push({ line, message: `has ${name} with a value, which pip refuses; write ${name} alone` });
      continue;
    }
    options.push({ name, value });
  }
  return { options, problems };
}

/** The path inside plugins/ that `value` names, or undefined when it names no such path. */
function pluginPath(value: string): string | undefined {
  const prefix = `${MWAA_PLUGINS_PATH}/`;
  if (!value.startsWith(prefix)) return undefined;
  const relative = value.slice(prefix.length);
  const segments = relative.split("/");
  if (segments.some((s) => s === "" || s === "." || s === "..")) return undefined;
  return relative;
}

interface Pin {
  readonly line: number;
  readonly name: string;
  readonly written: string;
  readonly version: Pep440Version;
  readonly versionText: string;
}

/** The requirement part of a line: a pin, or the problem with it. */
function readRequirement(args: string, line: number): Pin | LineProblem {
  const problem = (message: string) => ({ line, message });
  if (/:\/\//.test(args) || /^(git|hg|svn|bzr)\+/i.test(args)) {
    return problem(`is a URL or VCS reference, which pip would fetch over the network; ship the wheel in plugins/ and pin it as name==version`);
  }
  if (args.includes("@")) {
    return problem("is a direct reference (name @ location), which pip fetches from that location; ship the wheel in plugins/ and pin it as name==version");
  }
  if (/^[.~/\\]/.test(args) || /[/\\]/.test(args) || /\.(whl|zip|tar\.gz|tgz|tar\.bz2|tar)$/i.test(args)) {
    return problem("is a path to a file or folder; pin the package as name==version instead, and --find-links finds its wheel in plugins/");
  }
  if (args.includes(";")) {
    return problem(
      "has an environment marker; MWAA runs one known Python and platform, so keep the requirement without the marker if it applies there, or remove the line",
    );
  }
  const m = REQUIREMENT.exec(args);
  if (!m) return problem("is not a requirement the synth can read; write it as name==version");
  const [, name, , spec] = m;
  if (spec.trim() === "") return problem(`does not pin a version, so pip would choose one; pin it as ${name}==<version> with the version of its wheel in plugins/`);
  const pinned = /^==\s*([^=<>!~,*\s]+)\s*$/.exec(spec);
  const version = pinned ? parseVersion(pinned[1]) : undefined;
  if (!pinned || !version) {
    return problem(`is not pinned to one version with ==; pin it as ${name}==<version> with the version of its wheel in plugins/`);
  }
  return { line, name: normalizeProjectName(name), written: name, version, versionText: pinned[1] };
}

/** Characters where a reader and pip could disagree on the text, as whole-file problems. */
function characterProblems(text: string): LineProblem[] {
  const problems: LineProblem[] = [];
  const lines = text.split("\n");
  lines.forEach((raw, index) => {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const odd = /[^\t\u0020-\u007e]/.exec(line);
    if (odd) {
      const code = odd[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
      const why = odd[0].charCodeAt(0) > 0x7e ? "a non-ASCII character" : "a control character";
      problems.push({
        line: index + 1,
        message: `has ${why} (U+${code}); pip decodes the file with the container's locale and breaks lines where Python does, so it could read other lines than a reviewer; use plain ASCII`,
      });
    }
    const coding = index < 2 ? CODING_DECLARATION.exec(line) : null;
    if (coding && !SAFE_CODINGS.has(coding[1].toLowerCase())) {
      problems.push({ line: index + 1, message: `declares the encoding ${shown(coding[1])}, which makes pip decode the file differently from how it reads here; remove the declaration` });
    }
  });
  return problems;
}

interface FileReading {
  readonly problems: LineProblem[];
  readonly pins: Pin[];
  readonly options: Option[];
  readonly constraintFiles: string[];
}

/** Reads one file's lines: its options (on their own lines), pins, and the problems of each line. */
function readFile(text: string, nested: boolean): FileReading {
  const reading: FileReading = { problems: [], pins: [], options: [], constraintFiles: [] };
  for (const { lineNumber: line, text: content } of logicalLines(text)) {
    const before = reading.problems.length;
    const add = (message: string) => reading.problems.push({ line, message: `${shown(content)} ${message}` });
    if (ENV_VAR.test(content)) {
      add("uses an environment variable, which pip fills in on the container, unseen by the synth; write the value itself");
      continue;
    }
    const { args, options: optionText } = splitArgsAndOptions(content);
    const { options, problems } = readOptions(optionText, line);
    for (const p of problems) add(p.message);
    for (const option of options) {
      const refused = REFUSED_OPTIONS[option.name];
      if (refused) add(`${option.name} ${refused}`);
      else if (args !== "" && option.name !== "--hash") add(`has ${option.name} after a requirement, where pip ignores it; put it on its own line`);
      else if (args === "" && option.name === "--hash") add("has --hash without a requirement, where pip ignores it; put it after the requirement it checks");
      else if (option.name === "--hash" && !HASH.test(option.value ?? "")) add(`has --hash ${shown(option.value ?? "")}, which is not sha256:, sha384: or sha512: and hex digits`);
      else if (option.name === "--find-links" && option.value !== MWAA_PLUGINS_PATH && option.value !== `${MWAA_PLUGINS_PATH}/`) {
        add(`has --find-links ${shown(option.value ?? "")}; the only place wheels may come from is plugins/: write ${FIND_LINKS}`);
      } else if (option.name === "--constraint") {
        const inPlugins = pluginPath(option.value ?? "");
        if (nested) add("names another constraints file from a constraints file, which the synth does not follow; put its lines in this file");
        else if (inPlugins === undefined) {
          add(
            `has a constraints file outside plugins/ (a URL needs the internet); remove the line, and MWAA applies the Airflow constraints stored in its image, or ship the file in plugins/ and write -c ${MWAA_PLUGINS_PATH}/<file>`,
          );
        } else reading.constraintFiles.push(inPlugins);
      }
    }
    if (reading.problems.length > before) continue;
    reading.options.push(...(args === "" ? options : []));
    if (args === "") continue;
    const requirement = readRequirement(args, line);
    if ("message" in requirement) add(requirement.message);
    else reading.pins.push(requirement);
  }
  return reading;
}

/** The files in plugins/ that requirements.txt names as constraints files (for the caller to read). */
export function constraintFilesNamed(text: string | undefined): string[] {
  return text === undefined || characterProblems(text).length > 0 ? [] : readFile(text, false).constraintFiles;
}

/** What is wrong with the wheels for `pin`, or undefined when one installs on MWAA. */
function wheelProblem(pin: Pin, wheels: readonly WheelFile[], otherFiles: readonly string[], python: string): string | undefined {
  const named = wheels.filter((w) => w.name === pin.name);
  const matching = named.filter((w) => versionMatches(pin.version, w.version));
  const platform = `CPython ${python} on Linux ${MWAA_WORKER_PLATFORM.architecture} (glibc ${MWAA_WORKER_PLATFORM.glibc.major}.${MWAA_WORKER_PLATFORM.glibc.minor})`;
  const download = `add it to plugins/ (see the README, "Python dependencies in a private network")`;
  if (matching.length === 0) {
    const others = named.length > 0 ? `; plugins/ has ${pin.written} only as ${[...new Set(named.map((w) => w.versionText))].join(", ")}` : "";
    const deeper = otherFiles.filter((f) => f.includes("/") && parseWheelFilename(f.split("/").pop()!)?.name === pin.name);
    const nestedNote = deeper.length > 0 ? `; ${deeper.map((f) => `plugins/${f}`).join(", ")} is in a subfolder, and ${FIND_LINKS} reads only the top level` : "";
    const sources = otherFiles.filter((f) => !f.includes("/") && SOURCE_DISTRIBUTION.test(f) && normalizeProjectName(f.replace(SOURCE_DISTRIBUTION, "")) === pin.name);
    const sourceNote = sources.length > 0 ? `; ${sources.map((f) => `plugins/${f}`).join(", ")} is a source distribution, which needs a build: ship the wheel` : "";
    return `needs a wheel of ${pin.written} ${pin.versionText} in plugins/, and there is none${others}${nestedNote}${sourceNote}: pip with --no-index cannot install it; ${download}`;
  }
  if (matching.some((w) => wheelInstallsOn(w, python))) return undefined;
  return `has no wheel in plugins/ that installs on MWAA's ${platform}: ${matching.map((w) => w.file).join(", ")}; download the wheel for that Python and platform and ${download}`;
}

/**
 * Problems that would make requirements.txt reach PyPI, or fail to install, in an environment with
 * no internet path; each a one-line message starting `requirements.txt line N: ` or
 * `requirements.txt: `. An empty or absent file has none.
 */
export function requirementsProblems({ text, pluginFiles, airflowVersion, pluginTexts = {} }: RequirementsInput): string[] {
  if (text === undefined) return [];
  const content = text.startsWith("\uFEFF") ? text.slice(1) : text; // pip's auto_decode drops a UTF-8 BOM
  const characters = characterProblems(content);
  if (characters.length > 0) return characters.map((p) => `${FILE} line ${p.line}: ${p.message}`);
  const lines = logicalLines(content);
  if (lines.length === 0) return [];

  const python = (MWAA_PYTHON_VERSIONS as Readonly<Record<string, string>>)[airflowVersion];
  if (python === undefined) {
    return [`${FILE}: Airflow ${shown(airflowVersion)} has no known Python version in config/mwaa-limits.ts, so no wheel can be judged; use one of ${Object.keys(MWAA_PYTHON_VERSIONS).join(", ")}`];
  }

  const reading = readFile(content, false);
  const problems = reading.problems.map((p) => `${FILE} line ${p.line}: ${p.message}`);

  for (const file of new Set(reading.constraintFiles)) {
    if (!pluginFiles.includes(file)) {
      problems.push(`${FILE}: the constraints file ${MWAA_PLUGINS_PATH}/${shown(file)} is not in plugins/; add it there, or remove the -c line and MWAA applies the Airflow constraints stored in its image`);
      continue;
    }
    const constraints = pluginTexts[file];
    if (constraints === undefined) {
      problems.push(`${FILE}: the constraints file plugins/${shown(file)} was not read, so its options cannot be judged; the synth refuses what it cannot read`);
      continue;
    }
    const nestedCharacters = characterProblems(constraints);
    const nested = nestedCharacters.length > 0 ? nestedCharacters : readFile(constraints, true).problems;
    for (const p of nested) problems.push(`${FILE}: plugins/${shown(file)} line ${p.line}: ${p.message}`);
  }

  if (!reading.options.some((o) => o.name === "--no-index")) {
    problems.push(`${FILE}: has no --no-index line, so pip would look for packages on PyPI, which a private network cannot reach; add --no-index and ${FIND_LINKS} as its first lines`);
  }
  if (!reading.options.some((o) => o.name === "--find-links")) {
    problems.push(`${FILE}: has no ${FIND_LINKS} line, so pip cannot find the wheels shipped in plugins.zip; add it (with --no-index) as its first lines`);
  }

  const topLevel = pluginFiles.filter((f) => !f.includes("/"));
  const otherFiles = pluginFiles.filter((f) => f.includes("/") || !f.endsWith(".whl"));
  const wheels = topLevel.map(parseWheelFilename).filter((w): w is WheelFile => w !== undefined);
  for (const pin of reading.pins) {
    const problem = wheelProblem(pin, wheels, otherFiles, python);
    if (problem) problems.push(`${FILE} line ${pin.line}: ${shown(`${pin.written}==${pin.versionText}`)} ${problem}`);
  }

  for (const file of topLevel.filter((f) => f.endsWith(".whl") && parseWheelFilename(f) === undefined)) {
    problems.push(`${FILE}: plugins/${shown(file)} is not a valid wheel file name (name-version-python-abi-platform.whl), so pip skips it; use the file name pip download gave it`);
  }
  const releases = new Map<string, WheelFile[]>();
  for (const wheel of wheels) {
    const release = `${wheel.name} ${wheel.version.public}+${wheel.version.local}`;
    releases.set(release, [...(releases.get(release) ?? []), wheel]);
  }
  const pinnedFiles = new Set(reading.pins.flatMap((pin) => wheels.filter((w) => w.name === pin.name && versionMatches(pin.version, w.version)).map((w) => w.file)));
  for (const group of releases.values()) {
    if (group.some((w) => wheelInstallsOn(w, python)) || group.some((w) => pinnedFiles.has(w.file))) continue;
    problems.push(
      `${FILE}: plugins/ holds ${group.map((w) => shown(w.file)).join(", ")}, which cannot install on MWAA's CPython ${python} on Linux ${MWAA_WORKER_PLATFORM.architecture}; pip fails when a requirement needs it: download the wheel for that Python and platform`,
    );
  }
  return problems;
}
