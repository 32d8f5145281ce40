import { MANDATORY_TAG_KEYS } from "../../../../config/mwaa-limits";
import { check, Rule } from "../../rule";
import { block } from "../../terraform-document";

export const tagsMandatory: Rule = {
  id: "TAGS.MANDATORY",
  title: "Every resource carries the mandatory tags",
  evaluates: "default_tags of every aws provider block: each mandatory tag set and non-empty",
  sources: ["Playbook, operations 1 (resources tagged to company standards)"],
  explanation: "Owner, cost center and data classification are how a resource is traced to a team and handled correctly.",
  fix: `Set ${MANDATORY_TAG_KEYS.join(", ")} in the environment's tags; the provider's default_tags apply them everywhere.`,
  evaluate: (stack) =>
    stack.awsProviders.map((provider, index) => {
      const tags = block(provider.default_tags)?.tags ?? {};
      const missing = MANDATORY_TAG_KEYS.filter((k) => typeof tags[k] !== "string" || tags[k].trim() === "");
      return check(`${stack.name}/provider aws${index === 0 ? "" : ` #${index + 1}`}`, missing.length === 0, missing.length === 0 ? `default_tags: ${MANDATORY_TAG_KEYS.map((k) => `${k}=${tags[k]}`).join(", ")}` : `default_tags lack ${missing.join(", ")}`);
    }),
};
