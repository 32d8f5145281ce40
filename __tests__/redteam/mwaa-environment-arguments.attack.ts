import { addressOf, at, attack, stackOf } from "./attack";

/**
 * The MWAA environment's own arguments point at things no rule judges: another account's key, a
 * bucket this app does not build, subnets read from a state file or a data source nobody reviewed.
 * Each synthesizes with exit 0 and a REVIEW.md of PASS today.
 */
const ATTACKER = "999999999999";
const ENVIRONMENT = "example-mwaa/airflow/environment";

describe("red team: the MWAA environment's arguments", () => {
  it("an environment encrypted with another account's key fails", async () => {
    const outcome = await attack((app) => at(app, ENVIRONMENT).addOverride("kms_key", `arn:aws:kms:eu-west-1:${ATTACKER}:key/11111111-2222-3333-4444-555555555555`));
    expect(outcome.violations).not.toEqual([]);
  });

  it("an environment whose key is multi-Region fails (the README promises a single-Region key)", async () => {
    const outcome = await attack((app) => at(app, "example-mwaa/environment-key/key").addOverride("multi_region", true));
    expect(outcome.violations).not.toEqual([]);
  });

  it("an environment that runs DAGs from a bucket the app does not build (source_bucket_arn literal) fails", async () => {
    const outcome = await attack((app) => at(app, ENVIRONMENT).addOverride("source_bucket_arn", "arn:aws:s3:::attacker-dags"));
    expect(outcome.violations).not.toEqual([]);
  });

  it("an environment whose source_bucket_arn is an expression over the DAG bucket's ARN fails", async () => {
    const outcome = await attack((app) =>
      at(app, ENVIRONMENT).addOverride("source_bucket_arn", `\${replace(${addressOf(app, "example-mwaa/dag-bucket/bucket")}.arn, "example", "attacker")}`),
    );
    expect(outcome.violations).not.toEqual([]);
  });

  it("an environment whose subnets come from a terraform_remote_state repointed at another state file fails", async () => {
    const outcome = await attack((app) =>
      stackOf(app, "example-mwaa").addOverride("data.terraform_remote_state.state-of-example-network.config.key", "shared/public-network.tfstate"),
    );
    expect(outcome.violations).not.toEqual([]);
  });

  it("an environment whose subnets come from a terraform_remote_state in another account's bucket fails", async () => {
    const outcome = await attack((app) =>
      stackOf(app, "example-mwaa").addOverride("data.terraform_remote_state.state-of-example-network.config.bucket", "attacker-states"),
    );
    expect(outcome.violations).not.toEqual([]);
  });

  it("an environment placed in subnets found by a data.aws_subnets tag filter fails", async () => {
    const outcome = await attack((app) => {
      stackOf(app, "example-mwaa").addOverride("data.aws_subnets.public", { filter: [{ name: "tag:Name", values: ["public-*"] }] });
      at(app, ENVIRONMENT).addOverride("network_configuration.subnet_ids", "${data.aws_subnets.public.ids}");
    });
    expect(outcome.violations).not.toEqual([]);
  });

  it("an environment whose task logs are at CRITICAL (nothing a task prints is kept) fails", async () => {
    const outcome = await attack((app) => at(app, ENVIRONMENT).addOverride("logging_configuration.task_logs.log_level", "CRITICAL"));
    expect(outcome.violations).not.toEqual([]);
  });
});
