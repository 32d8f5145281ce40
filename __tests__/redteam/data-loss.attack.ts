import { at, attack, refTo, stackOf } from "./attack";

/**
 * prevent_destroy protects resources from Terraform, not their contents from AWS: a lifecycle rule
 * expires every DAG or every state file, a 7-day deletion window or a disabled key makes the
 * encrypted data unreadable. aws_s3_bucket_lifecycle_configuration is a judged type, yet what it
 * expires is not read. Each synthesizes with exit 0 and a REVIEW.md of PASS today.
 */
const WIPE = [{ id: "wipe", status: "Enabled", filter: {}, expiration: { days: 1 }, noncurrent_version_expiration: { noncurrent_days: 1 } }];

describe("red team: data lost without destroying a resource", () => {
  it("a lifecycle configuration that expires the DAG bucket's current and noncurrent versions after a day fails", async () => {
    const outcome = await attack((app) =>
      stackOf(app, "example-mwaa").addOverride("resource.aws_s3_bucket_lifecycle_configuration.wipe", {
        bucket: refTo(app, "example-mwaa/dag-bucket/bucket", "id"),
        rule: WIPE,
      }),
    );
    expect(outcome.violations).not.toEqual([]);
  });

  it("the state bucket's lifecycle rewritten to expire current state files after a day fails", async () => {
    const outcome = await attack((app) => at(app, "example-state/state-bucket/lifecycle").addOverride("rule", WIPE));
    expect(outcome.violations).not.toEqual([]);
  });

  it("an environment key with a 7-day deletion window and bypass_policy_lockout_safety_check fails", async () => {
    const outcome = await attack((app) => {
      at(app, "example-mwaa/environment-key/key").addOverride("deletion_window_in_days", 7);
      at(app, "example-mwaa/environment-key/key").addOverride("bypass_policy_lockout_safety_check", true);
    });
    expect(outcome.violations).not.toEqual([]);
  });

  it("a disabled environment key (is_enabled = false) fails", async () => {
    const outcome = await attack((app) => at(app, "example-mwaa/environment-key/key").addOverride("is_enabled", false));
    expect(outcome.violations).not.toEqual([]);
  });

  it("a moved block carrying the MWAA environment to an address nothing declares fails: Terraform would destroy it, prevent_destroy or not", async () => {
    const outcome = await attack((app) => {
      const environment = at(app, "example-mwaa/airflow/environment");
      stackOf(app, "example-mwaa").addOverride("moved", [{ from: `aws_mwaa_environment.${environment.friendlyUniqueId}`, to: "aws_mwaa_environment.retired" }]);
    });
    expect(outcome.violations.filter((v) => v.startsWith("[DATA.PREVENT_DESTROY]"))).toEqual([
      expect.stringContaining("example-mwaa/moved aws_mwaa_environment."),
    ]);
    expect(outcome.violations[0]).toContain("which is not in the configuration: Terraform destroys");
  });
});
