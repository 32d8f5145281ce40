import { spawnSync } from "node:child_process";
import { logicalLines, shlexSplit, splitArgsAndOptions } from "../../../modules/airflow/requirements-file-lines";

/** Texts where a careless reader and pip part ways. */
const TRICKY = [
  "a \\\n# c\nb #x\n\\x\\\ny",
  "--no-index \\\n\\\n  --index-url x\n",
  "requests==2.32.3 # comment \\\n--index-url https://x\nz",
  "#--index-url x\n #y\n\t--find-links /usr/local/airflow/plugins\t# t\n",
  "name#frag\r\n--pre\r\n\r\nlast \\",
  "x\u000b--index-url y\u000cz\u001cw",
  "-c \"/usr/local/airflow/plugins/a b.txt\" 'q'r \\\"z --hash=sha256:ab",
];

/** TRICKY as pip's own reader reads it, or undefined where python3 with pip is not available. */
function readByPip(): unknown {
  const script = [
    "import json, shlex, sys",
    "from pip._internal.req.req_file import preprocess, break_args_options",
    "out = []",
    "for text in json.load(sys.stdin):",
    "    lines = []",
    "    for n, line in preprocess(text):",
    "        args, options = break_args_options(line)",
    "        lines.append({'lineNumber': n, 'text': line, 'args': args, 'options': shlex.split(options)})",
    "    out.append(lines)",
    "print(json.dumps(out))",
  ].join("\n");
  const run = spawnSync("python3", ["-c", script], { input: JSON.stringify(TRICKY), encoding: "utf8" });
  return run.status === 0 ? JSON.parse(run.stdout) : undefined;
}
const byPip = readByPip();
if (byPip === undefined) console.warn("python3 with pip is not available: skipping the comparison with pip's own requirements-file reader");

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

  (byPip ? it : it.skip)("reads tricky texts exactly as pip's own reader does (preprocess, break_args_options, shlex.split)", () => {
    const mine = TRICKY.map((text) =>
      logicalLines(text).map((l) => {
        const { args, options } = splitArgsAndOptions(l.text);
        return { ...l, args, options: shlexSplit(options) };
      }),
    );
    expect(mine).toEqual(byPip);
  });
});
