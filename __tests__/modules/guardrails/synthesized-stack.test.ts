import { SynthesizedStack } from "../../../modules/guardrails/synthesized-stack";

const stack = new SynthesizedStack("s", { resource: { aws_vpc: { main: { cidr_block: "10.0.0.0/16" } } }, data: { aws_vpc: { main: {} } } });

describe("a reference read back to the resource it names", () => {
  it("names the resource and the attribute of a whole-string reference", () => {
    const found = stack.referenced("${aws_vpc.main.cidr_block}");
    expect(found?.resource.config.cidr_block).toBe("10.0.0.0/16");
    expect(found?.attribute).toBe("cidr_block");
  });

  it.each([
    ["a resource the stack does not have", "${aws_vpc.other.id}"],
    ["a data source", "${data.aws_vpc.main.id}"],
    ["a reference inside a template", "${aws_vpc.main.id}-suffix"],
    ["a reference written with spaces, which the rules do not compare", "${ aws_vpc.main.id }"],
    ["a literal", "vpc-0123"],
    ["a value that is not text", 42],
  ])("names nothing for %s", (_, value) => {
    expect(stack.referenced(value)).toBeUndefined();
  });
});
