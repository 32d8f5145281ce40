import { sgNoInternetEgress } from "../../../../../modules/guardrails/rules/security-groups/no-internet-egress";
import { NetworkTeamNetwork } from "../../../../../modules/guardrails/network-team";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";
import { TEAM as TEAM_IDS, teamNetwork } from "../../../../helpers/network-team-fixtures";

/** A network team's VPC as the config declares it, with one group of theirs for MWAA. */
const TEAM = teamNetwork({ subnets: [{ id: TEAM_IDS.subnetIds[0], availabilityZone: "eu-west-1a" }] });

/** One egress rule of this stack's group `g` to the security group `peer`, and an inline rule to `inline`. */
function judged(peer: unknown, inline: unknown = ["${aws_security_group.other.id}"], networkTeam?: NetworkTeamNetwork): string[] {
  const stack = new SynthesizedStack("n", {
    data: { terraform_remote_state: { network: { backend: "s3" } } },
    resource: {
      aws_security_group: { g: { egress: [{ security_groups: inline, from_port: 443, to_port: 443, protocol: "tcp" }] }, other: {} },
      aws_vpc_security_group_egress_rule: { r: { security_group_id: "${aws_security_group.g.id}", ip_protocol: "-1", referenced_security_group_id: peer } },
    },
  });
  stack.networkTeam = networkTeam;
  return sgNoInternetEgress.evaluate(stack).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`);
}

describe("security group peers count only when the rules can see them", () => {
  it("passes groups of this stack and remote-state outputs", () => {
    expect(judged("${aws_security_group.other.id}").every((e) => e.startsWith("PASS"))).toBe(true);
    expect(judged("${data.terraform_remote_state.network.outputs.mwaa_security_group_id}").every((e) => e.startsWith("PASS"))).toBe(true);
  });

  it("fails another account's group and a literal group id", () => {
    expect(judged("999999999999/sg-0123456789abcdef0")).toContain(
      "FAIL n/r: to security group 999999999999/sg-0123456789abcdef0: unverifiable: security group 999999999999/sg-0123456789abcdef0 is neither a security group of this stack nor a remote-state output (a literal id, or another account's group)",
    );
    expect(judged("${aws_security_group.other.id}", ["sg-0123456789abcdef0"])).toContainEqual(expect.stringMatching(/^FAIL n\/g \(egress block 1\): .*security_groups sg-0123456789abcdef0 is neither/));
  });

  it("passes a group of a network team's VPC the config declares, saying it was not checked, and no other literal id", () => {
    expect(judged("sg-0a1b2c3d4e5f60715", undefined, TEAM)).toContain(
      "PASS n/r: to security group the network team's security group sg-0a1b2c3d4e5f60715 (config network.securityGroupIds.mwaa), not checked",
    );
    expect(judged("sg-0123456789abcdef0", undefined, TEAM)).toContainEqual(expect.stringMatching(/^FAIL n\/r: .*is neither a security group of this stack nor a remote-state output/));
    // The team's VPC or subnet is not a group.
    expect(judged("vpc-0a1b2c3d4e5f60718", undefined, TEAM)).toContainEqual(expect.stringMatching(/^FAIL n\/r: /));
  });
});
