import { spawnSync } from "node:child_process";
import fs, { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { createServer, Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAX_CONFIG_FILE_BYTES } from "../../config/config-file";
import { loadEnvironmentConfigs } from "../../config/load";
import { exampleRaw, loadProblems, REPO_ROOT } from "../helpers/config-fixtures";

/*
 * The config folder as a hostile pull request can fill it: links out of the folder, named pipes,
 * folders and huge files under a .json name, files in other encodings. Every test builds its own
 * folder under the system's temporary folder.
 */

const SECRET = "TOP-SECRET-VALUE";
const exampleText = () => JSON.stringify(exampleRaw(), null, 2);
const newFolder = () => mkdtempSync(join(tmpdir(), "mwaa-config-files-"));

/** A config folder that holds the example environment (unless `example` is false). */
function configFolder(example = true): string {
  const dir = newFolder();
  if (example) writeFileSync(join(dir, "example.json"), exampleText());
  return dir;
}

/** A file outside every config folder, whose text must never reach a message. */
function outsideFile(): string {
  const path = join(newFolder(), "credentials.json");
  writeFileSync(path, `{ "name": "${SECRET}", "region": "${SECRET}" }`);
  return path;
}

function mkfifo(path: string): void {
  const made = spawnSync("mkfifo", [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
}

const loadErrors = loadProblems;

const NOT_REGULAR = "not a regular file, and was not opened; an environment is one JSON file: remove it or rename it so it does not end in .json";
const LEAVES_FOLDER = "is a symbolic link that leads outside the config folder, and was not followed; the loader reads only files inside the folder: put the file itself here";

describe("the entries of the config folder", () => {
  it("reads a regular file, and a link to a file elsewhere inside the folder", () => {
    const dir = configFolder(false);
    mkdirSync(join(dir, "environments"));
    writeFileSync(join(dir, "environments", "example.json"), exampleText());
    symlinkSync(join("environments", "example.json"), join(dir, "example.json"));
    expect(loadEnvironmentConfigs(dir, dir).map((c) => c.name)).toEqual(["example"]);
  });

  it("reads the folder through a link to the folder", () => {
    const link = join(newFolder(), "config");
    symlinkSync(configFolder(), link);
    expect(loadEnvironmentConfigs(link, link).map((c) => c.name)).toEqual(["example"]);
  });

  it.each([
    ["an absolute link", (target: string) => target],
    ["a relative link", (target: string) => join("..", "..", target)],
  ])("refuses %s that leads out of the folder, and never shows its target's text", (_, linkTo) => {
    const dir = configFolder(false);
    symlinkSync(linkTo(outsideFile()), join(dir, "example.json"));
    const problems = loadErrors(dir);
    expect(problems).toEqual([`example.json: ${LEAVES_FOLDER}`]);
    expect(problems.join("\n")).not.toContain(SECRET);
  });

  it("does not open a link's target outside the folder: a named pipe there would block the synth", () => {
    const pipe = join(newFolder(), "pipe");
    mkfifo(pipe);
    const dir = configFolder();
    symlinkSync(pipe, join(dir, "other.json"));
    expect(loadErrors(dir)).toEqual([`other.json: ${LEAVES_FOLDER}`]);
  });

  it("refuses a link to a device, which lies outside the folder", () => {
    const dir = configFolder();
    symlinkSync("/dev/zero", join(dir, "zero.json"));
    expect(loadErrors(dir)).toEqual([`zero.json: ${LEAVES_FOLDER}`]);
  });

  it("refuses a link to nothing", () => {
    const dir = configFolder();
    symlinkSync(join(dir, "gone.json.bak"), join(dir, "other.json"));
    expect(loadErrors(dir)).toEqual(["other.json: is a symbolic link to nothing (its target does not exist); remove the link or put the file itself here"]);
  });

  it("refuses links that lead to each other", () => {
    const dir = configFolder();
    symlinkSync("b.json", join(dir, "a.json"));
    symlinkSync("a.json", join(dir, "b.json"));
    expect(loadErrors(dir)).toEqual([
      "a.json: is a symbolic link that loops back on itself; remove it",
      "b.json: is a symbolic link that loops back on itself; remove it",
    ]);
  });

  it("refuses a folder named like an environment file", () => {
    const dir = configFolder();
    mkdirSync(join(dir, "staging.json"));
    expect(loadErrors(dir)).toEqual([`staging.json: is a folder, ${NOT_REGULAR}`]);
  });

  it("refuses a named pipe without opening it, where reading it would block forever", () => {
    const dir = configFolder();
    mkfifo(join(dir, "pipe.json"));
    expect(loadErrors(dir)).toEqual([`pipe.json: is a named pipe, ${NOT_REGULAR}`]);
  });

  it("refuses a link inside the folder to a named pipe inside the folder", () => {
    const dir = configFolder();
    mkfifo(join(dir, "pipe"));
    symlinkSync("pipe", join(dir, "other.json"));
    expect(loadErrors(dir)).toEqual([`other.json: is a symbolic link to a named pipe, ${NOT_REGULAR}`]);
  });

  describe("a socket", () => {
    let server: Server;
    let dir: string;
    beforeAll(async () => {
      dir = configFolder();
      server = createServer();
      await new Promise<void>((listening) => server.listen(join(dir, "socket.json"), listening));
    });
    afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

    it("is refused without being opened", () => {
      expect(loadErrors(dir)).toEqual([`socket.json: is a socket, ${NOT_REGULAR}`]);
    });
  });
});

describe("files the loader cannot or will not read", () => {
  const unreadable = "example.json: cannot be read: permission denied; make it readable by the user who runs the synth (chmod a+r)";
  const isRoot = process.getuid?.() === 0;

  // chmod cannot deny root; the next test simulates the refusal instead.
  if (isRoot) process.stderr.write("config-file.test.ts: skipping the chmod 000 test: running as root, which reads any file (the simulated EACCES test still runs)\n");
  (isRoot ? it.skip : it)("refuses a file it may not read (chmod 000), saying how to fix it", () => {
    const dir = configFolder();
    chmodSync(join(dir, "example.json"), 0o000);
    expect(loadErrors(dir)).toEqual([unreadable]);
  });

  it("refuses a file the system will not open for it (EACCES, simulated), saying how to fix it", () => {
    const dir = configFolder();
    const denied = Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    const open = jest.spyOn(fs, "openSync").mockImplementation(() => {
      throw denied;
    });
    try {
      expect(loadErrors(dir)).toEqual([unreadable]);
      expect(open).toHaveBeenCalled();
    } finally {
      open.mockRestore();
    }
  });

  it("reads a file of exactly 1 MiB", () => {
    const dir = configFolder(false);
    const text = exampleText();
    writeFileSync(join(dir, "example.json"), text + " ".repeat(MAX_CONFIG_FILE_BYTES - Buffer.byteLength(text)));
    expect(loadEnvironmentConfigs(dir, dir)).toHaveLength(1);
  });

  it("refuses a file one byte over 1 MiB", () => {
    const dir = configFolder(false);
    const text = exampleText();
    writeFileSync(join(dir, "example.json"), text + " ".repeat(MAX_CONFIG_FILE_BYTES + 1 - Buffer.byteLength(text)));
    expect(loadErrors(dir)).toEqual([
      "example.json: is 1048577 bytes, more than the 1048576 (1 MiB) a config file may hold; an environment's settings take a few KiB: remove what is not a setting",
    ]);
  });

  it("refuses a 5 GiB file from its size alone, without reading it", () => {
    const dir = configFolder();
    const huge = join(dir, "huge.json");
    writeFileSync(huge, "");
    truncateSync(huge, 5 * 1024 ** 3);
    try {
      expect(loadErrors(dir)).toEqual([expect.stringMatching(/^huge\.json: is 5368709120 bytes, more than the 1048576 \(1 MiB\)/)]);
    } finally {
      rmSync(huge);
    }
  });

  it("reads a file that starts with a UTF-8 byte-order mark", () => {
    const dir = configFolder(false);
    writeFileSync(join(dir, "example.json"), `\uFEFF${exampleText()}`);
    expect(loadEnvironmentConfigs(dir, dir).map((c) => c.name)).toEqual(["example"]);
  });

  it("refuses a UTF-16 file, saying to save it as UTF-8", () => {
    const dir = configFolder(false);
    writeFileSync(join(dir, "example.json"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(exampleText(), "utf16le")]));
    expect(loadErrors(dir)).toEqual(["example.json: is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8"]);
  });

  it("refuses bytes that are not UTF-8 rather than reading them as replacement characters", () => {
    const dir = configFolder(false);
    writeFileSync(join(dir, "example.json"), Buffer.from(exampleText().replace("data-platform", "data-platf\xf6rm"), "latin1"));
    expect(loadErrors(dir)).toEqual(["example.json: is not UTF-8 text (it holds bytes UTF-8 does not allow); save it as UTF-8"]);
  });

  it("refuses a file name with a line break, showing it escaped so that it cannot forge a line", () => {
    const dir = configFolder();
    writeFileSync(join(dir, "a\n  - all good.json"), exampleText());
    const problems = loadErrors(dir);
    expect(problems).toEqual(['"a\\n  - all good.json": its name holds control or invisible formatting characters; rename the file to <environment>.json']);
  });
});

describe("problems in a file's text", () => {
  it("names the file, line and column of a syntax error and what was expected", () => {
    const dir = configFolder(false);
    writeFileSync(join(dir, "example.json"), '{\n  "name": "example",\n  "region": "eu-west-1"\n  "account": "111122223333"\n}');
    expect(loadErrors(dir)).toEqual([`example.json:4:3: not valid JSON: expected ',' or '}' after the value of "region", found '"'`]);
  });

  it("names the file, the duplicate key and both of its lines", () => {
    const dir = configFolder(false);
    writeFileSync(join(dir, "example.json"), '{\n  "name": "example",\n  "region": "eu-west-1",\n  "region": "us-east-1"\n}');
    expect(loadErrors(dir)).toEqual([
      'example.json:4:3: the key "region" appears twice in one object (lines 3 and 4); JSON readers keep only the last, so a diff can hide a change: keep one',
    ]);
  });

  it("names the file and the place where nesting goes too deep", () => {
    const dir = configFolder(false);
    writeFileSync(join(dir, "example.json"), exampleText().replace('"tags": {', `"tags": ${"[".repeat(40)}${"]".repeat(40)}, "x": {`));
    expect(loadErrors(dir)).toEqual([expect.stringMatching(/^example\.json:\d+:\d+: objects and lists are nested more than 32 deep;/)]);
  });

  it("collects the problems of every file in one error, one line each, in file order", () => {
    const dir = configFolder();
    symlinkSync(outsideFile(), join(dir, "a.json"));
    mkdirSync(join(dir, "b.json"));
    mkfifo(join(dir, "c.json"));
    writeFileSync(join(dir, "d.json"), '{"name": "d", "name": "d"}');
    writeFileSync(join(dir, "e.json"), "{");
    const problems = loadErrors(dir);
    expect(problems.map((p) => p.split(":")[0])).toEqual(["a.json", "b.json", "c.json", "d.json", "e.json"]);
    for (const problem of problems) expect(problem).not.toContain("\n");
  });
});

describe("the app on a config folder with hostile files", () => {
  it("exits 1 with one line per file, no stack trace, nothing of a link's target and nothing written", () => {
    const dir = configFolder();
    symlinkSync(outsideFile(), join(dir, "linked.json"));
    mkfifo(join(dir, "pipe.json"));
    writeFileSync(join(dir, "twice.json"), '{\n  "name": "twice",\n  "name": "twice"\n}');
    const outdir = join(newFolder(), "cdktf.out");

    // The app command of cdktf.json, as `cdktf synth` runs it (it compiles first if a source changed;
    // one compile at a time, so other tests running it meanwhile share the build).
    const run = spawnSync("sh", ["-c", JSON.parse(readFileSync(join(REPO_ROOT, "cdktf.json"), "utf8")).app], {
      cwd: REPO_ROOT,
      env: { ...process.env, MWAA_CONFIG_DIR: dir, CDKTF_OUTDIR: outdir },
      encoding: "utf8",
      timeout: 60_000,
    });

    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toEqual([
      "3 problems in the environment config:",
      expect.stringMatching(/^ {2}- .*linked\.json: is a symbolic link that leads outside the config folder/),
      expect.stringMatching(/^ {2}- .*pipe\.json: is a named pipe, not a regular file/),
      expect.stringMatching(/^ {2}- .*twice\.json:3:3: the key "name" appears twice in one object \(lines 2 and 3\)/),
    ]);
    expect(run.stderr).not.toContain(SECRET);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.status).toBe(1);
    expect(existsSync(outdir)).toBe(false);
  }, 60_000);
});
