import {
  defaultDagBucketName,
  environmentArn,
  executionRoleName,
  fitName,
  partitionOf,
} from "../../config/names";
import { s3BucketNameProblems } from "../../config/s3-bucket-name";

describe("derived names", () => {
  it("leaves a name that fits alone", () => {
    expect(fitName("example-mwaa-execution", 64)).toBe("example-mwaa-execution");
  });

  it("shortens a long name to the limit with a hash, so two long names stay distinct", () => {
    const a = fitName(`${"x".repeat(70)}-a`, 64);
    const b = fitName(`${"x".repeat(70)}-b`, 64);
    expect(a).toHaveLength(64);
    expect(b).toHaveLength(64);
    expect(a).not.toBe(b);
    expect(fitName(`${"x".repeat(70)}-a`, 64)).toBe(a);
  });

  it("keeps IAM role names within IAM's 64 characters for the longest environment names", () => {
    expect(executionRoleName("E".repeat(80)).length).toBeLessThanOrEqual(64);
  });

  it("derives a DAG bucket name S3 accepts even from the longest environment name", () => {
    const name = defaultDagBucketName(`A_${"b".repeat(78)}`, "111122223333", "ap-southeast-2");
    expect(s3BucketNameProblems(name)).toEqual([]);
  });

  it("puts ARNs in the partition of the Region", () => {
    expect(partitionOf("cn-north-1")).toBe("aws-cn");
    expect(partitionOf("us-gov-west-1")).toBe("aws-us-gov");
    expect(environmentArn("x", "111122223333", "eu-west-1")).toBe("arn:aws:airflow:eu-west-1:111122223333:environment/x");
  });
});
