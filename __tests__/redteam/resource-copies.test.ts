import { at, attack, failedRules } from "./attack";

/**
 * `count = 0` or an empty `for_each` writes a resource that Terraform never creates. Rules that
 * certify a control because its resource is written must count the copies, as the S3 bucket parts do.
 */
describe("red team: a control written with no copies is not deployed", () => {
  it("a flow log with count = 0 fails VPC.FLOW_LOGS (no flow log is created)", async () => {
    const outcome = await attack((app) => at(app, "example-network/flow-logs/flow-log").addOverride("count", 0));
    expect(failedRules(outcome)).toContain("VPC.FLOW_LOGS");
  });

  it("a flow log with for_each = {} fails VPC.FLOW_LOGS", async () => {
    const outcome = await attack((app) => at(app, "example-network/flow-logs/flow-log").addOverride("for_each", {}));
    expect(failedRules(outcome)).toContain("VPC.FLOW_LOGS");
  });

  it("the default security group adopted with count = 0 fails VPC.DEFAULT_SG_CLOSED (AWS's open default stays)", async () => {
    const outcome = await attack((app) => at(app, "example-network/network/default-security-group").addOverride("count", 0));
    expect(failedRules(outcome)).toContain("VPC.DEFAULT_SG_CLOSED");
  });

  it("the Task log group with count = 0 fails MWAA.LOG_GROUPS (MWAA creates it without key or retention)", async () => {
    const outcome = await attack((app) => at(app, "example-mwaa/log-groups/Task").addOverride("count", 0));
    expect(failedRules(outcome)).toContain("MWAA.LOG_GROUPS");
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
