import { stateOutputsFromResources } from "../../../../../modules/guardrails/rules/state/outputs";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";

const verdicts = (output: Record<string, { value: unknown }>) =>
  stateOutputsFromResources
    .evaluate(
      new SynthesizedStack("n", {
        resource: { aws_subnet: { a: {}, b: {} } },
        data: { terraform_remote_state: { net: { backend: "s3" } } },
        output,
      }),
    )
    .map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}`);

describe("rule STATE.OUTPUTS_FROM_RESOURCES", () => {
  it("passes outputs that reference the stack's resources or a remote state it reads, alone or in a list", () => {
    expect(verdicts({ one: { value: "${aws_subnet.a.id}" }, two: { value: ["${aws_subnet.a.id}", "${aws_subnet.b.id}"] }, passed: { value: "${data.terraform_remote_state.net.outputs.sg}" } })).toEqual([
      "PASS n/output one",
      "PASS n/output two",
      "PASS n/output passed",
    ]);
  });

  it("fails literal ids, expressions and references to things the stack does not hold", () => {
    expect(verdicts({ literal: { value: ["subnet-0123456789abcdef0"] }, expression: { value: '${split(",", var.ids)}' }, elsewhere: { value: "${aws_subnet.c.id}" }, empty: { value: [] } })).toEqual([
      "FAIL n/output literal",
      "FAIL n/output expression",
      "FAIL n/output elsewhere",
      "FAIL n/output empty",
    ]);
  });
});
