import { vpcEndpointPolicies } from "../../../modules/guardrails/rules/vpc/endpoint-policies";
import { SynthesizedStack } from "../../../modules/guardrails/synthesized-stack";

const ACCOUNT = "111122223333";
const DAGS = "arn:aws:s3:::dags-111122223333";
const LAYERS = "arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*";
const OWN_ACCOUNT = [{ test: "StringEquals", variable: "aws:ResourceAccount", values: [ACCOUNT] }];
const ANYONE = [{ type: "*", identifiers: ["*"] }];
const fullAccess = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] });

/** A network stack with an S3 gateway limited to its DAG bucket and ECR's layers, and an SQS interface endpoint. */
function network(edit: (written: Record<string, any>) => void = () => {}): Record<string, any> {
  const written: Record<string, any> = {
    provider: { aws: [{ region: "eu-west-1", allowed_account_ids: [ACCOUNT] }] },
    data: {
      aws_iam_policy_document: {
        s3: {
          statement: [
            { sid: "Dags", effect: "Allow", actions: ["s3:GetObject*", "s3:List*"], resources: [DAGS, `${DAGS}/*`], principals: ANYONE, condition: OWN_ACCOUNT },
            { sid: "Layers", effect: "Allow", actions: ["s3:GetObject"], resources: [LAYERS], principals: ANYONE },
          ],
        },
      },
    },
    resource: {
      aws_vpc_endpoint: {
        s3: { vpc_id: "${aws_vpc.v.id}", service_name: "com.amazonaws.eu-west-1.s3", vpc_endpoint_type: "Gateway", policy: "${data.aws_iam_policy_document.s3.json}" },
        sqs: { vpc_id: "${aws_vpc.v.id}", service_name: "com.amazonaws.eu-west-1.sqs", vpc_endpoint_type: "Interface" },
      },
    },
  };
  edit(written);
  return written;
}

const s3Statements = (w: Record<string, any>) => w.data.aws_iam_policy_document.s3.statement;
const judge = (written: Record<string, any>) =>
  vpcEndpointPolicies.evaluate(new SynthesizedStack("n", written)).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`);
const failures = (written: Record<string, any>) => judge(written).filter((line) => line.startsWith("FAIL"));

describe("rule VPC.ENDPOINT_POLICIES", () => {
  it("passes an S3 gateway limited to this account's named buckets and ECR's layer bucket, and says what it reaches", () => {
    expect(judge(network())).toEqual([
      `PASS n/s3: S3 reachable only on dags-111122223333 (this account's), ${LAYERS} (ECR image layers, read-only)`,
      "PASS n/sqs: sqs: no policy, AWS's full-access default (accepted for the interface endpoints MWAA needs, see the rule's explanation)",
    ]);
  });

  it("fails an S3 gateway without a policy: every bucket of every account is reachable", () => {
    expect(failures(network((w) => delete w.resource.aws_vpc_endpoint.s3.policy))).toEqual([
      "FAIL n/s3: s3 gateway endpoint without a policy: every bucket of every account is reachable",
    ]);
  });

  it("fails an S3 endpoint policy that allows anyone everything", () => {
    expect(failures(network((w) => (w.resource.aws_vpc_endpoint.s3.policy = fullAccess)))).toEqual([
      "FAIL n/s3: (no sid) allows anyone every S3 action; (no sid) allows *, which is not an allowed S3 resource",
    ]);
  });

  it("fails another bucket, and a bucket of this policy without the own-account condition", () => {
    const other = network((w) => s3Statements(w).push({ sid: "Out", effect: "Allow", actions: ["s3:PutObject"], resources: ["arn:aws:s3:::someone-elses-bucket/*"], principals: ANYONE }));
    expect(failures(other)).toEqual(["FAIL n/s3: Out allows arn:aws:s3:::someone-elses-bucket/*, which is not an allowed S3 resource"]);
    const otherAccount = network((w) => s3Statements(w).push({ sid: "Out", effect: "Allow", actions: ["s3:PutObject"], resources: ["arn:aws:s3:::someone-elses-bucket/*"], principals: ANYONE, condition: [{ ...OWN_ACCOUNT[0], values: ["999988887777"] }] }));
    expect(failures(otherAccount)).toHaveLength(1);
    const anyAccount = network((w) => delete s3Statements(w)[0].condition);
    expect(failures(anyAccount)).toEqual([
      `FAIL n/s3: Dags allows ${DAGS}, which is not an allowed S3 resource; Dags allows ${DAGS}/*, which is not an allowed S3 resource`,
    ]);
    const wildcardBucket = network((w) => (s3Statements(w)[0].resources = ["arn:aws:s3:::dags-*"]));
    expect(failures(wildcardBucket)).toHaveLength(1);
  });

  it("allows ECR's layer bucket only for reading, and only the endpoint's Region's", () => {
    expect(failures(network((w) => s3Statements(w)[1].actions.push("s3:PutObject")))).toEqual([
      `FAIL n/s3: Layers allows ${LAYERS}, which is not an allowed S3 resource`,
    ]);
    expect(failures(network((w) => (s3Statements(w)[1].resources = ["arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*"])))).toHaveLength(1);
  });

  it("fails a policy it cannot read", () => {
    const written = network((w) => (w.resource.aws_vpc_endpoint.s3.policy = '${jsonencode({Statement = []})}'));
    expect(failures(written)).toEqual(["FAIL n/s3: its policy argument cannot be read (not a data.aws_iam_policy_document reference or JSON text)"]);
    const merged = network((w) => (w.data.aws_iam_policy_document.s3.source_policy_documents = ["${data.aws_iam_policy_document.open.json}"]));
    expect(failures(merged)).toHaveLength(1);
  });

  it("accepts full access written out on an interface endpoint MWAA needs, as its default, and fails it on one MWAA does not need", () => {
    const written = network((w) => (w.resource.aws_vpc_endpoint.sqs.policy = fullAccess));
    expect(failures(written)).toEqual([]);
    const other = network((w) => (w.resource.aws_vpc_endpoint.sqs.service_name = "com.amazonaws.eu-west-1.ssm"));
    expect(failures(other)).toEqual(["FAIL n/sqs: ssm interface endpoint without a policy: a service MWAA does not need, with AWS's full-access default, reaches that service's resources in every account"]);
    const otherOpen = network((w) => Object.assign(w.resource.aws_vpc_endpoint.sqs, { service_name: "com.amazonaws.eu-west-1.ssm", policy: fullAccess }));
    expect(failures(otherOpen)).toEqual(["FAIL n/sqs: (no sid) allows anyone every action on every resource"]);
    const narrowed = network(
      (w) => (w.resource.aws_vpc_endpoint.sqs.policy = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: { StringEquals: { "aws:PrincipalAccount": ACCOUNT } } }] })),
    );
    expect(failures(narrowed)).toEqual([]);
  });

  it("judges a policy set by aws_vpc_endpoint_policy, and fails two policies for one endpoint", () => {
    const standalone = (policy?: string) => ({ vpc_endpoint_id: "${aws_vpc_endpoint.s3.id}", ...(policy ? { policy } : {}) });
    const replaced = network((w) => {
      delete w.resource.aws_vpc_endpoint.s3.policy;
      w.resource.aws_vpc_endpoint_policy = { p: standalone() };
    });
    expect(failures(replaced)).toEqual(["FAIL n/s3: (no sid) allows anyone every S3 action; (no sid) allows *, which is not an allowed S3 resource"]);
    const twice = network((w) => (w.resource.aws_vpc_endpoint_policy = { p: standalone("${data.aws_iam_policy_document.s3.json}") }));
    expect(failures(twice)).toEqual(["FAIL n/s3: 2 policies (its policy argument; aws_vpc_endpoint_policy n/p): the last applied wins, which may not be the reviewed one"]);
    const elsewhere = network((w) => (w.resource.aws_vpc_endpoint_policy = { p: { vpc_endpoint_id: "vpce-0123", policy: fullAccess } }));
    expect(failures(elsewhere)).toEqual(['FAIL n/p: sets the policy of an endpoint this stack does not define (vpc_endpoint_id = "vpce-0123"): which service it governs cannot be seen']);
  });

  it("fails endpoints to services that are not AWS's, which no endpoint policy governs", () => {
    const privateLink = network((w) => (w.resource.aws_vpc_endpoint.sqs.service_name = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"));
    expect(failures(privateLink)).toEqual([expect.stringMatching(/^FAIL n\/sqs: service_name = "com\.amazonaws\.vpce\.eu-west-1\.vpce-svc-0123456789abcdef0" is not an AWS service/)]);
    const appliance = network((w) => (w.resource.aws_vpc_endpoint.sqs.vpc_endpoint_type = "GatewayLoadBalancer"));
    expect(failures(appliance)).toHaveLength(1);
    const computed = network((w) => (w.resource.aws_vpc_endpoint.s3.service_name = "${data.aws_vpc_endpoint_service.s3.service_name}"));
    expect(failures(computed)).toHaveLength(1);
  });
});
