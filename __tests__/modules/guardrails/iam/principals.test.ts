import { admitsAnyone, isAccountId } from "../../../../modules/guardrails/iam/principals";

const statement = (fields: object) => ({ effect: "Allow", actions: ["s3:GetObject"], ...fields });

describe("who a statement of a resource policy admits", () => {
  it.each([
    ["Principal \"*\"", { principals: [{ type: "*", identifiers: ["*"] }] }],
    ["{\"AWS\": \"*\"}", { principals: [{ type: "AWS", identifiers: ["*"] }] }],
    ["a wildcard inside an identifier", { principals: [{ type: "AWS", identifiers: ["arn:aws:iam::*:root"] }] }],
    ["NotPrincipal", { not_principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111122223333:root"] }] }],
    ["no Principal", {}],
    ["an empty list of principals", { principals: [] }],
  ])("is anyone with %s", (_, fields) => {
    expect(admitsAnyone(statement(fields))).toBe(true);
  });

  it("is not anyone with named principals", () => {
    expect(admitsAnyone(statement({ principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111122223333:root"] }, { type: "Service", identifiers: ["airflow.amazonaws.com"] }] }))).toBe(false);
  });
});

describe("an account id", () => {
  it("is twelve digits, nothing else", () => {
    expect(isAccountId("111122223333")).toBe(true);
    expect(["11112222333", "1111222233334", "11112222333x", "*", ""].filter(isAccountId)).toEqual([]);
  });
});
