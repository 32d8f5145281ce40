import { STATEFUL_RESOURCES } from "../../stateful-resources";
import { check, Rule } from "../../rule";
import { block, blocks } from "../../terraform-document";

export const dataPreventDestroy: Rule = {
  id: "DATA.PREVENT_DESTROY",
  title: "Every resource that holds data is protected from destroy",
  evaluates: "lifecycle.prevent_destroy of every resource that holds data (environment, keys, buckets, log groups), and every removed block, which must keep destroy = false",
  sources: ["Project rule: nothing may lose data", "Seed post: a destroy and redeploy broke the task logs"],
  explanation:
    "lifecycle.prevent_destroy makes Terraform refuse any plan that destroys the resource, including a replacement forced by a changed argument: keys, buckets, log groups and the MWAA environment's metadata database cannot come back.",
  fix: "Keep protectFromDestroy true (the default). For an environment meant to be torn down, acknowledge DATA.PREVENT_DESTROY for its stacks (\"<env>-network/*\", \"<env>-mwaa/*\") with a reason and an expiry.",
  evaluate: (stack) => [
    ...Object.keys(STATEFUL_RESOURCES).flatMap((type) =>
      stack.resources(type).map((resource) => {
        const protectedFromDestroy = block(resource.config.lifecycle)?.prevent_destroy === true;
        return check(
          resource.path,
          protectedFromDestroy,
          protectedFromDestroy ? "prevent_destroy = true" : `no prevent_destroy: a destroy or replacement loses ${STATEFUL_RESOURCES[type]}`,
        );
      }),
    ),
    // A `removed` block takes a resource out of the configuration, and with it its prevent_destroy:
    // unless it says destroy = false, the next apply destroys the resource.
    ...blocks(stack.json.removed).map((removed) => {
      const from = String(removed.from ?? "").replace(/^\$\{(.*)\}$/, "$1");
      const keeps = block(removed.lifecycle)?.destroy === false;
      return check(`${stack.name}/removed ${from}`, keeps, keeps ? "removed from state only (destroy = false)" : `removed block destroys ${from}`);
    }),
  ],
};
