import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, Stats } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import { hasHiddenCharacters, visible } from "../modules/text/visible-text";

/**
 * Reading the config folder as hostile input. A pull request can commit a symbolic link (to
 * `~/.aws/credentials`, to `/dev/zero`), a named pipe or a huge file under an innocent name. Every
 * entry is judged from its metadata first (lstat, realpath), and only a regular file inside the
 * folder is opened; so a link out of the folder is never followed and its target never echoed, a
 * named pipe never blocks, a device is never read. Every outcome is one line for the ConfigError.
 */

/**
 * Largest config file read. An environment's settings take a few KiB (the example about 1.3 KiB);
 * 1 MiB leaves room for long acknowledgement lists and still refuses a log or a data dump
 * committed by mistake before it is read into memory.
 */
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

export type ConfigFolder = { ok: true; realDir: string; files: string[] } | { ok: false; problem: string };
export type ConfigFileText = { ok: true; text: string } | { ok: false; problem: string };

const READABLE_FIX = "make it readable by the user who runs the synth (chmod a+r)";

/** The `*.json` entries of the config folder in name order, whatever their kind, and its real path. */
export function listConfigFolder(dir: string): ConfigFolder {
  try {
    const realDir = realpathSync(dir);
    const files = readdirSync(realDir).filter((name) => name.endsWith(".json")).sort();
    return { ok: true, realDir, files };
  } catch (error) {
    const code = errorCode(error);
    switch (code) {
      case "ENOENT":
        return { ok: false, problem: "no such folder; create it with one <environment>.json file per environment" };
      case "ENOTDIR":
        return { ok: false, problem: "is not a folder; point MWAA_CONFIG_DIR at the folder that holds the <environment>.json files" };
      case "EACCES":
      case "EPERM":
        return { ok: false, problem: `cannot be listed: permission denied; ${READABLE_FIX.replace("a+r", "a+rx")}` };
      default:
        if (code === undefined) throw error;
        return { ok: false, problem: `cannot be listed (${code}); check the folder and run the synth again` };
    }
  }
}

/**
 * A file name as problem lines show it. A name can hold a line break or a bidi control that would
 * forge or hide lines of the output; such a name is shown escaped (and refused by readConfigFile).
 */
export function displayFileName(name: string): string {
  return hasHiddenCharacters(name) ? visible(JSON.stringify(name)) : name;
}


/** The text of the entry `name` of the folder `realDir` (a real path), or why it is refused. */
export function readConfigFile(realDir: string, name: string): ConfigFileText {
  if (hasHiddenCharacters(name)) {
    return refuse("its name holds control or invisible formatting characters; rename the file to <environment>.json");
  }
  try {
    const entry = join(realDir, name);
    let target = entry;
    let stats = lstatSync(entry);
    if (stats.isSymbolicLink()) {
      const resolved = resolveLink(realDir, entry);
      if (!resolved.ok) return resolved;
      target = resolved.target;
      stats = lstatSync(target);
    }
    const link = target === entry ? "" : "a symbolic link to ";
    if (!stats.isFile()) {
      return refuse(`is ${link}${kindOf(stats)}, not a regular file, and was not opened; an environment is one JSON file: remove it or rename it so it does not end in .json`);
    }
    if (stats.size > MAX_CONFIG_FILE_BYTES) return tooLarge(stats.size);
    return readRegularFile(target, stats);
  } catch (error) {
    const code = errorCode(error);
    if (code === "EACCES" || code === "EPERM") return refuse(`cannot be read: permission denied; ${READABLE_FIX}`);
    if (code === "ENOENT") return refuse("disappeared while the folder was read; run the synth again");
    if (code !== undefined) return refuse(`cannot be read (${code}); check the file and run the synth again`);
    throw error;
  }
}

/** Where a link in the folder leads, if that is inside the folder; the target is never opened. */
function resolveLink(realDir: string, entry: string): { ok: true; target: string } | { ok: false; problem: string } {
  let target: string;
  try {
    target = realpathSync(entry);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") return refuse("is a symbolic link to nothing (its target does not exist); remove the link or put the file itself here");
    if (code === "ELOOP") return refuse("is a symbolic link that loops back on itself; remove it");
    throw error;
  }
  const path = relative(realDir, target);
  if (path === ".." || path.startsWith(`..${sep}`) || isAbsolute(path)) {
    return refuse("is a symbolic link that leads outside the config folder, and was not followed; the loader reads only files inside the folder: put the file itself here");
  }
  return { ok: true, target };
}

/**
 * Opens what lstat judged, and reads at most what it measured. O_NOFOLLOW and O_NONBLOCK hold even
 * if the entry was swapped for a link or a pipe after lstat; fstat confirms it is the same file.
 */
function readRegularFile(path: string, judged: Stats): ConfigFileText {
  const changed = refuse("changed while it was read; run the synth again");
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile() || opened.dev !== judged.dev || opened.ino !== judged.ino) return changed;
    if (opened.size > MAX_CONFIG_FILE_BYTES) return tooLarge(opened.size);
    const bytes = Buffer.alloc(opened.size + 1);
    let length = 0;
    while (length < bytes.length) {
      const read = readSync(fd, bytes, length, bytes.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > opened.size) return changed;
    return decodeUtf8(bytes.subarray(0, length));
  } finally {
    closeSync(fd);
  }
}

/** UTF-8 only, as RFC 8259 requires between systems. A UTF-8 byte-order mark is kept for the JSON reader to skip. */
function decodeUtf8(bytes: Buffer): ConfigFileText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return refuse("is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8");
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return refuse("is not UTF-8 text (it holds bytes UTF-8 does not allow); save it as UTF-8");
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a named pipe";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  return "an unknown kind of file";
}

function tooLarge(size: number): { ok: false; problem: string } {
  return refuse(`is ${size} bytes, more than the ${MAX_CONFIG_FILE_BYTES} (1 MiB) a config file may hold; an environment's settings take a few KiB: remove what is not a setting`);
}

function refuse(problem: string): { ok: false; problem: string } {
  return { ok: false, problem };
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}
