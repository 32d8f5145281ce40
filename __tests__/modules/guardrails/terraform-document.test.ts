import { block, blocks, canonicalTerraform } from "../../../modules/guardrails/terraform-document";

describe("a configuration file in canonical shape", () => {
  const bucket = { bucket: "b" };

  it("reads resources the same whether each block level is an object or a list of objects", () => {
    const forms = [
      { resource: { aws_s3_bucket: { b: bucket } } },
      { resource: { aws_s3_bucket: { b: [bucket] } } },
      { resource: [{ aws_s3_bucket: [{ b: bucket }] }] },
      [{ resource: { aws_s3_bucket: { b: [bucket] } } }],
    ];
    for (const form of forms) expect(canonicalTerraform(form).resource).toEqual({ aws_s3_bucket: { b: bucket } });
  });

  it("keeps both blocks of one address, so neither escapes the rules", () => {
    const doc = canonicalTerraform({ resource: [{ aws_s3_bucket: { b: bucket } }, { aws_s3_bucket: { b: { bucket: "other" } } }] });
    expect(doc.resource.aws_s3_bucket).toEqual({ b: bucket, "b#2": { bucket: "other" } });
  });

  it("folds the terraform block's backend, cloud and required providers, as HCL parses them, into objects", () => {
    const doc = canonicalTerraform({
      terraform: [{ backend: { s3: [{ bucket: "state" }] }, required_providers: [{ aws: { source: "aws" } }] }, { cloud: [{ organization: "acme" }] }],
    });
    expect(doc.terraform.backend).toEqual({ s3: { bucket: "state" } });
    expect(doc.terraform.required_providers).toEqual({ aws: { source: "aws" } });
    expect(doc.terraform.cloud).toEqual({ organization: "acme" });
  });

  it("lists every configuration of a provider, and merges locals", () => {
    const doc = canonicalTerraform({ provider: { aws: [{ region: "eu-west-1" }, { alias: "us", region: "us-east-1" }] }, locals: [{ a: 1 }, { b: 2 }] });
    expect(doc.provider.aws).toHaveLength(2);
    expect(doc.locals).toEqual({ a: 1, b: 2 });
  });

  it("reads a nested block written once or as a list the same way", () => {
    expect(block({ status: "Enabled" })).toEqual({ status: "Enabled" });
    expect(block([{ status: "Enabled" }])).toEqual({ status: "Enabled" });
    expect(blocks(undefined)).toEqual([]);
    expect(blocks([{ a: 1 }, { a: 2 }])).toHaveLength(2);
  });
});
