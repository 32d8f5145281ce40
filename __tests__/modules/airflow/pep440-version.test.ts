import { parseVersion, versionMatches } from "../../../modules/airflow/pep440-version";

const matches = (pinned: string, candidate: string) => versionMatches(parseVersion(pinned)!, parseVersion(candidate)!);

describe("a PEP 440 version", () => {
  it.each([
    ["1.0", "1.0.0"],
    ["1.0", "1.0+cpu"],
    ["v1.0rc1", "1.0-RC-1"],
    ["1.0alpha", "1.0a0"],
    ["1.0-1", "1.0.post1"],
    ["1.0.dev", "1.0dev0"],
    ["0!01.02", "1.2"],
    ["1.0+Ubuntu-1", "1.0+ubuntu.1"],
  ])("==%s matches %s", (pinned, candidate) => expect(matches(pinned, candidate)).toBe(true));

  it.each([
    ["1.0", "1.0.1"],
    ["1.0", "1.0rc1"],
    ["1.0", "1.0.post1"],
    ["1.0+cpu", "1.0"],
    ["1.0+cpu", "1.0+cu121"],
    ["1!1.0", "1.0"],
  ])("==%s does not match %s", (pinned, candidate) => expect(matches(pinned, candidate)).toBe(false));

  it.each(["", "1.0.*", "latest", "1.0 1.1", "1..0"])("is not read from %j", (text) => expect(parseVersion(text)).toBeUndefined());
});
