import { check, Rule } from "../../rule";
import { allows, identityPolicies } from "./identity-policies";

/** Actions IAM authorizes only on "*": they take no resource ARN. */
export const ACTIONS_WITHOUT_RESOURCE = new Set([
  "logs:DescribeLogGroups",
  "s3:GetAccountPublicAccessBlock",
  "s3:ListAllMyBuckets",
  "cloudwatch:PutMetricData",
  "sts:GetCallerIdentity",
]);

export const iamWildcardResources: Rule = {
  id: "IAM.WILDCARD_RESOURCES",
  title: "Resource \"*\" only for actions that take no resource ARN, or under a condition",
  sources: ["checkov CKV_AWS_355", "checkov CKV_AWS_290", "checkov CKV_AWS_289", "checkov CKV_AWS_288", "checkov CKV_AWS_287", "checkov CKV_AWS_286", "Playbook 3"],
  explanation: "An Allow on every resource reaches other teams' buckets, keys and queues in the account.",
  fix: "Name the resources (bucket, key, log group ARNs), or add a condition that scopes the statement.",
  evaluate: (stack) =>
    identityPolicies(stack).map(({ resource, statements }) => {
      const broad = statements.filter(
        (s) => allows(s) && (s.resources ?? []).includes("*") && (s.condition ?? []).length === 0 && (s.actions ?? []).some((a) => !ACTIONS_WITHOUT_RESOURCE.has(a)),
      );
      return check(resource, broad.length === 0, broad.length === 0 ? "\"*\" only for actions without a resource ARN" : `"*" resources for: ${broad.flatMap((s) => (s.actions ?? []).filter((a) => !ACTIONS_WITHOUT_RESOURCE.has(a))).join(", ")}`);
    }),
};
