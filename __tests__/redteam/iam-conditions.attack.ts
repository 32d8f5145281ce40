import { at, attack, failedRules, policyText, refTo, stackOf } from "./attack";

/**
 * A condition restricts only when its values name something specific. An IAM policy variable of the
 * caller's own account is not specific: `arn:aws:iam::${aws:PrincipalAccount}:*` is true for every
 * caller. And a policy field that references a data source is only as specific as that data source.
 */
const ROOT_ADMINISTRATION = {
  sid: "AccountAdministration",
  effect: "Allow",
  principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111122223333:root"] }],
  actions: ["kms:*"],
  resources: ["*"],
};

describe("red team: conditions and references that narrow nothing", () => {
  it("a key policy Allow to '*' conditioned on ArnLike aws:PrincipalArn arn:aws:iam::&{aws:PrincipalAccount}:* fails KMS.NO_WILDCARD_PRINCIPAL", async () => {
    const outcome = await attack((app) => {
      stackOf(app, "example-mwaa").addOverride("data.aws_iam_policy_document.anyone", {
        statement: [
          ROOT_ADMINISTRATION,
          {
            sid: "Anyone",
            effect: "Allow",
            principals: [{ type: "*", identifiers: ["*"] }],
            actions: ["kms:Decrypt"],
            resources: ["*"],
            condition: [{ test: "ArnLike", variable: "aws:PrincipalArn", values: ["arn:aws:iam::&{aws:PrincipalAccount}:*"] }],
          },
        ],
      });
      at(app, "example-mwaa/environment-key/key").addOverride("policy", "${data.aws_iam_policy_document.anyone.json}");
    });
    expect(failedRules(outcome)).toContain("KMS.NO_WILDCARD_PRINCIPAL");
  });

  it("a role policy whose resource is a data.aws_arn of arn:aws:s3:::* fails IAM.WILDCARD_RESOURCES or IAM.UNVERIFIABLE_POLICY", async () => {
    const outcome = await attack((app) => {
      const mwaa = stackOf(app, "example-mwaa");
      mwaa.addOverride("data.aws_arn.every_bucket", { arn: "arn:aws:s3:::*" });
      mwaa.addOverride("resource.aws_iam_role_policy.extra", {
        name: "extra",
        role: refTo(app, "example-mwaa/execution-role/role", "id"),
        policy: policyText({ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: ["${data.aws_arn.every_bucket.arn}", "${data.aws_arn.every_bucket.arn}/*"] }),
      });
    });
    expect(failedRules(outcome).some((r) => r === "IAM.WILDCARD_RESOURCES" || r === "IAM.UNVERIFIABLE_POLICY")).toBe(true);
  });

  // Correctly refused today: in JSON policy text the escaped variable ($${...}) is not taken as specific.
  it("refused: the same Allow to '*' written as JSON policy text with $${aws:PrincipalAccount} fails KMS.NO_WILDCARD_PRINCIPAL", async () => {
    const outcome = await attack((app) =>
      at(app, "example-mwaa/environment-key/key").addOverride(
        "policy",
        policyText(
          { Sid: "AccountAdministration", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" },
          { Sid: "Anyone", Effect: "Allow", Principal: "*", Action: ["kms:Decrypt"], Resource: "*", Condition: { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::$${aws:PrincipalAccount}:*" } } },
        ),
      ),
    );
    expect(failedRules(outcome)).toContain("KMS.NO_WILDCARD_PRINCIPAL");
  });
});
