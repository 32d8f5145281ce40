import { mwaaOwnResources } from "../../../../../modules/guardrails/rules/mwaa/own-resources";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";

const OWN = {
  source_bucket_arn: "${aws_s3_bucket.dags.arn}",
  execution_role_arn: "${aws_iam_role.execution.arn}",
  network_configuration: {
    subnet_ids: "${data.terraform_remote_state.network.outputs.private_subnet_ids}",
    security_group_ids: ["${aws_security_group.mwaa.id}"],
  },
};

/** An environment with `overrides` over one that uses this stack's bucket, role and group and the network's remote state. */
function judged(overrides: object): string[] {
  const stack = new SynthesizedStack("m", {
    data: { terraform_remote_state: { network: { backend: "s3", config: {} } }, aws_subnets: { public: {} } },
    resource: {
      aws_s3_bucket: { dags: { bucket: "dags" } },
      aws_iam_role: { execution: { name: "execution" } },
      aws_security_group: { mwaa: { name: "mwaa" } },
      aws_mwaa_environment: { e: { name: "x", ...OWN, ...overrides } },
    },
  });
  return mwaaOwnResources.evaluate(stack).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.evidence}`);
}

describe("MWAA.OWN_RESOURCES holds the environment's bucket, role and network to what the rules judge", () => {
  it("passes this stack's bucket, role and security group, and subnets from remote state", () => {
    expect(judged({})[0]).toMatch(/^PASS runs from \$\{aws_s3_bucket.dags.arn\}/);
  });

  it("fails a literal DAG bucket, and an expression over this stack's", () => {
    expect(judged({ source_bucket_arn: "arn:aws:s3:::attacker-dags" })[0]).toMatch(/^FAIL .*source_bucket_arn = arn:aws:s3:::attacker-dags is not a bucket of this stack/);
    expect(judged({ source_bucket_arn: '${replace(aws_s3_bucket.dags.arn, "dags", "other")}' })[0]).toMatch(/^FAIL .*is not a bucket of this stack/);
  });

  it("fails an execution role of another account", () => {
    expect(judged({ execution_role_arn: "arn:aws:iam::999999999999:role/x" })[0]).toMatch(/^FAIL .*execution_role_arn = .* is not a role of this stack/);
  });

  it("fails subnets from another data source, and a literal security group", () => {
    const network = { subnet_ids: "${data.aws_subnets.public.ids}", security_group_ids: ["sg-0123456789abcdef0"] };
    expect(judged({ network_configuration: network })[0]).toMatch(/^FAIL .*subnet_ids \$\{data.aws_subnets.public.ids\}: neither .*security_group_ids sg-0123456789abcdef0: neither/);
  });

  it("fails an output of a remote state this stack does not declare", () => {
    expect(judged({ network_configuration: { ...OWN.network_configuration, subnet_ids: "${data.terraform_remote_state.elsewhere.outputs.ids}" } })[0]).toMatch(/^FAIL .*subnet_ids/);
  });
});
