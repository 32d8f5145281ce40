import { describePolicy, managedPolicyRoutes, policyArguments, policyIdentity } from "../../iam/policy-routes";
import { check, Rule } from "../../rule";

export const iamUnverifiablePolicy: Rule = {
  id: "IAM.UNVERIFIABLE_POLICY",
  title: "Every policy can be read from the configuration",
  evaluates: "every policy argument of every resource and every managed-policy attachment: the document can be read from the configuration",
  sources: ["Project rule: what is judged is what is deployed (fail closed)"],
  explanation:
    "A policy no rule can read grants what it grants unjudged: one built at plan time (jsonencode or another function, a variable, another resource's attribute, another stack's output, a counted or dynamic document, source or override documents that cannot be read), looked up with data.aws_iam_policy, or attached by the ARN of an AWS-managed policy or one defined in another stack. Every policy argument of every resource (identity, trust, key, bucket, endpoint and other resource policies) and every managed-policy attachment counts.",
  fix: "Write the policy as a data.aws_iam_policy_document of this stack (modules/iam/policy-statements.ts builds its statements), or have it reviewed and acknowledge IAM.UNVERIFIABLE_POLICY for that resource with a reason and an expiry.",
  evaluate: (stack) => [
    ...policyArguments(stack).map(({ resource, argument, value }) => {
      const reading = stack.readPolicy(value);
      return check(resource.path, reading.readable, reading.readable ? `${argument}: ${reading.statements.length} statement(s) read` : `${argument} unverifiable: ${reading.reason}`);
    }),
    ...managedPolicyRoutes(stack).map(({ via, policy }) => {
      const identity = policyIdentity(stack, policy);
      return identity.kind === "stack"
        ? check(via.path, true, `attaches ${describePolicy(identity)}, read where it is defined`)
        : check(via.path, false, `attaches ${describePolicy(identity)} unverifiable: its document is not in this stack`);
    }),
  ],
};
