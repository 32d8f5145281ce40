import { constraintFilesNamed, requirementsProblems } from "../../../modules/airflow/python-requirements";

const HEAD = "--no-index\n--find-links /usr/local/airflow/plugins\n";
const WHEELS = [
  "requests-2.32.3-py3-none-any.whl",
  "numpy-2.1.3-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
  "cryptography-43.0.3-cp39-abi3-manylinux_2_28_x86_64.whl",
  "zope.interface-7.1.1-cp312-cp312-manylinux_2_5_x86_64.whl",
  "my_operators.py",
];

const problems = (text: string | undefined, pluginFiles: string[] = WHEELS, airflowVersion = "2.11.0", pluginTexts?: Record<string, string>) =>
  requirementsProblems({ text, pluginFiles, airflowVersion, pluginTexts });

describe("requirements.txt for an environment without internet", () => {
  describe("when there is nothing to install", () => {
    it("needs no wheels and no options when the file is absent, empty or only comments", () => {
      expect(problems(undefined, [])).toEqual([]);
      expect(problems("", [])).toEqual([]);
      expect(problems("# nothing yet\n\n   \n", [])).toEqual([]);
    });
  });

  describe("the two lines that keep pip off PyPI", () => {
    it("passes a file that starts with --no-index and --find-links to plugins and pins wheels that are there", () => {
      expect(problems(`${HEAD}requests==2.32.3\nnumpy==2.1.3\n`)).toEqual([]);
    });

    it("accepts the = and trailing-slash spellings and the order pip does not care about", () => {
      expect(problems("requests==2.32.3\n--find-links=/usr/local/airflow/plugins/\n--no-index\n")).toEqual([]);
    });

    it("refuses a file without --no-index, saying pip would look on PyPI", () => {
      expect(problems("--find-links /usr/local/airflow/plugins\nrequests==2.32.3\n")).toEqual([
        "requirements.txt: has no --no-index line, so pip would look for packages on PyPI, which a private network cannot reach; add --no-index and --find-links /usr/local/airflow/plugins as its first lines",
      ]);
    });

    it("refuses a file without --find-links /usr/local/airflow/plugins", () => {
      expect(problems("--no-index\nrequests==2.32.3\n")).toEqual([
        "requirements.txt: has no --find-links /usr/local/airflow/plugins line, so pip cannot find the wheels shipped in plugins.zip; add it (with --no-index) as its first lines",
      ]);
    });

    it("refuses --find-links anywhere but plugins, including a way out of it", () => {
      for (const place of ["https://example.com/wheels/", "/usr/local/airflow/dags", "/usr/local/airflow/plugins/../dags"]) {
        expect(problems(`--no-index\n--find-links ${place}\nrequests==2.32.3\n`)).toContainEqual(expect.stringContaining("requirements.txt line 2: "));
      }
    });

    it("does not count --no-index written after a requirement, where pip ignores it", () => {
      const found = problems("--find-links /usr/local/airflow/plugins\nrequests==2.32.3 --no-index\n");
      expect(found).toContainEqual(expect.stringMatching(/^requirements.txt line 2: .*after a requirement, where pip ignores it/));
      expect(found).toContainEqual(expect.stringMatching(/^requirements.txt: has no --no-index line/));
    });
  });

  describe("anything that reaches the network", () => {
    it.each([
      ["--index-url https://pypi.org/simple", "--index-url reaches a package index"],
      ["-i https://pypi.org/simple", "--index-url reaches a package index"],
      ["-ihttps://pypi.org/simple", "--index-url reaches a package index"],
      ["--pypi-url https://pypi.org/simple", "--pypi-url reaches a package index"],
      ["--extra-index-url https://mirror.example.com/simple", "--extra-index-url reaches a package index"],
      ["--trusted-host mirror.example.com", "--trusted-host only matters for an index"],
      ["--extra https://mirror.example.com/simple", "abbreviation of --extra-index-url"],
      ["--ind=https://pypi.org/simple", "abbreviation of --index-url"],
    ])("refuses %j with the fix", (line, reason) => {
      const [found] = problems(`${HEAD}${line}\nrequests==2.32.3\n`);
      expect(found).toMatch(/^requirements.txt line 3: `/);
      expect(found).toContain(reason);
    });

    it.each([
      ["https://example.com/requests-2.32.3-py3-none-any.whl", "URL or VCS reference"],
      ["git+https://github.com/psf/requests@v2.32.3", "URL or VCS reference"],
      ["requests @ https://example.com/requests.whl", "URL or VCS reference"],
      ["requests@file:requests.whl", "direct reference"],
      ["./requests-2.32.3-py3-none-any.whl", "path to a file or folder"],
      ["/usr/local/airflow/plugins/requests-2.32.3-py3-none-any.whl", "path to a file or folder"],
    ])("refuses the requirement %j, naming name==version as the fix", (line, reason) => {
      const [found] = problems(`${HEAD}${line}\n`);
      expect(found).toMatch(/^requirements.txt line 3: /);
      expect(found).toContain(reason);
    });

    it("refuses another requirements file and an editable install", () => {
      expect(problems(`${HEAD}-r /usr/local/airflow/plugins/more.txt\n`, [...WHEELS, "more.txt"])[0]).toContain("--requirement includes another requirements file");
      expect(problems(`${HEAD}-e /usr/local/airflow/plugins/src\n`)[0]).toContain("--editable installs from a source tree");
    });

    it("refuses an index URL hidden behind a line continuation, at the line where it starts", () => {
      const [found] = problems(`${HEAD}--index-url \\\n  https://pypi.org/simple\nrequests==2.32.3\n`);
      expect(found).toMatch(/^requirements.txt line 3: `--index-url   https:\/\/pypi.org\/simple` --index-url reaches/);
    });

    it("refuses an environment variable, whose value only the container knows", () => {
      expect(problems(`${HEAD}--extra-index-url \${AIRFLOW__PIP__URL}\n`)[0]).toContain("uses an environment variable");
    });
  });

  describe("constraints", () => {
    it("accepts no -c line: MWAA then applies the Airflow constraints stored in its image", () => {
      expect(problems(`${HEAD}requests==2.32.3\n`)).toEqual([]);
    });

    it("refuses the constraints URL the MWAA guide shows, which needs the internet", () => {
      const [found] = problems(`${HEAD}--constraint "https://raw.githubusercontent.com/apache/airflow/constraints-2.11.0/constraints-3.12.txt"\n`);
      expect(found).toMatch(/^requirements.txt line 3: .*constraints file outside plugins\/.*MWAA applies the Airflow constraints stored in its image/);
    });

    it("accepts a constraints file shipped in plugins/ whose lines are pins", () => {
      const text = `${HEAD}-c /usr/local/airflow/plugins/constraints-3.12.txt\nrequests==2.32.3\n`;
      expect(constraintFilesNamed(text)).toEqual(["constraints-3.12.txt"]);
      expect(problems(text, [...WHEELS, "constraints-3.12.txt"], "2.11.0", { "constraints-3.12.txt": "urllib3==2.2.3\n" })).toEqual([]);
    });

    it("refuses a constraints file that is not in plugins/, or that would reach an index itself", () => {
      const text = `${HEAD}-c /usr/local/airflow/plugins/constraints-3.12.txt\n`;
      expect(problems(text)[0]).toContain("is not in plugins/");
      expect(problems(text, [...WHEELS, "constraints-3.12.txt"], "2.11.0", { "constraints-3.12.txt": "--extra-index-url https://x.example/simple\n" })[0]).toMatch(
        /^requirements.txt: plugins\/`constraints-3.12.txt` line 1: .*--extra-index-url reaches a package index/,
      );
    });

    it("refuses a constraints file it was not given the text of: what it cannot read fails", () => {
      expect(problems(`${HEAD}-c /usr/local/airflow/plugins/c.txt\n`, [...WHEELS, "c.txt"])[0]).toContain("was not read, so its options cannot be judged");
    });
  });

  describe("pinned requirements", () => {
    it.each(["requests", "requests>=2.32", "requests==2.*", "requests~=2.32.3", "requests==2.32.3,!=2.32.4", "requests===2.32.3"])("refuses %j, which does not pin one version", (line) => {
      const [found] = problems(`${HEAD}${line}\n`);
      expect(found).toMatch(/^requirements.txt line 3: .*pin it as requests==<version> with the version of its wheel in plugins\//);
    });

    it("accepts extras, spaces around ==, a trailing comment and a --hash", () => {
      const text = `${HEAD}requests[socks] == 2.32.3  # HTTP\nnumpy==2.1.3 --hash=sha256:${"a".repeat(64)}\n`;
      expect(problems(text)).toEqual([]);
    });

    it("refuses an environment marker, with the reason MWAA needs none", () => {
      expect(problems(`${HEAD}requests==2.32.3; python_version >= "3.8"\n`)[0]).toContain("has an environment marker; MWAA runs one known Python and platform");
    });

    it("refuses a --hash that is not a strong hash, and one on a line of its own", () => {
      expect(problems(`${HEAD}requests==2.32.3 --hash=md5:abc\n`)[0]).toContain("which is not sha256:");
      expect(problems(`${HEAD}--hash=sha256:${"a".repeat(64)}\nrequests==2.32.3\n`)[0]).toContain("--hash without a requirement");
    });
  });

  describe("wheels in plugins/", () => {
    it("matches names and versions as pip does (PEP 503 names, PEP 440 versions)", () => {
      expect(problems(`${HEAD}Zope-Interface==7.1.1.0\nREQUESTS==2.32.3\n`)).toEqual([]);
    });

    it("refuses a pin with no wheel, saying which versions there are", () => {
      expect(problems(`${HEAD}requests==2.31.0\n`)).toEqual([
        'requirements.txt line 3: `requests==2.31.0` needs a wheel of requests 2.31.0 in plugins/, and there is none; plugins/ has requests only as 2.32.3: pip with --no-index cannot install it; add it to plugins/ (see the README, "Python dependencies in a private network")',
      ]);
    });

    it("says when the wheel is in a subfolder, which --find-links does not read", () => {
      expect(problems(`${HEAD}boto3==1.35.0\n`, ["wheels/boto3-1.35.0-py3-none-any.whl"])[0]).toContain(
        "plugins/wheels/boto3-1.35.0-py3-none-any.whl is in a subfolder, and --find-links /usr/local/airflow/plugins reads only the top level",
      );
    });

    it("says when plugins/ has only the source distribution, which needs a build", () => {
      expect(problems(`${HEAD}pendulum==3.0.0\n`, ["pendulum-3.0.0.tar.gz"])[0]).toContain("plugins/pendulum-3.0.0.tar.gz is a source distribution, which needs a build: ship the wheel");
    });

    it("accepts pure-Python, abi3 and manylinux x86_64 wheels for MWAA's Python", () => {
      expect(problems(`${HEAD}cryptography==43.0.3\nnumpy==2.1.3\nrequests==2.32.3\n`)).toEqual([]);
    });

    it.each([
      ["numpy-2.1.3-cp310-cp310-manylinux_2_17_x86_64.whl", "2.11.0", "CPython 3.12"],
      ["numpy-2.1.3-cp312-cp312-manylinux_2_17_x86_64.whl", "2.10.3", "CPython 3.11"],
      ["numpy-2.1.3-cp312-cp312-macosx_14_0_arm64.whl", "2.11.0", "CPython 3.12"],
      ["numpy-2.1.3-cp312-cp312-win_amd64.whl", "2.11.0", "CPython 3.12"],
      ["numpy-2.1.3-cp312-cp312-manylinux_2_17_aarch64.whl", "2.11.0", "CPython 3.12"],
      ["numpy-2.1.3-cp312-cp312-musllinux_1_2_x86_64.whl", "2.11.0", "CPython 3.12"],
      ["numpy-2.1.3-cp312-cp312-manylinux_2_39_x86_64.whl", "3.0.6", "CPython 3.12"],
    ])("refuses %s on Airflow %s, which runs %s on Linux x86_64", (wheel, version, python) => {
      expect(problems(`${HEAD}numpy==2.1.3\n`, [wheel], version)).toEqual([
        `requirements.txt line 3: \`numpy==2.1.3\` has no wheel in plugins/ that installs on MWAA's ${python} on Linux x86_64 (glibc 2.34): ${wheel}; download the wheel for that Python and platform and add it to plugins/ (see the README, "Python dependencies in a private network")`,
      ]);
    });

    it("refuses a dependency's wheel that cannot install, even if nothing pins it", () => {
      expect(problems(`${HEAD}requests==2.32.3\n`, [...WHEELS, "charset_normalizer-3.4.0-cp312-cp312-macosx_10_13_universal2.whl"])).toEqual([
        "requirements.txt: plugins/ holds `charset_normalizer-3.4.0-cp312-cp312-macosx_10_13_universal2.whl`, which cannot install on MWAA's CPython 3.12 on Linux x86_64; pip fails when a requirement needs it: download the wheel for that Python and platform",
      ]);
    });

    it("accepts a wrong-platform wheel next to a right one of the same release", () => {
      expect(problems(`${HEAD}numpy==2.1.3\n`, [...WHEELS, "numpy-2.1.3-cp312-cp312-macosx_14_0_arm64.whl"])).toEqual([]);
    });

    it("refuses a .whl whose name is not a wheel file name, which pip skips", () => {
      expect(problems(`${HEAD}requests==2.32.3\n`, [...WHEELS, "requests.whl"])[0]).toContain("is not a valid wheel file name");
    });
  });

  describe("text that pip could read differently from a reviewer", () => {
    it.each([
      ["a non-ASCII character", `${HEAD}# r\u00e9sum\u00e9\nrequests==2.32.3\n`, "line 3: has a non-ASCII character (U+00E9)"],
      ["a form feed, a line break to Python", `${HEAD}# note\f--index-url https://pypi.org/simple\n`, "line 3: has a control character (U+000C)"],
      ["a lone carriage return", `${HEAD}# note\r--index-url https://pypi.org/simple\n`, "line 3: has a control character (U+000D)"],
      ["an encoding declaration", `# -*- coding: utf-7 -*-\n${HEAD}`, "line 1: declares the encoding `utf-7`"],
    ])("refuses %s", (_, text, expected) => {
      expect(problems(text)[0]).toContain(expected);
    });

    it("accepts Windows line endings and a UTF-8 byte order mark", () => {
      expect(problems(`\uFEFF${HEAD}requests==2.32.3\n`.replace(/\n/g, "\r\n"))).toEqual([]);
    });

    it("names an invisible character (a zero-width space) by its code point", () => {
      expect(problems(`${HEAD}--index-url https://pypi.org/simple\u200b\n`)[0]).toContain("U+200B");
    });

    it("refuses words after options, which pip silently ignores", () => {
      expect(problems(`--no-index requests==2.32.3\n--find-links /usr/local/airflow/plugins\n`)[0]).toContain("after its options, which pip ignores");
    });
  });

  it("refuses an Airflow version whose Python is not known, rather than judge wheels against a guess", () => {
    expect(problems(`${HEAD}requests==2.32.3\n`, WHEELS, "9.9.9")).toEqual([
      "requirements.txt: Airflow `9.9.9` has no known Python version in config/mwaa-limits.ts, so no wheel can be judged; use one of 2.7.2, 2.8.1, 2.9.2, 2.10.1, 2.10.3, 2.11.0, 3.0.6",
    ]);
  });
});
