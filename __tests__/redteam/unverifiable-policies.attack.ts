import { attack, failedRules, stackOf } from "./attack";

/**
 * IAM.UNVERIFIABLE_POLICY promises that every policy argument of every resource is read. Policy
 * arguments are found by name (policy, access_policy, access_policies); a resource policy under
 * another name (aws_cloudwatch_log_resource_policy's policy_document) is neither read nor failed.
 */
const EVERYONE_READS_LOGS = '${jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Principal = {AWS = "*"}, Action = "logs:*", Resource = "*"}]})}';

describe("red team: every policy argument is read or failed", () => {
  it("a CloudWatch Logs resource policy built with jsonencode in policy_document fails IAM.UNVERIFIABLE_POLICY", async () => {
    const outcome = await attack((app) =>
      stackOf(app, "example-mwaa").addOverride("resource.aws_cloudwatch_log_resource_policy.everyone", { policy_name: "everyone", policy_document: EVERYONE_READS_LOGS }),
    );
    expect(failedRules(outcome)).toContain("IAM.UNVERIFIABLE_POLICY");
  });

  it("a CloudWatch Logs resource policy letting Principal AWS '*' read every log group fails the synth", async () => {
    const outcome = await attack((app) =>
      stackOf(app, "example-mwaa").addOverride("resource.aws_cloudwatch_log_resource_policy.everyone", {
        policy_name: "everyone",
        policy_document: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: ["logs:GetLogEvents"], Resource: "*" }] }),
      }),
    );
    expect(outcome.violations).not.toEqual([]);
  });

  // Correctly refused today.
  it("refused: a managed policy built with jsonencode fails IAM.UNVERIFIABLE_POLICY", async () => {
    const outcome = await attack((app) =>
      stackOf(app, "example-mwaa").addOverride("resource.aws_iam_policy.built", { name: "built", policy: '${jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = "*", Resource = "*"}]})}' }),
    );
    expect(failedRules(outcome)).toContain("IAM.UNVERIFIABLE_POLICY");
  });

  it("refused: a role nobody uses that trusts another account fails IAM.TRUSTED_PRINCIPALS", async () => {
    const outcome = await attack((app) =>
      stackOf(app, "example-mwaa").addOverride("resource.aws_iam_role.partner", {
        name: "partner",
        assume_role_policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "sts:AssumeRole" }] }),
      }),
    );
    expect(failedRules(outcome)).toContain("IAM.TRUSTED_PRINCIPALS");
  });
});
