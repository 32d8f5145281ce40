import { iamOwnAccountGrants } from "../../../../modules/guardrails/rules/iam/own-account-grants";
import { SynthesizedStack } from "../../../../modules/guardrails/synthesized-stack";

const OWN = "111122223333";
const OTHER = "444455556666";

/** The verdict on a bucket policy of one Allow statement, in a stack pinned to OWN. */
function verdict(statement: Record<string, unknown>): string {
  const stack = new SynthesizedStack("s", {
    provider: { aws: [{ allowed_account_ids: [OWN] }] },
    resource: {
      aws_iam_role: { reader: { name: "reader" } },
      aws_s3_bucket_policy: { p: { bucket: "b", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "S", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", ...statement }] }) } },
    },
  });
  const [e] = iamOwnAccountGrants.evaluate(stack);
  return `${e.compliant ? "PASS" : "FAIL"}: ${e.evidence}`;
}

describe("rule IAM.OWN_ACCOUNT_GRANTS", () => {
  it.each([
    ["this account's root", { Principal: { AWS: `arn:aws:iam::${OWN}:root` } }],
    ["this account's id", { Principal: { AWS: OWN } }],
    ["a role of this stack", { Principal: { AWS: "${aws_iam_role.reader.arn}" } }],
    ["a role of this account", { Principal: { AWS: `arn:aws:iam::${OWN}:role/reader` } }],
    ["an AWS service", { Principal: { Service: "logging.s3.amazonaws.com" } }],
    ["anyone limited to this account", { Principal: "*", Condition: { StringEquals: { "aws:PrincipalAccount": OWN } } }],
  ])("passes a grant to %s", (_, statement) => {
    expect(verdict(statement)).toBe("PASS: grants only to this account's identities and AWS services");
  });

  it.each([
    ["another account's root", { Principal: { AWS: `arn:aws:iam::${OTHER}:root` } }, `S: AWS arn:aws:iam::${OTHER}:root`],
    ["another account's role", { Principal: { AWS: `arn:aws:iam::${OTHER}:role/x` } }, `S: AWS arn:aws:iam::${OTHER}:role/x`],
    ["anyone narrowed to another account", { Principal: "*", Condition: { StringEquals: { "aws:PrincipalAccount": OTHER } } }, 'S: * "*" without a condition limiting it to this account'],
    ["anyone narrowed by the caller's own account", { Principal: "*", Condition: { StringEquals: { "aws:PrincipalAccount": "&{aws:PrincipalAccount}" } } }, 'S: * "*" without a condition limiting it to this account'],
    ["everyone but one role", { NotPrincipal: { AWS: `arn:aws:iam::${OWN}:role/x` } }, "S: NotPrincipal (everyone it does not list)"],
    ["a federated identity", { Principal: { Federated: "cognito-identity.amazonaws.com" } }, "S: Federated cognito-identity.amazonaws.com"],
  ])("fails a grant to %s", (_, statement, evidence) => {
    expect(verdict(statement)).toBe(`FAIL: grants beyond this account: ${evidence}`);
  });
});
