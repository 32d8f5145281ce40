/**
 * A ZIP archive that is the same bytes for the same files on every machine and Node version, so
 * `plugins.zip`'s content hash (and the S3 object version MWAA points at) changes only when a file
 * in `plugins/` does. Format: PKWARE APPNOTE.TXT 6.3 (local file headers 4.3.7, central directory
 * 4.3.12, end of central directory 4.3.16).
 *
 * What is fixed, and why:
 * - entries sorted by the UTF-8 bytes of their path (not by the order a file system lists them);
 * - STORE (method 0), no compression: deflate output differs between zlib versions, and what
 *   `plugins/` holds for this project (wheels) is compressed already;
 * - one timestamp for every entry, 1980-01-01 00:00 (the earliest MS-DOS date, as used by
 *   reproducible-build tools), instead of each file's modification time;
 * - "made by" Unix with mode 0644 for every entry: the same permissions wherever it was built;
 * - no extra fields (no Unix uid/gid or extended timestamps), no comments, no directory entries;
 * - the UTF-8 flag (general purpose bit 11) only for a name that is not ASCII.
 * ZIP64 is not written: an archive of 4 GiB or more, or with 65,535 entries or more, is refused
 * (0xFFFFFFFF and 0xFFFF are ZIP64's markers, APPNOTE 4.4.1.4, so readers would misread them).
 */
import { crc32 } from "./crc32";
import {
  CENTRAL_HEADER_SIGNATURE,
  CENTRAL_HEADER_SIZE,
  END_OF_CENTRAL_DIRECTORY_SIGNATURE,
  END_OF_CENTRAL_DIRECTORY_SIZE,
  LOCAL_HEADER_SIGNATURE,
  LOCAL_HEADER_SIZE,
  METHOD_STORE,
} from "./zip-format";

export interface ZipEntry {
  /** Path inside the archive: relative, with forward slashes, no `.` or `..` segment. */
  readonly path: string;
  readonly content: Buffer;
}


/** 2.0: the version APPNOTE 4.4.3.2 lists for files in folders; STORE alone would need 1.0. */
const VERSION_NEEDED = 20;
/** Upper byte 3: Unix, so readers take the mode from the external attributes (APPNOTE 4.4.2). */
const VERSION_MADE_BY = (3 << 8) | VERSION_NEEDED;
const FLAG_UTF8_NAME = 1 << 11;
/** MS-DOS time 00:00:00 and date 1980-01-01 (day 1, month 1, year 1980 + 0). */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** A regular file (S_IFREG 0o100000), rw-r--r--, in the upper 16 bits. */
const EXTERNAL_ATTRIBUTES = (0o100644 << 16) >>> 0;

/** Largest value a 32-bit field may hold without meaning "see ZIP64". */
const MAX_32 = 0xfffffffe;
/** Largest entry count a 16-bit field may hold without meaning "see ZIP64". */
export const MAX_ZIP_ENTRIES = 0xfffe;

/** Why `path` cannot name a file in the archive, or undefined if it can. */
function pathProblem(path: string): string | undefined {
  if (path.length === 0) return "is empty";
  if (path.includes("\\")) return "has a backslash (use forward slashes)";
  if (path.startsWith("/")) return "is absolute (paths are relative to the archive's root)";
  if (/^[A-Za-z]:/.test(path)) return "starts with a drive letter";
  if (/[\u0000-\u001f\u007f]/.test(path)) return "has a control character";
  const segments = path.split("/");
  if (segments.some((segment) => segment === "")) return "has an empty segment (a trailing or doubled /)";
  if (segments.some((segment) => segment === "." || segment === "..")) return "has a . or .. segment";
  return undefined;
}

interface PreparedEntry {
  readonly name: Buffer;
  readonly content: Buffer;
  readonly crc: number;
  readonly flags: number;
}

function prepare(entries: readonly ZipEntry[]): PreparedEntry[] {
  const seen = new Set<string>();
  const prepared = entries.map((entry) => {
    // NFC: a name read from macOS (which may hand out NFD) gives the same bytes as on Linux.
    const path = entry.path.normalize("NFC");
    const problem = pathProblem(path);
    if (problem) throw new Error(`zip entry ${JSON.stringify(entry.path)} ${problem}.`);
    if (seen.has(path)) throw new Error(`zip entry ${JSON.stringify(entry.path)} appears twice.`);
    seen.add(path);
    const name = Buffer.from(path, "utf8");
    if (name.length > 0xffff) throw new Error(`zip entry ${JSON.stringify(entry.path)} has a name longer than 65,535 bytes.`);
    if (entry.content.length > MAX_32) throw new Error(`zip entry ${JSON.stringify(entry.path)} is 4 GiB or larger; ZIP64 is not written.`);
    const ascii = /^[\u0000-\u007f]*$/.test(path);
    return { name, content: entry.content, crc: crc32(entry.content), flags: ascii ? 0 : FLAG_UTF8_NAME };
  });
  return prepared.sort((a, b) => Buffer.compare(a.name, b.name));
}

/** `entries` as one ZIP archive, byte-identical for the same entries in any order. */
export function zipFiles(entries: readonly ZipEntry[]): Buffer {
  if (entries.length > MAX_ZIP_ENTRIES) {
    throw new Error(`a zip of ${entries.length} files: at most ${MAX_ZIP_ENTRIES.toLocaleString("en-US")} are written (ZIP64 is not).`);
  }
  const prepared = prepare(entries);
  const localSize = prepared.reduce((sum, e) => sum + LOCAL_HEADER_SIZE + e.name.length + e.content.length, 0);
  const centralSize = prepared.reduce((sum, e) => sum + CENTRAL_HEADER_SIZE + e.name.length, 0);
  const total = localSize + centralSize + END_OF_CENTRAL_DIRECTORY_SIZE;
  if (localSize > MAX_32 || centralSize > MAX_32 || total > MAX_32) {
    throw new Error(`a zip of ${total.toLocaleString("en-US")} bytes: 4 GiB or more needs ZIP64, which is not written.`);
  }

  const out = Buffer.alloc(total);
  let at = 0;
  const offsets: number[] = [];
  for (const e of prepared) {
    offsets.push(at);
    at = out.writeUInt32LE(LOCAL_HEADER_SIGNATURE, at);
    at = out.writeUInt16LE(VERSION_NEEDED, at);
    at = out.writeUInt16LE(e.flags, at);
    at = out.writeUInt16LE(METHOD_STORE, at);
    at = out.writeUInt16LE(DOS_TIME, at);
    at = out.writeUInt16LE(DOS_DATE, at);
    at = out.writeUInt32LE(e.crc, at);
    at = out.writeUInt32LE(e.content.length, at); // compressed size: STORE keeps it as it is
    at = out.writeUInt32LE(e.content.length, at);
    at = out.writeUInt16LE(e.name.length, at);
    at = out.writeUInt16LE(0, at); // extra field length
    at += e.name.copy(out, at);
    at += e.content.copy(out, at);
  }

  const centralOffset = at;
  prepared.forEach((e, i) => {
    at = out.writeUInt32LE(CENTRAL_HEADER_SIGNATURE, at);
    at = out.writeUInt16LE(VERSION_MADE_BY, at);
    at = out.writeUInt16LE(VERSION_NEEDED, at);
    at = out.writeUInt16LE(e.flags, at);
    at = out.writeUInt16LE(METHOD_STORE, at);
    at = out.writeUInt16LE(DOS_TIME, at);
    at = out.writeUInt16LE(DOS_DATE, at);
    at = out.writeUInt32LE(e.crc, at);
    at = out.writeUInt32LE(e.content.length, at);
    at = out.writeUInt32LE(e.content.length, at);
    at = out.writeUInt16LE(e.name.length, at);
    at = out.writeUInt16LE(0, at); // extra field length
    at = out.writeUInt16LE(0, at); // comment length
    at = out.writeUInt16LE(0, at); // disk number start
    at = out.writeUInt16LE(0, at); // internal attributes
    at = out.writeUInt32LE(EXTERNAL_ATTRIBUTES, at);
    at = out.writeUInt32LE(offsets[i], at);
    at += e.name.copy(out, at);
  });

  at = out.writeUInt32LE(END_OF_CENTRAL_DIRECTORY_SIGNATURE, at);
  at = out.writeUInt16LE(0, at); // this disk
  at = out.writeUInt16LE(0, at); // disk with the central directory
  at = out.writeUInt16LE(prepared.length, at);
  at = out.writeUInt16LE(prepared.length, at);
  at = out.writeUInt32LE(centralSize, at);
  at = out.writeUInt32LE(centralOffset, at);
  out.writeUInt16LE(0, at); // comment length
  return out;
}
