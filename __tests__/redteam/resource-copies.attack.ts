import { at, attack, failedRules } from "./attack";

/**
 * `count = 0` or an empty `for_each` writes a resource that Terraform never creates. Any count other
 * than a literal 1, and any for_each, fails TERRAFORM.OPAQUE: the rules judged one copy.
 */
describe("red team: a control written with no copies is not deployed", () => {
  it("a flow log with count = 0 fails TERRAFORM.OPAQUE (no flow log is created)", async () => {
    const outcome = await attack((app) => at(app, "example-network/flow-logs/flow-log").addOverride("count", 0));
    expect(failedRules(outcome)).toContain("TERRAFORM.OPAQUE");
  });

  it("a flow log with for_each = {} fails TERRAFORM.OPAQUE", async () => {
    const outcome = await attack((app) => at(app, "example-network/flow-logs/flow-log").addOverride("for_each", {}));
    expect(failedRules(outcome)).toContain("TERRAFORM.OPAQUE");
  });

  it("the default security group adopted with count = 0 fails TERRAFORM.OPAQUE (AWS's open default stays)", async () => {
    const outcome = await attack((app) => at(app, "example-network/network/default-security-group").addOverride("count", 0));
    expect(failedRules(outcome)).toContain("TERRAFORM.OPAQUE");
  });

  it("the Task log group with count = 0 fails TERRAFORM.OPAQUE (MWAA creates it without key or retention)", async () => {
    const outcome = await attack((app) => at(app, "example-mwaa/log-groups/Task").addOverride("count", 0));
    expect(failedRules(outcome)).toContain("TERRAFORM.OPAQUE");
  });

  // Correctly refused today: bucket parts count their copies.
  it("refused: the DAG bucket policy with count = 0 fails S3.TLS_ONLY", async () => {
    const outcome = await attack((app) => at(app, "example-mwaa/dag-bucket/policy").addOverride("count", 0));
    expect(failedRules(outcome)).toContain("S3.TLS_ONLY");
  });

  it("refused: the DAG bucket's public access block with count = 0 fails S3.PUBLIC_ACCESS_BLOCK", async () => {
    const outcome = await attack((app) => at(app, "example-mwaa/dag-bucket/public-access-block").addOverride("count", 0));
    expect(failedRules(outcome)).toContain("S3.PUBLIC_ACCESS_BLOCK");
  });
});
