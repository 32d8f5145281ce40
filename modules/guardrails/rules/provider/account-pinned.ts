import { check, Evaluation, Rule } from "../../rule";
import { SynthesizedStack } from "../../synthesized-stack";

const ACCOUNT_ID = /^\d{12}$/;

/** Where a provider block is reported: the stack, and its alias when it has one. */
const providerPath = (stack: SynthesizedStack, provider: Record<string, any>, index: number) =>
  `${stack.name}/provider aws${typeof provider.alias === "string" ? ` (alias ${provider.alias})` : index === 0 ? "" : ` #${index + 1}`}`;

/** Whether the stack declares anything the AWS provider would create or read. */
const usesAws = (stack: SynthesizedStack) =>
  [stack.json.resource, stack.json.data].some((blocks) => Object.keys(blocks ?? {}).some((type) => type.startsWith("aws_")));

export const providerAccountPinned: Rule = {
  id: "PROVIDER.ACCOUNT_PINNED",
  title: "Every AWS provider block is pinned to the environment's one account",
  evaluates: "allowed_account_ids of every aws provider block, aliases included: exactly one literal account id, the same in every block of the stack, and the environment's configured account",
  sources: ["Project rule: what is judged is what is deployed", "Terraform AWS provider: allowed_account_ids"],
  explanation:
    "The rules judge policies against the stack's own account (a key policy's root, a bucket's aws:ResourceAccount, a trust policy's aws:SourceAccount). A provider block without allowed_account_ids deploys into whatever account the credentials reach, and an alias pinned to another account, even one no resource uses, would make that account count as this stack's own.",
  fix: "Pin every aws provider block with allowed_account_ids = [<the environment's account>] (EnvironmentStack does); use no second account in a stack.",
  evaluate: (stack) => {
    const providers = stack.awsProviders;
    if (providers.length === 0) {
      return usesAws(stack) ? [check(`${stack.name}/provider aws`, false, "no aws provider block: Terraform's implicit provider deploys to any account the credentials reach")] : [];
    }
    const pinned = providers.map((p) => (Array.isArray(p.allowed_account_ids) && p.allowed_account_ids.length === 1 && ACCOUNT_ID.test(String(p.allowed_account_ids[0])) ? String(p.allowed_account_ids[0]) : undefined));
    const accounts = [...new Set(pinned.filter((a): a is string => a !== undefined))];
    return providers.map((provider, index): Evaluation => {
      const path = providerPath(stack, provider, index);
      if (pinned[index] === undefined) return check(path, false, `allowed_account_ids = ${JSON.stringify(provider.allowed_account_ids ?? null)}: not exactly one literal account id`);
      if (accounts.length > 1) return check(path, false, `allowed_account_ids = ["${pinned[index]}"], while the stack's provider blocks pin ${accounts.join(", ")}`);
      if (stack.environmentAccount !== undefined && pinned[index] !== stack.environmentAccount) {
        return check(path, false, `allowed_account_ids = ["${pinned[index]}"], while the environment's config deploys to ${stack.environmentAccount}`);
      }
      return check(path, true, `allowed_account_ids = ["${pinned[index]}"]`);
    });
  },
};
