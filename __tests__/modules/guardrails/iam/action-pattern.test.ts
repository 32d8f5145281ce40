import { grants, matchesAction, patternsNeedingResource, wholeServiceGrants } from "../../../../modules/guardrails/iam/action-pattern";
import { serviceActions } from "../../../../modules/guardrails/iam/iam-actions";
import { iamNoKeyPolicyChanges } from "../../../../modules/guardrails/rules/iam/no-key-policy-changes";
import { iamNoPassRole } from "../../../../modules/guardrails/rules/iam/no-pass-role";
import { iamNoWildcardActions } from "../../../../modules/guardrails/rules/iam/no-wildcard-actions";
import { iamWildcardResources } from "../../../../modules/guardrails/rules/iam/wildcard-resources";
import { rolePolicy, verdicts } from "./policy-stacks";

const allow = (actions: string[], resources = ["arn:aws:s3:::bucket"]) => ({ effect: "Allow", actions, resources });

describe("matching an action pattern as IAM does", () => {
  it("ignores case in the service and the action", () => {
    expect(matchesAction("IAM:passrole", "iam:PassRole")).toBe(true);
    expect(matchesAction("kms:putkeypolicy", "kms:PutKeyPolicy")).toBe(true);
  });

  it("reads * as any run of characters and ? as one character", () => {
    expect(matchesAction("iam:P*", "iam:PassRole")).toBe(true);
    expect(matchesAction("iam:Pass?ole", "iam:PassRole")).toBe(true);
    expect(matchesAction("*", "iam:PassRole")).toBe(true);
    expect(matchesAction("i?m:*Role", "iam:PassRole")).toBe(true);
    expect(matchesAction("iam:Get*", "iam:PassRole")).toBe(false);
    expect(matchesAction("iam:Pass", "iam:PassRole")).toBe(false);
  });

  it("takes no other character as a pattern", () => {
    expect(matchesAction("iam:Pass.ole", "iam:PassRole")).toBe(false);
    expect(matchesAction("iam:(PassRole)", "iam:PassRole")).toBe(false);
  });

  it("grants through NotAction every action the statement does not list", () => {
    expect(grants({ not_actions: ["s3:*"] }, "iam:PassRole")).toBe(true);
    expect(grants({ not_actions: ["iam:*"] }, "iam:PassRole")).toBe(false);
  });
});

describe("finding grants of a whole service", () => {
  it("finds *, service:* and patterns that match every action of a service", () => {
    expect(wholeServiceGrants([allow(["*"])])).toEqual(["* matches actions of every service"]);
    expect(wholeServiceGrants([allow(["s3:*"])])[0]).toMatch(/^s3:\* matches every s3 action \(\d+\)$/);
    expect(wholeServiceGrants([allow(["s3:?*"])])[0]).toMatch(/^s3:\?\* matches every s3 action/);
    expect(wholeServiceGrants([allow(["KMS:*"])])[0]).toMatch(/^KMS:\* matches every kms action/);
  });

  it("finds patterns that cover a service only together, across statements", () => {
    const initials = [...new Set([...serviceActions("kms")!.values()].map((a) => a.name[0]))];
    const halves = [allow(initials.slice(0, 3).map((c) => `kms:${c}*`)), allow(initials.slice(3).map((c) => `kms:${c}*`))];
    expect(wholeServiceGrants(halves)[0]).toMatch(/ match every kms action \(\d+\)$/);
    expect(wholeServiceGrants([halves[0]])).toEqual([]);
  });

  it("finds a wildcard service part, NotAction, and wildcards of a service IAM does not know", () => {
    expect(wholeServiceGrants([allow(["*:Get*"])])).toEqual(["*:Get* matches actions of every service"]);
    expect(wholeServiceGrants([{ effect: "Allow", not_actions: ["iam:*"] }])).toEqual(["NotAction [iam:*] grants every action it does not list, of every service"]);
    expect(wholeServiceGrants([allow(["notaservice:Get*"])])).toEqual(["notaservice:Get*: IAM knows no service notaservice, so what it matches cannot be told"]);
  });

  it("accepts named actions and patterns that leave part of a service out", () => {
    expect(wholeServiceGrants([allow(["s3:GetObject*", "s3:GetBucket*", "s3:List*", "kms:Decrypt", "kms:GenerateDataKey*"])])).toEqual([]);
    expect(wholeServiceGrants([{ effect: "Allow", not_actions: ["*"] }])).toEqual([]);
  });
});

describe("finding actions that take a resource ARN", () => {
  it("passes actions the IAM action list gives no resource type, and PutMetricData", () => {
    expect(patternsNeedingResource(allow(["logs:DescribeLogGroups", "s3:GetAccountPublicAccessBlock", "sts:GetCallerIdentity", "cloudwatch:PutMetricData"]))).toEqual([]);
  });

  it("finds actions with a resource type, patterns that expand to one, unknown actions and NotAction", () => {
    expect(patternsNeedingResource(allow(["s3:GetObject", "logs:Describe*", "s3:NoSuchAction", "nosuchservice:Get"]))).toEqual(["s3:GetObject", "logs:Describe*", "s3:NoSuchAction", "nosuchservice:Get"]);
    expect(patternsNeedingResource({ effect: "Allow", not_actions: ["s3:*"] })).toEqual(["NotAction [s3:*]"]);
  });
});

describe("IAM.NO_PASS_ROLE", () => {
  it("passes a policy no pattern of which matches iam:PassRole", () => {
    expect(verdicts(iamNoPassRole, rolePolicy(allow(["iam:GetRole", "iam:List*"])))).toEqual(["PASS s/policy: no pattern matches iam:PassRole"]);
  });

  it.each([["iam:P*"], ["IAM:passrole"], ["iam:Pass?ole"], ["*"]])("fails %s", (pattern) => {
    expect(verdicts(iamNoPassRole, rolePolicy(allow([pattern])))).toEqual([`FAIL s/policy: allows iam:PassRole through ${pattern}`]);
  });

  it("fails an Allow with NotAction that does not list iam:PassRole", () => {
    expect(verdicts(iamNoPassRole, rolePolicy({ effect: "Allow", not_actions: ["s3:*"], resources: ["*"] }))).toEqual(["FAIL s/policy: allows iam:PassRole through NotAction [s3:*]"]);
  });
});

describe("IAM.NO_WILDCARD_ACTIONS", () => {
  it("passes named actions", () => {
    expect(verdicts(iamNoWildcardActions, rolePolicy(allow(["s3:GetObject"])))).toEqual(["PASS s/policy: no allowed pattern spans a whole service"]);
  });

  it("fails s3:?*, which IAM reads as s3:*", () => {
    expect(verdicts(iamNoWildcardActions, rolePolicy(allow(["s3:?*"])))[0]).toMatch(/^FAIL s\/policy: wildcard actions: s3:\?\* matches every s3 action/);
  });

  it("fails NotAction, and judges only Allow statements", () => {
    expect(verdicts(iamNoWildcardActions, rolePolicy({ effect: "Allow", not_actions: ["iam:*"], resources: ["*"] }))[0]).toMatch(/^FAIL .*NotAction \[iam:\*\] grants every action/);
    expect(verdicts(iamNoWildcardActions, rolePolicy({ effect: "Deny", actions: ["*"], resources: ["*"] }))[0]).toMatch(/^PASS/);
  });
});

describe("IAM.NO_KEY_ADMINISTRATION", () => {
  it("passes the MWAA guide's key actions", () => {
    expect(verdicts(iamNoKeyPolicyChanges, rolePolicy(allow(["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey*", "kms:Encrypt"])))).toEqual(["PASS s/policy: no key administration action"]);
  });

  it("fails kms:putkeypolicy in any case, and patterns that reach key administration", () => {
    expect(verdicts(iamNoKeyPolicyChanges, rolePolicy(allow(["kms:putkeypolicy"])))).toEqual(["FAIL s/policy: allows kms:PutKeyPolicy (through kms:putkeypolicy)"]);
    expect(verdicts(iamNoKeyPolicyChanges, rolePolicy(allow(["kms:Schedule*"])))).toEqual(["FAIL s/policy: allows kms:ScheduleKeyDeletion (through kms:Schedule*)"]);
    expect(verdicts(iamNoKeyPolicyChanges, rolePolicy(allow(["kms:*"])))[0]).toMatch(/^FAIL s\/policy: allows kms:\w+ \(through kms:\*\), .* and \d+ more$/);
  });
});

describe("IAM.WILDCARD_RESOURCES", () => {
  it("passes \"*\" for actions without a resource ARN, and named resources", () => {
    expect(verdicts(iamWildcardResources, rolePolicy(allow(["logs:DescribeLogGroups"], ["*"]), allow(["s3:GetObject"], ["arn:aws:s3:::bucket/*"])))[0]).toMatch(/^PASS/);
  });

  it("fails \"*\", arn:aws:s3:::* and NotResource for actions that take a resource", () => {
    expect(verdicts(iamWildcardResources, rolePolicy(allow(["s3:GetObject"], ["*"])))).toEqual(['FAIL s/policy: "*" resources for: s3:GetObject']);
    expect(verdicts(iamWildcardResources, rolePolicy(allow(["s3:GetObject"], ["arn:aws:s3:::*"])))[0]).toMatch(/^FAIL/);
    expect(verdicts(iamWildcardResources, rolePolicy({ effect: "Allow", actions: ["s3:GetObject"], not_resources: ["arn:aws:s3:::mine/*"] }))[0]).toMatch(/^FAIL/);
  });

  it("fails a condition that does not narrow the resources, passes one that does", () => {
    const conditioned = (variable: string, values: string[]) => rolePolicy({ ...allow(["s3:GetObject"], ["*"]), condition: [{ test: "StringEquals", variable, values }] });
    expect(verdicts(iamWildcardResources, conditioned("aws:ResourceAccount", ["111122223333"]))[0]).toMatch(/^FAIL/);
    expect(verdicts(iamWildcardResources, conditioned("aws:ResourceTag/team", ["data"]))[0]).toMatch(/^PASS/);
  });
});
