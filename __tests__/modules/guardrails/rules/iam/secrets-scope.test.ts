import { secretsManagerOptions } from "../../../../../modules/airflow/secrets-manager-backend";
import { iamSecretsScope } from "../../../../../modules/guardrails/rules/iam/secrets-scope";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";

const SECRETS = "arn:aws:secretsmanager:eu-west-1:111122223333:secret";
const OWN_OPTIONS = secretsManagerOptions({ connectionsPrefix: "airflow/prod/connections", variablesPrefix: "airflow/prod/variables" });

/**
 * The verdicts on a stack whose MWAA environment has `options`, whose role policy holds
 * `statements`, and whose managed policy `extra` (if any) is attached to the role.
 */
function verdicts(statements: object[], options: Record<string, string> | string = OWN_OPTIONS, extra?: object[]): string[] {
  const path = (name: string) => ({ "//": { metadata: { path: `s/${name}` } } });
  const stack = new SynthesizedStack("s", {
    provider: { aws: [{ region: "eu-west-1", allowed_account_ids: ["111122223333"] }] },
    resource: {
      aws_iam_role: { role: { ...path("role"), name: "execution" } },
      aws_iam_role_policy: { policy: { ...path("policy"), name: "p", role: "${aws_iam_role.role.name}", policy: "${data.aws_iam_policy_document.permissions.json}" } },
      aws_mwaa_environment: { environment: { ...path("environment"), name: "prod", execution_role_arn: "${aws_iam_role.role.arn}", airflow_configuration_options: options } },
      ...(extra
        ? {
            aws_iam_policy: { extra: { ...path("extra"), policy: JSON.stringify({ Version: "2012-10-17", Statement: extra }) } },
            aws_iam_role_policy_attachment: { attach: { ...path("attach"), role: "execution", policy_arn: "${aws_iam_policy.extra.arn}" } },
          }
        : {}),
    },
    data: { aws_iam_policy_document: { permissions: { statement: statements } } },
  });
  return iamSecretsScope.evaluate(stack).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`);
}

const read = (resources: string[], actions = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]) => ({ effect: "Allow", actions, resources });

describe("IAM.SECRETS_SCOPE", () => {
  it("passes reads of the secrets under the environment's prefixes, and policies with no Secrets Manager access", () => {
    expect(verdicts([read([`${SECRETS}:airflow/prod/connections/*`, `${SECRETS}:airflow/prod/variables/db-??????`])])).toEqual([
      "PASS s/policy: reads only secrets under airflow/prod/connections/, airflow/prod/variables/",
    ]);
    expect(verdicts([{ effect: "Allow", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] }])).toEqual(["PASS s/policy: no Secrets Manager access"]);
  });

  it.each([
    ["every secret of the Region", [`${SECRETS}:*`]],
    ["another environment's prefix", [`${SECRETS}:airflow/dev/connections/*`]],
    ["a longer name that only starts like the prefix", [`${SECRETS}:airflow/prod/connections-other/*`]],
    ["the prefix without its separator", [`${SECRETS}:airflow/prod/connections*`]],
    ["another Region", ["arn:aws:secretsmanager:us-east-1:111122223333:secret:airflow/prod/connections/*"]],
    ["another account", ["arn:aws:secretsmanager:eu-west-1:444455556666:secret:airflow/prod/connections/*"]],
    ["any Region", ["arn:aws:secretsmanager:*:111122223333:secret:airflow/prod/connections/*"]],
    ["\"*\"", ["*"]],
  ])("fails a read of %s", (_, resources) => {
    expect(verdicts([read(resources)])).toEqual([expect.stringMatching(/^FAIL s\/policy: beyond this environment's secrets: statement 1: DescribeSecret, GetSecretValue on /)]);
  });

  it("fails a wildcard action, NotAction and ListSecrets: they write or list secrets too", () => {
    expect(verdicts([read([`${SECRETS}:airflow/prod/connections/*`], ["secretsmanager:*"])])).toEqual([
      expect.stringMatching(/^FAIL s\/policy: .*statement 1: CancelRotateSecret, CreateSecret, DeleteResourcePolicy, DeleteSecret and \d+ more \(lists every secret of the account, or changes secrets/),
    ]);
    expect(verdicts([{ effect: "Allow", not_actions: ["s3:*"], resources: [`${SECRETS}:airflow/prod/connections/*`] }])).toEqual([expect.stringMatching(/^FAIL .*changes secrets/)]);
    expect(verdicts([read(["*"], ["secretsmanager:ListSecrets"])])).toEqual([expect.stringMatching(/^FAIL .*ListSecrets \(lists every secret of the account/)]);
  });

  it("fails NotResource, which reaches every secret it does not list", () => {
    expect(verdicts([{ effect: "Allow", actions: ["secretsmanager:GetSecretValue"], not_resources: [`${SECRETS}:other/*`] }])).toEqual([
      expect.stringMatching(/^FAIL .*GetSecretValue on NotResource \(every secret it does not list\)/),
    ]);
  });

  it("judges a policy attached from elsewhere in the stack like the role's own, and leaves Deny statements alone", () => {
    expect(verdicts([{ effect: "Deny", actions: ["secretsmanager:*"], resources: ["*"] }], OWN_OPTIONS, [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: `${SECRETS}:*` }])).toEqual([
      "PASS s/policy: no Secrets Manager access",
      expect.stringMatching(/^FAIL s\/extra: beyond this environment's secrets: statement 1: GetSecretValue on/),
    ]);
  });

  it("allows no secret when the environment reads none, or only the backend's defaults shared by every environment", () => {
    const anyRead = [read([`${SECRETS}:airflow/connections/*`])];
    expect(verdicts(anyRead, {})).toEqual([expect.stringMatching(/^FAIL .*\(the environment reads no secret from Secrets Manager\)/)]);
    expect(verdicts(anyRead, { "secrets.backend": OWN_OPTIONS["secrets.backend"] })).toEqual([expect.stringMatching(/^FAIL /)]);
  });

  it("fails closed on options no rule can read, and on a prefix that is a wildcard", () => {
    const own = [read([`${SECRETS}:airflow/prod/connections/*`])];
    expect(verdicts(own, "${var.options}")).toEqual([expect.stringMatching(/^FAIL .*the secrets s\/environment reads cannot be told: airflow_configuration_options is/)]);
    expect(verdicts(own, { ...OWN_OPTIONS, "secrets.backend_kwargs": "${jsonencode(var.kwargs)}" })).toEqual([expect.stringMatching(/^FAIL .*is not a JSON object/)]);
    expect(verdicts(own, { ...OWN_OPTIONS, "secrets.backend_kwargs": '{"connections_prefix": "airflow/prod/connections", "sep": "_"}' })).toEqual([expect.stringMatching(/^FAIL .*sets sep = "_"/)]);
    expect(verdicts([read([`${SECRETS}:air*/x`])], { ...OWN_OPTIONS, "secrets.backend_kwargs": '{"connections_prefix": "air*"}' })).toEqual([expect.stringMatching(/^FAIL .*reads secrets under "air\*", which is not one prefix/)]);
  });

  it("reads the prefixes of the workers' backend too, whatever the case of the option names", () => {
    const workers = { "Workers.Secrets_Backend": OWN_OPTIONS["secrets.backend"], "workers.secrets_backend_kwargs": '{"variables_prefix": "airflow/prod/worker-variables"}' };
    expect(verdicts([read([`${SECRETS}:airflow/prod/worker-variables/*`])], workers)).toEqual(["PASS s/policy: reads only secrets under airflow/prod/worker-variables/"]);
  });
});
