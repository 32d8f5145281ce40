import { vpcNoInternetPath } from "../../../../../modules/guardrails/rules/vpc/no-internet-path";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";

/** A route table of this stack with its local route only, and an association of `type` with `config`. */
function judged(type: string, config: object): string[] {
  const stack = new SynthesizedStack("n", {
    resource: { aws_route_table: { t: { vpc_id: "${aws_vpc.v.id}" } }, [type]: { a: { subnet_id: "${aws_subnet.s.id}", vpc_id: "${aws_vpc.v.id}", ...config } } },
  });
  return vpcNoInternetPath.evaluate(stack).filter((e) => e.resource.endsWith("/a")).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.evidence}`);
}

describe("VPC.NO_INTERNET_PATH judges the route table a subnet is associated with", () => {
  it("passes an association with a route table of this stack", () => {
    expect(judged("aws_route_table_association", { route_table_id: "${aws_route_table.t.id}" })).toEqual(["PASS route table n/t, judged here"]);
  });

  it("fails a route table given by a literal id, for subnets and for the VPC's main table", () => {
    for (const type of ["aws_route_table_association", "aws_main_route_table_association"]) {
      expect(judged(type, { route_table_id: "rtb-0123456789abcdef0" })).toEqual([
        "FAIL unverifiable: route_table_id = rtb-0123456789abcdef0 is not a route table of this stack, so its routes are not judged",
      ]);
    }
  });

  it("fails an edge association with a gateway", () => {
    expect(judged("aws_route_table_association", { route_table_id: "${aws_route_table.t.id}", gateway_id: "${aws_internet_gateway.i.id}", subnet_id: undefined })[0]).toMatch(/^FAIL gateway_id = .*edge association/);
  });
});
