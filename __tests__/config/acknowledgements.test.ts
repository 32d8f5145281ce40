import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { acknowledgementPolicyFrom, addDays, resourcePatternProblem } from "../../config/acknowledgements";
import { ConfigError, loadEnvironmentConfigs, validateEnvironmentConfig } from "../../config/load";
import { exampleRaw } from "../helpers/config-fixtures";

const TODAY = "2026-11-23";
const POLICY = { today: TODAY, maxDays: 90 };

/** The problems of the example with one acknowledgement, judged on TODAY with the default maximum. */
function problemsWith(ack: Record<string, string>, policy = POLICY): string[] {
  const raw = exampleRaw();
  raw.guardrails = { acknowledgements: [{ rule: "LOGS.RETENTION", resource: "example-mwaa/log-groups/Task", reason: "Sandbox: logs are not kept past a month", expires: "2027-01-31", ...ack }] };
  const result = validateEnvironmentConfig(JSON.stringify(raw), "example.json", policy);
  return result.ok ? [] : result.problems;
}

describe("an acknowledgement's resource pattern", () => {
  it.each(["example-mwaa/log-groups/Task", "example-mwaa/log-groups/*", "example-mwaa/*", "example-mwaa (terraform backend)", "example-extra/extra-bucket"])(
    "may name a stack of the environment: %s",
    (resource) => expect(problemsWith({ resource })).toEqual([]),
  );

  it.each([
    ["a bare *", "*"],
    ["the environment's name and a *", "example-*"],
    ["a stack name cut short", "example-mw*"],
    ["a stack of another environment", "prod-mwaa/*"],
    ["a path without a stack", "log-groups/Task"],
    ["an empty stack name", "example-/x"],
    ["a * before the end", "example-mwaa/*/Task"],
  ])("must name at least a stack, so it refuses %s", (_, resource) => {
    const problems = problemsWith({ resource });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^guardrails\.acknowledgements\[0\]\.resource: got ".*"; (must name at least a stack of this environment: start with `example-<stack>\/`|may hold `\*` only at the end)/);
  });

  it("says why a pattern without a stack is refused", () => {
    expect(resourcePatternProblem("*", "example")).toMatch(/would waive the rule for every stack/);
  });
});

describe("an acknowledgement's expiry", () => {
  it("may be up to the maximum number of days ahead", () => {
    expect(problemsWith({ expires: addDays(TODAY, 90) })).toEqual([]);
  });

  it("may not be further ahead, and the error names the latest day allowed", () => {
    expect(problemsWith({ expires: "9999-12-31" })).toEqual([
      `guardrails.acknowledgements[0].expires: got "9999-12-31"; is more than 90 days ahead (the latest allowed today is 2027-02-21); choose an earlier day and renew the exception after a new review (the maximum is MWAA_MAX_ACKNOWLEDGEMENT_DAYS, default 90)`,
    ]);
    expect(problemsWith({ expires: addDays(TODAY, 91) })).toHaveLength(1);
  });

  it("follows the maximum the platform team sets", () => {
    expect(problemsWith({ expires: addDays(TODAY, 31) }, { today: TODAY, maxDays: 30 })).toHaveLength(1);
    expect(problemsWith({ expires: addDays(TODAY, 30) }, { today: TODAY, maxDays: 30 })).toEqual([]);
  });
});

describe("the maximum acknowledgement days", () => {
  it("defaults to 90", () => {
    expect(acknowledgementPolicyFrom({}, TODAY)).toEqual({ today: TODAY, maxDays: 90 });
  });

  it("is read from MWAA_MAX_ACKNOWLEDGEMENT_DAYS", () => {
    expect(acknowledgementPolicyFrom({ MWAA_MAX_ACKNOWLEDGEMENT_DAYS: "30" }, TODAY)).toEqual({ today: TODAY, maxDays: 30 });
  });

  it.each(["0", "366", "ninety", "-5", "1.5"])("refuses %s, saying what is allowed", (value) => {
    expect(acknowledgementPolicyFrom({ MWAA_MAX_ACKNOWLEDGEMENT_DAYS: value }, TODAY)).toBe(
      `MWAA_MAX_ACKNOWLEDGEMENT_DAYS=${JSON.stringify(value)}: must be a whole number of days from 1 to 365; unset it for the default of 90`,
    );
  });

  it("stops loading the configs when it is invalid", () => {
    const dir = mkdtempSync(join(tmpdir(), "ack-policy-"));
    writeFileSync(join(dir, "example.json"), JSON.stringify(exampleRaw()));
    expect(() => loadEnvironmentConfigs(dir, dir, acknowledgementPolicyFrom({ MWAA_MAX_ACKNOWLEDGEMENT_DAYS: "forever" }))).toThrow(ConfigError);
    expect(() => loadEnvironmentConfigs(dir, dir, acknowledgementPolicyFrom({ MWAA_MAX_ACKNOWLEDGEMENT_DAYS: "forever" }))).toThrow(/^1 problem in the synth's environment variables:\n {2}- MWAA_MAX_ACKNOWLEDGEMENT_DAYS="forever": must be a whole number/);
  });
});
