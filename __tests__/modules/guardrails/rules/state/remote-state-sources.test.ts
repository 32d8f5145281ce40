import { stateRemoteStateSources } from "../../../../../modules/guardrails/rules/state/remote-state-sources";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";

const OWN_S3 = { bucket: "example-tfstate", key: "example/example-mwaa.tfstate", region: "eu-west-1", encrypt: true, kms_key_id: "alias/state", use_lockfile: true };
const NETWORK_S3 = { bucket: "example-tfstate", key: "example/example-network.tfstate", region: "eu-west-1", encrypt: true, kms_key_id: "alias/state" };
const OWN_HCP = { organization: "acme", hostname: "app.terraform.io", workspaces: { name: "mwaa-example-mwaa" } };

/** A stack with `terraform` as its own state settings that reads one remote state `source`. */
function judged(terraform: object, source: object): string[] {
  const stack = new SynthesizedStack("example-mwaa", { terraform, data: { terraform_remote_state: { network: source } } });
  return stateRemoteStateSources.evaluate(stack).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`);
}
const s3 = (config: object, extra: object = {}) => judged({ backend: { s3: OWN_S3 } }, { backend: "s3", config, workspace: "${terraform.workspace}", ...extra });

describe("STATE.REMOTE_STATE_SOURCES reads other stacks' state only from this environment's", () => {
  it("passes another stack's key in this stack's bucket, region and key folder", () => {
    expect(s3(NETWORK_S3)).toEqual(["PASS example-mwaa/data.terraform_remote_state.network: reads s3 state example/example-network.tfstate of this environment"]);
  });

  it("fails a key in another folder, another bucket or another region", () => {
    expect(s3({ ...NETWORK_S3, key: "shared/public-network.tfstate" })[0]).toMatch(/FAIL .*key = shared\/public-network.tfstate is not in this stack's state folder example\//);
    expect(s3({ ...NETWORK_S3, key: "example/../shared/x.tfstate" })[0]).toMatch(/FAIL .*key = /);
    expect(s3({ ...NETWORK_S3, bucket: "attacker-states" })[0]).toMatch(/FAIL .*bucket = attacker-states, where this stack's own backend has example-tfstate/);
    expect(s3({ ...NETWORK_S3, region: "us-east-1" })[0]).toMatch(/FAIL .*region = us-east-1/);
  });

  it("fails settings the stack's own backend does not use (another role, endpoint), another workspace, and defaults", () => {
    expect(s3({ ...NETWORK_S3, assume_role: { role_arn: "arn:aws:iam::999999999999:role/r" } })[0]).toMatch(/FAIL .*assume_role = .*a setting this stack's own backend does not use/);
    expect(s3(NETWORK_S3, { workspace: "other" })[0]).toMatch(/FAIL .*workspace = other/);
    expect(s3(NETWORK_S3, { defaults: { private_subnet_ids: ["subnet-1"] } })[0]).toMatch(/FAIL .*defaults = /);
  });

  it("fails a backend type other than the stack's own", () => {
    expect(judged({ backend: { s3: OWN_S3 } }, { backend: "local", config: { path: "x.tfstate" } })[0]).toMatch(/FAIL .*backend = local, where this stack's own state is read with s3/);
  });

  it("passes HCP Terraform state of this organization and hostname, and fails another organization", () => {
    const hcp = (config: object) => judged({ cloud: OWN_HCP }, { backend: "remote", config });
    expect(hcp({ organization: "acme", hostname: "app.terraform.io", workspaces: { name: "mwaa-example-network" } })[0]).toMatch(/^PASS/);
    expect(hcp({ organization: "acme", workspaces: { name: "mwaa-example-network" } })[0]).toMatch(/^PASS/);
    expect(hcp({ organization: "attacker", hostname: "app.terraform.io", workspaces: { name: "x" } })[0]).toMatch(/FAIL .*organization = attacker/);
    expect(hcp({ organization: "acme", hostname: "tfe.attacker.example", workspaces: { name: "x" } })[0]).toMatch(/FAIL .*hostname = tfe.attacker.example/);
  });
});
