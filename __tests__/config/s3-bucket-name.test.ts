import { s3BucketNameProblems } from "../../config/s3-bucket-name";

describe("S3 bucket naming rules", () => {
  it("accepts a plain lowercase name", () => {
    expect(s3BucketNameProblems("example-dags-111122223333-eu-west-1")).toEqual([]);
  });

  it.each([
    ["a".repeat(64), "is 64 characters long; S3 bucket names are 3 to 63 characters"],
    ["Dags", "may only hold lowercase letters, digits, '.' and '-'"],
    ["-dags", "must begin and end with a lowercase letter or a digit"],
    ["my..dags", "must not hold two adjacent periods"],
    ["192.168.5.4", "must not look like an IP address"],
    ["sthree-dags", "must not start with the reserved prefix 'sthree-'"],
    ["dags-s3alias", "must not end with the reserved suffix '-s3alias'"],
    ["dags--x-s3", "must not end with the reserved suffix '--x-s3'"],
  ])("refuses %s: it %s", (name, problem) => {
    expect(s3BucketNameProblems(name)).toContain(problem);
  });
});
