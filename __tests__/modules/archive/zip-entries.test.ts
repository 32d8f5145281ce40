import { zipFiles } from "../../../modules/archive/deterministic-zip";
import { zipEntries } from "../../../modules/archive/zip-entries";

describe("reading a ZIP archive's entries", () => {
  it("reads the names and stored bytes of what the plugins.zip writer wrote", () => {
    const zip = zipFiles([
      { path: "b.whl", content: Buffer.from("wheel") },
      { path: "operators/a.py", content: Buffer.from("print('a')\n") },
    ]);
    expect(zipEntries(zip)?.map((e) => [e.name, e.data?.toString()])).toEqual([
      ["b.whl", "wheel"],
      ["operators/a.py", "print('a')\n"],
    ]);
  });

  it("reads nothing from what is not a whole archive: no guess", () => {
    const zip = zipFiles([{ path: "a.py", content: Buffer.from("a") }]);
    expect(zipEntries(Buffer.from("not a zip at all, just text"))).toBeUndefined();
    expect(zipEntries(zip.subarray(0, zip.length - 5))).toBeUndefined();
    const corrupted = Buffer.from(zip);
    corrupted.writeUInt32LE(0, corrupted.length - 6); // the central directory's offset points at the local header
    expect(zipEntries(corrupted)).toBeUndefined();
  });
});
