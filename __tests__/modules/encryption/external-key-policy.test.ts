import {
  externalKeyPolicyDocument,
  externalKeyPolicyFile,
  externalKeyReviewRows,
  externalKeyReviewText,
} from "../../../modules/encryption/external-key-policy";
import { iamOwnAccountGrants } from "../../../modules/guardrails/rules/iam/own-account-grants";
import { iamNoKeyPolicyChanges } from "../../../modules/guardrails/rules/iam/no-key-policy-changes";
import { kmsNoWildcardPrincipal } from "../../../modules/guardrails/rules/kms/no-wildcard-principal";
import { exampleConfig } from "../../helpers/config-fixtures";
import { stackOf, verdicts } from "../guardrails/iam/policy-stacks";

const KEY_ARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const config = exampleConfig((r) => (r.encryption.keyArn = KEY_ARN));
const inOrganization = exampleConfig((r) => Object.assign(r.encryption, { keyArn: KEY_ARN, organizationId: "o-1eax4cor5e" }));

const statement = (sid: string, user = config) => externalKeyPolicyDocument(user).Statement.find((s) => s.Sid === sid)!;
const ROOT = "arn:aws:iam::111122223333:root";

describe("the key-policy statements a security team's key needs, with the organisation's other settings", () => {
  it("name the execution role under the organisation's IAM path, as the role's ARN has it", () => {
    const withPath = exampleConfig((r) => {
      r.encryption.keyArn = KEY_ARN;
      r.roles = { path: "/mwaa/teams/" };
    });
    expect(statement("ExecutionRoleUseThroughSqsAndS3", withPath).Condition).toMatchObject({ ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/mwaa/teams/example-mwaa-execution" } });
  });

  it("let the execution role decrypt the environment's secrets through Secrets Manager when the key encrypts them", () => {
    const withSecrets = exampleConfig((r) => {
      r.encryption.keyArn = KEY_ARN;
      r.secrets = { backend: "secretsmanager" };
    });
    expect(statement("ExecutionRoleDecryptsSecretsThroughSecretsManager", withSecrets)).toMatchObject({
      Action: ["kms:Decrypt"],
      Condition: {
        StringEquals: { "kms:ViaService": "secretsmanager.eu-west-1.amazonaws.com" },
        StringLike: { "kms:EncryptionContext:SecretARN": ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:airflow/example/connections/*", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:airflow/example/variables/*"] },
      },
    });
    expect(statement("ExecutionRoleDecryptsSecretsThroughSecretsManager")).toBeUndefined();
  });

  it("name no flow-log group in a network team's VPC, where no stack creates one", () => {
    const inTeamsVpc = { ...config, network: { ...config.network, mode: "existing" } } as typeof config;
    const groups = JSON.stringify(statement("CloudWatchLogsForThisEnvironment", inTeamsVpc).Condition);
    expect(groups).not.toContain("flow-logs");
    expect(groups).toContain("airflow-example-Task");
  });
});

describe("the key-policy statements a security team's key needs", () => {
  it("are an IAM policy document of Allow statements on the key itself, with real ARNs", () => {
    const document = externalKeyPolicyDocument(config);
    expect(document.Version).toBe("2012-10-17");
    expect(document.Statement.map((s) => s.Sid)).toEqual([
      "CloudWatchLogsForThisEnvironment",
      "ExecutionRoleUseThroughSqsAndS3",
      "MwaaGrantsThroughDeployer",
      "DeployerDescribesKey",
      "DeployerUploadsThroughS3",
    ]);
    for (const s of document.Statement) expect(s).toMatchObject({ Effect: "Allow", Resource: "*" });
    expect(JSON.stringify(document)).not.toMatch(/<|\$\{|\{region\}/);
  });

  it("let CloudWatch Logs of the Region use the key only for this environment's five log groups and its flow logs", () => {
    expect(statement("CloudWatchLogsForThisEnvironment")).toEqual({
      Sid: "CloudWatchLogsForThisEnvironment",
      Effect: "Allow",
      Principal: { Service: "logs.eu-west-1.amazonaws.com" },
      Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
      Resource: "*",
      Condition: {
        ArnEquals: {
          "kms:EncryptionContext:aws:logs:arn": [
            ...["DAGProcessing", "Scheduler", "Task", "WebServer", "Worker"].map((t) => `arn:aws:logs:eu-west-1:111122223333:log-group:airflow-example-${t}`),
            "arn:aws:logs:eu-west-1:111122223333:log-group:/mwaa/example/vpc-flow-logs",
          ],
        },
      },
    });
  });

  it("let the execution role use the key only through SQS and S3, as its own policy does, and only that role", () => {
    expect(statement("ExecutionRoleUseThroughSqsAndS3")).toEqual({
      Sid: "ExecutionRoleUseThroughSqsAndS3",
      Effect: "Allow",
      Principal: { AWS: ROOT },
      Action: ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey*", "kms:Encrypt"],
      Resource: "*",
      Condition: {
        StringLike: { "kms:ViaService": ["sqs.eu-west-1.amazonaws.com", "s3.eu-west-1.amazonaws.com"] },
        ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/example-mwaa-execution" },
      },
    });
  });

  it("add the organization's condition to the execution role's use when the config names one", () => {
    expect(statement("ExecutionRoleUseThroughSqsAndS3", inOrganization).Condition).toMatchObject({ StringEquals: { "aws:PrincipalOrgID": "o-1eax4cor5e" } });
    expect(JSON.stringify(externalKeyPolicyDocument(config))).not.toContain("aws:PrincipalOrgID");
  });

  it("let MWAA create its grants only for AWS resources, through MWAA, with the deployer's permissions", () => {
    expect(statement("MwaaGrantsThroughDeployer")).toEqual({
      Sid: "MwaaGrantsThroughDeployer",
      Effect: "Allow",
      Principal: { AWS: ROOT },
      Action: ["kms:CreateGrant"],
      Resource: "*",
      Condition: { Bool: { "kms:GrantIsForAWSResource": "true" }, StringEquals: { "kms:ViaService": "airflow.eu-west-1.amazonaws.com" } },
    });
  });

  it("pass the guardrails' own key-policy rules: no Allow to anyone, no other account, no key administration", () => {
    const stack = stackOf({ aws_kms_key_policy: { team: { key_id: KEY_ARN, policy: JSON.stringify(externalKeyPolicyDocument(inOrganization)) } } });
    for (const rule of [kmsNoWildcardPrincipal, iamOwnAccountGrants, iamNoKeyPolicyChanges]) {
      expect(verdicts(rule, stack)).toEqual([expect.stringMatching(/^PASS s\/team: /)]);
    }
  });

  it("would fail those rules if a statement allowed anyone (a check that the rules read them)", () => {
    const document = externalKeyPolicyDocument(config);
    const open = { ...document, Statement: [...document.Statement, { ...document.Statement[1], Sid: "Open", Principal: { AWS: "*" }, Condition: { StringLike: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } } }] };
    const stack = stackOf({ aws_kms_key_policy: { team: { key_id: KEY_ARN, policy: JSON.stringify(open) } } });
    expect(verdicts(kmsNoWildcardPrincipal, stack)).toEqual(["FAIL s/team: Allow to anyone without a condition that narrows who: Open"]);
  });

  it("are the same bytes for the same config, pretty-printed with a final newline", () => {
    expect(externalKeyPolicyFile(config)).toBe(externalKeyPolicyFile(exampleConfig((r) => (r.encryption.keyArn = KEY_ARN))));
    expect(externalKeyPolicyFile(config)).toBe(`${JSON.stringify(externalKeyPolicyDocument(config), null, 2)}\n`);
  });
});

describe("what the review tells the key's administrators", () => {
  it("lists each statement, and says only CloudWatch Logs' is needed whatever the key policy delegates to IAM", () => {
    const rows = externalKeyReviewRows(config);
    expect(rows.map((r) => [r.sid, r.coveredByAccountRootStatement])).toEqual([
      ["CloudWatchLogsForThisEnvironment", false],
      ["ExecutionRoleUseThroughSqsAndS3", true],
      ["MwaaGrantsThroughDeployer", true],
      ["DeployerDescribesKey", true],
      ["DeployerUploadsThroughS3", true],
    ]);
    expect(rows[0]).toMatchObject({ principal: "Service logs.eu-west-1.amazonaws.com", conditions: expect.stringMatching(/^ArnEquals kms:EncryptionContext:aws:logs:arn = arn:aws:logs:eu-west-1:111122223333:log-group:airflow-example-DAGProcessing, /) });
    expect(rows[3].conditions).toBe("none");
  });

  it("names the key and the file, and says nothing for an environment whose stacks create their key", () => {
    const text = externalKeyReviewText(config, "cdktf.out/stacks/example-mwaa/key-policy-statements.json");
    expect(text).toMatch(/^The environment is encrypted with arn:aws:kms:eu-west-1:111122223333:key\/1234abcd-12ab-34cd-56ef-1234567890ab, a key the stacks do not own/);
    expect(text).toContain("must add these 5 statements to its key policy (cdktf.out/stacks/example-mwaa/key-policy-statements.json, IAM JSON)");
    expect(text).toMatch(/- CloudWatchLogsForThisEnvironment \(Service logs\.eu-west-1\.amazonaws\.com: .*Always needed\.$/m);
    expect(externalKeyReviewText(exampleConfig(), "x")).toBe("");
  });
});
