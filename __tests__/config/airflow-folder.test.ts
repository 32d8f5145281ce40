import { linkSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { readAirflowFolders } from "../../config/airflow-folder";
import { exampleConfig } from "../helpers/config-fixtures";

const example = exampleConfig();

/** An `airflow/` folder holding `files` (path → content; a `{ link }` makes a symbolic link). */
function airflowFolder(files: Record<string, string | { link: string }>): string {
  const root = mkdtempSync(join(tmpdir(), "mwaa-airflow-"));
  const dir = join(root, "airflow");
  mkdirSync(dir);
  for (const [path, content] of Object.entries(files)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    if (typeof content === "string") writeFileSync(file, content);
    else symlinkSync(content.link, file);
  }
  return dir;
}

const read = (dir: string) => readAirflowFolders(dir, [example], dirname(dir));

describe("reading the environments' Airflow files", () => {
  it("finds nothing, and no problem, when there is no airflow folder or no folder for the environment", () => {
    expect(read(join(tmpdir(), "no-such-airflow-folder"))).toEqual({ folders: new Map(), problems: [] });
    const empty = airflowFolder({});
    expect(read(empty)).toEqual({ folders: new Map(), problems: [] });
  });

  it("reads DAGs in path order, keeps .airflowignore, and skips Python's build by-products", () => {
    const dir = airflowFolder({
      "example/dags/b.py": "b",
      "example/dags/a.py": "a",
      "example/dags/team/c.py": "c",
      "example/dags/.airflowignore": "scratch/",
      "example/dags/__pycache__/a.cpython-311.pyc": "x",
      "example/dags/team/c.pyc": "x",
    });
    const { folders, problems } = read(dir);
    expect(problems).toEqual([]);
    expect(folders.get("example")!.dags.map((d) => d.path)).toEqual([".airflowignore", "a.py", "b.py", "team/c.py"]);
    expect(folders.get("example")!.dags[1].content.toString()).toBe("a");
  });

  it("refuses a symbolic link anywhere in the folder, without following it", () => {
    const dir = airflowFolder({ "example/dags/secrets.py": { link: "/etc/passwd" }, "example/startup.sh": { link: "/etc/hostname" } });
    const { problems } = read(dir);
    expect(problems).toEqual([
      expect.stringMatching(/^airflow\/example\/dags\/secrets\.py: is a symbolic link, not a regular file, and was not read/),
      expect.stringMatching(/^airflow\/example\/startup\.sh: is a symbolic link; startup\.sh must be a regular file/),
    ]);
  });

  it("refuses a hard link, a Git repository or submodule, and a wheel among the DAGs", () => {
    const dir = airflowFolder({ "example/dags/a.py": "a", "example/dags/.git/config": "[core]", "example/dags/tools-1.0-py3-none-any.whl": "w" });
    linkSync(join(dir, "example/dags/a.py"), join(dir, "example/dags/b.py"));
    const { problems } = read(dir);
    expect(problems).toEqual([
      expect.stringMatching(/^airflow\/example\/dags\/\.git: is a Git repository or submodule/),
      expect.stringMatching(/^airflow\/example\/dags\/a\.py: is a hard link \(one of 2 names/),
      expect.stringMatching(/^airflow\/example\/dags\/b\.py: is a hard link/),
      expect.stringMatching(/^airflow\/example\/dags\/tools-1\.0-py3-none-any\.whl: a wheel outside plugins\/ is never installed/),
    ]);
  });

  it("refuses an environment's folder that is a symbolic link, without following it", () => {
    const dir = airflowFolder({ "elsewhere/dags/a.py": "a" });
    symlinkSync(join(dir, "elsewhere"), join(dir, "example"));
    const { problems } = read(dir);
    expect(problems).toContainEqual(expect.stringMatching(/^airflow\/example: is a symbolic link, which is not followed/));
  });

  it("refuses an entry MWAA does not read (a typo would otherwise be ignored) and a folder of no environment", () => {
    const dir = airflowFolder({ "example/requirement.txt": "x", "exmaple/dags/a.py": "a" });
    const { problems } = read(dir);
    expect(problems).toEqual([
      expect.stringMatching(/^airflow\/example\/requirement\.txt: "requirement\.txt" is not an entry MWAA reads; .*dags\/, plugins\/, requirements\.txt and startup\.sh/),
      expect.stringMatching(/^airflow\/exmaple: "exmaple" is not the folder of an environment \(example\)/),
    ]);
  });

  it("refuses a file name an S3 key or Terraform should not carry, shown escaped", () => {
    const dir = airflowFolder({ "example/dags/a${file(\"x\")}.py": "a", "example/dags/line\nbreak.py": "b" });
    const { problems } = read(dir);
    expect(problems).toHaveLength(2);
    expect(problems.join("\n")).toContain('the name "a${file(\\"x\\")}.py" holds characters');
    expect(problems.join("\n")).toContain('"line\\nbreak.py"');
  });

  it("refuses a startup script with Windows line endings, which bash on MWAA would misread", () => {
    const { problems } = read(airflowFolder({ "example/startup.sh": "#!/bin/bash\r\nexport A=1\r\n" }));
    expect(problems).toEqual([expect.stringMatching(/^airflow\/example\/startup\.sh: has Windows \(CRLF\) line endings.*dos2unix/)]);
  });

  it.each([
    ["export PIP_INDEX_URL=https://pypi.example.com/simple", "PIP_INDEX_URL"],
    ["mkdir -p ~/.config/pip && printf '[global]\\nindex-url = x' > ~/.config/pip/pip.conf", "pip.conf"],
    ["pip config set global.find-links /tmp", "pip config"],
  ])("refuses a startup script that sets pip's options (%s), which would bypass the requirements checks", (line, found) => {
    const { problems } = read(airflowFolder({ "example/startup.sh": `#!/bin/bash\n${line}\n` }));
    expect(problems).toEqual([expect.stringContaining(`mentions pip's settings (${found}); MWAA runs the startup script before it installs requirements.txt`)]);
  });

  it("reports requirements.txt problems with the file's path and line", () => {
    const { problems } = read(airflowFolder({ "example/requirements.txt": "requests==2.32.3\n" }));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.startsWith("airflow/example/requirements.txt"))).toBe(true);
  });

  it("says which file cannot be read instead of throwing", () => {
    const dir = airflowFolder({ "example/dags/a.py": "a" });
    const problems = readAirflowFolders(join(dir, "example", "dags", "a.py", "x"), [example], dirname(dir)).problems;
    expect(problems).toEqual([]); // below a file: no such folder, so no artifacts
    const notAFolder = readAirflowFolders(join(dir, "example", "dags", "a.py"), [example], dirname(dir)).problems;
    expect(notAFolder).toEqual([expect.stringMatching(/^airflow\/example\/dags\/a\.py: is a regular file, not a folder/)]);
  });
});
