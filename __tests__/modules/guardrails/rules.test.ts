import { allowedUploads } from "../../../config/airflow-artifacts";
import { Rule } from "../../../modules/guardrails/rule";
import { RULES } from "../../../modules/guardrails/rules";
import { SynthesizedStack } from "../../../modules/guardrails/synthesized-stack";
import { join } from "node:path";
import { exampleConfig, withAirflowFiles } from "../../helpers/config-fixtures";
import { StackJson, synthEnvironment } from "../../helpers/synth";

type Stacks = { state: StackJson; network: StackJson; mwaa: StackJson };

// With the fixture's Airflow files and a trail of its own, so that the upload and trail rules have something to judge.
const config = withAirflowFiles(exampleConfig((raw) => (raw.audit = { trail: "create", alarmTopicArn: "arn:aws:sns:eu-west-1:111122223333:mwaa-alerts" })));
const synthesized = synthEnvironment(config);
const example = (): Stacks => JSON.parse(JSON.stringify({ state: synthesized.state, network: synthesized.network, mwaa: synthesized.mwaa }));
const NAMES: Record<keyof Stacks, string> = { state: "example-state", network: "example-network", mwaa: "example-mwaa" };

const first = (stack: StackJson, type: string) => Object.values<any>(stack.resource[type])[0];
const byPath = (stack: StackJson, type: string, pathEnd: string) =>
  Object.values<any>(stack.resource[type]).find((r) => r["//"].metadata.path.endsWith(pathEnd));
const doc = (stack: StackJson, pathEnd: string) =>
  Object.values<any>(stack.data.aws_iam_policy_document).find((d) => d["//"].metadata.path.endsWith(pathEnd));
const addResource = (stack: StackJson, type: string, id: string, config: object) => {
  stack.resource[type] = { ...(stack.resource[type] ?? {}), [id]: { "//": { metadata: { path: `${stack["//"].metadata.stackName}/${id}` } }, ...config } };
};

/** A stack as the synth judges it: with its folder, and the uploads its environment's Airflow files allow. */
function judged(key: keyof Stacks, json: StackJson): SynthesizedStack {
  const stack = new SynthesizedStack(NAMES[key], json, [], join(synthesized.outdir, "stacks", NAMES[key]));
  stack.allowedUploads = allowedUploads(config.artifacts!);
  return stack;
}

function evaluate(rule: Rule, stacks: Stacks) {
  return (Object.keys(stacks) as (keyof Stacks)[]).flatMap((key) => rule.evaluate(judged(key, stacks[key])));
}

/** For every rule: how to break it in the example's synthesized JSON, and the resource that must fail. */
const VIOLATIONS: Record<string, [keyof Stacks, (s: StackJson) => void, RegExp]> = {
  "TERRAFORM.UNJUDGED_TYPE": ["mwaa", (s) => addResource(s, "aws_kms_grant", "share", { key_id: "${aws_kms_key.environment-key_B8FFA627.key_id}", grantee_principal: "arn:aws:iam::444455556666:root", operations: ["Decrypt"] }), /example-mwaa\/share/],
  "TERRAFORM.OPAQUE": ["mwaa", (s) => (s.module = { vendor: { source: "github.com/example/module" } }), /example-mwaa\/module\.vendor/],
  "DATA.PREVENT_DESTROY": ["mwaa", (s) => delete first(s, "aws_mwaa_environment").lifecycle, /airflow\/environment/],
  "MWAA.CMK_ARN": ["mwaa", (s) => (first(s, "aws_mwaa_environment").kms_key = "${aws_kms_key.environment-key_B8FFA627.key_id}"), /airflow\/environment/],
  "MWAA.PRIVATE_WEBSERVER": ["mwaa", (s) => (first(s, "aws_mwaa_environment").webserver_access_mode = "PUBLIC_ONLY"), /airflow\/environment/],
  "MWAA.ARTIFACTS": ["mwaa", (s) => (first(s, "aws_mwaa_environment").requirements_s3_object_version = "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY"), /airflow\/environment \(requirements\)/],
  "S3.OBJECTS": ["mwaa", (s) => (first(s, "aws_s3_object").source = "/root/.aws/credentials"), /airflow-files\//],
  "MWAA.ALL_LOGGING": ["mwaa", (s) => (first(s, "aws_mwaa_environment").logging_configuration.task_logs.enabled = false), /airflow\/environment/],
  "MWAA.LOG_GROUPS": ["mwaa", (s) => (first(s, "aws_mwaa_environment").depends_on = []), /airflow\/environment/],
  "KMS.ROTATION": ["mwaa", (s) => (first(s, "aws_kms_key").enable_key_rotation = false), /environment-key\/key/],
  "KMS.POLICY_DEFINED": ["mwaa", (s) => delete first(s, "aws_kms_key").policy, /environment-key\/key/],
  "KMS.ADMINISTRABLE": ["mwaa", (s) => doc(s, "environment-key/policy").statement.shift(), /environment-key\/key/],
  "KMS.NO_WILDCARD_PRINCIPAL": ["mwaa", (s) => doc(s, "environment-key/policy").statement.push({ sid: "Open", effect: "Allow", actions: ["kms:Decrypt"], resources: ["*"], principals: [{ type: "AWS", identifiers: ["*"] }] }), /environment-key\/key/],
  "S3.KMS_ENCRYPTION": ["mwaa", (s) => (byPath(s, "aws_s3_bucket_server_side_encryption_configuration", "dag-bucket/encryption").rule[0].apply_server_side_encryption_by_default = { sse_algorithm: "AES256" }), /dag-bucket\/bucket/],
  "S3.PUBLIC_ACCESS_BLOCK": ["mwaa", (s) => (byPath(s, "aws_s3_bucket_public_access_block", "dag-bucket/public-access-block").restrict_public_buckets = false), /dag-bucket\/bucket/],
  "S3.TLS_ONLY": ["mwaa", (s) => (doc(s, "dag-bucket/policy-document").statement = []), /dag-bucket\/bucket/],
  "S3.NO_PUBLIC_ALLOW": ["mwaa", (s) => doc(s, "dag-bucket/policy-document").statement.push({ effect: "Allow", actions: ["s3:GetObject"], resources: ["*"], principals: [{ type: "*", identifiers: ["*"] }] }), /dag-bucket\/bucket/],
  "S3.ACLS_DISABLED": ["mwaa", (s) => (byPath(s, "aws_s3_bucket_ownership_controls", "dag-bucket/ownership").rule.object_ownership = "ObjectWriter"), /dag-bucket\/bucket/],
  "S3.VERSIONING": ["state", (s) => (byPath(s, "aws_s3_bucket_versioning", "state-bucket/versioning").versioning_configuration.status = "Suspended"), /state-bucket\/bucket/],
  "S3.ACCESS_LOGS": ["mwaa", (s) => delete s.resource.aws_s3_bucket_logging, /dag-bucket\/bucket/],
  "S3.NO_FORCE_DESTROY": ["state", (s) => (byPath(s, "aws_s3_bucket", "state-bucket/bucket").force_destroy = true), /state-bucket\/bucket/],
  "LOGS.KMS_ENCRYPTION": ["network", (s) => delete first(s, "aws_cloudwatch_log_group").kms_key_id, /flow-logs\/log-group/],
  "LOGS.RETENTION": ["mwaa", (s) => (byPath(s, "aws_cloudwatch_log_group", "log-groups/Task").retention_in_days = 30), /log-groups\/Task/],
  "IAM.NO_WILDCARD_ACTIONS": ["mwaa", (s) => doc(s, "execution-role/permissions").statement.push({ effect: "Allow", actions: ["s3:*"], resources: ["arn:aws:s3:::x"] }), /execution-role\/policy/],
  "IAM.WILDCARD_RESOURCES": ["mwaa", (s) => doc(s, "execution-role/permissions").statement.push({ effect: "Allow", actions: ["s3:GetObject"], resources: ["*"] }), /execution-role\/policy/],
  "IAM.NO_PASS_ROLE": ["network", (s) => doc(s, "flow-logs/delivery-policy").statement.push({ effect: "Allow", actions: ["iam:PassRole"], resources: ["arn:aws:iam::111122223333:role/x"] }), /flow-logs\/delivery/],
  "IAM.NO_ADMIN_POLICY": ["mwaa", (s) => addResource(s, "aws_iam_role_policy_attachment", "admin", { role: "${aws_iam_role.execution-role_4702A0F0.name}", policy_arn: "arn:aws:iam::aws:policy/AdministratorAccess" }), /execution-role\/role/],
  "IAM.NO_KEY_ADMINISTRATION": ["mwaa", (s) => doc(s, "execution-role/permissions").statement.at(-1).actions.push("kms:PutKeyPolicy"), /execution-role\/policy/],
  "IAM.OWN_ACCOUNT_GRANTS": ["mwaa", (s) => doc(s, "environment-key/policy").statement.push({ sid: "Share", effect: "Allow", actions: ["kms:Decrypt"], resources: ["*"], principals: [{ type: "AWS", identifiers: ["arn:aws:iam::444455556666:root"] }] }), /environment-key\/key/],
  "IAM.CONFUSED_DEPUTY": ["mwaa", (s) => delete doc(s, "execution-role/trust-policy").statement[0].condition, /execution-role\/role/],
  "IAM.TRUSTED_PRINCIPALS": ["mwaa", (s) => doc(s, "execution-role/trust-policy").statement[0].principals.push({ type: "AWS", identifiers: ["arn:aws:iam::444455556666:root"] }), /execution-role\/role/],
  "IAM.SECRETS_SCOPE": ["mwaa", (s) => doc(s, "execution-role/permissions").statement.push({ effect: "Allow", actions: ["secretsmanager:GetSecretValue"], resources: ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:*"] }), /execution-role\/policy/],
  "IAM.UNVERIFIABLE_POLICY": ["mwaa", (s) => (first(s, "aws_iam_role_policy").policy = '${jsonencode({"Statement" = [{"Effect" = "Allow", "Action" = "*", "Resource" = "*"}]})}'), /execution-role\/policy/],
  "SG.NO_OPEN_INGRESS": ["network", (s) => (byPath(s, "aws_vpc_security_group_ingress_rule", "webserver-from-network-1").cidr_ipv4 = "0::0/0"), /webserver-from-network-1/],
  "SG.NO_INTERNET_EGRESS": ["network", (s) => (byPath(s, "aws_vpc_security_group_egress_rule", "mwaa-security-group/to-vpc").cidr_ipv4 = "128.0.0.0/1"), /mwaa-security-group\/to-vpc/],
  "SG.DESCRIPTIONS": ["network", (s) => delete byPath(s, "aws_vpc_security_group_egress_rule", "mwaa-security-group/to-vpc").description, /mwaa-security-group\/to-vpc/],
  "VPC.NO_INTERNET_PATH": ["mwaa", (s) => addResource(s, "aws_nat_gateway", "nat", { subnet_id: "${data.terraform_remote_state.network.outputs.private_subnet_ids[0]}", connectivity_type: "private" }), /example-mwaa\/nat/],
  "VPC.MWAA_ENDPOINTS": ["network", (s) => (byPath(s, "aws_vpc_endpoint", "endpoints/kms").private_dns_enabled = false), /network\/vpc/],
  "VPC.ENDPOINT_POLICIES": ["network", (s) => delete byPath(s, "aws_vpc_endpoint", "endpoints/s3").policy, /endpoints\/s3/],
  "VPC.NO_PUBLIC_IP": ["network", (s) => (byPath(s, "aws_subnet", "private-subnet-2").map_public_ip_on_launch = true), /private-subnet-2/],
  "VPC.DEFAULT_SG_CLOSED": ["network", (s) => (first(s, "aws_default_security_group").egress = [{ cidr_blocks: ["10.40.0.0/16"] }]), /network\/default-security-group/],
  "VPC.FLOW_LOGS": ["network", (s) => delete s.resource.aws_flow_log, /network\/vpc/],
  "STATE.REMOTE": ["network", (s) => (s.terraform.backend = { local: { path: "terraform.tfstate" } }), /example-network \(terraform backend\)/],
  "STATE.ENCRYPTED": ["mwaa", (s) => delete s.terraform.backend.s3.kms_key_id, /example-mwaa \(terraform backend\)/],
  "STATE.LOCKED": ["mwaa", (s) => { delete s.terraform.backend.s3.use_lockfile; s.terraform.backend.s3.dynamodb_table = "locks"; }, /example-mwaa \(terraform backend\)/],
  "PROVIDER.ACCOUNT_PINNED": ["mwaa", (s) => s.provider.aws.push({ alias: "elsewhere", region: "eu-west-1", allowed_account_ids: ["444455556666"] }), /example-mwaa\/provider aws \(alias elsewhere\)/],
  "STATE.OUTPUTS_FROM_RESOURCES": ["network", (s) => (s.output.private_subnet_ids.value = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]), /example-network\/output private_subnet_ids/],
  "TAGS.MANDATORY": ["state", (s) => delete s.provider.aws[0].default_tags[0].tags.DataClassification, /example-state\/provider aws/],
  "DATA.LIFECYCLE_KEEPS_DATA": ["state", (s) => (byPath(s, "aws_s3_bucket_lifecycle_configuration", "state-bucket/lifecycle").rule[0].expiration = [{ days: 1 }]), /state-bucket\/bucket/],
  "KMS.USABLE": ["mwaa", (s) => (first(s, "aws_kms_key").is_enabled = false), /environment-key\/key/],
  "MWAA.OWN_RESOURCES": ["mwaa", (s) => (first(s, "aws_mwaa_environment").source_bucket_arn = "arn:aws:s3:::attacker-dags"), /airflow\/environment/],
  "CLOUDTRAIL.TRAIL": ["mwaa", (s) => (first(s, "aws_cloudtrail").is_multi_region_trail = false), /trail\/cloudtrail/],
  "CLOUDWATCH.ALARMS": ["mwaa", (s) => (first(s, "aws_cloudwatch_metric_alarm").alarm_actions = ["arn:aws:automate:eu-west-1:ec2:terminate"]), /kms-access-denied\/alarm/],
  "STATE.REMOTE_STATE_SOURCES": ["mwaa", (s) => (s.data.terraform_remote_state["state-of-example-network"].config.bucket = "attacker-states"), /example-mwaa\/.*state-of-example-network/],
};

describe("the rule pack", () => {
  it("has one violation case per rule, and unique ids", () => {
    expect(Object.keys(VIOLATIONS).sort()).toEqual(RULES.map((r) => r.id).sort());
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it("names what it evaluates, sources, an explanation and a fix for every rule", () => {
    for (const rule of RULES) {
      expect(rule.evaluates.length).toBeGreaterThan(20);
      expect(rule.sources.length).toBeGreaterThan(0);
      expect(rule.explanation.length).toBeGreaterThan(20);
      expect(rule.fix.length).toBeGreaterThan(10);
    }
  });
});

describe.each(RULES.map((r) => [r.id, r] as const))("rule %s", (id, rule) => {
  it("passes on the example environment, where it applies to at least one resource", () => {
    const evaluations = evaluate(rule, example());
    expect(evaluations.length).toBeGreaterThan(0);
    expect(evaluations.filter((e) => !e.compliant)).toEqual([]);
  });

  it("fails on the resource a violating change touches", () => {
    const [key, mutate, resource] = VIOLATIONS[id];
    const stacks = example();
    mutate(stacks[key]);
    const failures = evaluate(rule, stacks).filter((e) => !e.compliant);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.map((f) => f.resource).join("\n")).toMatch(resource);
  });
});
