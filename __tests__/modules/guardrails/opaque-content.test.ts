import { unreadableCall } from "../../../modules/guardrails/expressions";
import { AWS_PROVIDER_VERSION } from "../../../modules/terraform/aws-provider-version";
import { templateExpressions } from "../../../modules/terraform/template-syntax";
import { terraformOpaqueContent } from "../../../modules/guardrails/rules/terraform/opaque-content";
import { SynthesizedStack } from "../../../modules/guardrails/synthesized-stack";

/** The AWS provider requirement the app writes; a fixture without a `terraform` block gets it. */
const pinned = (source = "aws", version: unknown = AWS_PROVIDER_VERSION) => ({ required_providers: { aws: { source, version } } });

const failing = (written: Record<string, any>, foreignFiles: string[] = []) =>
  terraformOpaqueContent
    .evaluate(new SynthesizedStack("s", { terraform: pinned(), ...written }, foreignFiles))
    .filter((e) => !e.compliant)
    .map((e) => `${e.resource}: ${e.evidence}`);

const awsResource = (config: Record<string, any>) => ({ resource: { aws_s3_bucket: { b: { bucket: "b", ...config } } } });

describe("template expressions", () => {
  it("finds interpolations and directives, and skips their escapes", () => {
    expect(templateExpressions('a ${aws_s3_bucket.b.arn} %{ if x }y%{ endif } $${literal} %%{literal}')).toEqual(["aws_s3_bucket.b.arn", " if x ", " endif "]);
  });

  it("reads a whole expression, braces and quoted strings included", () => {
    expect(templateExpressions('${jsonencode({ a = "}" })} tail')).toEqual(['jsonencode({ a = "}" })']);
  });

  it("names calls that read the planning machine, but not escaped text or look-alike names", () => {
    expect(unreadableCall('${file("/etc/passwd")}')).toBe("file");
    expect(unreadableCall('${upper(templatefile("t.tpl", {}))}')).toBe("templatefile");
    expect(unreadableCall('%{ for l in split("\\n", file("/x")) }${l}%{ endfor }')).toBe("file");
    expect(unreadableCall('$${file("/etc/passwd")}')).toBeUndefined();
    expect(unreadableCall('${local.file("x")}')).toBeUndefined();
    expect(unreadableCall("file(/etc/passwd)")).toBeUndefined();
    expect(unreadableCall('${1-file("/etc/passwd")}')).toBe("file");
    expect(unreadableCall('${core::file("/etc/passwd")}')).toBe("core::file");
    expect(unreadableCall('${provider::evil::run("x")}')).toBe("provider::evil::run");
  });
});

describe("rule TERRAFORM.OPAQUE", () => {
  it("passes a configuration of AWS resources", () => {
    expect(failing({ provider: { aws: [{ region: "eu-west-1" }] }, ...awsResource({}), data: { terraform_remote_state: { n: { backend: "s3" } } } })).toEqual([]);
  });

  it("fails count and for_each, which decide at plan time how many copies deploy, but not count = 1", () => {
    expect(failing(awsResource({ count: 1 }))).toEqual([]);
    expect(failing(awsResource({ count: 0 }))).toEqual(["s/b: count = 0: how many copies deploy is decided at plan time, and the rules judged one"]);
    expect(failing(awsResource({ count: "${var.n}" }))).toHaveLength(1);
    expect(failing({ resource: { aws_flow_log: { f: { for_each: {} } } } })).toEqual(["s/f: for_each = {}: how many copies deploy is decided at plan time, and the rules judged one"]);
    expect(failing({ data: { aws_iam_policy_document: { d: { count: 2 } } } })).toHaveLength(1);
  });

  it("fails lifecycle.ignore_changes, which keeps deployed values the review never saw", () => {
    expect(failing(awsResource({ lifecycle: { prevent_destroy: true } }))).toEqual([]);
    expect(failing(awsResource({ lifecycle: { ignore_changes: "all" } }))).toEqual([
      's/b: lifecycle.ignore_changes = "all": Terraform keeps whatever is deployed for these arguments, so the reviewed values may never be applied',
    ]);
    expect(failing(awsResource({ lifecycle: [{ ignore_changes: ["policy"] }] }))).toHaveLength(1);
  });

  it("fails a module block", () => {
    expect(failing({ module: { vendor: { source: "github.com/x/y" } } })).toEqual(["s/module.vendor: module block from github.com/x/y: its resources are not in this configuration"]);
  });

  it("fails resources and data sources of other providers, and their provider blocks", () => {
    expect(failing({ provider: { external: [{}] }, resource: { null_resource: { n: {} } }, data: { external: { e: { program: ["sh"] } } } })).toEqual([
      "s/provider external: provider external: the rules read only AWS resources",
      "s/n: resource null_resource of provider null: the rules read only AWS resources",
      "s/data.external.e: data source external of provider external: the rules read only AWS resources",
    ]);
  });

  it("fails a provider that does not come from hashicorp/aws, under any local name", () => {
    expect(failing({ terraform: pinned("evil/aws") })).toEqual(["s/required_providers.aws: provider aws comes from evil/aws, not hashicorp/aws"]);
    expect(failing({ terraform: { required_providers: { ...pinned().required_providers, evil: { source: "attacker/aws" } } }, ...awsResource({ provider: "evil" }) })).toEqual([
      "s/required_providers.evil: provider evil comes from attacker/aws, not hashicorp/aws",
      "s/b: provider = evil: a provider the rules know nothing of",
    ]);
  });

  it(`passes the AWS provider pinned to ${AWS_PROVIDER_VERSION}, the version the rules were checked against, from either source cdktf and cdktn write`, () => {
    expect(failing({ terraform: pinned("aws"), ...awsResource({}) })).toEqual([]);
    expect(failing({ terraform: pinned("hashicorp/aws"), ...awsResource({}) })).toEqual([]);
  });

  it("fails the AWS provider pinned to another version, to a range, or not pinned at all", () => {
    const repin = ` (pin exactly ${AWS_PROVIDER_VERSION}: drop the override, or move AWS_PROVIDER_VERSION in modules/terraform/aws-provider-version.ts with the provider binding, once the rules are checked against that version)`;
    const pinnedTo = (version: string) => `s/required_providers.aws: provider aws is pinned to "${version}", not ${AWS_PROVIDER_VERSION}, the hashicorp/aws version the rules and the review were checked against${repin}`;
    expect(failing({ terraform: pinned("hashicorp/aws", "5.100.0"), ...awsResource({}) })).toEqual([pinnedTo("5.100.0")]);
    expect(failing({ terraform: pinned("aws", "~> 6.0"), ...awsResource({}) })).toEqual([pinnedTo("~> 6.0")]);
    // The legacy form: a version string under the provider's local name.
    expect(failing({ terraform: { required_providers: { aws: ">= 5.0" } }, ...awsResource({}) })).toEqual([pinnedTo(">= 5.0")]);
    expect(failing({ terraform: { required_providers: { aws: { source: "hashicorp/aws" } } } })).toEqual([
      `s/required_providers.aws: provider aws is pinned to null, not ${AWS_PROVIDER_VERSION}, the hashicorp/aws version the rules and the review were checked against${repin}`,
    ]);
    // No requirement at all: Terraform installs whatever hashicorp/aws is newest.
    const unpinned = [
      `s/required_providers.aws: no required_providers entry pins hashicorp/aws: Terraform would install its newest version, not ${AWS_PROVIDER_VERSION}, the one the rules and the review were checked against${repin}`,
    ];
    expect(failing({ terraform: {}, ...awsResource({}) })).toEqual(unpinned);
    expect(failing({ terraform: {}, provider: { aws: [{ region: "eu-west-1" }] } })).toEqual(unpinned);
    expect(failing({ terraform: {}, data: { aws_caller_identity: { me: {} } } })).toEqual(unpinned);
    // A stack with nothing of AWS needs no AWS provider.
    expect(failing({ terraform: {}, output: { o: { value: "x" } } })).toEqual([]);
  });

  it("passes an aliased aws provider, written as JSON or as HCL reads back", () => {
    expect(failing(awsResource({ provider: "aws.us_east_1" }))).toEqual([]);
    expect(failing(awsResource({ provider: "${aws.us_east_1}" }))).toEqual([]);
  });

  it("fails top-level blocks no rule reads, such as a check block with its own data source", () => {
    expect(failing({ check: { health: { data: { external: { run: { program: ["sh"] } } }, assert: [{ condition: "true", error_message: "x" }] } } })).toEqual([
      "s/check: top-level check block: no rule reads what it does",
    ]);
    expect(failing({ ephemeral: { aws_secretsmanager_secret_version: { s: {} } } })).toEqual(["s/ephemeral: top-level ephemeral block: no rule reads what it does"]);
  });

  it("fails provisioners and dynamic blocks", () => {
    expect(failing(awsResource({ provisioner: [{ "local-exec": { command: "curl x" } }] }))).toEqual(["s/b: provisioner: runs commands on the machine that applies"]);
    expect(failing(awsResource({ dynamic: { grant: { for_each: "${var.g}" } } }))).toEqual(["s/b: dynamic block: its content is generated at plan time"]);
  });

  it("fails a value or a key read from the planning machine's files, wherever it is", () => {
    expect(failing(awsResource({ tags: { Leak: '${file("/home/runner/.aws/credentials")}' } }))).toEqual([
      "s/resource.aws_s3_bucket.b.tags.Leak: file(...) takes its value from the machine that runs Terraform",
    ]);
    expect(failing(awsResource({ tags: { '${filebase64("/etc/shadow")}': "x" } }))).toHaveLength(1);
    expect(failing({ locals: { l: '${templatefile("x.tpl", {})}' } })).toHaveLength(1);
    expect(failing(awsResource({ tags: { Note: '$${file("/etc/passwd")} is escaped' } }))).toEqual([]);
  });

  it("fails Terraform files that sit in the stack's folder without being written by the app", () => {
    expect(failing({}, ["extra.tf", "zz_override.tf.json"])).toEqual([
      "s/extra.tf: extra.tf sits in the stack's working directory: Terraform loads it, no rule reads it",
      "s/zz_override.tf.json: zz_override.tf.json sits in the stack's working directory: Terraform loads it, no rule reads it",
    ]);
  });
});
