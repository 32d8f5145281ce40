import { iamConfusedDeputy } from "../../../../modules/guardrails/rules/iam/confused-deputy";
import { iamTrustedPrincipals } from "../../../../modules/guardrails/rules/iam/trusted-principals";
import { ACCOUNT, documentJson, stackOf, verdicts } from "./policy-stacks";

const ENVIRONMENT_ARN = `arn:aws:airflow:eu-west-1:${ACCOUNT}:environment/example`;
const fromSource = (account = ACCOUNT, arn = ENVIRONMENT_ARN, arnTest = "ArnLike") => [
  { test: "StringEquals", variable: "aws:SourceAccount", values: [account] },
  { test: arnTest, variable: "aws:SourceArn", values: [arn] },
];
const mwaa = { sid: "Mwaa", effect: "Allow", actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["airflow.amazonaws.com", "airflow-env.amazonaws.com"] }], condition: fromSource() };

/** The role `s/role` with these trust statements, used as an MWAA execution role unless `used` is false. */
const trusting = (statements: object[], used = true) =>
  stackOf(
    { aws_iam_role: { role: { name: "exec", assume_role_policy: documentJson("trust") } }, ...(used ? { aws_mwaa_environment: { env: { name: "example", execution_role_arn: "${aws_iam_role.role.arn}" } } } : {}) },
    { aws_iam_policy_document: { trust: { statement: statements } } },
  );

describe("IAM.TRUSTED_PRINCIPALS", () => {
  it("passes a trust of exactly the services of the resource that uses the role", () => {
    expect(verdicts(iamTrustedPrincipals, trusting([mwaa]))).toEqual(["PASS s/role: admits only airflow.amazonaws.com, airflow-env.amazonaws.com (the MWAA environment's execution role)"]);
    const flowLogs = stackOf(
      { aws_iam_role: { role: { name: "fl", assume_role_policy: documentJson("trust") } }, aws_flow_log: { log: { iam_role_arn: "${aws_iam_role.role.arn}" } } },
      { aws_iam_policy_document: { trust: { statement: [{ actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["vpc-flow-logs.amazonaws.com"] }] }] } } },
    );
    expect(verdicts(iamTrustedPrincipals, flowLogs)[0]).toMatch(/^PASS s\/role: admits only vpc-flow-logs.amazonaws.com/);
  });

  it.each([
    ["another account", { type: "AWS", identifiers: ["arn:aws:iam::444455556666:root"] }, "AWS: arn:aws:iam::444455556666:root"],
    ["everyone", { type: "*", identifiers: ["*"] }, "*: *"],
    ["a federated identity", { type: "Federated", identifiers: ["arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"] }, "Federated: arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"],
    ["a service the role is not made for", { type: "Service", identifiers: ["ec2.amazonaws.com"] }, "Service: ec2.amazonaws.com"],
  ])("fails a trust that also admits %s", (_what, principal, shown) => {
    const statement = { ...mwaa, principals: [...mwaa.principals, principal] };
    expect(verdicts(iamTrustedPrincipals, trusting([statement]))).toEqual([
      `FAIL s/role: admits ${shown}; intended: airflow.amazonaws.com, airflow-env.amazonaws.com (the MWAA environment's execution role)`,
    ]);
  });

  it("fails NotPrincipal, which admits everyone it does not list", () => {
    const statement = { sid: "AllBut", actions: ["sts:AssumeRole"], not_principals: [{ type: "AWS", identifiers: ["arn:aws:iam::444455556666:root"] }] };
    expect(verdicts(iamTrustedPrincipals, trusting([mwaa, statement]))[0]).toMatch(/^FAIL s\/role: admits everyone but AWS: arn:aws:iam::444455556666:root \(NotPrincipal in AllBut\)/);
  });

  it("fails a service trust of a role that no resource of the stack uses", () => {
    expect(verdicts(iamTrustedPrincipals, trusting([mwaa], false))).toEqual([
      "FAIL s/role: admits Service: airflow.amazonaws.com, Service: airflow-env.amazonaws.com; intended: none: no resource of this stack uses the role",
    ]);
  });
});

describe("IAM.CONFUSED_DEPUTY", () => {
  it("passes service trust conditioned on this account and the resource's ARN", () => {
    expect(verdicts(iamConfusedDeputy, trusting([mwaa]))).toEqual(["PASS s/role: service trust conditioned on aws:SourceAccount and aws:SourceArn"]);
  });

  it.each([
    ["no conditions", [], "Mwaa lacks aws:SourceAccount = 111122223333 and a restricting aws:SourceArn"],
    ["another account", fromSource("444455556666"), "Mwaa lacks aws:SourceAccount = 111122223333"],
    ["StringLike aws:SourceArn \"*\"", fromSource(ACCOUNT, "*", "StringLike"), "Mwaa lacks a restricting aws:SourceArn"],
    ["an ARN of any account", fromSource(ACCOUNT, "arn:aws:airflow:*:*:environment/*"), "Mwaa lacks a restricting aws:SourceArn"],
    ["ArnLikeIfExists", fromSource(ACCOUNT, ENVIRONMENT_ARN, "ArnLikeIfExists"), "Mwaa lacks a restricting aws:SourceArn"],
  ])("fails %s", (_what, condition, gap) => {
    expect(verdicts(iamConfusedDeputy, trusting([{ ...mwaa, condition }]))).toEqual([`FAIL s/role: unconditioned service trust: ${gap}`]);
  });
});
