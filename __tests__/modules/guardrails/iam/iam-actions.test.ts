import { iamAction, knownServices, serviceActions, takesNoResourceArn } from "../../../../modules/guardrails/iam/iam-actions";
import { keyAdministrationActions } from "../../../../modules/guardrails/iam/sensitive-actions";

describe("the IAM action list", () => {
  it("knows every service prefix and each action's details, in any case", () => {
    expect(knownServices().has("airflow")).toBe(true);
    expect(iamAction("IAM:passrole")).toMatchObject({ name: "PassRole", accessLevel: "Write" });
    expect(serviceActions("KMS")?.get("putkeypolicy")?.name).toBe("PutKeyPolicy");
  });

  it("knows no unknown service, and reads no file for a prefix that is a path", () => {
    expect(serviceActions("notaservice")).toBeUndefined();
    expect(serviceActions("../package")).toBeUndefined();
    expect(iamAction("s3:NoSuchAction")).toBeUndefined();
    expect(iamAction("s3")).toBeUndefined();
  });

  it("says which actions only \"*\" can authorize", () => {
    expect(takesNoResourceArn("logs:DescribeLogGroups")).toBe(true);
    expect(takesNoResourceArn("cloudwatch:PutMetricData")).toBe(true);
    expect(takesNoResourceArn("s3:GetObject")).toBe(false);
    expect(takesNoResourceArn("s3:NoSuchAction")).toBe(false);
  });

  it("names only real KMS actions as key administration, the seed post's kms:PutKeyPolicy first among them", () => {
    const admin = keyAdministrationActions();
    expect(admin).toEqual(expect.arrayContaining(["kms:PutKeyPolicy", "kms:CreateGrant", "kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:ReplicateKey", "kms:TagResource", "kms:UpdateAlias"]));
    expect(admin.every((a) => iamAction(a) !== undefined)).toBe(true);
    expect(admin).not.toEqual(expect.arrayContaining(["kms:Decrypt"]));
    expect(admin).toHaveLength(4 + 2 + 12);
  });
});
