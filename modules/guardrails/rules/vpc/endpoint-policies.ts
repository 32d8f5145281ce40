import { MWAA_INTERFACE_ENDPOINT_SERVICES } from "../../../network/mwaa-endpoint-services";
import { ECR_LAYER_ACTIONS, ecrLayerObjectsArn, OWN_ACCOUNT_CONDITION_KEY } from "../../../network/s3-endpoint-access";
import { wholeServiceGrants } from "../../iam/action-pattern";
import { narrowsPrincipals } from "../../iam/conditions";
import { admitsAnyone, stackAccounts } from "../../iam/principals";
import { allows, PolicyStatement, sidOf } from "../../iam/policy-statement";
import { reachesEveryResource } from "../../iam/resource-pattern";
import { resourceCopies } from "../../resource-copies";
import { check, Evaluation, fail, Rule } from "../../rule";
import { S3_PARTITIONS } from "../../s3-arns";
import { SynthesizedStack, SynthResource } from "../../synthesized-stack";
import { awsService, AwsService, endpointType } from "../../vpc-endpoint-services";

export const vpcEndpointPolicies: Rule = {
  id: "VPC.ENDPOINT_POLICIES",
  title: "Endpoint policies limit what the private network reaches",
  evaluates: "the policy of every aws_vpc_endpoint, inline or from aws_vpc_endpoint_policy: S3 endpoints limited to named buckets of this account and ECR's layer bucket; endpoints to services MWAA does not need limit every Allow to this account; gateways need a policy; unreadable policies fail",
  sources: [
    "MWAA guide: Security in your VPC, VPC endpoint policies (S3 gateway policy for the DAG bucket and ECR's image layers)",
    "ECR guide: minimum Amazon S3 bucket permissions for Amazon ECR",
    "AWS data perimeter policy examples: S3 endpoint policy, service-owned resources",
    "Playbook 2 (VPC endpoints)",
  ],
  explanation:
    "A VPC with no internet path still reaches other accounts through its endpoints: without a policy the S3 gateway admits every bucket of every account, so anything in the VPC can copy data out. " +
    "Every aws_vpc_endpoint is judged with its policy, inline or from an aws_vpc_endpoint_policy (two for one endpoint fail: the last applied wins; one for an endpoint outside the stack fails, since its service cannot be seen; a policy the rule cannot read fails). " +
    "S3 endpoints (gateway or interface) must have a policy whose every Allow names only allowed S3 resources: a bucket by name with its objects, under StringEquals aws:ResourceAccount limited to this stack's account (allowed_account_ids), or ECR's image-layer bucket of the endpoint's Region with s3:GetObject alone; and no Allow of every action to anyone. " +
    "A gateway endpoint without a policy fails. " +
    "An interface endpoint of a service MWAA needs (VPC.MWAA_ENDPOINTS) without a policy, or with full access written out, passes, with its full access shown: the MWAA guide recommends full-access policies on the interface endpoints and the execution role as the control, and what MWAA reaches through them cannot be narrowed by account: its Celery queues are SQS queues owned by Amazon MWAA, its container images and the airflow.* APIs are AWS's, in accounts AWS does not document, and its own agents pull images with AWS's principals. " +
    "An endpoint to any other service (SNS, SSM, DynamoDB...) needs a policy whose every Allow stays in this stack's account (allowed_account_ids): each resource an ARN naming that account, or the statement under StringEquals aws:ResourceAccount with only that account; otherwise one action on \"*\" (sns:Publish) carries data to any account's resources, whoever the principal. " +
    "Endpoints to services other than AWS's (another account's PrivateLink service, Gateway Load Balancer, VPC Lattice resources) fail: no endpoint policy governs what they receive.",
  fix: "Give the S3 gateway the policy VpcEndpoints writes (this environment's buckets under aws:ResourceAccount, ECR's layer bucket read-only); name buckets, never \"*\"; on endpoints to other services, name this account's resources or add StringEquals aws:ResourceAccount; write endpoint policies as a data.aws_iam_policy_document on the endpoint itself.",
  evaluate: (stack) => {
    const accounts = stackAccounts(stack);
    const endpoints = stack.resources("aws_vpc_endpoint");
    const standalone = stack.resources("aws_vpc_endpoint_policy");
    const attached = new Set<SynthResource>();
    const judged = endpoints.map((endpoint) => {
      const ref = SynthesizedStack.reference(endpoint, "id");
      const policies = standalone.filter((p) => p.config.vpc_endpoint_id === ref);
      policies.forEach((p) => attached.add(p));
      return judgeEndpoint(stack, endpoint, policies, accounts);
    });
    const strays = standalone
      .filter((p) => !attached.has(p) && resourceCopies(p.config) !== 0)
      .map((p) => fail(p.path, `sets the policy of an endpoint this stack does not define (vpc_endpoint_id = ${JSON.stringify(p.config.vpc_endpoint_id ?? null)}): which service it governs cannot be seen`));
    return [...judged, ...strays];
  },
};

/** AWS's policy for an endpoint that has none, and for an aws_vpc_endpoint_policy without `policy`. */
const FULL_ACCESS = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] });

/** S3 and its variants (s3express...): each reaches buckets, so each is held to the S3 policy. */
const isS3 = (service: AwsService) => service.name.startsWith("s3");

function judgeEndpoint(stack: SynthesizedStack, endpoint: SynthResource, standalone: SynthResource[], accounts: string[]): Evaluation {
  const { config } = endpoint;
  const type = endpointType(config);
  if (type !== "Gateway" && type !== "Interface") {
    return fail(endpoint.path, `vpc_endpoint_type = ${JSON.stringify(type)}: traffic goes to an appliance or a resource no endpoint policy governs`);
  }
  const service = awsService(config.service_name);
  if (!service) {
    return fail(endpoint.path, `service_name = ${JSON.stringify(config.service_name ?? null)} is not an AWS service named literally: another account's PrivateLink service receives whatever is sent, and no endpoint policy governs it`);
  }

  const unknownCopies = standalone.filter((p) => resourceCopies(p.config) === undefined);
  if (unknownCopies.length > 0) return fail(endpoint.path, `cannot tell how many copies count/for_each makes of ${unknownCopies.map((p) => p.path).join(", ")}`);
  const sources = [
    ...(config.policy !== undefined && config.policy !== null ? [{ from: "its policy argument", policy: config.policy }] : []),
    ...standalone.flatMap((p) => Array.from({ length: resourceCopies(p.config) ?? 0 }, () => ({ from: `aws_vpc_endpoint_policy ${p.path}`, policy: p.config.policy ?? FULL_ACCESS }))),
  ];
  if (sources.length > 1) {
    return fail(endpoint.path, `${sources.length} policies (${sources.map((s) => s.from).join("; ")}): the last applied wins, which may not be the reviewed one`);
  }
  if (sources.length === 0) {
    if (isS3(service)) return fail(endpoint.path, `${service.name} ${type.toLowerCase()} endpoint without a policy: every bucket of every account is reachable`);
    if (type === "Gateway") return fail(endpoint.path, `${service.name} gateway endpoint without a policy: full access to every account's resources`);
    if (!(MWAA_INTERFACE_ENDPOINT_SERVICES as readonly string[]).includes(service.name)) {
      return fail(endpoint.path, `${service.name} interface endpoint without a policy: a service MWAA does not need, with AWS's full-access default, reaches that service's resources in every account`);
    }
    return check(endpoint.path, true, `${service.name}: no policy, AWS's full-access default (accepted for the interface endpoints MWAA needs, see the rule's explanation)`);
  }

  const statements = stack.policyStatements(sources[0].policy);
  if (!statements) return fail(endpoint.path, `${sources[0].from} cannot be read (not a data.aws_iam_policy_document reference or JSON text)`);
  const grants = statements.filter(allows);
  if (!isS3(service)) {
    if ((MWAA_INTERFACE_ENDPOINT_SERVICES as readonly string[]).includes(service.name) && type === "Interface") {
      // Written out, full access is AWS's default: what the MWAA guide recommends for the endpoints MWAA needs.
      const open = grants.some(opensEverything);
      return check(
        endpoint.path,
        true,
        open
          ? `${service.name}: full access written out, as AWS's default (accepted for the interface endpoints MWAA needs, see the rule's explanation)`
          : `${service.name}: the policy does not open every action on every resource to anyone`,
      );
    }
    // A service MWAA does not need: every Allow stays inside this account, or the endpoint carries data out.
    const problems = grants.flatMap((statement) => {
      const outside = outsideAccounts(statement, accounts);
      if (outside.length === 0) return [];
      if (opensEverything(statement)) return [`${sidOf(statement)} allows anyone every action on every resource`];
      return outside.map((resource) => `${sidOf(statement)} allows ${resource}, in any account`);
    });
    return check(
      endpoint.path,
      problems.length === 0,
      problems.length === 0 ? `${service.name}: every Allow limited to this account (${accounts.join(", ")})` : problems.join("; "),
    );
  }

  const problems: string[] = [];
  const allowed = new Set<string>();
  for (const statement of grants) {
    if (anyone(statement) && everyAction(statement)) problems.push(`${sidOf(statement)} allows anyone every S3 action`);
    for (const resource of resourcesOf(statement)) {
      const verdict = allowedS3Resource(resource, statement, service, accounts);
      if (verdict) allowed.add(verdict);
      else problems.push(`${sidOf(statement)} allows ${resource}, which is not an allowed S3 resource`);
    }
  }
  return check(endpoint.path, problems.length === 0, problems.length === 0 ? `S3 reachable only on ${[...allowed].join(", ")}` : problems.join("; "));
}

/** Anyone, and no condition narrows who. */
const anyone = (s: PolicyStatement) => admitsAnyone(s) && !narrowsPrincipals(s);

/**
 * A statement without actions is read as one on every action, and one without resources, or with
 * NotResource (every resource it does not list), as one on every resource.
 */
const actionsOf = (s: PolicyStatement) => (s.actions && s.actions.length > 0 ? s.actions : ["*"]);
const resourcesOf = (s: PolicyStatement) => (s.not_resources === undefined && s.resources && s.resources.length > 0 ? s.resources : ["*"]);

/** Every action of some service: `*`, `s3:*`, `s3:?*`, patterns that together match them all, or NotAction. */
const everyAction = (s: PolicyStatement) => wholeServiceGrants([{ ...s, actions: actionsOf(s) }]).length > 0;

/** Every resource of some service: "*", `arn:aws:s3:::*` and the like (see iam/resource-pattern.ts). */
const everyResource = (s: PolicyStatement) => resourcesOf(s).some(reachesEveryResource);

const opensEverything = (s: PolicyStatement) => anyone(s) && everyAction(s) && everyResource(s);

/** `arn:<partition>:s3:::<bucket>` or `.../<objects>`, with the bucket named literally. */
const NAMED_BUCKET = new RegExp(`^arn:(${S3_PARTITIONS.join("|")}):s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(/.*)?$`);

/**
 * What an allowed S3 resource is, or undefined: ECR's layer bucket of the endpoint's Region read
 * with s3:GetObject alone, or a bucket named literally under StringEquals aws:ResourceAccount with
 * only this stack's accounts.
 */
function allowedS3Resource(resource: string, statement: PolicyStatement, service: AwsService, accounts: string[]): string | undefined {
  const actions = actionsOf(statement).map((a) => a.toLowerCase());
  const onlyEcrActions = statement.not_actions === undefined && actions.every((a) => ECR_LAYER_ACTIONS.map((e) => e.toLowerCase()).includes(a));
  if (service.region && resource === ecrLayerObjectsArn(service.region) && onlyEcrActions) return `${resource} (ECR image layers, read-only)`;
  const named = NAMED_BUCKET.exec(resource);
  if (named && limitedByCondition(statement, accounts)) return `${named[2]} (this account's)`;
  return undefined;
}

/** StringEquals aws:ResourceAccount with only `accounts`: the statement reaches no other account's resources. */
const limitedByCondition = (statement: PolicyStatement, accounts: string[]) =>
  (statement.condition ?? []).some(
    (c) =>
      c.test === "StringEquals" &&
      c.variable.toLowerCase() === OWN_ACCOUNT_CONDITION_KEY.toLowerCase() &&
      c.values.length > 0 &&
      c.values.every((v) => accounts.includes(v)),
  );

/** `arn:<partition>:<service>:<region>:<account>:...` with the account written literally. */
const ARN_ACCOUNT = /^arn:[^:]+:[^:]+:[^:]*:(\d{12}):/;

/**
 * The resources of an Allow that may lie in another account: all of them (as "*" when none or
 * NotResource) unless a condition limits the statement to `accounts`, else each whose ARN does
 * not name one of `accounts`.
 */
function outsideAccounts(statement: PolicyStatement, accounts: string[]): string[] {
  if (limitedByCondition(statement, accounts)) return [];
  return resourcesOf(statement).filter((resource) => !accounts.includes(ARN_ACCOUNT.exec(resource)?.[1] ?? ""));
}
