import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateEnvironmentConfig } from "../../config/load";
import { exampleRaw, loadProblems } from "../helpers/config-fixtures";

type Edit = (raw: Record<string, any>) => void;

/** A config folder of the example environment under each name, after that name's edit. */
function folderOf(environments: Record<string, Edit>): string {
  const dir = mkdtempSync(join(tmpdir(), "mwaa-collisions-"));
  for (const [name, edit] of Object.entries(environments)) {
    const raw = { ...exampleRaw(), name };
    edit(raw);
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(raw));
  }
  return dir;
}

const loadErrors = (environments: Record<string, Edit>): readonly string[] => loadProblems(folderOf(environments));

const same: Edit = () => {};
const hcp =
  (organization: string, workspacePrefix: string): Edit =>
  (raw) =>
    (raw.state = { backend: "hcp", organization, workspacePrefix });

describe("environment names", () => {
  it("accepts environments whose names differ beyond case and '_' / '-'", () => {
    expect(loadErrors({ data: same, "team-data": same, data2: same })).toEqual([]);
  });

  it("refuses two names that are one once case is ignored and '_' equals '-', naming both files", () => {
    expect(loadErrors({ "Data-Team": same, data_team: same })).toEqual([
      `data_team.json: name: got "data_team"; equals name 'Data-Team' of Data-Team.json once case is ignored and '_' is read as '-': the two would derive the same buckets, roles and log groups, and their stacks the same folders on a case-insensitive disk; rename one of them`,
    ]);
  });
});

describe("bucket names", () => {
  it("accepts explicit bucket names that no other environment claims", () => {
    expect(
      loadErrors({
        a: (r) => Object.assign(r, { storage: { dagBucketName: "a-dags" }, state: { bucketName: "a-state" } }),
        b: (r) => Object.assign(r, { storage: { dagBucketName: "b-dags" }, state: { bucketName: "b-state" } }),
      }),
    ).toEqual([]);
  });

  it("refuses one explicit DAG bucket for two environments, naming both files and fields", () => {
    const shared: Edit = (r) => (r.storage = { dagBucketName: "shared-dags" });
    expect(loadErrors({ a: shared, b: shared })).toEqual([
      "b.json: storage.dagBucketName: the DAG bucket 'shared-dags' is also the DAG bucket of a.json (storage.dagBucketName); S3 bucket names are unique across every account of a partition: set storage.dagBucketName to another name",
    ]);
  });

  it("refuses an explicit state bucket that another environment derives as its DAG bucket", () => {
    expect(loadErrors({ a: same, b: (r) => (r.state = { bucketName: "a-dags-111122223333-eu-west-1" }) })).toEqual([
      "b.json: state.bucketName: the state bucket 'a-dags-111122223333-eu-west-1' is also the DAG bucket of a.json (storage.dagBucketName); S3 bucket names are unique across every account of a partition: set state.bucketName to another name",
    ]);
  });

  it("refuses a DAG bucket named like another environment's access-log bucket, even in another account", () => {
    expect(
      loadErrors({
        a: (r) => (r.storage = { dagBucketName: "b-tfstate-logs-444455556666-eu-west-1" }),
        b: (r) => (r.account = "444455556666"),
      }),
    ).toEqual([
      "b.json: name: the state bucket's access-log bucket 'b-tfstate-logs-444455556666-eu-west-1' is also the DAG bucket of a.json (storage.dagBucketName); S3 bucket names are unique across every account of a partition: choose another environment name",
    ]);
  });

  it("accepts a DAG bucket apart from the environment's own state bucket", () => {
    const raw = { ...exampleRaw(), storage: { dagBucketName: "example-dags" }, state: { bucketName: "example-state" } };
    expect(validateEnvironmentConfig(JSON.stringify(raw), "example.json").ok).toBe(true);
  });

  it("refuses one environment whose DAG bucket is its own state bucket", () => {
    const raw = { ...exampleRaw(), storage: { dagBucketName: "example-bucket" }, state: { bucketName: "example-bucket" } };
    expect(validateEnvironmentConfig(JSON.stringify(raw), "example.json")).toEqual({
      ok: false,
      problems: [
        "state.bucketName: the state bucket 'example-bucket' is also the DAG bucket of this environment (storage.dagBucketName); S3 bucket names are unique across every account of a partition: set state.bucketName to another name",
      ],
    });
  });
});

describe("HCP Terraform workspaces", () => {
  it("accepts workspace names that meet only in different organizations", () => {
    expect(loadErrors({ "x-a": hcp("acme", "mwaa-"), a: hcp("other", "mwaa-x-") })).toEqual([]);
  });

  it("refuses two environments whose prefixes and names make one workspace name in one organization", () => {
    expect(loadErrors({ "x-a": hcp("acme", "mwaa-"), a: hcp("ACME", "mwaa-x-") })).toEqual([
      "x-a.json: state.workspacePrefix: stack x-a-network's HCP Terraform workspace 'mwaa-x-a-network' is also stack a-network's HCP Terraform workspace of a.json (state.workspacePrefix); workspace names are unique in an HCP Terraform organization: change state.workspacePrefix or the environment name",
      "x-a.json: state.workspacePrefix: stack x-a-mwaa's HCP Terraform workspace 'mwaa-x-a-mwaa' is also stack a-mwaa's HCP Terraform workspace of a.json (state.workspacePrefix); workspace names are unique in an HCP Terraform organization: change state.workspacePrefix or the environment name",
    ]);
  });
});

describe("log groups reached by another environment's prefix", () => {
  it("accepts a name that starts another environment's name in another Region", () => {
    expect(loadErrors({ prod: same, "prod-us": (r) => Object.assign(r, { region: "us-east-1", network: { ...r.network, privateSubnets: [{ cidr: "10.40.0.0/20", availabilityZone: "us-east-1a" }, { cidr: "10.40.16.0/20", availabilityZone: "us-east-1b" }] } }) })).toEqual([]);
  });

  it("refuses, in one account and Region, a name that is another's followed by '-', naming both files", () => {
    expect(loadErrors({ prod: same, "prod-eu": same })).toEqual([
      "prod.json: name: got \"prod\"; is followed by '-' at the start of name 'prod-eu' of prod-eu.json, in the same account and Region: the execution role and key of 'prod', scoped to the log groups airflow-prod-*, would reach the log groups of 'prod-eu' too; rename one so that neither name starts with the other followed by '-'",
    ]);
  });
});
