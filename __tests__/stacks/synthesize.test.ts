import { App, Aspects, IAspect, TerraformHclModule, TerraformOutput, TerraformStack } from "cdktf";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { IConstruct } from "constructs";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EnvironmentConfig } from "../../config/environment-config";
import { SynthesizedStack } from "../../modules/guardrails/synthesized-stack";
import { addEnvironmentStacks } from "../../stacks/environment-app";
import { SynthesisOptions, synthesizeEnvironments } from "../../stacks/synthesize";
import { exampleConfig } from "../helpers/config-fixtures";
import { readReviewFiles } from "../helpers/review-files";
import { inHclMode, TODAY } from "../helpers/synth";

const newOutdir = () => mkdtempSync(join(tmpdir(), "mwaa-synthesize-"));

async function synthesize(config: EnvironmentConfig | EnvironmentConfig[], options: SynthesisOptions = {}) {
  const result = await synthesizeEnvironments(Array.isArray(config) ? config : [config], { outdir: newOutdir(), today: TODAY, ...options });
  const { summary, detail } = readReviewFiles(result.outdir);
  return { ...result, summary, review: detail };
}

const verdicts = (findings: readonly { rule: { id: string }; resource: string; status: string; evidence: string }[]) =>
  findings.map((f) => `${f.status} ${f.rule.id} ${f.resource}: ${f.evidence}`);

const failures = (findings: readonly { rule: { id: string }; resource: string; status: string }[]) =>
  findings.filter((f) => f.status === "FAIL").map((f) => [f.rule.id, f.resource]);

const shortRetention = (acknowledgements: object[] = []) =>
  exampleConfig((raw) => {
    raw.logging.retentionDays = 30;
    raw.guardrails = { acknowledgements };
  });

/** An aspect a user adds: turns off the rotation of every KMS key. */
class NoKeyRotation implements IAspect {
  visit(node: IConstruct): void {
    if (node instanceof KmsKey) node.addOverride("enable_key_rotation", false);
  }
}

/** Adds the aspect to every stack (cdktf applies aspects from each stack down). */
const withoutKeyRotation = (app: App) => {
  for (const stack of app.node.children) Aspects.of(stack).add(new NoKeyRotation());
};

describe("synthesizing with guardrails", () => {
  it("passes the example environment with no violation", async () => {
    const { violations, summary } = await synthesize(exampleConfig());
    expect(violations).toEqual([]);
    expect(summary).toContain("**PASS: no guardrail violation.**");
  });

  it("reports a violation with the rule id, the resource path, what was found and the fix", async () => {
    const { violations } = await synthesize(shortRetention());
    expect(violations).toHaveLength(5);
    expect(violations).toContain(
      "[LOGS.RETENTION] example-mwaa/log-groups/Task: Log groups keep logs for at least a year, with the retention set explicitly. Found: retention_in_days = 30. Fix: Set logging.retentionDays / network.flowLogRetentionDays to 365 or more (or 0 to never expire), or acknowledge a shorter retention.",
    );
  });

  it("turns acknowledged violations into ACKNOWLEDGED rows with their reason and expiry", async () => {
    const { violations, review } = await synthesize(
      shortRetention([{ rule: "LOGS.RETENTION", resource: "example-mwaa/log-groups/*", reason: "Sandbox: logs are not kept past a month", expires: "2027-01-31" }]),
    );
    expect(violations).toEqual([]);
    expect(review).toMatch(/\| example-mwaa\/log-groups\/Task \| ACKNOWLEDGED \| retention_in_days = 30\. Acknowledged until 2027-01-31: Sandbox: logs are not kept past a month \|/);
    expect(review).toMatch(/Guardrails: PASS with 5 acknowledged; \d+ pass, 0 fail, 5 acknowledged\./);
  });

  it("makes a violation an error again once its acknowledgement has expired, on the expiry day itself", async () => {
    const { violations, review } = await synthesize(
      shortRetention([{ rule: "LOGS.RETENTION", resource: "example-mwaa/log-groups/Task", reason: "Sandbox: logs are not kept past a month", expires: TODAY }]),
    );
    expect(violations).toHaveLength(5);
    expect(violations.find((v) => v.includes("log-groups/Task"))).toContain(`(its acknowledgement expired on ${TODAY})`);
    expect(review).toMatch(/\| example-mwaa\/log-groups\/Task \| FAIL \| retention_in_days = 30\. Acknowledgement expired on 2026-11-23 \|/);
  });

  it("fails an environment that is not protected from destroy until the exception is acknowledged", async () => {
    const unprotected = (acknowledgements: object[]) =>
      exampleConfig((raw) => {
        raw.protectFromDestroy = false;
        raw.guardrails = { acknowledgements };
      });
    const { findings } = await synthesize(unprotected([]));
    expect(failures(findings).filter(([rule]) => rule === "DATA.PREVENT_DESTROY").map(([, resource]) => resource)).toEqual([
      "example-network/flow-logs-key/key",
      "example-network/flow-logs/log-group",
      "example-mwaa/environment-key/key",
      "example-mwaa/access-log-bucket/bucket",
      "example-mwaa/dag-bucket/bucket",
      "example-mwaa/log-groups/DAGProcessing",
      "example-mwaa/log-groups/Scheduler",
      "example-mwaa/log-groups/Task",
      "example-mwaa/log-groups/WebServer",
      "example-mwaa/log-groups/Worker",
      "example-mwaa/airflow/environment",
    ]);

    const acknowledged = await synthesize(
      unprotected(["example-network/*", "example-mwaa/*"].map((resource) => ({ rule: "DATA.PREVENT_DESTROY", resource, reason: "Sandbox torn down every sprint", expires: "2027-01-31" }))),
    );
    expect(acknowledged.violations).toEqual([]);
    expect(acknowledged.review).toMatch(/\| example-mwaa\/airflow\/environment \| ACKNOWLEDGED \| no prevent_destroy: a destroy or replacement loses the environment and its Airflow metadata database/);
  });
});

describe("what is judged is what is written", () => {
  /** Every stack cdktf wrote under `outdir`, read back the way the guardrails read it. */
  const writtenStacks = (outdir: string) =>
    readdirSync(join(outdir, "stacks")).map((name) => new SynthesizedStack(name, JSON.parse(readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8"))));

  it("judges exactly the configuration it writes", async () => {
    const { outdir, stacks } = await synthesize(exampleConfig());
    const judged = Object.fromEntries(stacks.map((s) => [s.name, s.json]));
    expect(Object.fromEntries(writtenStacks(outdir).map((s) => [s.name, s.json]))).toEqual(judged);
  });

  it("writes what stock cdktf writes for the same app, byte for byte", async () => {
    const { outdir } = await synthesize(exampleConfig());
    const stock = newOutdir();
    const app = new App({ outdir: stock });
    addEnvironmentStacks(app, [exampleConfig()]);
    app.synth();
    for (const stack of ["example-state", "example-network", "example-mwaa"]) {
      expect(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")).toBe(readFileSync(join(stock, "stacks", stack, "cdk.tf.json"), "utf8"));
    }
  });

  it("judges an escape-hatch override by what it synthesizes", async () => {
    const { findings } = await synthesize(exampleConfig(), {
      extend: (_, [environment]) => {
        environment.mwaa.key!.key.addOverride("enable_key_rotation", false);
        environment.mwaa.dagBucket.bucket.addOverride("force_destroy", true);
      },
    });
    expect(failures(findings)).toEqual([
      ["KMS.ROTATION", "example-mwaa/environment-key/key"],
      ["S3.NO_FORCE_DESTROY", "example-mwaa/dag-bucket/bucket"],
    ]);
  });

  it("fails an acknowledgement that waives no violation, naming it and saying what to do", async () => {
    const stale = { rule: "LOGS.RETENTION", resource: "example-mwaa/log-groups/Task", reason: "Sandbox: logs are not kept past a month", expires: "2027-01-31" };
    const { violations, review, summary } = await synthesize(exampleConfig((raw) => (raw.guardrails = { acknowledgements: [stale] })));
    expect(violations).toEqual([
      "[GUARDRAILS.ACKNOWLEDGEMENT_MATCHES] example: guardrails.acknowledgements[0] (LOGS.RETENTION for example-mwaa/log-groups/Task): Every acknowledgement waives a current violation. Found: matches no violation of this environment's stacks. Fix: Remove the acknowledgement, or set its rule and resource to those of the violation as the synth prints it",
    ]);
    expect(summary).toContain("**FAIL: 1 guardrail violation(s); the synth failed and published no stack.**");
    expect(review).toContain("| LOGS.RETENTION | example-mwaa/log-groups/Task | Sandbox: logs are not kept past a month | 2027-01-31 | nothing: FAIL (GUARDRAILS.ACKNOWLEDGEMENT_MATCHES) |");
  });

  it("prints a violation on one line, with the line breaks and bidi controls of config values shown escaped", async () => {
    const hostile = { rule: "LOGS.RETENTION", resource: "example-mwaa/x\r\n  - [OK] all good\u202e", reason: "Sandbox: logs are not kept past a month", expires: "2027-01-31" };
    const { violations } = await synthesize(exampleConfig((raw) => (raw.guardrails = { acknowledgements: [hostile] })));
    expect(violations).toHaveLength(1);
    expect(violations[0]).not.toMatch(/[\r\n\u202e]/);
    expect(violations[0]).toContain("(LOGS.RETENTION for example-mwaa/x\\r\\n  - [OK] all good\\u202E)");
  });

  it("passes an acknowledgement while it waives a violation, and counts what it waives", async () => {
    const { findings, violations, review } = await synthesize(shortRetention([{ rule: "LOGS.RETENTION", resource: "example-mwaa/log-groups/*", reason: "Sandbox: logs are not kept past a month", expires: "2027-01-31" }]));
    expect(violations).toEqual([]);
    const section = review.split("# Review of environment `example`")[1];
    expect(section.indexOf("## Acknowledged exceptions")).toBeLessThan(section.indexOf("## Architecture"));
    expect(section).toContain("| LOGS.RETENTION | example-mwaa/log-groups/\\* | Sandbox: logs are not kept past a month | 2027-01-31 | 5 violation(s) |");
    expect(verdicts(findings.filter((f) => f.rule.id === "GUARDRAILS.ACKNOWLEDGEMENT_MATCHES"))).toEqual([
      "PASS GUARDRAILS.ACKNOWLEDGEMENT_MATCHES example: guardrails.acknowledgements[0] (LOGS.RETENTION for example-mwaa/log-groups/*): matches 5 violation(s)",
    ]);
  });

  it("sees the change of an aspect a user adds, in what it judges and in what it writes", async () => {
    const { findings, outdir } = await synthesize(exampleConfig(), { extend: withoutKeyRotation });
    expect(failures(findings).filter(([rule]) => rule === "KMS.ROTATION")).toHaveLength(3);

    const acknowledged = await synthesize(
      exampleConfig(
        (raw) =>
          (raw.guardrails = {
            acknowledgements: ["example-state/*", "example-network/*", "example-mwaa/*"].map((resource) => ({ rule: "KMS.ROTATION", resource, reason: "Keys rotated by the security team's own job", expires: "2027-01-31" })),
          }),
      ),
      { extend: withoutKeyRotation },
    );
    expect(acknowledged.violations).toEqual([]);
    const key = Object.values<any>(writtenStacks(acknowledged.outdir).find((s) => s.name === "example-mwaa")!.json.resource.aws_kms_key)[0];
    expect(key.enable_key_rotation).toBe(false);
    expect(existsSync(join(outdir, "stacks", "example-mwaa", "cdk.tf.json"))).toBe(false);
  });

  it("judges JSON and HCL output identically, and HCL by the cdk.tf it writes", async () => {
    const config = shortRetention([{ rule: "LOGS.RETENTION", resource: "example-mwaa/log-groups/Task", reason: "Sandbox: logs are not kept past a month", expires: "2027-01-31" }]);
    const extend = withoutKeyRotation;
    const json = await synthesize(config, { extend });
    const hcl = await inHclMode(() => synthesize(config, { extend }));
    expect(verdicts(hcl.findings)).toEqual(verdicts(json.findings));
    expect(verdicts(json.findings).filter((v) => v.startsWith("FAIL"))).toHaveLength(3 + 4);

    const passing = await inHclMode(() => synthesize(exampleConfig()));
    expect(passing.violations).toEqual([]);
    expect(readFileSync(join(passing.outdir, "stacks", "example-mwaa", "cdk.tf"), "utf8")).toMatch(/resource "aws_mwaa_environment"/);
  });

  it("resolves a cross-stack reference a user adds as stock cdktf does", async () => {
    const extend = (app: App, [environment]: { mwaa: { dagBucket: { arn: string } } }[]) => {
      const reader = new TerraformStack(app, "example-reader");
      new TerraformOutput(reader, "dag_bucket_arn", { value: environment.mwaa.dagBucket.arn });
    };
    const { outdir, violations, findings } = await synthesize(exampleConfig(), { extend });
    const stock = newOutdir();
    const app = new App({ outdir: stock });
    extend(app, addEnvironmentStacks(app, [exampleConfig()]));
    app.synth();

    const reader = JSON.parse(readFileSync(join(stock, "stacks", "example-reader", "cdk.tf.json"), "utf8"));
    expect(reader.output.dag_bucket_arn.value).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-example-mwaa\.outputs\.cross-stack-output-aws_s3_bucketdag-bucket_[0-9A-F]{8}arn\}$/);
    expect(Object.keys(JSON.parse(readFileSync(join(stock, "stacks", "example-mwaa", "cdk.tf.json"), "utf8")).output)).toContainEqual(expect.stringMatching(/^cross-stack-output-aws_s3_bucketdag-bucket/));
    // The reader has no provider, no backend and no tags: it is judged, and fails, like any stack.
    expect(violations.length).toBeGreaterThan(0);
    expect(failures(findings).map(([rule, resource]) => `${rule} ${resource}`)).toContain("STATE.REMOTE example-reader (terraform backend)");
    expect(readdirSync(join(outdir))).not.toContain("manifest.json");
  });
});

describe("every stack of the app is judged", () => {
  /** A stack a user adds with one unprotected, unencrypted bucket. */
  const bareBucketStack = (name: string) => (app: App) => {
    const stack = new TerraformStack(app, name);
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    new S3Bucket(stack, "extra-bucket", { bucket: "extra-bucket-111122223333" });
  };

  it("judges a stack outside every environment and reports it in a section of its own", async () => {
    const { findings, review } = await synthesize(exampleConfig(), { extend: bareBucketStack("shared-extra") });
    const extra = failures(findings).filter(([, resource]) => resource.startsWith("shared-extra"));
    expect(extra).toContainEqual(["S3.KMS_ENCRYPTION", "shared-extra/extra-bucket"]);
    expect(extra).toContainEqual(["DATA.PREVENT_DESTROY", "shared-extra/extra-bucket"]);
    expect(review).toContain("# Review of stack `shared-extra`");
  });

  it("judges a stack named after an environment with that environment's acknowledgements", async () => {
    const config = exampleConfig((raw) => (raw.guardrails = { acknowledgements: [{ rule: "S3.KMS_ENCRYPTION", resource: "example-extra/extra-bucket", reason: "Public dataset mirror, not sensitive", expires: "2027-01-31" }] }));
    const { findings } = await synthesize(config, { extend: bareBucketStack("example-extra") });
    const bucket = findings.filter((f) => f.resource === "example-extra/extra-bucket");
    expect(bucket.find((f) => f.rule.id === "S3.KMS_ENCRYPTION")?.status).toBe("ACKNOWLEDGED");
    expect(bucket.find((f) => f.rule.id === "S3.VERSIONING")?.status).toBe("FAIL");
  });

  it("fails a module block, whose resources no rule can read, until it is acknowledged", async () => {
    const withModule = (_: App, [environment]: { mwaa: TerraformStack }[]) => {
      new TerraformHclModule(environment.mwaa, "vendor-module", { source: "github.com/example/terraform-aws-thing" });
    };
    const { findings } = await synthesize(exampleConfig(), { extend: withModule });
    expect(failures(findings)).toEqual([["TERRAFORM.OPAQUE", "example-mwaa/vendor-module"]]);

    const reviewed = exampleConfig((raw) => (raw.guardrails = { acknowledgements: [{ rule: "TERRAFORM.OPAQUE", resource: "example-mwaa/vendor-module", reason: "Module v1.2 reviewed by the platform team", expires: "2027-01-31" }] }));
    expect((await synthesize(reviewed, { extend: withModule })).violations).toEqual([]);
    expect((await inHclMode(() => synthesize(reviewed, { extend: withModule }))).violations).toEqual([]);
  });
});

describe("the review report", () => {
  let review: string;
  beforeAll(async () => {
    ({ review } = await synthesize(exampleConfig()));
  });
  const section = (heading: string) => review.split(`\n${heading}\n`)[1]?.split(/\n#{1,2} /)[0] ?? "";

  it("draws the architecture as a Mermaid diagram", () => {
    expect(section("## Architecture")).toMatch(/^\n```mermaid\nflowchart LR\n[\s\S]*MWAA example<br\/>mw1\.small, Airflow 2\.11\.0<br\/>PRIVATE_ONLY[\s\S]*```/);
  });

  it("lists the stacks in the order they deploy", () => {
    expect(review).toContain("Stacks: `example-state`, `example-network`, `example-mwaa`.");
  });

  it("says how each control of the security playbook is met, and CloudTrail, which no stack checks, as NOT MET", () => {
    const playbook = section("## Security playbook controls");
    for (const control of ["1. Encrypted with customer-managed KMS keys", "2. VPC endpoints", "3. Least-privilege execution role", "4. CloudTrail logging enabled for MWAA", "Operations 1. Resources tagged"]) {
      expect(playbook).toContain(control);
    }
    expect(playbook).toMatch(/\| 4\. CloudTrail logging enabled for MWAA \| These stacks create no trail and name none \(audit\.trail is none\)[^|]* \| CLOUDTRAIL\.TRAIL \| NOT MET \|/);
    expect(playbook.match(/\| PASS \|/g)).toHaveLength(5);
  });

  it("lists every evaluation in the controls table with its source ids and evidence", () => {
    const controls = section("## Controls");
    expect(controls).toContain("| rule | source ids | resource | status | evidence |");
    expect(controls).toContain("| MWAA.CMK_ARN: The environment is encrypted with a customer-managed key, given by its ARN | Playbook 1 (customer-managed KMS keys), Seed post: key id instead of ARN failed the deploy | example-mwaa/airflow/environment | PASS | kms_key = environment-key/key.arn |");
    expect(controls).toContain("| DATA.PREVENT_DESTROY: Every resource that holds data is protected from destroy | Project rule: nothing may lose data, Seed post: a destroy and redeploy broke the task logs | example-mwaa/airflow/environment | PASS | prevent_destroy = true |");
    expect(controls).not.toMatch(/\| (FAIL|ACKNOWLEDGED) \|/);
  });

  it("tabulates the IAM statements of every policy from the synthesized documents", () => {
    const iam = section("## IAM");
    expect(iam).toContain("| trust of role example-mwaa-execution | Service: airflow.amazonaws.com, airflow-env.amazonaws.com | Allow | sts:AssumeRole |  | StringEquals aws:SourceAccount = 111122223333; ArnLike aws:SourceArn = arn:aws:airflow:eu-west-1:111122223333:environment/example |");
    expect(iam).toContain("| policy mwaa-execution of execution-role/role | role execution-role/role | Allow | kms:Decrypt, kms:DescribeKey, kms:GenerateDataKey*, kms:Encrypt | environment-key/key.arn | StringLike kms:ViaService = sqs.eu-west-1.amazonaws.com, s3.eu-west-1.amazonaws.com |");
  });

  it("summarises endpoints, routes and security group rules", () => {
    const network = review.split("\n## Network\n")[1].split("\n## Where state lives\n")[0];
    expect(network).toContain("| com.amazonaws.eu-west-1.airflow.env | Interface | true | 2 |  | endpoint-security-group/group.id |");
    expect(network).toContain("| network/private-route-table-1 | local route only |");
    expect(network).toContain("No internet gateway, NAT gateway or egress-only gateway.");
    expect(network).toContain("| mwaa-security-group/group | egress | tcp 443 | endpoints/s3 | HTTPS to S3 through the gateway endpoint: DAGs, requirements, ECR image layers |");
  });

  it("says where each stack's state lives", () => {
    expect(section("## Where state lives")).toContain(
      "| example-network | s3 | s3://example-tfstate-111122223333-eu-west-1/example/example-network.tfstate (eu-west-1) | encrypt = true, kms_key_id = arn:aws:kms:eu-west-1:111122223333:alias/example-tfstate | S3 lock file |",
    );
  });

  it("shows the configuration values used, defaults resolved", () => {
    const config = JSON.parse(section("## Configuration used").replace(/^\n```json\n/, "").replace(/\n```\n*$/, ""));
    expect(config).toEqual(JSON.parse(JSON.stringify(exampleConfig())));
  });
});
