/**
 * Amazon S3 general purpose bucket naming rules
 * (docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
 * Returns what is wrong with a name, or nothing when S3 would accept it.
 */
export function s3BucketNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length < 3 || name.length > 63) {
    problems.push(`is ${name.length} characters long; S3 bucket names are 3 to 63 characters`);
  }
  if (!/^[a-z0-9.-]*$/.test(name)) {
    problems.push("may only hold lowercase letters, digits, '.' and '-'");
  }
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) {
    problems.push("must begin and end with a lowercase letter or a digit");
  }
  if (name.includes("..")) problems.push("must not hold two adjacent periods");
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) problems.push("must not look like an IP address");
  for (const prefix of ["xn--", "sthree-", "amzn-s3-demo-"]) {
    if (name.startsWith(prefix)) problems.push(`must not start with the reserved prefix '${prefix}'`);
  }
  for (const suffix of ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"]) {
    if (name.endsWith(suffix)) problems.push(`must not end with the reserved suffix '${suffix}'`);
  }
  return problems;
}
