import { spawnSync } from "node:child_process";
import { normalizeProjectName, parseWheelFilename, wheelInstallsOn } from "../../../modules/airflow/wheel-filenames";

/**
 * The tags pip accepts for CPython 3.11 and 3.12 on glibc 2.34 Linux x86_64, from the `packaging`
 * pip vendors (cpython_tags and compatible_tags), or undefined where python3 has no pip.
 */
function tagsByPackaging(): Record<string, string[]> | undefined {
  const script = [
    "import json",
    "from pip._vendor.packaging import tags",
    "plats = ['linux_x86_64'] + [f'manylinux_2_{m}_x86_64' for m in range(34, 4, -1)] + ['manylinux2014_x86_64', 'manylinux2010_x86_64', 'manylinux1_x86_64']",
    "out = {}",
    "for py in [(3, 11), (3, 12)]:",
    "    found = set(tags.cpython_tags(python_version=py, platforms=plats)) | set(tags.compatible_tags(python_version=py, interpreter=f'cp{py[0]}{py[1]}', platforms=plats))",
    "    out[f'{py[0]}.{py[1]}'] = sorted(str(t) for t in found)",
    "print(json.dumps(out))",
  ].join("\n");
  const run = spawnSync("python3", ["-c", script], { encoding: "utf8" });
  return run.status === 0 ? JSON.parse(run.stdout) : undefined;
}
const byPackaging = tagsByPackaging();
if (!byPackaging) console.warn("python3 with pip is not available: skipping the comparison with packaging's tag list");

const installs = (file: string, python = "3.12") => wheelInstallsOn(parseWheelFilename(file)!, python);

describe("a wheel file name", () => {
  it("gives the PEP 503 name, the version and the compressed tag sets", () => {
    expect(parseWheelFilename("Zope.Interface-7.1.1-build1-py2.py3-none-any.whl")).toBeUndefined(); // a build tag starts with a digit
    const wheel = parseWheelFilename("zope.interface-7.1.1-1-cp312-cp312-manylinux_2_5_x86_64.manylinux1_x86_64.whl")!;
    expect(wheel.name).toBe("zope-interface");
    expect(wheel.versionText).toBe("7.1.1");
    expect(wheel.platformTags).toEqual(["manylinux_2_5_x86_64", "manylinux1_x86_64"]);
  });

  it.each(["requests.whl", "requests-2.32.3.whl", "requests-2.32.3-py3-none-any.WHL", "requests-not.a.version-py3-none-any.whl", "a-b-c-d-e-f-g.whl"])(
    "is not read from %j",
    (file) => expect(parseWheelFilename(file)).toBeUndefined(),
  );

  it("normalises names as PEP 503 does", () => {
    expect(normalizeProjectName("Foo._-Bar")).toBe("foo-bar");
  });
});

describe("whether a wheel installs on MWAA (CPython on glibc Linux x86_64)", () => {
  it.each([
    ["requests-2.32.3-py3-none-any.whl", "3.12"],
    ["six-1.16.0-py2.py3-none-any.whl", "3.12"],
    ["tomli-2.0.1-py311-none-any.whl", "3.12"],
    ["numpy-2.1.3-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "3.12"],
    ["numpy-2.1.3-cp311-cp311-manylinux_2_34_x86_64.whl", "3.11"],
    ["cryptography-43.0.3-cp39-abi3-manylinux_2_28_x86_64.whl", "3.11"],
    ["x-1.0-cp312-none-any.whl", "3.12"],
    ["x-1.0-cp312-none-linux_x86_64.whl", "3.12"],
    ["x-1.0-py3-none-manylinux1_x86_64.whl", "3.11"],
  ])("installs %s on Python %s", (file, python) => expect(installs(file, python)).toBe(true));

  it.each([
    ["numpy-2.1.3-cp310-cp310-manylinux_2_17_x86_64.whl", "3.12"],
    ["numpy-2.1.3-cp312-cp312-manylinux_2_17_x86_64.whl", "3.11"],
    ["x-1.0-cp311-none-any.whl", "3.12"],
    ["x-1.0-py313-none-any.whl", "3.12"],
    ["x-1.0-py2-none-any.whl", "3.12"],
    ["cryptography-43.0.3-cp312-abi3-manylinux_2_28_x86_64.whl", "3.11"],
    ["x-1.0-cp312-abi3-any.whl", "3.12"],
    ["numpy-2.1.3-cp312-cp312-manylinux_2_35_x86_64.whl", "3.12"],
    ["numpy-2.1.3-cp312-cp312-manylinux_2_17_aarch64.whl", "3.12"],
    ["numpy-2.1.3-cp312-cp312-musllinux_1_2_x86_64.whl", "3.12"],
    ["numpy-2.1.3-cp312-cp312-macosx_11_0_x86_64.whl", "3.12"],
    ["numpy-2.1.3-cp312-cp312-win_amd64.whl", "3.12"],
    ["numpy-2.1.3-pp310-pypy310_pp73-manylinux_2_17_x86_64.whl", "3.12"],
    ["numpy-2.1.3-cp313-cp313t-manylinux_2_17_x86_64.whl", "3.12"],
  ])("does not install %s on Python %s", (file, python) => expect(installs(file, python)).toBe(false));
});

(byPackaging ? it : it.skip)("agrees with packaging's tag list on every combination of common python, abi and platform tags", () => {
  const pythons = ["py2", "py3", "py30", "py310", "py311", "py312", "py313", "cp36", "cp37", "cp310", "cp311", "cp312", "cp313", "pp310"];
  const abis = ["none", "abi3", "cp311", "cp312", "cp313", "cp312d", "cp313t", "pypy310_pp73"];
  const platforms = ["any", "linux_x86_64", "manylinux1_x86_64", "manylinux2014_x86_64", "manylinux_2_17_x86_64", "manylinux_2_34_x86_64",
    "manylinux_2_35_x86_64", "manylinux_2_4_x86_64", "manylinux_2_17_aarch64", "musllinux_1_2_x86_64", "win_amd64", "macosx_11_0_arm64"];
  const disagreements: string[] = [];
  for (const python of ["3.11", "3.12"]) {
    const accepted = new Set(byPackaging![python]);
    for (const p of pythons) for (const a of abis) for (const t of platforms) {
      const ours = wheelInstallsOn(parseWheelFilename(`x-1.0-${p}-${a}-${t}.whl`)!, python);
      if (ours !== accepted.has(`${p}-${a}-${t}`)) disagreements.push(`${p}-${a}-${t} on ${python}: ours ${ours}`);
    }
  }
  expect(disagreements).toEqual([]);
});
