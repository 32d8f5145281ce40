import { trailBucketName, trailKeyAlias, trailLogGroupName, trailLogsRoleName, trailName } from "./audit";
import { EnvironmentConfig } from "./environment-config";
import { AIRFLOW_LOG_TYPES } from "./mwaa-limits";
import {
  accessLogBucketName,
  airflowLogGroupName,
  airflowLogGroupPrefix,
  environmentKeyAlias,
  executionRoleName,
  flowLogGroupName,
  flowLogsRoleName,
  hcpWorkspaceName,
  mwaaStackName,
  networkLogsKeyAlias,
  networkStackName,
  partitionOf,
  stateAccessLogBucketName,
  stateKeyAlias,
} from "./names";
import { Problem } from "./rules";
import { prefixesOverlap } from "./secrets";

/**
 * Names two environments must not share. Each environment claims names (buckets, roles, key
 * aliases, log groups, HCP Terraform workspaces) in namespaces where AWS or HCP Terraform keeps them
 * unique; two claims of one name would make two stacks fight over one resource, or let one
 * environment write into another's. A pull request that adds an environment can otherwise take over
 * an existing environment's bucket by naming it, or by choosing a name that derives the same one.
 *
 * State object keys (`<env>/<stack>.tfstate`) need no check of their own: they can only meet in one
 * state bucket, and two environments sharing a state bucket are refused here already.
 */

/** Where a name must be unique, and the rule a message quotes. */
interface Namespace {
  readonly rule: string;
}

const S3_BUCKET: Namespace = { rule: "S3 bucket names are unique across every account of a partition" };
const IAM_ROLE: Namespace = { rule: "IAM role names are unique in an account, whatever their case" };
const KMS_ALIAS: Namespace = { rule: "KMS aliases are unique in an account and Region" };
const LOG_GROUP: Namespace = { rule: "log group names are unique in an account and Region" };
const HCP_WORKSPACE: Namespace = { rule: "workspace names are unique in an HCP Terraform organization" };
const TRAIL: Namespace = { rule: "trail names are unique in an account and Region" };

/** One name an environment claims. */
interface Claim {
  readonly namespace: Namespace;
  /** The partition, account, Region or organization the name must be unique in. */
  readonly scope: string;
  readonly name: string;
  /** What the name is, e.g. "the DAG bucket". */
  readonly what: string;
  /** The setting the name comes from. */
  readonly field: string;
  /** How this environment's file changes it. */
  readonly fix: string;
}

export interface EnvironmentFile {
  /** The file as problem lines name it. */
  readonly file: string;
  readonly config: EnvironmentConfig;
}

export interface FileProblem {
  readonly file: string;
  readonly problem: Problem;
}

/** Names one environment claims twice, e.g. a DAG bucket named like its own state bucket. */
export function ownNameCollisions(config: EnvironmentConfig): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, Claim>();
  for (const claim of claimedNames(config)) {
    const earlier = seen.get(claimKey(claim));
    if (earlier) problems.push(collision(claim, earlier, "this environment"));
    else seen.set(claimKey(claim), claim);
  }
  return problems;
}

/**
 * Names two environments of the folder share, each reported once, on the later file (in the order
 * given), naming the earlier file and its field.
 */
export function crossEnvironmentCollisions(files: readonly EnvironmentFile[]): FileProblem[] {
  const problems: FileProblem[] = [];
  const claims = files.map(({ config }) => claimedNames(config));
  const taken = claims.map((own) => new Map(own.map((claim) => [claimKey(claim), claim])));
  for (let later = 1; later < files.length; later++) {
    for (let earlier = 0; earlier < later; earlier++) {
      const [a, b] = [files[earlier], files[later]];
      if (normalisedName(a.config.name) === normalisedName(b.config.name)) {
        // Everything they derive collides too; the name is the one thing to fix.
        problems.push({ file: b.file, problem: sameName(b.config.name, a) });
        continue;
      }
      for (const claim of claims[later]) {
        const other = taken[earlier].get(claimKey(claim));
        if (other) problems.push({ file: b.file, problem: collision(claim, other, a.file) });
      }
      const overlap = logGroupOverlap(a, b.config);
      if (overlap) problems.push({ file: b.file, problem: overlap });
      problems.push(...secretPrefixOverlaps(a, b.config).map((problem) => ({ file: b.file, problem })));
    }
  }
  return problems;
}

/** How two environment names compare: without case, with '_' and '-' alike (as bucket names derive them). */
function normalisedName(name: string): string {
  return name.toLowerCase().replace(/_/g, "-");
}

function claimKey(claim: Claim): string {
  // Compared without case: IAM ignores it in role names, and buckets are lowercase anyway.
  return [claim.namespace.rule, claim.scope.toLowerCase(), claim.name.toLowerCase()].join("\u0000");
}

function claimedNames(config: EnvironmentConfig): Claim[] {
  const { name, account, region, state } = config;
  const partition = partitionOf(region);
  const inAccount = `${partition}:${account}`;
  const inRegion = `${inAccount}:${region}`;
  const rename = "choose another environment name";
  const derived = (namespace: Namespace, scope: string, derivedName: string, what: string): Claim => ({
    namespace,
    scope,
    name: derivedName,
    what,
    field: "name",
    fix: rename,
  });

  const claims: Claim[] = [
    {
      namespace: S3_BUCKET,
      scope: partition,
      name: config.storage.dagBucketName,
      what: "the DAG bucket",
      field: "storage.dagBucketName",
      fix: "set storage.dagBucketName to another name",
    },
    derived(S3_BUCKET, partition, accessLogBucketName(name, account, region), "the DAG bucket's access-log bucket"),
    derived(IAM_ROLE, inAccount, executionRoleName(name), "the execution role"),
    derived(IAM_ROLE, inAccount, flowLogsRoleName(name), "the flow-log delivery role"),
    derived(KMS_ALIAS, inRegion, environmentKeyAlias(name), "the environment key's alias"),
    derived(KMS_ALIAS, inRegion, networkLogsKeyAlias(name), "the flow-log key's alias"),
    ...AIRFLOW_LOG_TYPES.map(({ key, suffix }) => derived(LOG_GROUP, inRegion, airflowLogGroupName(name, key), `the Airflow ${suffix} log group`)),
    derived(LOG_GROUP, inRegion, flowLogGroupName(name), "the VPC flow-log group"),
  ];

  if (config.audit.trail === "create") {
    claims.push(
      derived(S3_BUCKET, partition, trailBucketName(name, account, region), "the trail's bucket"),
      derived(IAM_ROLE, inAccount, trailLogsRoleName(name), "the trail's CloudWatch Logs role"),
      derived(KMS_ALIAS, inRegion, trailKeyAlias(name), "the trail key's alias"),
      derived(LOG_GROUP, inRegion, trailLogGroupName(name), "the trail's log group"),
      derived(TRAIL, inRegion, trailName(name), "the trail"),
    );
  }

  if (state.backend === "s3") {
    claims.push(
      {
        namespace: S3_BUCKET,
        scope: partition,
        name: state.bucketName,
        what: "the state bucket",
        field: "state.bucketName",
        fix: "set state.bucketName to another name",
      },
      derived(S3_BUCKET, partition, stateAccessLogBucketName(name, account, region), "the state bucket's access-log bucket"),
      derived(KMS_ALIAS, inRegion, stateKeyAlias(name), "the state key's alias"),
    );
  } else {
    for (const stack of [networkStackName(name), mwaaStackName(name)]) {
      claims.push({
        namespace: HCP_WORKSPACE,
        scope: `${state.hostname}/${state.organization}`,
        name: hcpWorkspaceName(state.workspacePrefix, stack),
        what: `stack ${stack}'s HCP Terraform workspace`,
        field: "state.workspacePrefix",
        fix: "change state.workspacePrefix or the environment name",
      });
    }
  }
  return claims;
}

function collision(claim: Claim, other: Claim, otherFile: string): Problem {
  const otherName = other.name === claim.name ? "" : ` ('${other.name}')`;
  return {
    path: claim.field,
    message: `${claim.what} '${claim.name}' is also ${other.what} of ${otherFile}${otherName} (${other.field}); ${claim.namespace.rule}: ${claim.fix}`,
  };
}

function sameName(name: string, other: EnvironmentFile): Problem {
  return {
    path: "name",
    value: name,
    message:
      `equals name '${other.config.name}' of ${other.file} once case is ignored and '_' is read as '-': ` +
      "the two would derive the same buckets, roles and log groups, and their stacks the same folders on a case-insensitive disk; rename one of them",
  };
}

/**
 * The execution role and the key of an environment reach its log groups by prefix (`airflow-<env>-*`,
 * as the MWAA guide scopes them). In one account and Region, an environment named `prod` would so
 * reach the log groups of `prod-eu` (`airflow-prod-eu-Task`...): its DAGs could read another
 * environment's task logs.
 */
function logGroupOverlap(earlier: EnvironmentFile, later: EnvironmentConfig): Problem | undefined {
  const other = earlier.config;
  if (other.account !== later.account || other.region !== later.region) return undefined;
  const laterIsLonger = later.name.length > other.name.length;
  const [shorter, longer] = laterIsLonger ? [other.name, later.name] : [later.name, other.name];
  const prefix = airflowLogGroupPrefix(shorter);
  if (!airflowLogGroupPrefix(longer).startsWith(prefix)) return undefined;
  const where = laterIsLonger
    ? `starts with '${shorter}-', and name '${shorter}' of ${earlier.file} is in the same account and Region`
    : `is followed by '-' at the start of name '${longer}' of ${earlier.file}, in the same account and Region`;
  return {
    path: "name",
    value: later.name,
    message:
      `${where}: the execution role and key of '${shorter}', scoped to the log groups ${prefix}*, would reach the log groups of '${longer}' too; ` +
      "rename one so that neither name starts with the other followed by '-'",
  };
}

/**
 * Each environment's execution role reads the secrets under its own prefixes (`<prefix>/*`). In one
 * account and Region, two environments whose prefixes are equal, or one inside the other, would
 * read each other's connections and variables.
 */
function secretPrefixOverlaps(earlier: EnvironmentFile, later: EnvironmentConfig): Problem[] {
  const [mine, theirs] = [later.secrets, earlier.config.secrets];
  if (earlier.config.account !== later.account || earlier.config.region !== later.region) return [];
  if (mine.backend !== "secretsmanager" || theirs.backend !== "secretsmanager") return [];
  const fields = (secrets: { connectionsPrefix: string; variablesPrefix: string }) => [
    { field: "secrets.connectionsPrefix", prefix: secrets.connectionsPrefix },
    { field: "secrets.variablesPrefix", prefix: secrets.variablesPrefix },
  ];
  return fields(mine).flatMap(({ field, prefix }) =>
    fields(theirs)
      .filter((other) => prefixesOverlap(prefix, other.prefix))
      .map((other) => ({
        path: field,
        value: prefix,
        message: `overlaps ${other.field} '${other.prefix}' of ${earlier.file}, in the same account and Region: each environment's execution role would read the other's secrets; give each environment its own prefixes (the default is airflow/<name>/connections and airflow/<name>/variables)`,
      })),
  );
}
