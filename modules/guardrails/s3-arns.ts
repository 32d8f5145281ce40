/**
 * The partitions whose S3 ARNs the rules recognise (`arn:<partition>:s3:::<bucket>`), the ones
 * config/names.ts derives from a Region. An ARN of any other partition is not recognised as naming
 * a bucket, so a rule that needs it named fails.
 */
export const S3_PARTITIONS = ["aws", "aws-cn", "aws-us-gov"];
