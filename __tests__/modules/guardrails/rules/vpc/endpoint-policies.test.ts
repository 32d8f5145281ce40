import { serviceActions } from "../../../../../modules/guardrails/iam/iam-actions";
import { vpcEndpointPolicies } from "../../../../../modules/guardrails/rules/vpc/endpoint-policies";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";

/**
 * Endpoint policies are read and judged by the IAM modules (action patterns, resource patterns,
 * conditions, principals, the stack's accounts): these are the cases where that is stricter than
 * the rule's former reading.
 */

const ACCOUNT = "111122223333";
const DAGS = "arn:aws:s3:::dags-111122223333";
const OWN_ACCOUNT = { StringEquals: { "aws:ResourceAccount": ACCOUNT } };

/** One endpoint of `service` in eu-west-1 with a JSON policy of `statements`. */
function endpointWith(service: string, statements: object[], allowedAccounts: unknown = [ACCOUNT]): string[] {
  const stack = new SynthesizedStack("n", {
    provider: { aws: [{ region: "eu-west-1", allowed_account_ids: allowedAccounts }] },
    resource: {
      aws_vpc_endpoint: {
        e: {
          vpc_id: "${aws_vpc.v.id}",
          service_name: `com.amazonaws.eu-west-1.${service}`,
          vpc_endpoint_type: service === "s3" ? "Gateway" : "Interface",
          policy: JSON.stringify({ Statement: statements }),
        },
      },
    },
  });
  return vpcEndpointPolicies.evaluate(stack).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`);
}

/** Patterns that together match every action of `service`, none of them `service:*`: one per first letter. */
const everyActionByLetter = (service: string) => [...new Set([...serviceActions(service)!.values()].map((a) => `${service}:${a.name[0]}*`))];

const anyone = <T extends object>(fields: T) => ({ Effect: "Allow", Principal: "*", ...fields });

describe("VPC.ENDPOINT_POLICIES judges interface endpoint policies by IAM's semantics", () => {
  // ssm: a service MWAA does not need, whose written policy is judged in full.
  it("fails a policy that opens one action on every account's resources to anyone", () => {
    expect(endpointWith("ssm", [anyone({ Action: "ssm:GetParameter", Resource: "*" })])).toEqual(["FAIL n/e: (no sid) allows *, in any account"]);
  });

  it("fails patterns that together match every action of the service", () => {
    expect(endpointWith("ssm", [anyone({ Action: everyActionByLetter("ssm"), Resource: "*" })])).toEqual(["FAIL n/e: (no sid) allows anyone every action on every resource"]);
  });

  it("fails an ARN pattern that reaches every resource of the service", () => {
    expect(endpointWith("ssm", [anyone({ Action: "ssm:*", Resource: "arn:aws:ssm:*:*:*" })])).toEqual(["FAIL n/e: (no sid) allows anyone every action on every resource"]);
  });

  it("does not take a source network for a condition on who calls", () => {
    expect(endpointWith("ssm", [anyone({ Action: "*", Resource: "*", Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } } })])).toEqual([
      "FAIL n/e: (no sid) allows anyone every action on every resource",
    ]);
  });
});

describe("VPC.ENDPOINT_POLICIES judges S3 endpoint policies by IAM's semantics", () => {
  const ownBucket = (fields: object = {}) => anyone({ Sid: "Dags", Action: ["s3:GetObject*", "s3:List*"], Resource: [DAGS, `${DAGS}/*`], Condition: OWN_ACCOUNT, ...fields });

  it("passes this account's named bucket", () => {
    expect(endpointWith("s3", [ownBucket()])).toEqual(["PASS n/e: S3 reachable only on dags-111122223333 (this account's)"]);
  });

  it("fails patterns that together match every S3 action, even on this account's bucket", () => {
    expect(endpointWith("s3", [ownBucket({ Action: everyActionByLetter("s3") })])).toEqual(["FAIL n/e: Dags allows anyone every S3 action"]);
  });

  it("fails NotResource, which reaches every bucket it does not list", () => {
    const { Resource: _, ...rest } = ownBucket();
    expect(endpointWith("s3", [{ ...rest, NotResource: "arn:aws:s3:::elsewhere/*" }])).toEqual(["FAIL n/e: Dags allows *, which is not an allowed S3 resource"]);
  });

  it("knows this account only from a list of allowed_account_ids", () => {
    expect(endpointWith("s3", [ownBucket()], ACCOUNT)).toEqual([
      `FAIL n/e: Dags allows ${DAGS}, which is not an allowed S3 resource; Dags allows ${DAGS}/*, which is not an allowed S3 resource`,
    ]);
  });
});

describe("VPC.ENDPOINT_POLICIES keeps endpoints to services MWAA does not need inside this account", () => {
  const TOPICS = `arn:aws:sns:eu-west-1:${ACCOUNT}:*`;

  it("fails an SNS policy that lets anyone publish to any account's topics", () => {
    expect(endpointWith("sns", [anyone({ Action: "sns:Publish", Resource: "*" })])).toEqual(["FAIL n/e: (no sid) allows *, in any account"]);
  });

  it("passes one that names this account's topics, or limits aws:ResourceAccount to this account with StringEquals", () => {
    expect(endpointWith("sns", [anyone({ Sid: "Topics", Action: "sns:Publish", Resource: TOPICS })])).toEqual([`PASS n/e: sns: every Allow limited to this account (${ACCOUNT})`]);
    expect(endpointWith("sns", [anyone({ Action: "sns:Publish", Resource: "*", Condition: OWN_ACCOUNT })])).toEqual([`PASS n/e: sns: every Allow limited to this account (${ACCOUNT})`]);
  });

  it("fails another account's topics, a wildcard account, and aws:ResourceAccount matched with StringLike or naming another account", () => {
    const other = "arn:aws:sns:eu-west-1:444455556666:exports";
    expect(endpointWith("sns", [anyone({ Sid: "Out", Action: "sns:Publish", Resource: [TOPICS, other, "arn:aws:sns:eu-west-1:*:exports"] })])).toEqual([
      `FAIL n/e: Out allows ${other}, in any account; Out allows arn:aws:sns:eu-west-1:*:exports, in any account`,
    ]);
    expect(endpointWith("sns", [anyone({ Action: "sns:Publish", Resource: "*", Condition: { StringLike: { "aws:ResourceAccount": ACCOUNT } } })])).toEqual(["FAIL n/e: (no sid) allows *, in any account"]);
    expect(endpointWith("sns", [anyone({ Action: "sns:Publish", Resource: "*", Condition: { StringEquals: { "aws:ResourceAccount": [ACCOUNT, "444455556666"] } } })])).toEqual([
      "FAIL n/e: (no sid) allows *, in any account",
    ]);
  });

  it("fails NotResource, and any Allow once the stack's account is not pinned", () => {
    expect(endpointWith("sns", [anyone({ Action: "sns:Publish", NotResource: "arn:aws:sns:eu-west-1:444455556666:x" })])).toEqual(["FAIL n/e: (no sid) allows *, in any account"]);
    expect(endpointWith("sns", [anyone({ Action: "sns:Publish", Resource: TOPICS })], [])).toEqual([`FAIL n/e: (no sid) allows ${TOPICS}, in any account`]);
  });

  it("holds a DynamoDB gateway to the same limit", () => {
    const gateway = new SynthesizedStack("n", {
      provider: { aws: [{ region: "eu-west-1", allowed_account_ids: [ACCOUNT] }] },
      resource: {
        aws_vpc_endpoint: {
          e: { vpc_id: "${aws_vpc.v.id}", service_name: "com.amazonaws.eu-west-1.dynamodb", vpc_endpoint_type: "Gateway", policy: JSON.stringify({ Statement: [anyone({ Action: "dynamodb:PutItem", Resource: "*" })] }) },
        },
      },
    });
    expect(vpcEndpointPolicies.evaluate(gateway).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`)).toEqual(["FAIL n/e: (no sid) allows *, in any account"]);
  });

  it("keeps the full-access default on an endpoint MWAA needs, and passes a narrower policy there", () => {
    expect(endpointWith("sqs", [anyone({ Action: "*", Resource: "*" })])).toEqual([
      "PASS n/e: sqs: full access written out, as AWS's default (accepted for the interface endpoints MWAA needs, see the rule's explanation)",
    ]);
    expect(endpointWith("sqs", [anyone({ Action: "sqs:SendMessage", Resource: "*" })])).toEqual(["PASS n/e: sqs: the policy does not open every action on every resource to anyone"]);
  });
});
