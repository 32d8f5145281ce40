import { trailName } from "../../config/audit";
import { validateEnvironmentConfig } from "../../config/load";
import { exampleConfig, exampleRaw, problemsAfter } from "../helpers/config-fixtures";

const TRAIL = "arn:aws:cloudtrail:us-east-1:999988887777:trail/organization-trail";
const TOPIC = "arn:aws:sns:eu-west-1:111122223333:mwaa-alerts";
const withAudit = (audit: object) => (raw: Record<string, any>) => (raw.audit = audit);

describe("audit.trail", () => {
  it("is none by default: the example relies on no trail", () => {
    expect(exampleConfig().audit).toEqual({ trail: "none" });
  });

  it("create keeps its retention and optional topic", () => {
    expect(exampleConfig(withAudit({ trail: "create" })).audit).toEqual({ trail: "create", logRetentionDays: 365 });
    expect(exampleConfig(withAudit({ trail: "create", logRetentionDays: 0, alarmTopicArn: TOPIC })).audit).toEqual({ trail: "create", logRetentionDays: 0, alarmTopicArn: TOPIC });
  });

  it("existing names the organization's trail, whose home Region and account may differ from the environment's", () => {
    expect(exampleConfig(withAudit({ trail: "existing", trailArn: TRAIL })).audit).toEqual({ trail: "existing", trailArn: TRAIL });
  });

  it("refuses an unknown mode with what is allowed", () => {
    expect(problemsAfter(withAudit({ trail: "yes" }))).toEqual(['audit.trail: got "yes"; is not allowed; allowed: one of none, create, existing']);
  });

  it("existing needs the trail's ARN, and says where to find it", () => {
    expect(problemsAfter(withAudit({ trail: "existing" }))).toEqual([
      "audit.trailArn: is required when audit.trail is existing; set it to the ARN of the trail that records this account (`aws cloudtrail describe-trails` shows it as TrailARN)",
    ]);
  });

  it.each([
    ["a trail name instead of its ARN", "organization-trail"],
    ["another service's ARN", "arn:aws:s3:::organization-trail"],
    ["a name CloudTrail refuses (adjacent separators)", "arn:aws:cloudtrail:us-east-1:999988887777:trail/org--trail"],
    ["an account that is not 12 digits", "arn:aws:cloudtrail:us-east-1:9999:trail/organization-trail"],
    ["a wildcard", "arn:aws:cloudtrail:us-east-1:999988887777:trail/*"],
  ])("refuses %s as the trail's ARN, naming the field and the form it takes", (_, arn) => {
    const [problem, ...others] = problemsAfter(withAudit({ trail: "existing", trailArn: arn }));
    expect(others).toEqual([]);
    expect(problem).toBe(
      `audit.trailArn: got ${JSON.stringify(arn)}; is not allowed; allowed: a CloudTrail trail ARN, arn:<partition>:cloudtrail:<region>:<account>:trail/<name>, in the environment's partition (its home Region, and for an organization trail its management account, may differ from the environment's); \`aws cloudtrail describe-trails\` shows it as TrailARN`,
    );
  });

  it("refuses a trail of another partition, which cannot record the environment", () => {
    expect(problemsAfter(withAudit({ trail: "existing", trailArn: "arn:aws-us-gov:cloudtrail:us-gov-west-1:999988887777:trail/gov-trail" }))).toEqual([
      'audit.trailArn: got "arn:aws-us-gov:cloudtrail:us-gov-west-1:999988887777:trail/gov-trail"; is in partition aws-us-gov, but region eu-west-1 is in aws: a trail records only its own partition; name a trail of aws',
    ]);
  });

  it("refuses each setting outside the mode it belongs to", () => {
    expect(problemsAfter(withAudit({ trail: "create", trailArn: TRAIL }))).toEqual([
      `audit.trailArn: got "${TRAIL}"; applies only when audit.trail is existing; remove it or set audit.trail to existing`,
    ]);
    expect(problemsAfter(withAudit({ trailArn: TRAIL, logRetentionDays: 365, alarmTopicArn: TOPIC }))).toEqual([
      `audit.trailArn: got "${TRAIL}"; applies only when audit.trail is existing; remove it or set audit.trail to existing`,
      "audit.logRetentionDays: got 365; applies only when audit.trail is create; remove it or set audit.trail to create",
      `audit.alarmTopicArn: got "${TOPIC}"; applies only when audit.trail is create; remove it or set audit.trail to create`,
    ]);
  });

  it("refuses an alarm topic of another account or Region, and anything but a topic", () => {
    expect(problemsAfter(withAudit({ trail: "create", alarmTopicArn: "arn:aws:sns:eu-west-1:444455556666:theirs" }))).toEqual([
      `audit.alarmTopicArn: got "arn:aws:sns:eu-west-1:444455556666:theirs"; is a topic of account 444455556666; the alarm may notify only a topic of the environment's account (111122223333): create the topic there`,
    ]);
    expect(problemsAfter(withAudit({ trail: "create", alarmTopicArn: "arn:aws:sns:us-east-1:111122223333:alerts" }))).toEqual([
      `audit.alarmTopicArn: got "arn:aws:sns:us-east-1:111122223333:alerts"; is a topic of us-east-1; a CloudWatch alarm notifies topics of its own Region (eu-west-1): create the topic there`,
    ]);
    expect(problemsAfter(withAudit({ trail: "create", alarmTopicArn: "arn:aws:automate:eu-west-1:ec2:terminate" }))[0]).toMatch(/^audit.alarmTopicArn: got "arn:aws:automate:eu-west-1:ec2:terminate"; is not allowed; allowed: an SNS topic ARN/);
  });

  it("refuses a retention CloudWatch Logs does not offer", () => {
    expect(problemsAfter(withAudit({ trail: "create", logRetentionDays: 100 }))[0]).toMatch(/^audit.logRetentionDays: got 100; is not allowed; allowed: one of 0, 1, 3/);
  });

  it("refuses a DAG bucket named like the environment's own trail bucket", () => {
    const raw = exampleRaw();
    raw.audit = { trail: "create" };
    raw.storage = { dagBucketName: "example-cloudtrail-111122223333-eu-west-1" };
    const result = validateEnvironmentConfig(JSON.stringify(raw), "example.json");
    expect(result.ok ? [] : result.problems).toEqual([
      "name: the trail's bucket 'example-cloudtrail-111122223333-eu-west-1' is also the DAG bucket of this environment (storage.dagBucketName); S3 bucket names are unique across every account of a partition: choose another environment name",
    ]);
  });
});

describe("the trail's name", () => {
  it("is <name>-audit, or, when the name breaks CloudTrail's rules, a valid one that still tells names apart", () => {
    expect(trailName("example")).toBe("example-audit");
    expect(trailName("data--team")).toMatch(/^data-team-audit-[0-9a-f]{8}$/);
    expect(trailName("data-_team")).toMatch(/^data-team-audit-[0-9a-f]{8}$/);
    expect(trailName("data--team")).not.toBe(trailName("data-_team"));
    expect(trailName("team_")).toMatch(/^team-audit-[0-9a-f]{8}$/);
  });
});
