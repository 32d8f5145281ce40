import { KEY_ADMINISTRATOR_ACTIONS } from "../../../../modules/encryption/key-use";
import { iamNoKeyPolicyChanges } from "../../../../modules/guardrails/rules/iam/no-key-policy-changes";
import { kmsKeyPolicyDefined } from "../../../../modules/guardrails/rules/kms/key-policy-defined";
import { kmsNoWildcardPrincipal } from "../../../../modules/guardrails/rules/kms/no-wildcard-principal";
import { kmsRootAdministration } from "../../../../modules/guardrails/rules/kms/root-administration";
import { ACCOUNT, documentJson, stackOf, verdicts } from "../iam/policy-stacks";

const root = (actions = ["kms:*"], account = ACCOUNT) => ({ sid: "Root", effect: "Allow", actions, resources: ["*"], principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${account}:root`] }] });
const anyone = { sid: "Anyone", effect: "Allow", actions: ["kms:Decrypt"], resources: ["*"], principals: [{ type: "AWS", identifiers: ["*"] }] };
const docs = (statements: Record<string, object[]>) => ({ aws_iam_policy_document: Object.fromEntries(Object.entries(statements).map(([name, statement]) => [name, { statement }])) });

/** A stack with the key `s/key` (its policy argument from document `own`, if given) and key-policy resources. */
function keyStack(own: object[] | undefined, keyPolicies: Record<string, { key_id: string; statements: object[] }> = {}) {
  const policyResources = Object.fromEntries(Object.entries(keyPolicies).map(([name, p]) => [name, { key_id: p.key_id, policy: documentJson(name) }]));
  return stackOf(
    { aws_kms_key: { key: own ? { policy: documentJson("own") } : {} }, ...(Object.keys(policyResources).length > 0 ? { aws_kms_key_policy: policyResources } : {}) },
    docs({ ...(own ? { own } : {}), ...Object.fromEntries(Object.entries(keyPolicies).map(([name, p]) => [name, p.statements])) }),
  );
}
const OF_KEY = "${aws_kms_key.key.id}";

describe("KMS.POLICY_DEFINED", () => {
  it("passes one policy, from the key's argument or from an aws_kms_key_policy", () => {
    expect(verdicts(kmsKeyPolicyDefined, keyStack([root()]))).toEqual(["PASS s/key: one policy (the key's policy argument): 1 statement(s)"]);
    expect(verdicts(kmsKeyPolicyDefined, keyStack(undefined, { standalone: { key_id: OF_KEY, statements: [root()] } }))).toEqual(["PASS s/key: one policy (aws_kms_key_policy s/standalone): 1 statement(s)"]);
  });

  it("fails a key with no policy", () => {
    expect(verdicts(kmsKeyPolicyDefined, keyStack(undefined))).toEqual(["FAIL s/key: no policy: AWS's default key policy applies"]);
  });

  it("fails a key with two policies, which contradict", () => {
    expect(verdicts(kmsKeyPolicyDefined, keyStack([root()], { standalone: { key_id: "${aws_kms_key.key.arn}", statements: [root()] } }))).toEqual([
      "FAIL s/key: 2 key policies, which contradict: the key's policy argument, aws_kms_key_policy s/standalone",
    ]);
    expect(verdicts(kmsKeyPolicyDefined, keyStack(undefined, { one: { key_id: OF_KEY, statements: [root()] }, two: { key_id: "${aws_kms_key.key.key_id}", statements: [root()] } }))[0]).toMatch(/^FAIL s\/key: 2 key policies/);
  });

  it("fails two policies for one key outside the stack", () => {
    const outside = "${data.terraform_remote_state.keys.outputs.key_id}";
    expect(verdicts(kmsKeyPolicyDefined, keyStack([root()], { one: { key_id: outside, statements: [root()] }, two: { key_id: outside, statements: [root()] } }))[1]).toMatch(/^FAIL s\/one: 2 key policies, which contradict/);
  });
});

describe("KMS.NO_WILDCARD_PRINCIPAL over every key policy", () => {
  it("judges an aws_kms_key_policy beside the key's own policy", () => {
    expect(verdicts(kmsNoWildcardPrincipal, keyStack([root()], { extra: { key_id: OF_KEY, statements: [anyone] } }))).toEqual(["FAIL s/key: Allow to anyone without a condition that narrows who: Anyone"]);
  });

  it("judges an aws_kms_key_policy for a key outside the stack on its own statements", () => {
    expect(verdicts(kmsNoWildcardPrincipal, keyStack(undefined, { elsewhere: { key_id: "arn:aws:kms:eu-west-1:111122223333:key/abc", statements: [root(), anyone] } }))).toEqual([
      "PASS s/key: every Allow names its principals or narrows them with a condition",
      "FAIL s/elsewhere: Allow to anyone without a condition that narrows who: Anyone",
    ]);
  });
});

describe("KMS.ADMINISTRABLE", () => {
  it("passes every KMS action for this account's root, however the pattern is written", () => {
    expect(verdicts(kmsRootAdministration, keyStack([root(["KMS:*"])]))).toEqual(["PASS s/key: account root administers the key (Root)"]);
    expect(verdicts(kmsRootAdministration, keyStack([root(["kms:?*"])]))[0]).toMatch(/^PASS/);
  });

  it.each([
    ["a statement that grants less than every KMS action", [root(["kms:Put*", "kms:Describe*"])]],
    ["the root of another account", [root(["kms:*"], "444455556666")]],
    ["a conditioned root statement", [{ ...root(), condition: [{ test: "IpAddress", variable: "aws:SourceIp", values: ["10.0.0.0/8"] }] }]],
  ])("fails %s", (_what, statements) => {
    expect(verdicts(kmsRootAdministration, keyStack(statements))).toEqual([`FAIL s/key: the key's policy argument has no unconditioned Allow of every KMS action for the root of ${ACCOUNT}`]);
  });

  it("fails an unconditioned Deny of kms:PutKeyPolicy, which locks the account out", () => {
    const deny = { sid: "Lock", effect: "Deny", actions: ["kms:PutKeyPolicy"], resources: ["*"], principals: [{ type: "*", identifiers: ["*"] }] };
    expect(verdicts(kmsRootAdministration, keyStack([root(), deny]))).toEqual(["FAIL s/key: the key's policy argument denies kms:PutKeyPolicy to the account (Lock)"]);
  });

  it("fails a key whose aws_kms_key_policy drops the root, and one whose policy cannot be read", () => {
    expect(verdicts(kmsRootAdministration, keyStack([root()], { drop: { key_id: OF_KEY, statements: [anyone] } }))[0]).toMatch(/^FAIL s\/key: aws_kms_key_policy s\/drop has no unconditioned Allow/);
    const opaque = stackOf({ aws_kms_key: { key: { policy: "${jsonencode({})}" } } });
    expect(verdicts(kmsRootAdministration, opaque)).toEqual(["FAIL s/key: the key's policy argument is unverifiable (see IAM.UNVERIFIABLE_POLICY)"]);
  });
});

describe("IAM.NO_KEY_ADMINISTRATION in key policies", () => {
  const to = (principal: object, actions: string[]) => ({ sid: "Other", effect: "Allow", actions, resources: ["*"], principals: [principal] });

  it("passes key administration held by the account root alone, and key use by a service", () => {
    const logs = to({ type: "Service", identifiers: ["logs.eu-west-1.amazonaws.com"] }, ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]);
    expect(verdicts(iamNoKeyPolicyChanges, keyStack([root(), logs]))).toEqual(["PASS s/key: key administration only for the account root"]);
  });

  it("fails a key policy that lets a role rewrite it, from the key's argument or an aws_kms_key_policy", () => {
    const role = to({ type: "AWS", identifiers: ["arn:aws:iam::111122223333:role/worker"] }, ["kms:putkeypolicy"]);
    expect(verdicts(iamNoKeyPolicyChanges, keyStack([root(), role]))).toEqual(["FAIL s/key: key policy allows principals other than the account root kms:PutKeyPolicy (through kms:putkeypolicy)"]);
    expect(verdicts(iamNoKeyPolicyChanges, keyStack(undefined, { extra: { key_id: OF_KEY, statements: [root(), role] } }))[0]).toMatch(/^FAIL s\/key: key policy allows/);
  });

  describe("with the key administrators the environment's config names (encryption.keyAdministratorRoleArns)", () => {
    const ADMIN = "arn:aws:iam::111122223333:role/EncryptionKeyMgmtAdmin";
    const judged = (...statements: object[]) => verdicts(iamNoKeyPolicyChanges, Object.assign(keyStack([root(), ...statements]), { keyAdministrators: [ADMIN] }));

    it("passes key administration held by those roles", () => {
      expect(judged(to({ type: "AWS", identifiers: [ADMIN] }, KEY_ADMINISTRATOR_ACTIONS))).toEqual([
        `PASS s/key: key administration only for the account root and encryption.keyAdministratorRoleArns (${ADMIN})`,
      ]);
    });

    it("fails it for a role the config does not name, for anyone, and for another principal beside a named one", () => {
      expect(judged(to({ type: "AWS", identifiers: ["arn:aws:iam::111122223333:role/worker"] }, ["kms:ScheduleKeyDeletion"]))).toEqual([
        `FAIL s/key: key policy allows principals other than the account root and encryption.keyAdministratorRoleArns (${ADMIN}) kms:ScheduleKeyDeletion (through kms:ScheduleKeyDeletion)`,
      ]);
      expect(judged(to({ type: "AWS", identifiers: ["*"] }, ["kms:PutKeyPolicy"]))[0]).toMatch(/^FAIL s\/key: key policy allows principals other than/);
      expect(judged(to({ type: "AWS", identifiers: [ADMIN, "arn:aws:iam::111122223333:role/worker"] }, ["kms:PutKeyPolicy"]))[0]).toMatch(/^FAIL s\/key: key policy allows principals other than/);
    });
  });
});
