import { reachesEveryResource } from "../../../../modules/guardrails/iam/resource-pattern";

describe("a Resource pattern that reaches every resource", () => {
  it.each([["*"], ["?*"], ["arn:*"], ["arn:aws:*:*:*:*"], ["arn:aws:s?:::bucket"], ["arn:aws:s3:::*"], ["arn:aws:s3:::*/*"], ["arn:aws:kms:*:*:*"], ["arn:${data.aws_partition.p.partition}:s3:::*"]])("is %s", (pattern) => {
    expect(reachesEveryResource(pattern)).toBe(true);
  });

  it.each([
    ["${aws_s3_bucket.dags.arn}/*"],
    ["arn:aws:s3:::example-dags/*"],
    ["arn:aws:kms:eu-west-1:111122223333:key/1234abcd"],
    ["arn:aws:logs:eu-west-1:111122223333:log-group:airflow-example-*"],
    ["arn:aws:sqs:eu-west-1:*:airflow-celery-*"],
    ["arn:aws:s3:::home/$${aws:username}/*"],
  ])("is not %s", (pattern) => {
    expect(reachesEveryResource(pattern)).toBe(false);
  });
});
