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
  it("passes a policy that opens one action to anyone", () => {
    expect(endpointWith("ssm", [anyone({ Action: "ssm:GetParameter", Resource: "*" })])).toEqual([
      "PASS n/e: ssm: the policy does not open every action on every resource to anyone",
    ]);
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
