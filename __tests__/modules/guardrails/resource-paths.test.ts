import { SynthesizedStack } from "../../../modules/guardrails/synthesized-stack";

const meta = (path: string) => ({ "//": { metadata: { path, uniqueId: "x" } } });
const pathsOf = (resource: Record<string, Record<string, object>>) =>
  new SynthesizedStack("example-mwaa", { resource }).allResources().map((r) => `${r.type}.${r.logicalId} -> ${r.path}`);

describe("what findings call a resource", () => {
  it("is its construct path when cdktf could have written it", () => {
    expect(
      pathsOf({
        aws_s3_bucket: { "dag-bucket_bucket_5EC3EADC": meta("example-mwaa/dag-bucket/bucket") },
        aws_iam_role: { "execution-role_4702A0F0": meta("example-mwaa/execution-role/role") },
        aws_kms_key: { extra: meta("example-mwaa/extra") },
      }),
    ).toEqual([
      "aws_s3_bucket.dag-bucket_bucket_5EC3EADC -> example-mwaa/dag-bucket/bucket",
      "aws_iam_role.execution-role_4702A0F0 -> example-mwaa/execution-role/role",
      "aws_kms_key.extra -> example-mwaa/extra",
    ]);
  });

  it("is its address when another block claims the same path, for both", () => {
    expect(
      pathsOf({
        aws_s3_bucket: {
          "access-log-bucket_bucket_11111111": meta("example-mwaa/access-log-bucket/bucket"),
          "dag-bucket_bucket_5EC3EADC": meta("example-mwaa/access-log-bucket/bucket"),
        },
      }),
    ).toEqual([
      "aws_s3_bucket.access-log-bucket_bucket_11111111 -> example-mwaa/aws_s3_bucket.access-log-bucket_bucket_11111111",
      "aws_s3_bucket.dag-bucket_bucket_5EC3EADC -> example-mwaa/aws_s3_bucket.dag-bucket_bucket_5EC3EADC",
    ]);
  });

  it("is its address when the path is not one its Terraform name comes from, or lies in another stack", () => {
    expect(
      pathsOf({
        aws_s3_bucket: { "dag-bucket_bucket_5EC3EADC": meta("example-mwaa/access-log-bucket/bucket") },
        aws_vpc: { "network_vpc_0C0F5CAF": meta("example-network/network/vpc") },
      }),
    ).toEqual([
      "aws_s3_bucket.dag-bucket_bucket_5EC3EADC -> example-mwaa/aws_s3_bucket.dag-bucket_bucket_5EC3EADC",
      "aws_vpc.network_vpc_0C0F5CAF -> example-mwaa/aws_vpc.network_vpc_0C0F5CAF",
    ]);
  });

  it("is its Terraform name under the stack when it was written without metadata, unless that is claimed too", () => {
    expect(pathsOf({ aws_s3_bucket: { extra: {} } })).toEqual(["aws_s3_bucket.extra -> example-mwaa/extra"]);
    expect(pathsOf({ aws_s3_bucket: { extra: {} }, aws_kms_key: { extra: {} } })).toEqual([
      "aws_s3_bucket.extra -> example-mwaa/aws_s3_bucket.extra",
      "aws_kms_key.extra -> example-mwaa/aws_kms_key.extra",
    ]);
  });
});
