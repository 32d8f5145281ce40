import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FindingsDocument } from "../../../modules/review/findings-document";
import { sarifLog } from "../../../modules/review/sarif-log";
import { REVIEW_PATHS } from "../../../modules/synthesis/output-folder";
import { synthesizeEnvironments } from "../../../stacks/synthesize";
import { exampleConfig } from "../../helpers/config-fixtures";
import { sarifSchemaErrors } from "../../helpers/sarif-schema";
import { TODAY } from "../../helpers/synth";

/*
 * The findings for machines: review/findings.json (every check) and review/findings.sarif (what
 * GitHub code scanning shows), from a synth with one violation and one acknowledged exception.
 */

const ACKNOWLEDGED = { rule: "LOGS.RETENTION", resource: "example-mwaa/log-groups/*", reason: "Sandbox: logs are not kept past a month", expires: "2026-12-01" };

async function findingsOf() {
  const outdir = mkdtempSync(join(tmpdir(), "mwaa-findings-"));
  const config = exampleConfig((raw) => {
    raw.logging.retentionDays = 30;
    raw.network.flowLogRetentionDays = 30; // not acknowledged: the one violation
    raw.guardrails = { acknowledgements: [ACKNOWLEDGED] };
  });
  const result = await synthesizeEnvironments([config], { outdir, today: TODAY, configFolder: "config" });
  const read = (path: string) => JSON.parse(readFileSync(join(outdir, path), "utf8"));
  return { result, json: read(REVIEW_PATHS.findingsJson) as FindingsDocument, sarif: read(REVIEW_PATHS.findingsSarif) };
}

let found: Awaited<ReturnType<typeof findingsOf>>;
beforeAll(async () => {
  found = await findingsOf();
});

describe("review/findings.json", () => {
  it("holds every check the synth made, with the verdict and counts", () => {
    expect(found.json.verdict).toBe("FAIL");
    expect(found.json.findings).toHaveLength(found.result.findings.length);
    expect(found.json.counts).toEqual({ FAIL: 1, ACKNOWLEDGED: 5, PASS: found.result.findings.length - 6 });
  });

  it("gives each exception its reason, expiry and days left, and each environment its controls", () => {
    const task = found.json.findings.find((f) => f.resource === "example-mwaa/log-groups/Task" && f.rule === "LOGS.RETENTION");
    expect(task).toMatchObject({ status: "ACKNOWLEDGED", acknowledgement: { reason: ACKNOWLEDGED.reason, expires: "2026-12-01", daysLeft: 8 } });
    expect(found.json.groups[0]).toMatchObject({ name: "example", configFile: "config/example.json", detail: "review/environments/example.md", verdict: "FAIL" });
    expect(found.json.groups[0].controls.find((c) => c.control.startsWith("4. CloudTrail"))?.status).toBe("NOT MET");
  });
});

describe("review/findings.sarif", () => {
  it("is valid SARIF 2.1.0 by its published schema", () => {
    expect(sarifSchemaErrors(found.sarif)).toEqual([]);
  });

  it("reports the violation as an error at the environment's config file, naming the resource", () => {
    const results = found.sarif.runs[0].results;
    const failing = results.filter((r: { suppressions?: unknown }) => !r.suppressions);
    expect(failing).toHaveLength(1);
    expect(failing[0]).toMatchObject({
      ruleId: "LOGS.RETENTION",
      level: "error",
      locations: [{ physicalLocation: { artifactLocation: { uri: "config/example.json" } }, logicalLocations: [{ fullyQualifiedName: "example-network/flow-logs/log-group" }] }],
    });
    expect(failing[0].message.text).toMatch(/^example-network\/flow-logs\/log-group: Log groups keep logs for at least a year.*Fix: /);
    expect(found.sarif.runs[0].tool.driver.rules[failing[0].ruleIndex].id).toBe("LOGS.RETENTION");
  });

  it("reports acknowledged exceptions as accepted suppressions with their reason, and no PASS at all", () => {
    const suppressed = found.sarif.runs[0].results.filter((r: { suppressions?: unknown }) => r.suppressions);
    expect(suppressed).toHaveLength(5);
    expect(suppressed[0].suppressions).toEqual([{ kind: "external", status: "accepted", justification: `${ACKNOWLEDGED.reason} (acknowledged until 2026-12-01)` }]);
    expect(found.sarif.runs[0].results).toHaveLength(6);
  });

  it("points at the app's entry instead when the config folder is outside the repository, where code scanning cannot place it", () => {
    const outside = { ...found.json, groups: found.json.groups.map((g) => ({ ...g, configFile: "../private-config/example.json" })) };
    const uris = (sarifLog(outside) as typeof found.sarif).runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(new Set(uris)).toEqual(new Set(["cdktf.json"]));
  });

  it("keeps each alert's fingerprint from one synth to the next", async () => {
    const again = await findingsOf();
    const prints = (sarif: typeof found.sarif) => sarif.runs[0].results.map((r: { partialFingerprints: object }) => r.partialFingerprints);
    expect(prints(again.sarif)).toEqual(prints(found.sarif));
  });
});
