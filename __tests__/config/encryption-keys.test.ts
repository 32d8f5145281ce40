import { exampleConfig, problemsAfter } from "../helpers/config-fixtures";

type Edit = (raw: Record<string, any>) => void;

/** The example's account and Region: a security team's key and roles must be in them. */
const KEY_ARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const ADMIN = "arn:aws:iam::111122223333:role/EncryptionKeyMgmtAdmin";

const withKey = (keyArn: unknown): Edit => (r) => (r.encryption.keyArn = keyArn);
const withAdmins = (roles: unknown): Edit => (r) => (r.encryption.keyAdministratorRoleArns = roles);

describe("a security team's key (encryption.keyArn)", () => {
  it("is accepted as the ARN of a single-Region key of the environment's account and Region", () => {
    expect(exampleConfig(withKey(KEY_ARN)).encryption.keyArn).toBe(KEY_ARN);
  });

  const REFUSED: [string, string, RegExp][] = [
    ["an alias", "alias/security-team", /^encryption\.keyArn: got "alias\/security-team"; is an alias; MWAA accepts only a key ARN \(arn:aws:kms:eu-west-1:111122223333:key\/<key id>\): give the ARN of the key the alias names/],
    ["an alias ARN", "arn:aws:kms:eu-west-1:111122223333:alias/security-team", /^encryption\.keyArn: got ".*"; is an alias ARN; MWAA accepts only a key ARN/],
    ["a bare key id", "1234abcd-12ab-34cd-56ef-1234567890ab", /^encryption\.keyArn: got ".*"; is a key id, not its ARN; MWAA needs the ARN: set arn:aws:kms:eu-west-1:111122223333:key\/1234abcd-12ab-34cd-56ef-1234567890ab$/],
    ["a multi-Region key", "arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab", /^encryption\.keyArn: got ".*"; is a multi-Region key: MWAA does not accept multi-Region keys/],
    ["another account's key", "arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab", /^encryption\.keyArn: got ".*"; is a key of account 444455556666; the key must be in the environment's account 111122223333/],
    ["another Region's key", "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", /^encryption\.keyArn: got ".*"; is a key of Region us-east-1; MWAA, S3 and CloudWatch Logs need a key in the environment's Region eu-west-1$/],
    ["another partition's key", "arn:aws-cn:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", /^encryption\.keyArn: got ".*"; is in partition aws-cn; the environment's Region eu-west-1 is in partition aws$/],
    ["something else", "${data.aws_kms_key.team.arn}", /^encryption\.keyArn: got ".*"; is not a KMS key ARN; allowed: arn:aws:kms:eu-west-1:111122223333:key\/<key id>/],
    ["a key id that is not one", "arn:aws:kms:eu-west-1:111122223333:key/*", /^encryption\.keyArn: got ".*"; has key id '\*', which is not a KMS key id/],
  ];
  it.each(REFUSED)("refuses %s, naming the field and the fix", (_, keyArn, problem) => {
    expect(problemsAfter(withKey(keyArn))).toEqual([expect.stringMatching(problem)]);
  });
});

describe("key administrators (encryption.keyAdministratorRoleArns) and the organization (encryption.organizationId)", () => {
  it("accept roles of the environment's account, with or without a path, and an organization id", () => {
    const roles = [ADMIN, "arn:aws:iam::111122223333:role/security/SysAdmin"];
    const config = exampleConfig((r) => Object.assign(r.encryption, { keyAdministratorRoleArns: roles, organizationId: "o-1eax4cor5e" }));
    expect(config.encryption).toMatchObject({ keyAdministratorRoleArns: roles, organizationId: "o-1eax4cor5e" });
  });

  const REFUSED: [string, Edit, RegExp][] = [
    ["a role of another account", withAdmins(["arn:aws:iam::444455556666:role/Admin"]), /^encryption\.keyAdministratorRoleArns\[0\]: got ".*"; is a role of account 444455556666; key administrators must be roles of the environment's account 111122223333$/],
    ["a wildcard", withAdmins(["arn:aws:iam::111122223333:role/*"]), /^encryption\.keyAdministratorRoleArns\[0\]: got ".*"; holds a wildcard; name each administrator role exactly/],
    ["a user", withAdmins(["arn:aws:iam::111122223333:user/alice"]), /^encryption\.keyAdministratorRoleArns\[0\]: got ".*"; is not an IAM role ARN; allowed: arn:aws:iam::111122223333:role\/<name> \(a role, not a user/],
    ["an assumed-role session", withAdmins(["arn:aws:sts::111122223333:assumed-role/Admin/alice"]), /^encryption\.keyAdministratorRoleArns\[0\]: got ".*"; is not an IAM role ARN/],
    ["the execution role the stacks create", withAdmins(["arn:aws:iam::111122223333:role/example-mwaa-execution"]), /^encryption\.keyAdministratorRoleArns\[0\]: got ".*"; is a role the stacks create for the environment's workload; a workload role must not administer the key/],
    ["the flow logs' role, under a path", withAdmins(["arn:aws:iam::111122223333:role/x/example-vpc-flow-logs"]), /; is a role the stacks create for the environment's workload/],
    ["a role twice", withAdmins([ADMIN, ADMIN]), /^encryption\.keyAdministratorRoleArns\[1\]: got ".*"; repeats encryption\.keyAdministratorRoleArns\[0\]; name each role once$/],
    ["too many roles", withAdmins(Array.from({ length: 21 }, (_, i) => `${ADMIN}${i}`)), /^encryption\.keyAdministratorRoleArns: got .*; is not allowed; allowed: at most 20 distinct IAM role ARNs/],
    [
      "administrators when the stacks create no key (keyArn, HCP state)",
      (r) => Object.assign(r, { encryption: { keyArn: KEY_ARN, keyAdministratorRoleArns: [ADMIN] }, state: { backend: "hcp", organization: "acme" } }),
      /^encryption\.keyAdministratorRoleArns: got .*; applies to the keys the stacks create, and with encryption\.keyArn and state\.backend hcp they create none/,
    ],
    ["an organization id that is not one", (r) => (r.encryption.organizationId = "r-abcd"), /^encryption\.organizationId: got "r-abcd"; is not allowed; allowed: an AWS Organizations id/],
  ];
  it.each(REFUSED)("refuse %s, naming the field and the fix", (_, edit, problem) => {
    expect(problemsAfter(edit)).toContainEqual(expect.stringMatching(problem));
  });
});
