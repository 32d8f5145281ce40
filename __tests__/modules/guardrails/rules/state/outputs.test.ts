import { stateOutputsFromResources } from "../../../../../modules/guardrails/rules/state/outputs";
import { NetworkTeamNetwork } from "../../../../../modules/guardrails/network-team";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";
import { TEAM as TEAM_IDS, teamNetwork } from "../../../../helpers/network-team-fixtures";

/** A network team's VPC as the config declares it (network.mode existing). */
const TEAM = teamNetwork({ routeTableIds: [TEAM_IDS.routeTableIds[0]] });

function judged(output: Record<string, { value: unknown }>, networkTeam?: NetworkTeamNetwork) {
  const stack = new SynthesizedStack("n", {
    resource: { aws_subnet: { a: {}, b: {} } },
    data: { terraform_remote_state: { net: { backend: "s3" } } },
    output,
  });
  stack.networkTeam = networkTeam;
  return stateOutputsFromResources.evaluate(stack);
}

const verdicts = (output: Record<string, { value: unknown }>, networkTeam?: NetworkTeamNetwork) =>
  judged(output, networkTeam).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}`);

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

  it("passes the ids of a network team's VPC the config declares, saying they are the team's and not checked", () => {
    const evaluations = judged(
      {
        vpc_id: { value: "vpc-0a1b2c3d4e5f60718" },
        private_subnet_ids: { value: ["subnet-0a1b2c3d4e5f60711", "subnet-0a1b2c3d4e5f60712"] },
        mwaa_security_group_id: { value: "sg-0a1b2c3d4e5f60715" },
        mixed: { value: ["subnet-0a1b2c3d4e5f60711", "${aws_subnet.a.id}"] },
      },
      TEAM,
    );
    expect(evaluations.map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`)).toEqual([
      "PASS n/output vpc_id: the network team's VPC vpc-0a1b2c3d4e5f60718 (config network.vpcId): not checked",
      "PASS n/output private_subnet_ids: the network team's subnet subnet-0a1b2c3d4e5f60711 (config network.privateSubnets[0].subnetId), the network team's subnet subnet-0a1b2c3d4e5f60712 (config network.privateSubnets[1].subnetId): not checked",
      "PASS n/output mwaa_security_group_id: the network team's security group sg-0a1b2c3d4e5f60715 (config network.securityGroupIds.mwaa): not checked",
      "PASS n/output mixed: the network team's subnet subnet-0a1b2c3d4e5f60711 (config network.privateSubnets[0].subnetId): not checked; the rest references the stack's own resources",
    ]);
  });

  it("fails a literal id the config does not declare, or a declared id written with anything around it", () => {
    expect(
      verdicts(
        {
          other: { value: ["subnet-0a1b2c3d4e5f60711", "subnet-0123456789abcdef0"] },
          table: { value: "rtb-0a1b2c3d4e5f60713" },
          padded: { value: " vpc-0a1b2c3d4e5f60718" },
        },
        TEAM,
      ),
    ).toEqual(["FAIL n/output other", "FAIL n/output table", "FAIL n/output padded"]);
    // Without the config's declaration (another stack, or a VPC the stacks create), no literal id passes.
    expect(verdicts({ vpc_id: { value: "vpc-0a1b2c3d4e5f60718" } })).toEqual(["FAIL n/output vpc_id"]);
  });
});
