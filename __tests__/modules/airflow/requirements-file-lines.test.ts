import { logicalLines, shlexSplit, splitArgsAndOptions } from "../../../modules/airflow/requirements-file-lines";

describe("a requirements file read as pip reads it", () => {
  it("drops blank lines and comments, keeping a # that is not after whitespace", () => {
    expect(logicalLines("# top\n\nrequests==2.32.3  # why\nname#frag\n")).toEqual([
      { lineNumber: 3, text: "requests==2.32.3" },
      { lineNumber: 4, text: "name#frag" },
    ]);
  });

  it("joins a line ending in a backslash with the next, numbered by its first line", () => {
    expect(logicalLines("a\n--index-url \\\n  https://x\nb\n")).toEqual([
      { lineNumber: 1, text: "a" },
      { lineNumber: 2, text: "--index-url   https://x" },
      { lineNumber: 4, text: "b" },
    ]);
  });

  it("lets a comment line end a continuation, as pip does", () => {
    expect(logicalLines("requests==2.32.3 \\\n# comment\n--no-index\n")).toEqual([
      { lineNumber: 1, text: "requests==2.32.3" },
      { lineNumber: 3, text: "--no-index" },
    ]);
  });

  it("breaks lines where Python's splitlines does, form feed included", () => {
    expect(logicalLines("# note\f--index-url x").map((l) => l.text)).toEqual(["--index-url x"]);
  });

  it("splits a requirement from its options at the first word that starts with -", () => {
    expect(splitArgsAndOptions("numpy == 2.1.3 --hash=sha256:ab")).toEqual({ args: "numpy == 2.1.3", options: "--hash=sha256:ab" });
    expect(splitArgsAndOptions("--no-index")).toEqual({ args: "", options: "--no-index" });
  });

  it("splits options as shlex does, and refuses an unclosed quote", () => {
    expect(shlexSplit(`-c "/usr/local/airflow/plugins/a b.txt" 'x'y \\"z`)).toEqual(["-c", "/usr/local/airflow/plugins/a b.txt", "xy", '"z']);
    expect(shlexSplit(`-c "/open`)).toBeUndefined();
  });
});
