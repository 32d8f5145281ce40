import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Fn, TerraformStack, Testing } from "cdktf";
import { SynthesizedStack } from "../../../../modules/guardrails/synthesized-stack";
import { iamUnverifiablePolicy } from "../../../../modules/guardrails/rules/iam/unverifiable-policy";
import { documentJson, stackOf, verdicts } from "./policy-stacks";

const statement = (sid: string, actions = ["s3:GetObject"]) => ({ sid, effect: "Allow", actions, resources: ["arn:aws:s3:::bucket/*"] });
const documents = (docs: Record<string, object>) => ({ aws_iam_policy_document: docs });
const bucket = { aws_s3_bucket: { dags: { bucket: "dags" } }, aws_ssm_parameter: { p: { name: "p", type: "String", value: "*" } } };

/** The reading of a policy argument `value` in a stack with these documents. */
const read = (value: unknown, docs: Record<string, object> = {}) => stackOf(bucket, documents(docs)).readPolicy(value);
const reason = (value: unknown, docs: Record<string, object> = {}) => {
  const reading = read(value, docs);
  return reading.readable ? "readable" : reading.reason;
};

describe("reading a policy argument", () => {
  it("reads a data.aws_iam_policy_document of the stack, and JSON policy text", () => {
    expect(read(documentJson("d"), { d: { statement: [statement("Read")] } })).toEqual({ readable: true, statements: [{ sid: "Read", effect: "Allow", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::bucket/*"] }] });
    const text = JSON.stringify({ Version: "2012-10-17", Statement: { Effect: "Allow", Principal: "*", NotAction: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": true } } } });
    expect(read(text)).toEqual({ readable: true, statements: [{ effect: "Allow", principals: [{ type: "*", identifiers: ["*"] }], not_actions: ["s3:*"], resources: ["*"], condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["true"] }] }] });
  });

  it("merges source and override documents as the provider does: a statement with a Sid replaces the earlier one", () => {
    const docs = {
      base: { statement: [statement("Shared", ["s3:GetObject"]), statement("BaseOnly")] },
      override: { statement: [statement("Shared", ["s3:*"])] },
      merged: { source_policy_documents: [documentJson("base")], override_policy_documents: [documentJson("override")], statement: [statement("Own")] },
    };
    const reading = read(documentJson("merged"), docs);
    expect(reading.readable && reading.statements.map((s) => `${s.sid} ${s.actions}`)).toEqual(["Shared s3:*", "BaseOnly s3:GetObject", "Own s3:GetObject"]);
  });

  it("keeps references to AWS identifiers of the stack and IAM policy variables", () => {
    const docs = { d: { statement: [{ actions: ["s3:GetObject"], resources: ["${aws_s3_bucket.dags.arn}/home/&{aws:username}/*"] }] } };
    expect(reason(documentJson("d"), docs)).toBe("readable");
    expect(reason(JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/$${aws:username}/*" }] }))).toBe("readable");
  });

  it.each([
    ["a policy built with jsonencode", '${jsonencode({"Statement" = []})}', {}, "built with jsonencode(...), whose result only terraform plan knows"],
    ["a variable", "${var.policy}", {}, "var.policy: not a data.aws_iam_policy_document of this stack"],
    ["another resource's policy", "${aws_iam_policy.other.policy}", {}, "aws_iam_policy.other.policy: not a data.aws_iam_policy_document of this stack"],
    ["a document not in the stack", documentJson("missing"), {}, "data.aws_iam_policy_document.missing is not in this stack"],
    ["a counted document", "${data.aws_iam_policy_document.d[0].json}", {}, "data.aws_iam_policy_document.d is counted or for_each: which instance applies only terraform plan knows"],
    ["a document with for_each", documentJson("d"), { d: { for_each: "${var.m}", statement: [statement("A")] } }, "data.aws_iam_policy_document.d has for_each: its statements are decided at plan time"],
    ["a dynamic statement", documentJson("d"), { d: { dynamic: { statement: { for_each: "${var.s}" } } } }, "data.aws_iam_policy_document.d has dynamic: its statements are decided at plan time"],
    ["actions from an expression", documentJson("d"), { d: { statement: [{ actions: "${var.actions}", resources: ["*"] }] } }, 'data.aws_iam_policy_document.d.statement[0].actions is "${var.actions}", not a list'],
    ["an action that is an expression", documentJson("d"), { d: { statement: [{ actions: ["${local.a}"], resources: ["*"] }] } }, 'data.aws_iam_policy_document.d.statement[0].actions is "${local.a}": an expression where a literal is needed'],
    ["an effect that is an expression", documentJson("d"), { d: { statement: [{ effect: "${var.e}", actions: ["s3:GetObject"] }] } }, 'data.aws_iam_policy_document.d.statement[0].effect is "${var.e}": an expression where a literal is needed'],
    ["a resource from a free-form attribute", documentJson("d"), { d: { statement: [{ actions: ["s3:GetObject"], resources: ["${aws_ssm_parameter.p.value}"] }] } }, "data.aws_iam_policy_document.d.statement[0].resources holds ${aws_ssm_parameter.p.value}, which could be anything"],
    ["a principal from another stack", documentJson("d"), { d: { statement: [{ actions: ["sts:AssumeRole"], principals: [{ type: "AWS", identifiers: ["${data.terraform_remote_state.x.outputs.arn}"] }] }] } }, "data.aws_iam_policy_document.d.statement[0].principals.identifiers holds ${data.terraform_remote_state.x.outputs.arn}, which could be anything"],
    ["a source document it cannot read", documentJson("d"), { d: { source_policy_documents: ["${var.base}"] } }, "data.aws_iam_policy_document.d.source_policy_documents[0]: var.base: not a data.aws_iam_policy_document of this stack"],
    ["an override_json of another resource", documentJson("d"), { d: { override_json: "${aws_iam_policy.x.policy}" } }, "data.aws_iam_policy_document.d.override_json: aws_iam_policy.x.policy: not a data.aws_iam_policy_document of this stack"],
    ["a document that includes itself", documentJson("d"), { d: { source_policy_documents: [documentJson("d")] } }, "data.aws_iam_policy_document.d.source_policy_documents[0]: data.aws_iam_policy_document.d includes itself"],
    ["JSON with an element IAM does not have", JSON.stringify({ Statement: [{ Effect: "Allow", action: "*" }] }), {}, "Statement[0] has an element action"],
    ["JSON with an effect IAM does not have", JSON.stringify({ Statement: [{ Effect: "allow", Action: "*" }] }), {}, 'Statement[0].Effect is "allow", neither Allow nor Deny'],
    ["text that is not JSON", "Allow everything", {}, "not valid JSON policy text"],
    ["a value that is not text", { Statement: [] }, {}, "not policy text but object"],
  ])("refuses %s", (_what, value, docs, why) => {
    expect(reason(value, docs)).toBe(why);
  });
});

describe("IAM.UNVERIFIABLE_POLICY", () => {
  it("passes every policy it can read", () => {
    const stack = stackOf({ aws_iam_role_policy: { policy: { role: "r", policy: documentJson("d") } } }, documents({ d: { statement: [statement("Read")] } }));
    expect(verdicts(iamUnverifiablePolicy, stack)).toEqual(["PASS s/policy: policy: 1 statement(s) read"]);
  });

  it("fails a jsonencode policy wherever it is set: identity, trust, key, bucket or endpoint policy", () => {
    const opaque = '${jsonencode({"Statement" = []})}';
    const stack = stackOf({
      aws_iam_role: { role: { name: "r", assume_role_policy: opaque, inline_policy: [{ name: "inline", policy: opaque }] } },
      aws_kms_key_policy: { keypolicy: { key_id: "k", policy: opaque } },
      aws_s3_bucket_policy: { bucketpolicy: { bucket: "b", policy: opaque } },
      aws_vpc_endpoint: { s3: { service_name: "com.amazonaws.eu-west-1.s3", policy: opaque } },
      aws_ecr_lifecycle_policy: { lifecycle: { repository: "r", policy: opaque } },
    });
    const why = "unverifiable: built with jsonencode(...), whose result only terraform plan knows";
    expect(verdicts(iamUnverifiablePolicy, stack)).toEqual([
      `FAIL s/role: assume_role_policy ${why}`,
      `FAIL s/role: inline_policy[0].policy ${why}`,
      `FAIL s/keypolicy: policy ${why}`,
      `FAIL s/bucketpolicy: policy ${why}`,
      `FAIL s/s3: policy ${why}`,
    ]);
  });
});

describe("a policy a construct builds with Fn.jsonencode", () => {
  it("is written as a jsonencode expression, and judged unverifiable", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "s");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    const role = new IamRole(stack, "role", { name: "r", assumeRolePolicy: "{}" });
    new IamRolePolicy(stack, "policy", { role: role.name, policy: Fn.jsonencode({ Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }) });
    const written = new SynthesizedStack("s", JSON.parse(Testing.synth(stack)));
    expect(verdicts(iamUnverifiablePolicy, written)).toContain("FAIL s/policy: policy unverifiable: built with jsonencode(...), whose result only terraform plan knows");
  });
});
