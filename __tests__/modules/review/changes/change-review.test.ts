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
    expect(environment.reasons).toEqual(["network_configuration.subnet_ids reads output private_subnet_ids of example-network, new once what it names is replaced"]);
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
    expect(carried.resources.find((r) => r.action === "removed")?.movedTo).toBe("aws_s3_bucket.renamed");
  });

  it("calls a stack that is gone destroyed, with what each of its resources that holds data loses", async () => {
    const head = { ...base, stacks: base.stacks.filter((s) => s.stack.name !== "example-mwaa") };
    const review = compareSyntheses(base, head, { base: "main", head: "cdktf.out" });
    expect(review.stacksRemoved).toEqual(["example-mwaa"]);
    expect(destroyed(review)).toEqual(expect.arrayContaining(["!example-mwaa/dag-bucket/bucket destroyed", "!example-mwaa/airflow/environment destroyed"]));
    expect(review.destructions.every((d) => !d.preventDestroy)).toBe(true);
  });
});
