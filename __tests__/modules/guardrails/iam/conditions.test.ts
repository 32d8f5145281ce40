import { narrowsPrincipals, restricts } from "../../../../modules/guardrails/iam/conditions";
import { kmsNoWildcardPrincipal } from "../../../../modules/guardrails/rules/kms/no-wildcard-principal";
import { documentJson, stackOf, verdicts } from "./policy-stacks";

const condition = (test: string, variable: string, ...values: string[]) => ({ test, variable, values });

describe("a condition that narrows who may act", () => {
  it.each([
    ["StringEquals", "aws:PrincipalOrgID", "o-a1b2c3d4e5"],
    ["StringEquals", "aws:SourceAccount", "111122223333"],
    ["StringEquals", "KMS:CallerAccount", "111122223333"],
    ["ArnLike", "aws:SourceArn", "arn:aws:airflow:eu-west-1:111122223333:environment/*"],
    ["ArnEquals", "aws:PrincipalArn", "arn:aws:iam::111122223333:role/reader"],
    ["StringLike", "aws:SourceArn", "arn:aws:s3:::example-dags"],
    ["ArnLike", "aws:SourceArn", "${aws_mwaa_environment.env.arn}"],
    ["StringEquals", "aws:PrincipalAccount", "${data.aws_caller_identity.current.account_id}"],
    ["ForAnyValue:StringLike", "aws:PrincipalOrgPaths", "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"],
    ["StringEquals", "aws:SourceVpce", "vpce-1a2b3c4d"],
  ])("counts %s %s %s", (test, variable, value) => {
    expect(restricts(condition(test, variable, value), "principal")).toBe(true);
  });

  it.each([
    ["StringLike", "aws:PrincipalArn", "*"],
    ["ArnLike", "aws:PrincipalArn", "arn:aws:iam::*:*"],
    ["ArnLike", "aws:SourceArn", "arn:*:*:*:*:*"],
    ["StringLike", "aws:SourceAccount", "1111*"],
    ["StringEqualsIfExists", "aws:PrincipalOrgID", "o-a1b2c3d4e5"],
    ["ForAllValues:StringEquals", "aws:PrincipalOrgID", "o-a1b2c3d4e5"],
    ["ForAnyValue:StringEquals", "aws:PrincipalOrgID", "o-a1b2c3d4e5"],
    ["StringNotEquals", "aws:PrincipalAccount", "444455556666"],
    ["Null", "aws:PrincipalOrgID", "false"],
    ["Bool", "aws:SecureTransport", "true"],
    ["StringLike", "kms:ViaService", "s3.eu-west-1.amazonaws.com"],
    ["StringEquals", "aws:username", "alice"],
    ["ForAnyValue:StringLike", "aws:PrincipalOrgPaths", "*"],
    ["ArnEquals", "aws:PrincipalAccount", "111122223333"],
    // IAM policy variables are the caller's own values: these hold for every caller.
    ["StringEquals", "aws:PrincipalAccount", "&{aws:PrincipalAccount}"],
    ["ArnLike", "aws:PrincipalArn", "arn:aws:iam::&{aws:PrincipalAccount}:*"],
    ["StringEquals", "aws:PrincipalAccount", "$${aws:PrincipalAccount}"],
  ])("does not count %s %s %s", (test, variable, value) => {
    expect(restricts(condition(test, variable, value), "principal")).toBe(false);
  });

  it("does not count a condition one value of which matches everything", () => {
    expect(restricts(condition("StringLike", "aws:PrincipalArn", "arn:aws:iam::111122223333:role/reader", "*"), "principal")).toBe(false);
  });

  it("narrows a statement when one of its conditions does, since all must hold", () => {
    const statement = { condition: [condition("Bool", "aws:SecureTransport", "true"), condition("StringEquals", "aws:PrincipalOrgID", "o-a1b2c3d4e5")] };
    expect(narrowsPrincipals(statement)).toBe(true);
    expect(narrowsPrincipals({ condition: [condition("Bool", "aws:SecureTransport", "true")] })).toBe(false);
  });
});

describe("KMS.NO_WILDCARD_PRINCIPAL", () => {
  const keyWith = (conditions: object[]) =>
    stackOf(
      { aws_kms_key: { key: { policy: documentJson("key") } } },
      { aws_iam_policy_document: { key: { statement: [{ sid: "Anyone", effect: "Allow", actions: ["kms:Decrypt"], resources: ["*"], principals: [{ type: "AWS", identifiers: ["*"] }], condition: conditions }] } } },
    );

  it("passes an Allow to \"*\" narrowed to this organization", () => {
    expect(verdicts(kmsNoWildcardPrincipal, keyWith([condition("StringEquals", "aws:PrincipalOrgID", "o-a1b2c3d4e5")]))[0]).toMatch(/^PASS s\/key/);
  });

  it("fails an Allow to \"*\" whose condition is StringLike aws:PrincipalArn \"*\"", () => {
    expect(verdicts(kmsNoWildcardPrincipal, keyWith([condition("StringLike", "aws:PrincipalArn", "*")]))).toEqual(["FAIL s/key: Allow to anyone without a condition that narrows who: Anyone"]);
  });
});
