import { App } from "cdktf";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EnvironmentConfig } from "../../config/environment-config";
import { addEnvironmentStacks } from "../../stacks/environment-app";
import { synthesizeEnvironments } from "../../stacks/synthesize";
import { exampleConfig } from "../helpers/config-fixtures";

import { TODAY } from "../helpers/synth";
const outdir = () => mkdtempSync(join(tmpdir(), "mwaa-synthesize-"));

function synthesize(config: EnvironmentConfig) {
  const result = synthesizeEnvironments([config], { outdir: outdir(), today: TODAY });
  return { ...result, review: readFileSync(join(result.outdir, "REVIEW.md"), "utf8") };
}

const shortRetention = (acknowledgements: object[] = []) =>
  exampleConfig((raw) => {
    raw.logging.retentionDays = 30;
    raw.guardrails = { acknowledgements };
  });

describe("synthesizing with guardrails", () => {
  it("passes the example environment with no violation", () => {
    const { violations, review } = synthesize(exampleConfig());
    expect(violations).toEqual([]);
    expect(review).toContain("**No guardrail violation.**");
  });

  it("reports a violation with the rule id, the resource path, what was found and the fix", () => {
    const { violations } = synthesize(shortRetention());
    expect(violations).toHaveLength(5);
    expect(violations).toContain(
      "[LOGS.RETENTION] example-mwaa/log-groups/Task: Log groups keep logs for at least a year, with the retention set explicitly. Found: retention_in_days = 30. Fix: Set logging.retentionDays / network.flowLogRetentionDays to 365 or more (or 0 to never expire), or acknowledge a shorter retention.",
    );
  });

  it("turns acknowledged violations into ACKNOWLEDGED rows with their reason and expiry", () => {
    const { violations, review } = synthesize(
      shortRetention([{ rule: "LOGS.RETENTION", resource: "example-mwaa/log-groups/*", reason: "Sandbox: logs are not kept past a month", expires: "2027-01-31" }]),
    );
    expect(violations).toEqual([]);
    expect(review).toMatch(/\| example-mwaa\/log-groups\/Task \| ACKNOWLEDGED \| retention_in_days = 30\. Acknowledged until 2027-01-31: Sandbox: logs are not kept past a month \|/);
    expect(review).toContain("Guardrails: 97 pass, 0 fail, 5 acknowledged.");
  });

  it("makes a violation an error again once its acknowledgement has expired, on the expiry day itself", () => {
    const { violations, review } = synthesize(
      shortRetention([{ rule: "LOGS.RETENTION", resource: "example-mwaa/log-groups/Task", reason: "Sandbox: logs are not kept past a month", expires: TODAY }]),
    );
    expect(violations).toHaveLength(5);
    expect(violations.find((v) => v.includes("log-groups/Task"))).toContain(`(its acknowledgement expired on ${TODAY})`);
    expect(review).toMatch(/\| example-mwaa\/log-groups\/Task \| FAIL \| retention_in_days = 30\. Acknowledgement expired on 2026-11-23 \|/);
  });

  it("judges what is synthesized, so an escape-hatch override cannot slip past", () => {
    const app = new App({ outdir: outdir() });
    const [environment] = addEnvironmentStacks(app, [exampleConfig()], { today: TODAY });
    environment.mwaa.key.key.addOverride("enable_key_rotation", false);
    environment.mwaa.dagBucket.bucket.addOverride("force_destroy", true);
    app.synth();
    const failures = environment.guardrails.findings.get("example-mwaa")!.filter((f) => f.status === "FAIL");
    expect(failures.map((f) => [f.rule.id, f.resource])).toEqual([
      ["KMS.ROTATION", "example-mwaa/environment-key/key"],
      ["S3.NO_FORCE_DESTROY", "example-mwaa/dag-bucket/bucket"],
    ]);
  });

  it("judges exactly the JSON it writes", () => {
    const dir = outdir();
    const app = new App({ outdir: dir });
    const [environment] = addEnvironmentStacks(app, [exampleConfig()], { today: TODAY });
    app.synth();
    for (const [name, stack] of environment.guardrails.stacks) {
      expect(JSON.parse(JSON.stringify(stack.json))).toEqual(JSON.parse(readFileSync(join(dir, "stacks", name, "cdk.tf.json"), "utf8")));
    }
  });
});

describe("the review report", () => {
  let review: string;
  beforeAll(() => {
    ({ review } = synthesize(exampleConfig()));
  });
  const section = (heading: string) => review.split(`\n${heading}\n`)[1]?.split(/\n#{2,3} /)[0] ?? "";

  it("draws the architecture as a Mermaid diagram", () => {
    expect(section("### Architecture")).toMatch(/^\n```mermaid\nflowchart LR\n[\s\S]*MWAA example<br\/>mw1\.small, Airflow 2\.11\.0<br\/>PRIVATE_ONLY[\s\S]*```/);
  });

  it("says how each control of the security playbook is met, CloudTrail as out of scope", () => {
    const playbook = section("### Security playbook controls");
    for (const control of ["1. Encrypted with customer-managed KMS keys", "2. VPC endpoints", "3. Least-privilege execution role", "4. CloudTrail logging enabled for MWAA", "Operations 1. Resources tagged"]) {
      expect(playbook).toContain(control);
    }
    expect(playbook).toMatch(/4\. CloudTrail logging enabled for MWAA \| Out of scope for these stacks/);
    expect(playbook.match(/\| PASS \|/g)).toHaveLength(5);
  });

  it("lists every evaluation in the controls table with its source ids and evidence", () => {
    const controls = section("### Controls");
    expect(controls).toContain("| rule | source ids | resource | status | evidence |");
    expect(controls).toContain("| MWAA.CMK_ARN: The environment is encrypted with a customer-managed key, given by its ARN | Playbook 1 (customer-managed KMS keys), Seed post: key id instead of ARN failed the deploy | example-mwaa/airflow/environment | PASS | kms_key = environment-key/key.arn |");
    expect(controls.match(/\| PASS \|/g)!.length).toBe(102);
  });

  it("tabulates the IAM statements of every policy from the synthesized documents", () => {
    const iam = section("### IAM");
    expect(iam).toContain("| trust of role example-mwaa-execution | Service: airflow.amazonaws.com, airflow-env.amazonaws.com | Allow | sts:AssumeRole |  | StringEquals aws:SourceAccount = 111122223333; ArnLike aws:SourceArn = arn:aws:airflow:eu-west-1:111122223333:environment/example |");
    expect(iam).toContain("| policy mwaa-execution of execution-role/role | role execution-role/role | Allow | kms:Decrypt, kms:DescribeKey, kms:GenerateDataKey*, kms:Encrypt | environment-key/key.arn | StringLike kms:ViaService = sqs.eu-west-1.amazonaws.com, s3.eu-west-1.amazonaws.com |");
  });

  it("summarises endpoints, routes and security group rules", () => {
    const network = review.split("\n### Network\n")[1].split("\n### Where state lives\n")[0];
    expect(network).toContain("| com.amazonaws.eu-west-1.airflow.env | Interface | true | 2 |  | endpoint-security-group/group.id |");
    expect(network).toContain("| network/private-route-table-1 | local route only |");
    expect(network).toContain("No internet gateway, NAT gateway or egress-only gateway.");
    expect(network).toContain("| mwaa-security-group/group | egress | tcp 443 | endpoints/s3 | HTTPS to S3 through the gateway endpoint: DAGs, requirements, ECR image layers |");
  });

  it("says where each stack's state lives", () => {
    expect(section("### Where state lives")).toContain(
      "| example-network | s3 | s3://example-tfstate-111122223333-eu-west-1/example/example-network.tfstate (eu-west-1) | encrypt = true, kms_key_id = arn:aws:kms:eu-west-1:111122223333:alias/example-tfstate | S3 lock file |",
    );
  });

  it("shows the configuration values used, defaults resolved", () => {
    const config = JSON.parse(section("### Configuration used").replace(/^\n```json\n/, "").replace(/\n```\n*$/, ""));
    expect(config).toEqual(JSON.parse(JSON.stringify(exampleConfig())));
  });
});
