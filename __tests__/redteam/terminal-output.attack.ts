import { exampleConfig, problemsAfter } from "../helpers/config-fixtures";
import { addressOf, at, attack, stackOf } from "./attack";

/**
 * What the synth prints reaches a terminal or a CI log. Control characters from a config file or
 * from code-written metadata (ESC sequences that move the cursor and erase lines, bidi overrides)
 * must not reach it raw: they can hide or rewrite the violation lines a reviewer reads.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const hostilePattern = "example-mwaa/log-groups/\u001b[1A\u001b[2K\u202e*";
const hostileAcknowledgement = (raw: Record<string, any>) => {
  raw.guardrails = { acknowledgements: [{ rule: "LOGS.RETENTION", resource: hostilePattern, reason: "reviewed by the platform team", expires: "2026-12-20" }] };
};

describe("red team: nothing hostile reaches the terminal raw", () => {
  it("an acknowledgement resource pattern holding ESC and bidi characters is refused by config validation, or printed escaped", async () => {
    if (problemsAfter(hostileAcknowledgement).length > 0) return;
    const outcome = await attack(undefined, [exampleConfig(hostileAcknowledgement)]);
    for (const line of outcome.violations) expect(line).not.toMatch(CONTROL);
  });

  it("a metadata path written by code with ESC sequences is printed escaped in the violation lines", async () => {
    const outcome = await attack((app) => {
      at(app, "example-mwaa/log-groups/Task").addOverride("retention_in_days", 1);
      stackOf(app, "example-mwaa").addOverride(`resource.${addressOf(app, "example-mwaa/log-groups/Task")}.//.metadata.path`, "example-mwaa/x\u001b[2K\r\u202e");
    });
    expect(outcome.violations).not.toEqual([]);
    for (const line of outcome.violations) expect(line).not.toMatch(CONTROL);
  });

  // Correctly refused today: REVIEW.md escapes an acknowledgement's reason for its place.
  it("refused: a reason with CR, an HTML comment opener, pipes and bidi characters reaches REVIEW.md escaped", async () => {
    const config = exampleConfig((raw) => {
      raw.logging.retentionDays = 30;
      raw.guardrails = { acknowledgements: [{ rule: "LOGS.RETENTION", resource: "example-mwaa/log-groups/*", reason: "ok\r<!-- hide | `x` \u202e [l](javascript:alert(1))", expires: "2026-12-20" }] };
    });
    const { review } = await attack(undefined, [config]);
    const tableRows = review.split("\n").filter((l) => l.startsWith("|"));
    expect(tableRows.join("\n")).not.toMatch(/<!--|\r|\u202e/);
  });
});
