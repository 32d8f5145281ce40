import { STATEFUL_RESOURCES } from "../../stateful-resources";
import { check, Rule } from "../../rule";
import { movedBlocks, preventsDestroy, removedBlocks } from "../../destroy-protection";

export const dataPreventDestroy: Rule = {
  id: "DATA.PREVENT_DESTROY",
  title: "Every resource that holds data is protected from destroy",
  evaluates:
    "lifecycle.prevent_destroy of every resource that holds data (environment, keys, buckets, log groups); every removed block, which must keep destroy = false; every moved block, whose target must be a resource of the stack",
  sources: ["Project rule: nothing may lose data", "Seed post: a destroy and redeploy broke the task logs"],
  explanation:
    "lifecycle.prevent_destroy makes Terraform refuse any plan that destroys the resource, including a replacement forced by a changed argument: keys, buckets, log groups and the MWAA environment's metadata database cannot come back. A removed block without destroy = false, or a moved block to an address the configuration does not declare, takes the resource out of the configuration with its prevent_destroy: the next apply destroys it.",
  fix: "Keep protectFromDestroy true (the default). For an environment meant to be torn down, acknowledge DATA.PREVENT_DESTROY for its stacks (\"<env>-network/*\", \"<env>-mwaa/*\") with a reason and an expiry. Keep removed blocks at destroy = false, and move a resource only to an address the stack declares.",
  evaluate: (stack) => [
    ...Object.keys(STATEFUL_RESOURCES).flatMap((type) =>
      stack.resources(type).map((resource) => {
        const protectedFromDestroy = preventsDestroy(resource.config);
        return check(
          resource.path,
          protectedFromDestroy,
          protectedFromDestroy ? "prevent_destroy = true" : `no prevent_destroy: a destroy or replacement loses ${STATEFUL_RESOURCES[type]}`,
        );
      }),
    ),
    // A `removed` block takes a resource out of the configuration, and with it its prevent_destroy:
    // unless it says destroy = false, the next apply destroys the resource.
    ...removedBlocks(stack.json).map(({ from, keeps }) =>
      check(`${stack.name}/removed ${from}`, keeps, keeps ? "removed from state only (destroy = false)" : `removed block destroys ${from}`),
    ),
    // A `moved` block to an address nothing declares destroys what it moves, prevent_destroy or not.
    ...movedBlocks(stack.json).map(({ from, to, toExists }) =>
      check(`${stack.name}/moved ${from}`, toExists, toExists ? `moved to ${to}, a resource of this stack` : `moved to ${to}, which is not in the configuration: Terraform destroys ${from}`),
    ),
  ],
};
