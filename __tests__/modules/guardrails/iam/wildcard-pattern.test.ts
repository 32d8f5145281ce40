import { matchesAction } from "../../../../modules/guardrails/iam/action-pattern";
import { matchesResource } from "../../../../modules/guardrails/iam/resource-pattern";

describe("IAM's wildcards, shared by Action and Resource patterns", () => {
  it("match the whole value, * any run (colons and slashes too) and ? one character", () => {
    expect(matchesResource("arn:aws:s3:::dags*", "arn:aws:s3:::dags/any/object")).toBe(true);
    expect(matchesResource("arn:aws:s3:::dag?", "arn:aws:s3:::dags")).toBe(true);
    expect(matchesResource("arn:aws:s3:::dag?", "arn:aws:s3:::dagss")).toBe(false);
    expect(matchesResource("arn:aws:s3:::dags", "arn:aws:s3:::dags/object")).toBe(false);
  });

  it("compare actions in any case, resource ARNs as written", () => {
    expect(matchesAction("S3:getobject*", "s3:GetObjectVersion")).toBe(true);
    expect(matchesResource("arn:aws:s3:::Dags/*", "arn:aws:s3:::dags/key")).toBe(false);
  });

  it("read everything else literally, references included", () => {
    expect(matchesResource("${aws_s3_bucket.dags.arn}/*", "${aws_s3_bucket.dags.arn}/key")).toBe(true);
    expect(matchesResource("${aws_s3_bucket.dags.arn}/*", "${aws_s3_bucket.other.arn}/key")).toBe(false);
    expect(matchesResource("arn:aws:s3:::a.b", "arn:aws:s3:::aXb")).toBe(false);
  });
});
