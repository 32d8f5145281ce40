import { patternsNeedingResource } from "../../iam/action-pattern";
import { narrowsResources } from "../../iam/conditions";
import { reachesEveryResource } from "../../iam/resource-pattern";
import { check, Rule } from "../../rule";
import { allows, identityPolicies, listed } from "./identity-policies";

export const iamWildcardResources: Rule = {
  id: "IAM.WILDCARD_RESOURCES",
  title: "Resource \"*\" only for actions that take no resource ARN, or under a condition",
  evaluates: "every Allow of every identity policy: resources and NotResource against the actions' resource types, and conditions that narrow resources",
  sources: ["checkov CKV_AWS_355", "checkov CKV_AWS_290", "checkov CKV_AWS_289", "checkov CKV_AWS_288", "checkov CKV_AWS_287", "checkov CKV_AWS_286", "Playbook 3"],
  explanation:
    "An Allow on every resource reaches other teams' buckets, keys and queues in the account. Every resource is \"*\", arn:aws:s3:::* and the like, or NotResource; an action takes no resource ARN when the IAM action list gives it no resource type; a condition counts only when it narrows the resources (aws:ResourceTag/<key>, kms:ResourceAliases), not aws:ResourceAccount, which every team's resources share.",
  fix: "Name the resources (bucket, key, log group ARNs), or add a condition that scopes the statement to tagged resources.",
  evaluate: (stack) =>
    identityPolicies(stack).map(({ resource, statements }) => {
      const broad = statements
        .filter((s) => allows(s) && (s.not_resources !== undefined || (s.resources ?? []).some(reachesEveryResource)) && !narrowsResources(s))
        .flatMap(patternsNeedingResource);
      return check(resource, broad.length === 0, broad.length === 0 ? "\"*\" only for actions without a resource ARN" : `"*" resources for: ${listed([...new Set(broad)])}`);
    }),
};
