import { RULE_IDS } from "../../../modules/guardrails/rules";
import { SEED_CONTROLS } from "../../../modules/review/seed-controls";

describe("the security playbook's controls in the review", () => {
  it("name only rules of the rule pack, so no control shows NOT APPLICABLE for a misspelt id", () => {
    expect(SEED_CONTROLS.flatMap((c) => c.rules).filter((id) => !RULE_IDS.includes(id))).toEqual([]);
  });

  it("count every IAM, KMS, network and security group rule under a control (descriptions are housekeeping)", () => {
    const counted = new Set(SEED_CONTROLS.flatMap((c) => c.rules));
    expect(RULE_IDS.filter((id) => /^(IAM|KMS|SG|VPC)\./.test(id) && id !== "SG.DESCRIPTIONS" && !counted.has(id))).toEqual([]);
  });

  it("require only rules they count, so a control whose environment lacks what they judge shows NOT CHECKED", () => {
    expect(SEED_CONTROLS.flatMap((c) => c.requires.filter((id) => !c.rules.includes(id)))).toEqual([]);
  });
});
