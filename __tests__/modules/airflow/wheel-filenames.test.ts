import { normalizeProjectName, parseWheelFilename, wheelInstallsOn } from "../../../modules/airflow/wheel-filenames";

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
