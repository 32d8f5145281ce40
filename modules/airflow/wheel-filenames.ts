/**
 * Wheel file names and whether a wheel installs on MWAA. Sources: the binary distribution format
 * (PEP 427; packaging.python.org "Binary distribution format": `{distribution}-{version}(-{build
 * tag})?-{python tag}-{abi tag}-{platform tag}.whl`, `.`-separated compressed tag sets), platform
 * compatibility tags (PEP 425, PEP 600 manylinux_x_y with its legacy aliases), name normalisation
 * (PEP 503), and the order pip accepts tags in (packaging.tags: cpython_tags, compatible_tags).
 */
import { MWAA_WORKER_PLATFORM } from "../../config/mwaa-limits";
import { parseVersion, type Pep440Version } from "./pep440-version";

export interface WheelFile {
  /** The file name as found in plugins/. */
  readonly file: string;
  /** The distribution name, PEP 503-normalised. */
  readonly name: string;
  readonly version: Pep440Version;
  readonly versionText: string;
  readonly pythonTags: readonly string[];
  readonly abiTags: readonly string[];
  readonly platformTags: readonly string[];
}

/** PEP 503: lower case, every run of `-`, `_` and `.` as one `-`. */
export function normalizeProjectName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._]*[A-Za-z0-9])?$/;
const TAG = /^[A-Za-z0-9_.]+$/;

/** `file` read as a wheel file name, or undefined when it is not one (pip skips such files). */
export function parseWheelFilename(file: string): WheelFile | undefined {
  if (!file.endsWith(".whl")) return undefined;
  const parts = file.slice(0, -".whl".length).split("-");
  if (parts.length !== 5 && parts.length !== 6) return undefined;
  const [name, versionText] = parts;
  const [pythonTag, abiTag, platformTag] = parts.slice(-3);
  if (parts.length === 6 && !/^\d/.test(parts[2])) return undefined;
  const version = parseVersion(versionText);
  if (!NAME.test(name) || !version || ![pythonTag, abiTag, platformTag].every((t) => TAG.test(t))) return undefined;
  return {
    file,
    name: normalizeProjectName(name),
    version,
    versionText,
    pythonTags: pythonTag.split("."),
    abiTags: abiTag.split("."),
    platformTags: platformTag.split("."),
  };
}

/** The platform tags pip accepts on MWAA: glibc-based Linux on x86_64 (packaging's _manylinux). */
function platformInstalls(tag: string): boolean {
  const { architecture, glibc } = MWAA_WORKER_PLATFORM;
  if (tag === `linux_${architecture}`) return true;
  const legacy: Readonly<Record<string, number>> = { manylinux1: 5, manylinux2010: 12, manylinux2014: 17 };
  const m = /^(manylinux1|manylinux2010|manylinux2014|manylinux_(\d+)_(\d+))_(.+)$/.exec(tag);
  if (!m || m[4] !== architecture) return false;
  const [major, minor] = m[2] === undefined ? [2, legacy[m[1]]] : [Number(m[2]), Number(m[3])];
  // packaging yields manylinux_2_5 and up for x86_64, never older.
  return major === glibc.major && minor >= 5 && minor <= glibc.minor;
}

/**
 * Whether one (python, abi, platform) tag is among those pip accepts for CPython `python`
 * ("3.12") on MWAA: cpython_tags (cp312-cp312, cp312-abi3, cp312-none, cp3N-abi3 for older N)
 * on the platform, then compatible_tags (py312, py3, py3N with abi none; `any` only with cp312,
 * py312, py3 or py3N).
 */
function tagInstalls(pythonTag: string, abiTag: string, platformTag: string, python: string): boolean {
  const [major, minor] = python.split(".").map(Number);
  const cp = `cp${major}${minor}`;
  const pyMinor = /^py(\d)(\d+)$/.exec(pythonTag);
  const isPy = pythonTag === `py${major}` || (pyMinor !== null && Number(pyMinor[1]) === major && Number(pyMinor[2]) <= minor);
  const cpOlder = /^cp(\d)(\d+)$/.exec(pythonTag);
  if (platformTag === "any") return abiTag === "none" && (pythonTag === cp || isPy);
  if (!platformInstalls(platformTag)) return false;
  if (pythonTag === cp) return abiTag === cp || abiTag === "abi3" || abiTag === "none";
  if (cpOlder && Number(cpOlder[1]) === major && Number(cpOlder[2]) >= 2 && Number(cpOlder[2]) < minor) return abiTag === "abi3";
  return isPy && abiTag === "none";
}

/** Whether pip on MWAA's Python `python` ("3.12") and platform would install `wheel`. */
export function wheelInstallsOn(wheel: WheelFile, python: string): boolean {
  return wheel.pythonTags.some((p) => wheel.abiTags.some((a) => wheel.platformTags.some((t) => tagInstalls(p, a, t, python))));
}
