import { JUDGED_RESOURCE_TYPES } from "../../../modules/guardrails/judged-resource-types";
import { terraformUnjudgedType } from "../../../modules/guardrails/rules/terraform/unjudged-types";
import { SynthesizedStack } from "../../../modules/guardrails/synthesized-stack";
import { exampleConfig } from "../../helpers/config-fixtures";
import { synthEnvironment } from "../../helpers/synth";

const failing = (resource: Record<string, any>) =>
  terraformUnjudgedType
    .evaluate(new SynthesizedStack("s", { resource }))
    .filter((e) => !e.compliant)
    .map((e) => `${e.resource}: ${e.evidence}`);

describe("rule TERRAFORM.UNJUDGED_TYPE", () => {
  it("passes every type the example environment builds", () => {
    const { state, network, mwaa } = synthEnvironment(exampleConfig());
    const built = [state, network, mwaa].flatMap((s) => Object.keys(s?.resource ?? {}));
    expect(built.filter((type) => !JUDGED_RESOURCE_TYPES.has(type))).toEqual([]);
  });

  it.each([
    ["aws_kms_grant", { key_id: "k", grantee_principal: "arn:aws:iam::444455556666:root", operations: ["Decrypt"] }],
    ["aws_s3_bucket_replication_configuration", { bucket: "example-dags", role: "r", rule: [{ destination: { bucket: "arn:aws:s3:::elsewhere" } }] }],
    ["aws_cloudwatch_log_subscription_filter", { log_group_name: "airflow-example-Task", destination_arn: "arn:aws:logs:eu-west-1:444455556666:destination:d" }],
    ["aws_sqs_queue_policy", { queue_url: "q", policy: "{}" }],
    ["aws_lambda_function_url", { function_name: "f", authorization_type: "NONE" }],
    ["aws_ram_resource_share", { name: "share", allow_external_principals: true }],
  ])("fails %s, which no rule reads", (type, config) => {
    expect(failing({ [type]: { x: config } })).toEqual([`s/x: ${type}: no rule reads what it does`]);
  });

  it("leaves other providers' resources to TERRAFORM.OPAQUE", () => {
    expect(failing({ null_resource: { n: {} } })).toEqual([]);
  });
});
