import { exampleConfig, problemsAfter } from "../helpers/config-fixtures";

const READ_REPORTS = { Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::reports/*"] };

/** The problems of the example with these `roles`. */
const withRoles = (roles: object) => problemsAfter((raw) => (raw.roles = roles));
/** The problems of the example whose only execution role statement is `statement`. */
const withStatement = (statement: object) => withRoles({ executionRoleStatements: [statement] });

describe("the roles' permissions boundary and path", () => {
  it("are none by default, as IAM's defaults", () => {
    expect(exampleConfig().roles).toEqual({ executionRoleStatements: [] });
  });

  it("accept a customer managed policy of the environment's account and a path of IAM names", () => {
    expect(withRoles({ permissionsBoundaryArn: "arn:aws:iam::111122223333:policy/security/mwaa-boundary", path: "/data-platform/mwaa/" })).toEqual([]);
  });

  it.each([
    ["an AWS managed policy, written as a grant", "arn:aws:iam::aws:policy/AdministratorAccess", /^roles\.permissionsBoundaryArn: got .*AdministratorAccess"; is not allowed; allowed: the ARN of a customer managed policy of this account/],
    ["another account's policy, which IAM does not attach", "arn:aws:iam::444455556666:policy/boundary", /is a policy of account 444455556666; IAM attaches as a boundary only a policy of the role's own account \(111122223333\)/],
    ["another partition's policy", "arn:aws-cn:iam::111122223333:policy/boundary", /is in partition aws-cn, not aws of region eu-west-1/],
    ["a role, not a policy", "arn:aws:iam::111122223333:role/boundary", /^roles\.permissionsBoundaryArn: .*is not allowed/],
  ])("refuse as a boundary %s", (_, arn, message) => {
    expect(withRoles({ permissionsBoundaryArn: arn })).toEqual([expect.stringMatching(message)]);
  });

  it.each([["mwaa"], ["/mwaa"], ["/mwaa//x/"], ["/mw*/"], ["/${path.cwd}/"], ['/a"b/']])("refuse the path %s, naming the field and IAM's form", (path) => {
    expect(withRoles({ path })).toEqual([expect.stringMatching(/^roles\.path: got .*; is not allowed; allowed: \/ or \/segment\/\.\.\.\//)]);
  });
});

describe("statements the execution role gets from config", () => {
  it("accept IAM's statement shape: Sid, Effect, Action and Resource as a string or a list, Condition", () => {
    expect(withStatement({ Sid: "ReadReports", ...READ_REPORTS, Condition: { StringEquals: { "aws:ResourceAccount": "111122223333" }, "ForAnyValue:StringLike": { "s3:prefix": ["daily/*", "weekly/*"] } } })).toEqual([]);
    expect(withStatement({ Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" })).toEqual([]);
  });

  it.each([
    ["NotAction", { ...READ_REPORTS, NotAction: ["iam:*"] }, /^roles\.executionRoleStatements\[0\]\.NotAction: got .*; grants every action it does not list/],
    ["NotResource", { ...READ_REPORTS, NotResource: ["arn:aws:s3:::x"] }, /^roles\.executionRoleStatements\[0\]\.NotResource: got .*; grants every resource it does not list/],
    ["Principal", { ...READ_REPORTS, Principal: "*" }, /^roles\.executionRoleStatements\[0\]\.Principal: got "\*"; belongs to resource and trust policies/],
  ])("refuse %s, saying why", (_, statement, message) => {
    expect(withStatement(statement)).toContainEqual(expect.stringMatching(message));
  });

  it.each([
    ["*", /grants every action of every service; list the actions the DAGs need/],
    ["*:GetObject", /must be an IAM action, service:Action/],
    ["s3", /must be an IAM action, service:Action/],
    ["s4:GetObject", /names no service IAM knows \(s4\)/],
    ["s3:GetObjekt", /matches no action of s3/],
    ["s3:Get*Objekt", /matches no action of s3/],
    ["s3:${file(\"x\")}", /must not hold \$\{, %\{ or &\{/],
  ])("refuse the action %s", (action, message) => {
    expect(withStatement({ ...READ_REPORTS, Action: [action] })).toEqual([expect.stringMatching(new RegExp(`^roles\\.executionRoleStatements\\[0\\]\\.Action\\[0\\]: got .*; ${message.source}`))]);
  });

  it.each([
    ["arn:aws:s3:::${file(\"/etc/passwd\")}", /must not hold \$\{, %\{ or &\{: statement text is data, never a Terraform expression or an IAM policy variable/],
    ["arn:aws:s3:::%{if true}x%{endif}", /must not hold \$\{, %\{ or &\{/],
    ["arn:aws:s3:::home/&{aws:username}/*", /must not hold \$\{, %\{ or &\{/],
    ["arn:aws:s3:::a\"b", /must not hold control characters, line breaks, backslashes or double quotes/],
    ["reports-bucket", /must be "\*" or an ARN/],
  ])("refuse the resource %s", (resource, message) => {
    expect(withStatement({ ...READ_REPORTS, Resource: resource })).toEqual([expect.stringMatching(new RegExp(`^roles\\.executionRoleStatements\\[0\\]\\.Resource: got .*; ${message.source}`))]);
  });

  it.each(["iam:PutRolePolicy", "iam:Attach*", "iam:*"])("refuse an Allow of %s, with which a DAG could widen its own role", (action) => {
    expect(withStatement({ Effect: "Allow", Action: action, Resource: "arn:aws:iam::111122223333:role/example-mwaa-execution" })).toEqual([
      expect.stringMatching(/^roles\.executionRoleStatements\[0\]\.Action: got .*; allows iam:\w+.*, which changes IAM permissions: a DAG could grant its own role anything/),
    ]);
    expect(withStatement({ Effect: "Deny", Action: action, Resource: "*" })).toEqual([]);
  });

  it.each(["sts:AssumeRole", "sts:Assume*", "sts:*"])("refuse an Allow of %s, with which a DAG could take on another role", (action) => {
    expect(withStatement({ Effect: "Allow", Action: action, Resource: "arn:aws:iam::111122223333:role/reporting" })).toEqual([
      expect.stringMatching(/^roles\.executionRoleStatements\[0\]\.Action: got .*; allows sts:AssumeRole.*: a DAG could take on any role whose trust admits this account/),
    ]);
  });

  it.each([
    ["arn:aws:iam::*:role/*", "any account"],
    ["arn:aws:sqs:eu-west-1:999999999999:queue", "account 999999999999"],
  ])("refuse the resource %s, of %s: the statements stay in the environment's account", (resource, owner) => {
    expect(withStatement({ Effect: "Allow", Action: "sqs:SendMessage", Resource: resource })).toEqual([
      expect.stringMatching(new RegExp(`^roles\\.executionRoleStatements\\[0\\]\\.Resource: got .*; names ${owner}: the execution role's statements name this account's resources \\(111122223333\\)`)),
    ]);
  });

  it("refuse a condition operator, key or value IAM would not read, or that would be an expression", () => {
    expect(withStatement({ ...READ_REPORTS, Condition: { StringEqualz: { "aws:ResourceAccount": "111122223333" } } })).toEqual([
      expect.stringMatching(/^roles\.executionRoleStatements\[0\]\.Condition\.StringEqualz: got "StringEqualz"; is not an IAM condition operator/),
    ]);
    expect(withStatement({ ...READ_REPORTS, Condition: { NullIfExists: { "aws:ResourceTag/x": "true" } } })).toEqual([expect.stringMatching(/is not an IAM condition operator/)]);
    expect(withStatement({ ...READ_REPORTS, Condition: { StringEquals: { ResourceAccount: "111122223333" } } })).toEqual([
      expect.stringMatching(/^roles\.executionRoleStatements\[0\]\.Condition\.StringEquals\.ResourceAccount: got "ResourceAccount"; is not an IAM condition key/),
    ]);
    expect(withStatement({ ...READ_REPORTS, Condition: { StringEquals: { "aws:PrincipalTag/team": ["${path.cwd}"] } } })).toEqual([
      expect.stringMatching(/^roles\.executionRoleStatements\[0\]\.Condition\.StringEquals\.aws:PrincipalTag\/team\[0\]: got .*; must not hold \$\{/),
    ]);
  });

  it("refuse two statements with one Sid, given or by default", () => {
    expect(withRoles({ executionRoleStatements: [READ_REPORTS, { ...READ_REPORTS, Sid: "FromConfig1" }] })).toEqual([
      'roles.executionRoleStatements[1].Sid: got "FromConfig1"; is also the Sid of roles.executionRoleStatements[0]; IAM needs each Sid of a policy unique',
    ]);
  });

  it("refuse more statements than the role's inline policy quota leaves room for", () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ ...READ_REPORTS, Sid: `S${i}`, Resource: [`arn:aws:s3:::reports-${"x".repeat(40)}-${i}/*`] }));
    expect(withRoles({ executionRoleStatements: many })).toEqual([expect.stringMatching(/^roles\.executionRoleStatements: got "\d+ characters"; must be at most 6144 characters as JSON/)]);
  });
});
