import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEnvironmentConfigs } from "../../config/load";
import { exampleRaw } from "../helpers/config-fixtures";

/**
 * Names are claimed by prefix as well as in full: an environment's execution role and key reach the
 * log groups `airflow-<env>-*`, so `example` would reach a new `example-prod`'s log groups.
 */
const folderWith = (environments: Record<string, any>[]) => {
  const dir = mkdtempSync(join(tmpdir(), "mwaa-redteam-config-"));
  for (const raw of environments) writeFileSync(join(dir, `${raw.name}.json`), JSON.stringify(raw));
  return dir;
};

describe("red team: one environment's grants do not reach another's resources", () => {
  it("refused: `example` and `example-prod` in one account and Region, since example's role would reach example-prod's log groups", () => {
    const prod = exampleRaw();
    prod.name = "example-prod";
    prod.network.vpcCidr = "10.50.0.0/16";
    prod.network.privateSubnets = [
      { cidr: "10.50.0.0/20", availabilityZone: "eu-west-1a" },
      { cidr: "10.50.16.0/20", availabilityZone: "eu-west-1b" },
    ];
    expect(() => loadEnvironmentConfigs(folderWith([exampleRaw(), prod]))).toThrow(/would reach the log groups of 'example-prod'/);
  });

  it("refused: a state bucket named like another environment's derived DAG bucket", () => {
    const other = exampleRaw();
    other.name = "other";
    other.network.vpcCidr = "10.50.0.0/16";
    other.network.privateSubnets = [
      { cidr: "10.50.0.0/20", availabilityZone: "eu-west-1a" },
      { cidr: "10.50.16.0/20", availabilityZone: "eu-west-1b" },
    ];
    other.state = { bucketName: "example-dags-111122223333-eu-west-1" };
    expect(() => loadEnvironmentConfigs(folderWith([exampleRaw(), other]))).toThrow(/example-dags-111122223333-eu-west-1/);
  });
});
