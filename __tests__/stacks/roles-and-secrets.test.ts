import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { vpcEndpointPolicies } from "../../modules/guardrails/rules/vpc/endpoint-policies";
import { SynthesizedStack } from "../../modules/guardrails/synthesized-stack";
import { synthesizeEnvironments } from "../../stacks/synthesize";
import { exampleConfig } from "../helpers/config-fixtures";
import { TODAY } from "../helpers/synth";

/*
 * The organisation's roles (a boundary, a path, statements of its own for the DAGs) and Airflow's
 * Secrets Manager backend, synthesized and judged as `cdktf synth` does: one compliant environment,
 * one whose config carries hostile statements.
 */

const BOUNDARY = "arn:aws:iam::111122223333:policy/org/mwaa-boundary";
const REPORTS = ["arn:aws:s3:::reports-111122223333", "arn:aws:s3:::reports-111122223333/*"];

const compliant = exampleConfig((raw) => {
  raw.roles = {
    permissionsBoundaryArn: BOUNDARY,
    path: "/mwaa/",
    executionRoleStatements: [{ Sid: "ReadReports", Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: REPORTS, Condition: { StringEquals: { "aws:ResourceAccount": "111122223333" } } }],
  };
  raw.secrets = { backend: "secretsmanager" };
});

/** Statements a hostile pull request puts in config, each against another guardrail. */
const hostile = exampleConfig((raw) => {
  raw.roles = {
    executionRoleStatements: [
      { Sid: "WholeService", Effect: "Allow", Action: "s3:*", Resource: REPORTS },
      { Sid: "EveryBucket", Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
      { Sid: "PassAnyRole", Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::111122223333:role/admin" },
      { Sid: "RewriteKeys", Effect: "Allow", Action: "kms:PutKeyPolicy", Resource: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" },
      { Sid: "EverySecret", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:*" },
    ],
  };
  raw.secrets = { backend: "secretsmanager" };
});

const synthesize = async (config: typeof compliant) => synthesizeEnvironments([config], { outdir: mkdtempSync(join(tmpdir(), "mwaa-roles-")), today: TODAY });

const stackNamed = (stacks: readonly SynthesizedStack[], name: string) => stacks.find((s) => s.name === name)!;
const at = (stack: SynthesizedStack, type: string, pathEnd: string) => stack.resources(type).find((r) => r.path.endsWith(pathEnd))!;
const statementsOf = (stack: SynthesizedStack, policy: unknown) => stack.policyStatements(policy)!;

describe("an environment with the organisation's roles and the Secrets Manager backend", () => {
  let result: Awaited<ReturnType<typeof synthesize>>;
  beforeAll(async () => {
    result = await synthesize(compliant);
  });
  const network = () => stackNamed(result.stacks, "example-network");
  const mwaa = () => stackNamed(result.stacks, "example-mwaa");

  it("passes every guardrail", () => {
    expect(result.violations).toEqual([]);
  });

  it("gives every role of every stack the boundary and the path", () => {
    const roles = result.stacks.flatMap((stack) => stack.resources("aws_iam_role"));
    expect(roles.map((r) => r.path).sort()).toEqual(["example-mwaa/execution-role/role", "example-network/flow-logs/role"]);
    for (const role of roles) expect([role.config.permissions_boundary, role.config.path]).toEqual([BOUNDARY, "/mwaa/"]);
  });

  it("adds a secretsmanager endpoint with private DNS in both subnets, admitting only reads of this environment's secrets by this account", () => {
    const endpoint = at(network(), "aws_vpc_endpoint", "secrets-manager-endpoint/endpoint");
    expect([endpoint.config.service_name, endpoint.config.vpc_endpoint_type, endpoint.config.private_dns_enabled, endpoint.config.subnet_ids.length]).toEqual([
      "com.amazonaws.eu-west-1.secretsmanager",
      "Interface",
      true,
      2,
    ]);
    expect(statementsOf(network(), endpoint.config.policy)).toEqual([
      {
        sid: "ReadEnvironmentSecretsFromThisAccount",
        effect: "Allow",
        actions: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
        resources: ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:airflow/example/connections/*", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:airflow/example/variables/*"],
        principals: [{ type: "*", identifiers: ["*"] }],
        condition: [{ test: "StringEquals", variable: "aws:PrincipalAccount", values: ["111122223333"] }],
      },
    ]);
    const judged = result.findings.filter((f) => f.resource.endsWith("secrets-manager-endpoint/endpoint")).map((f) => `${f.rule.id} ${f.status}`);
    expect(judged).toEqual(expect.arrayContaining(["VPC.ENDPOINT_POLICIES PASS"]));
  });

  it("would fail VPC.ENDPOINT_POLICIES with AWS's full-access default: the endpoint reaches every account's secrets", () => {
    const json = JSON.parse(JSON.stringify(network().json));
    delete Object.values<any>(json.resource.aws_vpc_endpoint).find((e) => e["//"].metadata.path.endsWith("secrets-manager-endpoint/endpoint")).policy;
    const verdicts = vpcEndpointPolicies.evaluate(new SynthesizedStack("example-network", json)).filter((e) => !e.compliant);
    expect(verdicts.map((e) => `${e.resource}: ${e.evidence}`)).toEqual([expect.stringMatching(/^example-network\/secrets-manager-endpoint\/endpoint: secretsmanager interface endpoint without a policy/)]);
  });

  it("lets the execution role read exactly the environment's prefixes, and decrypt them only through Secrets Manager", () => {
    const policy = at(mwaa(), "aws_iam_role_policy", "execution-role/policy");
    const secrets = ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:airflow/example/connections/*", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:airflow/example/variables/*"];
    const key = `\${${at(mwaa(), "aws_kms_key", "environment-key/key").type}.${at(mwaa(), "aws_kms_key", "environment-key/key").logicalId}.arn}`;
    expect(statementsOf(mwaa(), policy.config.policy).slice(-2)).toEqual([
      { sid: "ReadEnvironmentSecrets", effect: "Allow", actions: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], resources: secrets },
      {
        sid: "DecryptEnvironmentSecretsThroughSecretsManager",
        effect: "Allow",
        actions: ["kms:Decrypt"],
        resources: [key],
        condition: [
          { test: "StringEquals", variable: "kms:ViaService", values: ["secretsmanager.eu-west-1.amazonaws.com"] },
          { test: "StringLike", variable: "kms:EncryptionContext:SecretARN", values: secrets },
        ],
      },
    ]);
    expect(result.findings.filter((f) => f.rule.id === "IAM.SECRETS_SCOPE" && f.resource.endsWith("execution-role/policy")).map((f) => f.evidence)).toEqual([
      "reads only secrets under airflow/example/connections/, airflow/example/variables/",
    ]);
  });

  it("tells Airflow to read connections and variables from those prefixes", () => {
    const options = at(mwaa(), "aws_mwaa_environment", "airflow/environment").config.airflow_configuration_options;
    expect(options["secrets.backend"]).toBe("airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend");
    expect(JSON.parse(options["secrets.backend_kwargs"])).toEqual({ connections_prefix: "airflow/example/connections", variables_prefix: "airflow/example/variables" });
  });

  it("gives the execution role the config's statements in their own policy, which the environment waits for", () => {
    const policy = at(mwaa(), "aws_iam_role_policy", "execution-role/dag-policy");
    expect(policy.config.name).toBe("dag-permissions");
    expect(statementsOf(mwaa(), policy.config.policy)).toEqual([
      { sid: "ReadReports", effect: "Allow", actions: ["s3:GetObject", "s3:ListBucket"], resources: REPORTS, condition: [{ test: "StringEquals", variable: "aws:ResourceAccount", values: ["111122223333"] }] },
    ]);
    expect(at(mwaa(), "aws_mwaa_environment", "airflow/environment").config.depends_on).toContain(`aws_iam_role_policy.${policy.logicalId}`);
  });
});

describe("hostile statements in an environment's config", () => {
  it("fail the synth, each with the guardrail it breaks, on the execution role's config policy", async () => {
    const { violations } = await synthesize(hostile);
    const onConfigPolicy = violations.filter((v) => v.includes("example-mwaa/execution-role/dag-policy:"));
    expect(onConfigPolicy.map((v) => /^\[([^\]]+)\]/.exec(v)![1]).sort()).toEqual([
      "IAM.NO_KEY_ADMINISTRATION",
      "IAM.NO_PASS_ROLE",
      "IAM.NO_WILDCARD_ACTIONS",
      "IAM.SECRETS_SCOPE",
      "IAM.WILDCARD_RESOURCES",
    ]);
    expect(violations).toContainEqual(expect.stringMatching(/^\[IAM\.NO_WILDCARD_ACTIONS\] example-mwaa\/execution-role\/dag-policy: .*Found: wildcard actions: s3:\* matches every s3 action/));
    expect(violations).toContainEqual(expect.stringMatching(/^\[IAM\.SECRETS_SCOPE\] example-mwaa\/execution-role\/dag-policy: .*Found: beyond this environment's secrets: EverySecret: GetSecretValue on arn:aws:secretsmanager:eu-west-1:111122223333:secret:\*/));
    expect(violations.filter((v) => !onConfigPolicy.includes(v))).toEqual([]);
  });
});
