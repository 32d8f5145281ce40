import { iamNoAdminAccess } from "../../../../modules/guardrails/rules/iam/no-admin-access";
import { iamUnverifiablePolicy } from "../../../../modules/guardrails/rules/iam/unverifiable-policy";
import { documentJson, stackOf, verdicts } from "./policy-stacks";

const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
const READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
const role = { name: "worker", assume_role_policy: documentJson("trust") };
const trust = { aws_iam_policy_document: { trust: { statement: [{ actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["airflow.amazonaws.com"] }] }] } } };
const ownPolicy = { aws_iam_policy: { own: { name: "own", policy: documentJson("trust") } } };

/** A stack with the role `s/role` and the given attachments. */
const withRole = (resources: Record<string, Record<string, object>>, data: Record<string, Record<string, object>> = {}) =>
  stackOf({ aws_iam_role: { role }, ...ownPolicy, ...resources }, { ...trust, ...data });

describe("IAM.NO_ADMIN_POLICY", () => {
  it("passes a role whose only managed policy is one of the stack's own", () => {
    const stack = withRole({ aws_iam_policy_attachment: { attach: { name: "a", roles: ["${aws_iam_role.role.name}"], policy_arn: "${aws_iam_policy.own.arn}" } } });
    expect(verdicts(iamNoAdminAccess, stack)).toEqual(["PASS s/role: 1 managed policies, none administrative"]);
  });

  it.each([
    ["aws_iam_role_policy_attachment", { aws_iam_role_policy_attachment: { attach: { role: "${aws_iam_role.role.name}", policy_arn: ADMIN } } }],
    ["aws_iam_policy_attachment", { aws_iam_policy_attachment: { attach: { name: "a", roles: ["${aws_iam_role.role.name}"], policy_arn: ADMIN } } }],
    ["aws_iam_role_policy_attachments_exclusive", { aws_iam_role_policy_attachments_exclusive: { attach: { role_name: "worker", policy_arns: [READ_ONLY, ADMIN] } } }],
  ])("fails AdministratorAccess attached with %s", (type, resources) => {
    expect(verdicts(iamNoAdminAccess, withRole(resources))).toEqual([`FAIL s/role: attached: AWS-managed AdministratorAccess through ${type} s/attach`]);
  });

  it("fails AdministratorAccess in the role's managed_policy_arns", () => {
    const stack = stackOf({ aws_iam_role: { role: { ...role, managed_policy_arns: [READ_ONLY, ADMIN] } } }, trust);
    expect(verdicts(iamNoAdminAccess, stack)).toEqual(["FAIL s/role: attached: AWS-managed AdministratorAccess through aws_iam_role"]);
  });

  it("fails a data.aws_iam_policy look-up of AdministratorAccess, and one whose name only the plan knows", () => {
    const lookups = { aws_iam_policy: { admin: { name: "AdministratorAccess" }, unknown: { name: "${var.policy}" } } };
    const stack = withRole({ aws_iam_role_policy_attachments_exclusive: { attach: { role_name: "${aws_iam_role.role.id}", policy_arns: ["${data.aws_iam_policy.admin.arn}", "${data.aws_iam_policy.unknown.arn}"] } } }, lookups);
    expect(verdicts(iamNoAdminAccess, stack)).toEqual([
      "FAIL s/role: attached: data.aws_iam_policy.admin (AdministratorAccess) through aws_iam_role_policy_attachments_exclusive s/attach; data.aws_iam_policy.unknown through aws_iam_role_policy_attachments_exclusive s/attach (cannot tell which policy)",
    ]);
  });

  it("fails an administrator policy attached to a user, a group, or a role outside the stack, on the attachment", () => {
    const stack = withRole({
      aws_iam_user: { user: { name: "u" } },
      aws_iam_group_policy_attachment: { elsewhere: { group: "admins", policy_arn: "arn:aws:iam::aws:policy/IAMFullAccess" } },
      aws_iam_user_policy_attachment: { attach: { user: "${aws_iam_user.user.name}", policy_arn: "arn:aws:iam::aws:policy/PowerUserAccess" } },
    });
    expect(verdicts(iamNoAdminAccess, stack)).toEqual([
      "PASS s/role: 0 managed policies, none administrative",
      "FAIL s/user: attached: AWS-managed PowerUserAccess through aws_iam_user_policy_attachment s/attach",
      "FAIL s/elsewhere: attached: AWS-managed IAMFullAccess through aws_iam_group_policy_attachment",
    ]);
  });
});

describe("IAM.UNVERIFIABLE_POLICY on attachments", () => {
  it("passes a policy of the stack, read where it is defined", () => {
    const stack = withRole({ aws_iam_role_policy_attachment: { attach: { role: "worker", policy_arn: "${aws_iam_policy.own.id}" } } });
    expect(verdicts(iamUnverifiablePolicy, stack)).toContain("PASS s/attach: attaches s/own, read where it is defined");
  });

  it("fails an AWS-managed policy, a data.aws_iam_policy look-up and another account's policy", () => {
    const stack = withRole(
      {
        aws_iam_role_policy_attachment: { managed: { role: "worker", policy_arn: READ_ONLY }, foreign: { role: "worker", policy_arn: "arn:aws:iam::444455556666:policy/shared" } },
        aws_iam_policy_attachment: { lookup: { name: "l", roles: ["worker"], policy_arn: "${data.aws_iam_policy.looked-up.arn}" } },
      },
      { aws_iam_policy: { "looked-up": { arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" } } },
    );
    expect(verdicts(iamUnverifiablePolicy, stack).filter((v) => v.startsWith("FAIL"))).toEqual([
      "FAIL s/managed: attaches AWS-managed ReadOnlyAccess unverifiable: its document is not in this stack",
      "FAIL s/foreign: attaches arn:aws:iam::444455556666:policy/shared unverifiable: its document is not in this stack",
      "FAIL s/lookup: attaches data.aws_iam_policy.looked-up (ReadOnlyAccess) unverifiable: its document is not in this stack",
    ]);
  });
});
