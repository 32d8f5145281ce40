import { NetworkTeamNetwork, notCheckedInNetworkTeamsVpc, PROVIDED_NOT_CHECKED } from "../../../modules/guardrails/network-team";
import { SynthesizedStack } from "../../../modules/guardrails/synthesized-stack";
import { teamNetwork } from "../../helpers/network-team-fixtures";

const TEAM = teamNetwork({ providedEndpoints: ["airflow.api", "s3"] });

const rows = (network?: NetworkTeamNetwork) => {
  const stack = new SynthesizedStack("example-network", {});
  stack.networkTeam = network;
  return notCheckedInNetworkTeamsVpc(stack);
};

describe("the review's NOT CHECKED rows for a network team's VPC", () => {
  it("name the VPC's routes, flow logs, public IPs and default group, each provided endpoint and each of the team's groups, never as a PASS", () => {
    const found = rows(TEAM);
    expect(found.map((r) => `${r.rules.join("+")} ${r.resource}`)).toEqual([
      "VPC.NO_INTERNET_PATH example-network (network team's VPC vpc-0a1b2c3d4e5f60718)",
      "VPC.FLOW_LOGS example-network (network team's VPC vpc-0a1b2c3d4e5f60718)",
      "VPC.NO_PUBLIC_IP example-network (network team's VPC vpc-0a1b2c3d4e5f60718)",
      "VPC.DEFAULT_SG_CLOSED example-network (network team's VPC vpc-0a1b2c3d4e5f60718)",
      "VPC.MWAA_ENDPOINTS+VPC.ENDPOINT_POLICIES example-network (network team's endpoint airflow.api)",
      "VPC.MWAA_ENDPOINTS+VPC.ENDPOINT_POLICIES example-network (network team's endpoint s3)",
      "SG.NO_OPEN_INGRESS+SG.NO_INTERNET_EGRESS+SG.DESCRIPTIONS example-network (network team's security group sg-0a1b2c3d4e5f60715)",
    ]);
    expect(found.every((r) => r.status === "NOT CHECKED" && /not checked/.test(r.evidence))).toBe(true);
    expect(found[0].evidence).toMatch(/no rule saw whether subnets subnet-0a1b2c3d4e5f60711 \(eu-west-1a\), subnet-0a1b2c3d4e5f60712 \(eu-west-1b\) reach the internet/);
    expect(found[5].evidence).toBe(`${PROVIDED_NOT_CHECKED}: whether it exists, resolves with private DNS in both subnets, admits the MWAA security group, and what its endpoint policy allows (without one, every bucket of every account)`);
  });

  it("are none for a stack in a VPC the stacks create", () => {
    expect(rows()).toEqual([]);
  });
});
