import { EnvironmentConfig } from "../../config/environment-config";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { externalKeyPolicyFile } from "../../modules/encryption/external-key-policy";
import { KEY_ADMINISTRATOR_ACTIONS } from "../../modules/encryption/key-use";
import { Finding } from "../../modules/guardrails/evaluate";
import { iamOwnAccountGrants } from "../../modules/guardrails/rules/iam/own-account-grants";
import { kmsNoWildcardPrincipal } from "../../modules/guardrails/rules/kms/no-wildcard-principal";
import { SynthesizedStack } from "../../modules/guardrails/synthesized-stack";
import { synthesizeEnvironments, SynthesisResult } from "../../stacks/synthesize";
import { exampleConfig, withAirflowFiles } from "../helpers/config-fixtures";
import { policyStatements, resourceAt, resources, StackJson, TODAY } from "../helpers/synth";

/*
 * Two environments of the playbook's organization, synthesized and judged once, as `cdktf synth`
 * does: `example` is encrypted with the security team's key (encryption.keyArn), with its Airflow
 * files; `playbook` creates its keys, administered by the security team's roles, its use limited to
 * the organization.
 */

const KEY_ARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const ADMINS = ["arn:aws:iam::111122223333:role/EncryptionKeyMgmtAdmin", "arn:aws:iam::111122223333:role/SysAdmin"];
const ORGANIZATION = "o-1eax4cor5e";

const securityTeamKey = withAirflowFiles(exampleConfig((r) => (r.encryption.keyArn = KEY_ARN)));
const playbook = exampleConfig((r) => {
  r.name = "playbook";
  Object.assign(r.encryption, { keyAdministratorRoleArns: ADMINS, organizationId: ORGANIZATION });
});

let result: SynthesisResult;
beforeAll(async () => {
  result = await synthesizeEnvironments([securityTeamKey, playbook], { outdir: mkdtempSync(join(tmpdir(), "mwaa-security-key-")), today: TODAY, workers: 1 });
});

const published = (stack: string, file = "cdk.tf.json") => join(result.outdir, "stacks", stack, file);
const json = (stack: string): StackJson => JSON.parse(readFileSync(published(stack), "utf8"));
const findingsOf = (ruleId: string, resource: string): Finding[] => result.findings.filter((f) => f.rule.id === ruleId && f.resource === resource);

it("publishes both environments: every guardrail passes", () => {
  expect(result.violations).toEqual([]);
  expect(existsSync(join(result.outdir, "manifest.json"))).toBe(true);
});

describe("the review of an environment encrypted with the security team's key", () => {
  it("lists the statements its administrators must add, and shows the key NOT CHECKED with the encryption control", () => {
    const detail = readFileSync(join(result.outdir, "review", "environments", `${securityTeamKey.name}.md`), "utf8");
    expect(detail).toContain("## The security team's key");
    expect(detail).toContain(`Its administrators must add these 5 statements to its policy before \`cdktf deploy\` of the MWAA stack; the IAM JSON is \`stacks/${securityTeamKey.name}-mwaa/key-policy-statements.json\`.`);
    const summary = readFileSync(join(result.outdir, "REVIEW.md"), "utf8");
    expect(summary).toContain(`| ${securityTeamKey.name} | KMS.ROTATION, KMS.POLICY_DEFINED, KMS.ADMINISTRABLE, KMS.NO_WILDCARD_PRINCIPAL, KMS.USABLE: the security team's key ${KEY_ARN} (config encryption.keyArn) | NOT CHECKED |`);
    expect(summary).toMatch(new RegExp(`\\| ${securityTeamKey.name} \\| 1\\. Encrypted with customer-managed KMS keys \\| NOT CHECKED \\|`));
  });
});

describe("an environment encrypted with the security team's key", () => {
  it("creates no key in its network and MWAA stacks (the state stack keeps its own)", () => {
    for (const stack of ["example-network", "example-mwaa"]) {
      expect(Object.keys(resources(json(stack), "aws_kms_key"))).toEqual([]);
      expect(Object.keys(resources(json(stack), "aws_kms_alias"))).toEqual([]);
    }
    expect(Object.keys(resources(json("example-state"), "aws_kms_key"))).toHaveLength(1);
  });

  it("encrypts the environment, the DAG bucket, its objects, the five log groups and the flow logs with that key's ARN", () => {
    const mwaa = json("example-mwaa");
    expect(resourceAt(mwaa, "aws_mwaa_environment", "airflow/environment").kms_key).toBe(KEY_ARN);
    const encryption = resourceAt(mwaa, "aws_s3_bucket_server_side_encryption_configuration", "dag-bucket/encryption");
    expect(encryption.rule).toEqual([expect.objectContaining({ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: KEY_ARN } })]);
    const objects = Object.values<any>(resources(mwaa, "aws_s3_object"));
    expect(objects.length).toBeGreaterThan(0);
    expect(new Set(objects.map((o) => o.kms_key_id))).toEqual(new Set([KEY_ARN]));
    const groups = Object.values<any>(resources(mwaa, "aws_cloudwatch_log_group"));
    expect(groups.map((g) => [g.name, g.kms_key_id])).toEqual(["DAGProcessing", "Scheduler", "Task", "WebServer", "Worker"].map((t) => [`airflow-example-${t}`, KEY_ARN]));
    expect(resourceAt(json("example-network"), "aws_cloudwatch_log_group", "flow-logs/log-group").kms_key_id).toBe(KEY_ARN);
  });

  it("lets the execution role use that key, and only it, through SQS and S3", () => {
    const use = policyStatements(json("example-mwaa"), "execution-role/permissions").find((s) => s.sid === "UseEnvironmentKeyThroughSqsAndS3");
    expect(use).toMatchObject({ resources: [KEY_ARN], condition: [{ test: "StringLike", variable: "kms:ViaService", values: ["sqs.eu-west-1.amazonaws.com", "s3.eu-west-1.amazonaws.com"] }] });
  });

  it("passes MWAA.CMK_ARN, S3.KMS_ENCRYPTION and LOGS.KMS_ENCRYPTION as the environment's encryption.keyArn", () => {
    expect(findingsOf("MWAA.CMK_ARN", "example-mwaa/airflow/environment").map((f) => `${f.status} ${f.evidence}`)).toEqual([`PASS kms_key = ${KEY_ARN}`]);
    expect(findingsOf("S3.KMS_ENCRYPTION", "example-mwaa/dag-bucket/bucket").map((f) => f.status)).toEqual(["PASS"]);
    expect(findingsOf("LOGS.KMS_ENCRYPTION", "example-mwaa/log-groups/Task")[0].evidence).toMatch(/the environment's encryption\.keyArn/);
  });

  it("publishes, beside the MWAA stack, the statements the key's administrators must add", () => {
    expect(readFileSync(published("example-mwaa", "key-policy-statements.json"), "utf8")).toBe(externalKeyPolicyFile(securityTeamKey));
    expect(existsSync(published("example-network", "key-policy-statements.json"))).toBe(false);
  });

  it("gives its deployers no permission to create, rewrite or delete a key, but the state stack's", () => {
    for (const stack of ["example-network", "example-mwaa"]) {
      const policy = readFileSync(published(stack, "deployer-policy.json"), "utf8");
      expect(policy).not.toMatch(/kms:(CreateKey|PutKeyPolicy|ScheduleKeyDeletion|CreateAlias)/);
    }
    expect(readFileSync(published("example-state", "deployer-policy.json"), "utf8")).toContain("kms:CreateKey");
  });
});

describe("an environment whose keys the security team's roles administer", () => {
  const keyPolicy = (stack: string, pathEnd: string) => policyStatements(json(stack), pathEnd);

  it("names the roles as administrators of every key the stacks create, beside the account root", () => {
    for (const [stack, document] of [["playbook-state", "state-key/policy"], ["playbook-network", "flow-logs-key/policy"], ["playbook-mwaa", "environment-key/policy"]]) {
      const statements = keyPolicy(stack, document);
      expect(statements.find((s) => s.sid === "AccountAdministration")).toMatchObject({ actions: ["kms:*"], principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111122223333:root"] }] });
      expect(statements.find((s) => s.sid === "KeyAdministrators")).toEqual({
        sid: "KeyAdministrators",
        effect: "Allow",
        actions: KEY_ADMINISTRATOR_ACTIONS,
        resources: ["*"],
        principals: [{ type: "AWS", identifiers: ADMINS }],
      });
    }
  });

  it("limits the execution role's use of the environment key to the organization", () => {
    const use = keyPolicy("playbook-mwaa", "environment-key/policy").find((s) => s.sid === "ExecutionRoleUseThroughSqsAndS3");
    expect(use.condition).toContainEqual({ test: "StringEquals", variable: "aws:PrincipalOrgID", values: [ORGANIZATION] });
    expect(use.principals).toEqual([{ type: "AWS", identifiers: ["arn:aws:iam::111122223333:root"] }]);
  });

  it("passes the key rules: administration for the root and the named roles only, no Allow to anyone, nothing beyond the account", () => {
    for (const rule of ["KMS.ADMINISTRABLE", "KMS.NO_WILDCARD_PRINCIPAL", "IAM.NO_KEY_ADMINISTRATION", "IAM.OWN_ACCOUNT_GRANTS"]) {
      expect(findingsOf(rule, "playbook-mwaa/environment-key/key").map((f) => f.status)).toEqual(["PASS"]);
    }
  });

  describe("an Allow to anyone added to its key policy", () => {
    /** The playbook-mwaa stack as written, with `statement` added to the environment key's policy. */
    const withStatement = (statement: object) => {
      const written = json("playbook-mwaa");
      const document = Object.values<any>(written.data.aws_iam_policy_document).find((d) => d["//"].metadata.path.endsWith("environment-key/policy"));
      document.statement.push(statement);
      return Object.assign(new SynthesizedStack("playbook-mwaa", written), { keyAdministrators: ADMINS });
    };
    const use = { effect: "Allow", actions: ["kms:Decrypt"], resources: ["*"], principals: [{ type: "AWS", identifiers: ["*"] }] };
    const judged = (rule: typeof kmsNoWildcardPrincipal, stack: SynthesizedStack) => rule.evaluate(stack).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.evidence}`);

    it("fails KMS.NO_WILDCARD_PRINCIPAL when only kms:ViaService conditions it (the path, not who)", () => {
      const stack = withStatement({ ...use, sid: "UseThroughS3", condition: [{ test: "StringEquals", variable: "kms:ViaService", values: ["s3.eu-west-1.amazonaws.com"] }] });
      expect(judged(kmsNoWildcardPrincipal, stack)).toEqual(["FAIL Allow to anyone without a condition that narrows who: UseThroughS3"]);
    });

    it("passes KMS.NO_WILDCARD_PRINCIPAL with the playbook's aws:PrincipalOrgID, which IAM.OWN_ACCOUNT_GRANTS still fails: an organization is not this account", () => {
      const stack = withStatement({ ...use, sid: "UseInOrganization", condition: [{ test: "StringEquals", variable: "aws:PrincipalOrgID", values: [ORGANIZATION] }] });
      expect(judged(kmsNoWildcardPrincipal, stack)[0]).toMatch(/^PASS/);
      expect(judged(iamOwnAccountGrants, stack).filter((line) => line.startsWith("FAIL"))).toEqual([expect.stringMatching(/UseInOrganization: AWS "\*" without a condition limiting it to this account/)]);
    });
  });
});

// Last: it synthesizes again into the same folder, replacing what the tests above read.
it("publishes no key-policy statements when a guardrail fails, and removes the previous synth's", async () => {
  expect(existsSync(published("example-mwaa", "key-policy-statements.json"))).toBe(true);
  const failing: EnvironmentConfig = { ...securityTeamKey, logging: { ...securityTeamKey.logging, retentionDays: 30 } };
  const again = await synthesizeEnvironments([failing], { outdir: result.outdir, today: TODAY, workers: 1 });
  expect(again.violations.length).toBeGreaterThan(0);
  expect(existsSync(published("example-mwaa", "key-policy-statements.json"))).toBe(false);
  expect(existsSync(join(result.outdir, ".synth"))).toBe(false);
});
