import { s3NoForceDestroy } from "../../../../../modules/guardrails/rules/s3/no-force-destroy";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";

const verdict = (force_destroy: unknown) => {
  const [e] = s3NoForceDestroy.evaluate(new SynthesizedStack("s", { resource: { aws_s3_bucket: { b: { bucket: "b", force_destroy } } } }));
  return `${e.compliant ? "PASS" : "FAIL"}: ${e.evidence}`;
};

describe("rule S3.NO_FORCE_DESTROY", () => {
  it("passes a bucket without force_destroy, or with it false", () => {
    expect(verdict(undefined)).toBe("PASS: force_destroy = false (default)");
    expect(verdict(false)).toBe("PASS: force_destroy = false");
  });

  it("fails force_destroy true, written as a boolean or as the string HCL gives", () => {
    expect(verdict(true)).toBe("FAIL: force_destroy = true");
    expect(verdict("true")).toBe("FAIL: force_destroy = true");
  });

  it("fails force_destroy from an expression, which only the plan knows", () => {
    expect(verdict("${var.cleanup}")).toBe('FAIL: unverifiable: force_destroy = "${var.cleanup}" is known only at plan time');
  });
});
