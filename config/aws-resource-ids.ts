/**
 * EC2 resource ids as AWS writes them: a type prefix, a hyphen, then 8 (resources created before
 * 2016-2018) or 17 lowercase hexadecimal digits (EC2 guide, "Resource IDs"). Anchored, so an id from
 * a config file can never carry anything else into the Terraform it is written to (`${`, a quote).
 */
function ec2Id(prefix: string): RegExp {
  return new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`);
}

export const VPC_ID_PATTERN = ec2Id("vpc");
export const SUBNET_ID_PATTERN = ec2Id("subnet");
export const SECURITY_GROUP_ID_PATTERN = ec2Id("sg");
export const ROUTE_TABLE_ID_PATTERN = ec2Id("rtb");

/** How the reference and the errors describe an id of `prefix`. */
export const ec2IdAllowed = (prefix: string) => `'${prefix}-' followed by 8 or 17 lowercase hexadecimal digits, e.g. ${prefix}-0123456789abcdef0`;
