import { Rule } from "../../../../../modules/guardrails/rule";
import { s3NoPublicAllow } from "../../../../../modules/guardrails/rules/s3/no-public-allow";
import { s3TlsOnly } from "../../../../../modules/guardrails/rules/s3/tls-only";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";

/**
 * Bucket policies are read and judged by the IAM modules (iam/policy-document.ts, conditions.ts,
 * principals.ts): these are the cases where that is stricter than the S3 rules' former reader.
 */

const BUCKET_ARN = "${aws_s3_bucket.dags.arn}";
const publicRead = { Sid: "PublicRead", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${BUCKET_ARN}/*` };
const tlsDeny = { Sid: "TlsOnly", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [BUCKET_ARN, `${BUCKET_ARN}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } };

/** A bucket with one policy: JSON text of `statements`, or any policy value, with `data` beside it. */
function bucketWith(statements: object[] | string, data: Record<string, any> = {}): SynthesizedStack {
  const policy = typeof statements === "string" ? statements : JSON.stringify({ Version: "2012-10-17", Statement: statements });
  return new SynthesizedStack("s", {
    data,
    resource: { aws_s3_bucket: { dags: { bucket: "dags" } }, aws_s3_bucket_policy: { policy: { bucket: "${aws_s3_bucket.dags.id}", policy } } },
  });
}

const verdict = (rule: Rule, stack: SynthesizedStack) => rule.evaluate(stack).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`);

describe("S3.NO_PUBLIC_ALLOW reads conditions as the IAM rules do", () => {
  it("passes an Allow to anyone narrowed to this VPC endpoint", () => {
    expect(verdict(s3NoPublicAllow, bucketWith([{ ...publicRead, Condition: { StringEquals: { "aws:SourceVpce": "vpce-0123abcd" } } }]))).toEqual([
      "PASS s/dags: no Allow to anyone without a narrowing condition, no public ACL",
    ]);
  });

  it.each([
    ["a source network, which anyone there may use", { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }],
    ["an endpoint pattern", { StringLike: { "aws:SourceVpce": "vpce-*" } }],
    ["ForAnyValue on a key with one value", { "ForAnyValue:StringEquals": { "aws:SourceAccount": "111122223333" } }],
    ["an account that is no account id", { StringEquals: { "aws:SourceAccount": "11112222333x" } }],
  ])("fails an Allow to anyone under %s", (_, Condition) => {
    expect(verdict(s3NoPublicAllow, bucketWith([{ ...publicRead, Condition }]))).toEqual(["FAIL s/dags: aws_s3_bucket_policy s/policy: Allow to anyone without a narrowing condition: PublicRead"]);
  });

  it("reads statements merged in from source_policy_documents, and finds an Allow to anyone there", () => {
    const data = (principal: string) => ({
      aws_iam_policy_document: {
        base: { statement: [{ sid: "FromBase", effect: "Allow", actions: ["s3:GetObject"], resources: [`${BUCKET_ARN}/*`], principals: [{ type: "AWS", identifiers: [principal] }] }] },
        merged: { source_policy_documents: ["${data.aws_iam_policy_document.base.json}"] },
      },
    });
    const merged = (principal: string) => bucketWith("${data.aws_iam_policy_document.merged.json}", data(principal));
    expect(verdict(s3NoPublicAllow, merged("arn:aws:iam::111122223333:role/reader"))).toEqual(["PASS s/dags: no Allow to anyone without a narrowing condition, no public ACL"]);
    expect(verdict(s3NoPublicAllow, merged("*"))).toEqual(["FAIL s/dags: aws_s3_bucket_policy s/policy: Allow to anyone without a narrowing condition: FromBase"]);
  });
});

describe("S3.TLS_ONLY reads the Deny as IAM does", () => {
  it("passes a Deny of s3:* on the bucket and its objects", () => {
    expect(verdict(s3TlsOnly, bucketWith([tlsDeny]))).toEqual(["PASS s/dags: Deny s3:* when aws:SecureTransport is false"]);
  });

  it("fails a NotResource Deny, which leaves out what it lists", () => {
    const { Resource: _, ...withoutResource } = tlsDeny;
    expect(verdict(s3TlsOnly, bucketWith([{ ...withoutResource, NotResource: `${BUCKET_ARN}/public/*` }]))).toEqual(["FAIL s/dags: no TLS-only Deny in the bucket policy"]);
  });
});
