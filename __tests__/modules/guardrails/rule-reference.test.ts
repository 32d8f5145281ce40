import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderRuleReference } from "../../../modules/guardrails/rule-reference";
import { RULES } from "../../../modules/guardrails/rules";
import { REPO_ROOT } from "../../helpers/config-fixtures";

describe("the README's guardrail table", () => {
  it("is the rule pack (run `npm run docs` after changing a rule)", () => {
    const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
    const section = readme.split("<!-- guardrail-rules:start -->")[1]?.split("<!-- guardrail-rules:end -->")[0];
    expect(section?.trim()).toBe(renderRuleReference());
    expect(section?.match(/^\| `/gm)).toHaveLength(RULES.length + 1); // and the check of the acknowledgements
  });
});
