/**
 * CRC-32 as ZIP uses it (ISO-HDLC: reflected polynomial 0xEDB88320, initial value and final XOR
 * 0xFFFFFFFF; APPNOTE.TXT 4.4.7). Written here because `zlib.crc32` only exists from Node 20.15
 * and 22.2, and the archive must be the same on every Node this project runs on.
 */

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 of `data`, as an unsigned 32-bit number. */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
