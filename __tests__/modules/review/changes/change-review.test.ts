import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EnvironmentConfig } from "../../../../config/environment-config";
import { SynthesizedStack } from "../../../../modules/guardrails/synthesized-stack";
import { ChangeReview, compareSyntheses } from "../../../../modules/review/changes/change-review";
import { readSynthesis, SynthesisOnDisk } from "../../../../modules/review/changes/synthesis-on-disk";
import { synthesizeEnvironments, SynthesisOptions } from "../../../../stacks/synthesize";
import { exampleConfig } from "../../../helpers/config-fixtures";
import { TODAY } from "../../../helpers/synth";

/*
 * The change review compares two syntheses as the synth leaves them on disk. The base is the
 * example; each head is the example with one change a pull request could make.
 */

async function synthesized(config: EnvironmentConfig, options: SynthesisOptions = {}): Promise<SynthesisOnDisk> {
  const outdir = mkdtempSync(join(tmpdir(), "mwaa-changes-"));
  await synthesizeEnvironments([config], { outdir, today: TODAY, ...options });
  return readSynthesis(outdir);
}

let base: SynthesisOnDisk;
beforeAll(async () => {
  base = await synthesized(exampleConfig());
});

const compare = async (edit: (raw: Record<string, any>) => void): Promise<ChangeReview> =>
  compareSyntheses(base, await synthesized(exampleConfig(edit)), { base: "main", head: "cdktf.out" });

/** `<resource> <kind>` of every resource destroyed or replaced; `!` marks one that holds data. */
const destroyed = (review: ChangeReview) => review.destructions.map((d) => `${d.loses ? "!" : ""}${d.path} ${d.kind}`);

describe("the change review", () => {
  it("finds nothing changed between two syntheses of one config", async () => {
    const review = compareSyntheses(base, base, { base: "main", head: "main" });
    expect(review.resources).toEqual([]);
    expect(review.destructions).toEqual([]);
    expect(review.statements).toEqual([]);
    expect(review.findings).toEqual([]);
  });

  it("flags a new DAG bucket name as destroying the bucket and its objects, refused by prevent_destroy", async () => {
    const review = await compare((raw) => (raw.storage = { dagBucketName: "example-dags-v2-111122223333-eu-west-1" }));
    const bucket = review.destructions.find((d) => d.path === "example-mwaa/dag-bucket/bucket")!;
    expect(bucket).toMatchObject({ kind: "replaced", preventDestroy: true, loses: expect.stringContaining("every object version") });
    expect(bucket.reasons).toEqual(["bucket: example-dags-111122223333-eu-west-1 → example-dags-v2-111122223333-eu-west-1 forces a new resource"]);
    // The settings of the bucket go with it, through their reference to its id.
    expect(destroyed(review)).toContain("example-mwaa/dag-bucket/versioning replaced");
    expect(review.statements.map((s) => `${s.stack} ${s.action} ${s.row[0]}`)).toEqual(
      expect.arrayContaining(["example-network removed policy of aws_vpc_endpoint endpoints/s3", "example-network added policy of aws_vpc_endpoint endpoints/s3"]),
    );
  });

  it("follows a subnet moved to another zone through the network stack's outputs to the MWAA environment", async () => {
    const review = await compare((raw) => (raw.network.privateSubnets[0].availabilityZone = "eu-west-1c"));
    expect(destroyed(review)).toEqual(
      expect.arrayContaining(["example-network/network/private-subnet-1 replaced", "!example-mwaa/airflow/environment replaced"]),
    );
    const environment = review.destructions.find((d) => d.path === "example-mwaa/airflow/environment")!;
    expect(environment.loses).toContain("Airflow metadata database");
    expect(environment.reasons).toEqual(["network_configuration.subnet_ids reads output private_subnet_ids of example-network, whose value changes"]);
  });

  it("replaces the VPC for a new CIDR, and everything in it down to the environment", async () => {
    const review = await compare((raw) => {
      raw.network.vpcCidr = "10.41.0.0/16";
      raw.network.privateSubnets = [
        { cidr: "10.41.0.0/20", availabilityZone: "eu-west-1a" },
        { cidr: "10.41.16.0/20", availabilityZone: "eu-west-1b" },
      ];
    });
    expect(destroyed(review)).toEqual(expect.arrayContaining(["example-network/network/vpc replaced", "!example-mwaa/airflow/environment replaced"]));
  });

  it("replaces the environment for a major Airflow version, and updates it in place for a minor one", async () => {
    const major = await compare((raw) => {
      raw.airflow.version = "3.0.6";
      raw.airflow.configurationOptions = { "core.default_timezone": "utc" };
    });
    expect(major.destructions.find((d) => d.path === "example-mwaa/airflow/environment")?.reasons).toEqual([
      "airflow_version: 2.11.0 → 3.0.6 forces a new resource when the major Airflow version rises (for example 2.x to 3.x); a minor upgrade is made in place",
    ]);
    const minorBase = await synthesized(exampleConfig((raw) => (raw.airflow.version = "2.10.3")));
    const minor = compareSyntheses(minorBase, base, { base: "main", head: "cdktf.out" });
    expect(minor.resources.map((r) => `${r.path} ${r.action} ${r.arguments.join(",")}`)).toContain("example-mwaa/airflow/environment changed airflow_version");
    expect(minor.destructions).toEqual([]);
  });

  it("lists guardrail checks whose status changed, and the playbook control they move", async () => {
    const review = await compare((raw) => (raw.logging.retentionDays = 30));
    expect(review.findings.map((f) => `${f.rule} ${f.resource} ${f.before} → ${f.after}`)).toContain("LOGS.RETENTION example-mwaa/log-groups/Task PASS → FAIL");
    expect(review.controls).toContainEqual({ group: "example", control: "4a. The environment's own logs (supports control 4)", before: "PASS", after: "FAIL" });
  });

  it("calls a resource whose address changed destroyed, unless a moved block carries it to the new one", () => {
    const renamed = (moved: boolean): SynthesisOnDisk => ({
      ...base,
      stacks: base.stacks.map(({ group, stack }) => {
        if (stack.name !== "example-mwaa") return { group, stack };
        const json = JSON.parse(JSON.stringify(stack.json));
        const [old] = Object.keys(json.resource.aws_s3_bucket).filter((id) => id.startsWith("dag-bucket_"));
        json.resource.aws_s3_bucket.renamed = json.resource.aws_s3_bucket[old];
        delete json.resource.aws_s3_bucket[old];
        if (moved) json.moved = [{ from: `aws_s3_bucket.${old}`, to: "aws_s3_bucket.renamed" }];
        return { group, stack: new SynthesizedStack(stack.name, json) };
      }),
    });
    expect(destroyed(compareSyntheses(base, renamed(false), { base: "main", head: "cdktf.out" }))).toContain("!example-mwaa/dag-bucket/bucket destroyed");
    const carried = compareSyntheses(base, renamed(true), { base: "main", head: "cdktf.out" });
    expect(destroyed(carried)).not.toContain("!example-mwaa/dag-bucket/bucket destroyed");
    expect(carried.resources.filter((r) => r.action === "moved")).toEqual([expect.objectContaining({ address: "aws_s3_bucket.renamed", arguments: [], movedFrom: expect.stringMatching(/^aws_s3_bucket\.dag-bucket_/) })]);
  });

  describe("catches what destroys data from outside the resource's own arguments", () => {
    /** The base with one stack's Terraform edited as code in a pull request could (escape hatches, overrides). */
    const edited = (name: string, edit: (json: Record<string, any>, id: (type: string, prefix: string) => string) => void): SynthesisOnDisk => ({
      ...base,
      stacks: base.stacks.map(({ group, stack }) => {
        if (stack.name !== name) return { group, stack };
        const json = JSON.parse(JSON.stringify(stack.json));
        edit(json, (type, prefix) => Object.keys(json.resource[type]).find((id) => id.startsWith(prefix))!);
        return { group, stack: new SynthesizedStack(stack.name, json) };
      }),
    });
    const review = (head: SynthesisOnDisk) => compareSyntheses(base, head, { base: "main", head: "cdktf.out" });

    it("a moved block to an address nothing declares", () => {
      const head = edited("example-mwaa", (json, id) => {
        const environment = id("aws_mwaa_environment", "airflow_environment");
        delete json.resource.aws_mwaa_environment[environment];
        json.moved = [{ from: `aws_mwaa_environment.${environment}`, to: "aws_mwaa_environment.retired" }];
      });
      expect(destroyed(review(head))).toContain("!example-mwaa/airflow/environment destroyed");
    });

    it("a new bucket name under a moved block", () => {
      const head = edited("example-mwaa", (json, id) => {
        const bucket = id("aws_s3_bucket", "dag-bucket_");
        json.resource.aws_s3_bucket.renamed = { ...json.resource.aws_s3_bucket[bucket], bucket: "example-dags-v2" };
        delete json.resource.aws_s3_bucket[bucket];
        json.moved = [{ from: `aws_s3_bucket.${bucket}`, to: "aws_s3_bucket.renamed" }];
      });
      expect(review(head).destructions.find((d) => d.address === "aws_s3_bucket.renamed")).toMatchObject({ kind: "replaced", reasons: [expect.stringContaining("bucket: example-dags-111122223333-eu-west-1 → example-dags-v2")] });
    });

    it("a local the bucket's name reads", () => {
      const withLocal = (value: string) =>
        edited("example-mwaa", (json, id) => {
          json.locals = { name: value };
          json.resource.aws_s3_bucket[id("aws_s3_bucket", "dag-bucket_")].bucket = "${local.name}";
        });
      const head = compareSyntheses(withLocal("a-bucket"), withLocal("another-bucket"), { base: "main", head: "cdktf.out" });
      expect(destroyed(head)).toContain("!example-mwaa/dag-bucket/bucket replaced");
      expect(head.blocks).toEqual([{ stack: "example-mwaa", block: "locals.name", action: "changed" }]);
    });

    it("another stack's output pointed at other subnets", () => {
      const head = edited("example-network", (json) => (json.output.private_subnet_ids.value = ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"]));
      expect(destroyed(review(head))).toContain("!example-mwaa/airflow/environment replaced");
    });

    it("replace_triggered_by naming a resource that changes", () => {
      const head = edited("example-mwaa", (json, id) => {
        const key = json.resource.aws_kms_key[id("aws_kms_key", "environment-key")];
        key.lifecycle = { ...key.lifecycle, replace_triggered_by: [`aws_iam_role.${id("aws_iam_role", "execution-role")}`] };
        json.resource.aws_iam_role[id("aws_iam_role", "execution-role")].description = "changed";
      });
      expect(destroyed(review(head))).toContain("!example-mwaa/environment-key/key replaced");
    });

    it("count on a log group", () => {
      const head = edited("example-mwaa", (json, id) => (json.resource.aws_cloudwatch_log_group[id("aws_cloudwatch_log_group", "log-groups_Task")].count = 0));
      expect(destroyed(review(head))).toContain("!example-mwaa/log-groups/Task may be replaced");
    });

    it("a block added whole that holds an argument forcing a new resource", () => {
      const head = edited("example-mwaa", (json, id) => (json.resource.aws_s3_bucket[id("aws_s3_bucket", "dag-bucket_")].object_lock_configuration = { object_lock_enabled: "Enabled" }));
      expect(destroyed(review(head))).toContain("!example-mwaa/dag-bucket/bucket replaced");
    });
  });

  it("calls the resources of a stack gone from the app left unmanaged: cdktf neither deploys nor destroys them", async () => {
    const head = { ...base, stacks: base.stacks.filter((s) => s.stack.name !== "example-mwaa") };
    const review = compareSyntheses(base, head, { base: "main", head: "cdktf.out" });
    expect(review.stacksRemoved).toEqual(["example-mwaa"]);
    expect(destroyed(review)).toEqual(expect.arrayContaining(["example-mwaa/dag-bucket/bucket left unmanaged", "example-mwaa/airflow/environment left unmanaged"]));
    expect(review.destructions.every((d) => !d.preventDestroy && !d.loses)).toBe(true);
  });
});
