import { dataPreventDestroy } from "../../../modules/guardrails/rules/data/prevent-destroy";
import { SynthesizedStack } from "../../../modules/guardrails/synthesized-stack";

const evaluate = (written: Record<string, any>) => dataPreventDestroy.evaluate(new SynthesizedStack("s", written)).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`);

describe("rule DATA.PREVENT_DESTROY", () => {
  it("reads prevent_destroy whether lifecycle is written as an object or, as HCL reads back, a list", () => {
    expect(evaluate({ resource: { aws_kms_key: { k: { lifecycle: { prevent_destroy: true } } }, aws_s3_bucket: { b: { lifecycle: [{ prevent_destroy: true }] } } } })).toEqual([
      "PASS s/k: prevent_destroy = true",
      "PASS s/b: prevent_destroy = true",
    ]);
  });

  it("fails a resource that holds data without it, and says what a destroy loses", () => {
    expect(evaluate({ resource: { aws_cloudwatch_log_group: { g: { lifecycle: { prevent_destroy: "${var.keep}" } } } } })).toEqual([
      "FAIL s/g: no prevent_destroy: a destroy or replacement loses the log group with every log event in it",
    ]);
  });

  it("fails a removed block that destroys what it takes out of the configuration", () => {
    expect(evaluate({ removed: [{ from: "aws_s3_bucket.dags" }, { from: "aws_kms_key.k", lifecycle: { destroy: false } }] })).toEqual([
      "FAIL s/removed aws_s3_bucket.dags: removed block destroys aws_s3_bucket.dags",
      "PASS s/removed aws_kms_key.k: removed from state only (destroy = false)",
    ]);
  });
});
