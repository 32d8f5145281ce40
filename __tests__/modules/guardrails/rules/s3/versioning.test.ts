import { s3Versioning } from "../../../../../modules/guardrails/rules/s3/versioning";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";

const withInlineVersioning = (enabled: unknown) =>
  s3Versioning
    .evaluate(new SynthesizedStack("s", { resource: { aws_s3_bucket: { dags: { bucket: "dags", versioning: { enabled } } } } }))
    .map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`);

describe("S3.VERSIONING reads the deprecated versioning argument's boolean as Terraform does", () => {
  it("passes enabled = true, and its string form, which Terraform converts", () => {
    expect(withInlineVersioning(true)).toEqual(["PASS s/dags: versioning Enabled (set by the versioning argument of s/dags)"]);
    expect(withInlineVersioning("true")).toEqual(["PASS s/dags: versioning Enabled (set by the versioning argument of s/dags)"]);
  });

  it("fails enabled = false, and an expression only the plan knows, saying so", () => {
    expect(withInlineVersioning(false)).toEqual(["FAIL s/dags: versioning Suspended (set by the versioning argument of s/dags)"]);
    expect(withInlineVersioning("${var.versioned}")).toEqual([
      'FAIL s/dags: versioning enabled = "${var.versioned}", an expression known only at plan time (set by the versioning argument of s/dags)',
    ]);
  });
});
