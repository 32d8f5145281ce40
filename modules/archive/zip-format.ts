/**
 * The ZIP records this project writes (deterministic-zip.ts) and reads (zip-entries.ts): their
 * signatures and fixed sizes, from PKWARE's APPNOTE (4.3.7 local file header, 4.3.12 central
 * directory header, 4.3.16 end of central directory record).
 */
export const LOCAL_HEADER_SIGNATURE = 0x04034b50;
export const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
export const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;
export const LOCAL_HEADER_SIZE = 30;
export const CENTRAL_HEADER_SIZE = 46;
export const END_OF_CENTRAL_DIRECTORY_SIZE = 22;
/** The compression method of an entry stored as it is. */
export const METHOD_STORE = 0;
