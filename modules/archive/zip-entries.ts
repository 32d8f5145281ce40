import {
  CENTRAL_HEADER_SIGNATURE,
  CENTRAL_HEADER_SIZE,
  END_OF_CENTRAL_DIRECTORY_SIGNATURE,
  END_OF_CENTRAL_DIRECTORY_SIZE,
  LOCAL_HEADER_SIGNATURE,
  LOCAL_HEADER_SIZE,
  METHOD_STORE,
} from "./zip-format";

/** One entry of a ZIP archive: its name and, when stored uncompressed, its bytes. */
export interface ArchiveEntry {
  readonly name: string;
  /** The entry's bytes when it is stored (method 0), as plugins.zip's writer stores everything; else undefined. */
  readonly data?: Buffer;
}


/**
 * The entries of a ZIP archive, read from its central directory (the end-of-central-directory
 * record, then each central file header), whatever compression they use. Undefined for anything
 * that is not a well-formed, single-disk, non-ZIP64 archive: a rule that cannot read an archive
 * judges it unreadable rather than guessing.
 */
export function zipEntries(zip: Buffer): ArchiveEntry[] | undefined {
  // The end record sits in the last 22 bytes plus a comment of at most 65,535 bytes.
  let end = -1;
  for (let at = zip.length - END_OF_CENTRAL_DIRECTORY_SIZE; at >= Math.max(0, zip.length - END_OF_CENTRAL_DIRECTORY_SIZE - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY_SIGNATURE && at + END_OF_CENTRAL_DIRECTORY_SIZE + zip.readUInt16LE(at + 20) === zip.length) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = zip.readUInt16LE(end + 10);
  const size = zip.readUInt32LE(end + 12);
  let at = zip.readUInt32LE(end + 16);
  if (zip.readUInt16LE(end + 4) !== 0 || at === 0xffffffff || at + size > end) return undefined;
  const entries: ArchiveEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_HEADER_SIZE > end || zip.readUInt32LE(at) !== CENTRAL_HEADER_SIGNATURE) return undefined;
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (at + CENTRAL_HEADER_SIZE + nameLength > end) return undefined;
    const name = zip.toString("utf8", at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength);
    let data: Buffer | undefined;
    if (method === METHOD_STORE) {
      if (local + LOCAL_HEADER_SIZE > zip.length || zip.readUInt32LE(local) !== LOCAL_HEADER_SIGNATURE) return undefined;
      const start = local + LOCAL_HEADER_SIZE + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      if (start + compressedSize > zip.length) return undefined;
      data = zip.subarray(start, start + compressedSize);
    }
    entries.push({ name, data });
    at += CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
  }
  return entries;
}
