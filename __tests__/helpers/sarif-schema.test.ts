import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { SARIF_SCHEMA_FILE, sarifSchemaErrors } from "./sarif-schema";

/** The smallest log code scanning reads: one tool, one rule, one result at one file. */
function minimalLog(): any {
  return {
    $schema: "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "mwaa-guardrails", rules: [{ id: "S3.TLS_ONLY", shortDescription: { text: "Bucket policies refuse requests without TLS." } }] } },
        results: [
          {
            ruleId: "S3.TLS_ONLY",
            level: "error",
            message: { text: "example-mwaa/DagBucket/Policy: no Deny of s3:* when aws:SecureTransport is false" },
            locations: [{ physicalLocation: { artifactLocation: { uri: "cdktf.out/stacks/example-mwaa/cdk.tf.json" } } }],
          },
        ],
      },
    ],
  };
}

describe("sarifSchemaErrors: a log against the published SARIF 2.1.0 schema", () => {
  it("finds nothing wrong with a minimal valid log", () => {
    expect(sarifSchemaErrors(minimalLog())).toEqual([]);
  });

  it("names the result that has no message", () => {
    const log = minimalLog();
    delete log.runs[0].results[0].message;
    expect(sarifSchemaErrors(log)).toContain("$.runs[0].results[0]: should have required property 'message'");
  });

  it("refuses any version but 2.1.0", () => {
    const log = { ...minimalLog(), version: "2.0.0" };
    expect(sarifSchemaErrors(log)).toContain('$.version: should be equal to one of the allowed values ("2.1.0")');
  });

  it("refuses a property the schema does not define", () => {
    const log = minimalLog();
    log.runs[0].results[0].severity = "high";
    expect(sarifSchemaErrors(log)).toContain('$.runs[0].results[0]: should NOT have additional properties ("severity")');
  });

  it("validates against the schema file whose SHA-256 its notes record", () => {
    const notes = readFileSync(SARIF_SCHEMA_FILE.replace(/\.json$/, ".md"), "utf8");
    const sha256 = createHash("sha256").update(readFileSync(SARIF_SCHEMA_FILE)).digest("hex");
    expect(notes).toContain(`sha256: ${sha256}`);
  });
});
