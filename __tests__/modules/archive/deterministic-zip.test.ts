import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "../../../modules/archive/crc32";
import { MAX_ZIP_ENTRIES, zipFiles } from "../../../modules/archive/deterministic-zip";

const ENTRIES = [
  { path: "requests-2.32.3-py3-none-any.whl", content: Buffer.from("wheel bytes\u0000\u00ff", "latin1") },
  { path: "operators/my_operator.py", content: Buffer.from("print('hello')\n") },
  { path: "empty.txt", content: Buffer.alloc(0) },
  { path: "données/é.txt", content: Buffer.from("non-ASCII name\n") },
];

/** The archive's entries as Python's zipfile reads them: name, size, mode, date and content. */
function readWithPython(archive: Buffer): { name: string; mode: number; date: number[]; utf8: boolean; content: string }[] {
  const dir = mkdtempSync(join(tmpdir(), "zip-test-"));
  try {
    writeFileSync(join(dir, "a.zip"), archive);
    const script = [
      "import base64, json, sys, zipfile",
      "z = zipfile.ZipFile(sys.argv[1])",
      "assert z.testzip() is None",
      "print(json.dumps([{'name': i.filename, 'mode': i.external_attr >> 16, 'date': list(i.date_time), 'utf8': bool(i.flag_bits & 0x800),",
      "  'content': base64.b64encode(z.read(i)).decode()} for i in z.infolist()]))",
    ].join("\n");
    const run = spawnSync("python3", ["-c", script, join(dir, "a.zip")], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hasPython = spawnSync("python3", ["-c", "import zipfile"]).status === 0;
const hasUnzip = spawnSync("unzip", ["-v"]).status === 0;
if (!hasPython) console.warn("python3 is not on PATH: skipping the check that Python's zipfile reads the archive back");
if (!hasUnzip) console.warn("unzip is not on PATH: skipping the check that unzip -t accepts the archive");

describe("a deterministic zip", () => {
  it("is byte-identical when built twice from the same files", () => {
    expect(zipFiles(ENTRIES).equals(zipFiles(ENTRIES))).toBe(true);
  });

  it("does not depend on the order the files are given in", () => {
    expect(zipFiles([...ENTRIES].reverse()).equals(zipFiles(ENTRIES))).toBe(true);
  });

  it("changes when one byte of one file changes", () => {
    const changed = ENTRIES.map((e, i) => (i === 1 ? { ...e, content: Buffer.from("print('hellO')\n") } : e));
    expect(zipFiles(changed).equals(zipFiles(ENTRIES))).toBe(false);
  });

  it("is, for one file, the bytes APPNOTE describes field by field (a change to the format shows here)", () => {
    const archive = zipFiles([{ path: "a.txt", content: Buffer.from("hello\n") }]);
    const crc = "20303a36"; // CRC-32 of "hello\n", little-endian
    const localHeader = "504b0304" + "1400" + "0000" + "0000" + "0000" + "2100" + crc + "06000000" + "06000000" + "0500" + "0000";
    const centralHeader =
      "504b0102" + "1403" + "1400" + "0000" + "0000" + "0000" + "2100" + crc + "06000000" + "06000000" + "0500" + "0000" + "0000" + "0000" + "0000" + "0000a481" + "00000000";
    const end = "504b0506" + "0000" + "0000" + "0100" + "0100" + "33000000" + "29000000" + "0000";
    const name = Buffer.from("a.txt").toString("hex");
    expect(archive.toString("hex")).toBe(localHeader + name + Buffer.from("hello\n").toString("hex") + centralHeader + name + end);
  });

  (hasPython ? it : it.skip)("round-trips every file, with mode 0644, the 1980-01-01 timestamp and the UTF-8 flag only on non-ASCII names", () => {
    const read = readWithPython(zipFiles(ENTRIES));
    expect(read.map((e) => e.name)).toEqual(["données/é.txt", "empty.txt", "operators/my_operator.py", "requests-2.32.3-py3-none-any.whl"]);
    for (const entry of read) {
      const original = ENTRIES.find((e) => e.path === entry.name);
      expect(Buffer.from(entry.content, "base64").equals(original!.content)).toBe(true);
      expect(entry.mode).toBe(0o100644);
      expect(entry.date).toEqual([1980, 1, 1, 0, 0, 0]);
      expect(entry.utf8).toBe(entry.name === "données/é.txt");
    }
  });

  (hasUnzip ? it : it.skip)("passes unzip -t", () => {
    const dir = mkdtempSync(join(tmpdir(), "zip-test-"));
    try {
      writeFileSync(join(dir, "a.zip"), zipFiles(ENTRIES));
      const run = spawnSync("unzip", ["-t", join(dir, "a.zip")], { encoding: "utf8" });
      expect(run.stdout).toContain("No errors detected");
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is an empty archive (just the end record) for no files", () => {
    expect(zipFiles([]).toString("hex")).toBe("504b0506" + "00".repeat(18));
  });

  it.each([
    ["/etc/passwd", "is absolute"],
    ["../outside.txt", "has a . or .. segment"],
    ["a/./b.txt", "has a . or .. segment"],
    ["dir\\file.txt", "has a backslash"],
    ["dir//file.txt", "has an empty segment"],
    ["dir/", "has an empty segment"],
    ["C:file.txt", "starts with a drive letter"],
    ["line\nbreak.txt", "has a control character"],
  ])("refuses the path %j: it %s", (path, reason) => {
    expect(() => zipFiles([{ path, content: Buffer.alloc(0) }])).toThrow(reason);
  });

  it("refuses the same path twice, also when only the Unicode normalisation differs", () => {
    expect(() => zipFiles([{ path: "é.txt", content: Buffer.alloc(0) }, { path: "e\u0301.txt", content: Buffer.alloc(0) }])).toThrow("appears twice");
  });

  it("refuses more entries than a zip without ZIP64 can count, with a clear message", () => {
    const many = Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({ path: `f${i}`, content: Buffer.alloc(0) }));
    expect(() => zipFiles(many)).toThrow("at most 65,534 are written (ZIP64 is not)");
  });
});

describe("CRC-32", () => {
  it("gives the standard check value for the ASCII digits 123456789", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  });

  it("is 0 for no bytes", () => {
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it("agrees with zlib where this Node has zlib.crc32", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const zlib = require("node:zlib") as { crc32?: (data: Buffer) => number };
    const data = readFileSync(__filename);
    if (zlib.crc32) expect(crc32(data)).toBe(zlib.crc32(data));
    else console.warn("this Node has no zlib.crc32: the cross-check is skipped");
  });
});
