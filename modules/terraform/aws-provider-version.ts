/**
 * The AWS provider (`hashicorp/aws`) version every stack pins, and the one the rules, the review and
 * the table of arguments forcing replacement were checked against. The prebuilt binding writes its
 * own version into `required_providers` (cdktf's, 21.22.1, was generated from 6.25.0):
 * TERRAFORM.OPAQUE fails a stack that pins anything else, so a binding upgraded without this
 * constant (or a hand-written override) cannot deploy a provider the review does not name.
 * scripts/switch-to-cdktn.js sets it to the version of @cdktn/provider-aws.
 */
export const AWS_PROVIDER_VERSION = "6.25.0";
