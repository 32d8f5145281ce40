import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { EnvironmentConfig } from "../../config/environment-config";
import { AIRFLOW_VERSIONS } from "../../config/mwaa-limits";
import { mwaaStackName } from "../../config/names";
import { synthesizeEnvironments } from "../../stacks/synthesize";
import { readAirflowFolders } from "../../config/airflow-folder";
import { exampleConfig, FIXTURE_AIRFLOW_DIR } from "../helpers/config-fixtures";
import { inNetworkTeamsVpc, TEAM } from "../helpers/network-team-fixtures";
import { ARGUMENTS_FORCING_REPLACEMENT } from "../../modules/review/replacement-arguments";
import { AWS_PROVIDER_VERSION } from "../../modules/terraform/aws-provider-version";
import { deployedEnvironmentState, statefulArgumentsChangedState } from "../helpers/deployed-environment-state";
import { OfflineRewrite, OfflineStack, prepareOfflineStack, withoutPreventDestroy, WrittenStack } from "../helpers/offline-stack";
import { StsStub } from "../helpers/sts-stub";
import { TODAY } from "../helpers/synth";
import { findOfflineTerraform, inPool, OfflineTerraform, runTerraform, writeCliConfig } from "../helpers/terraform-cli";

/*
 * The real AWS provider (the version a local provider mirror holds) plans every stack the app
 * synthesizes, offline. What Terraform reads is what the app wrote into each stack's folder, with only
 * OFFLINE_REWRITES applied: state lives in the plan's folder, `terraform_remote_state` reads a local
 * file holding the producer's outputs, and the provider version is the mirror's. Every AWS endpoint is
 * a loopback stub (the AWS SDK's AWS_ENDPOINT_URL) that answers only sts:GetCallerIdentity, which the
 * provider calls to enforce `allowed_account_ids`; any other call fails the plan. `-refresh=false`:
 * nothing is deployed, and the upgrade plans' states are written by hand (refreshing them would ask
 * AWS to describe the key and the environment). `-lock=false`: each plan owns its folder.
 *
 * Point 5 of issue 10: the provider forces a new environment when the major Airflow version rises
 * (`CustomizeDiff` of aws_mwaa_environment, `ForceNewIf("airflow_version")`, in 5.x and 6.x alike), so
 * such a change is a destroy, which `prevent_destroy` refuses; a minor change is an update in place.
 *
 * Point 2 of issue 11: the arguments modules/review/replacement-arguments.ts says force replacement
 * (read from the provider's Go source) are the ones the real provider replaces resources for. One
 * plan, of a copy of the MWAA stack without `prevent_destroy` (the `preventDestroy` rewrite), against
 * a state whose key, DAG bucket, log group and environment differ from the configuration in such
 * arguments; `terraform show -json` of the saved plan names the paths that force each replacement.
 */

const offline = findOfflineTerraform();
if (typeof offline === "string") console.warn(`Skipping the plans by the real AWS provider: ${offline}`);
const describeOffline = typeof offline === "string" ? describe.skip : describe;

/**
 * Terraform and the provider are Go programs that live a few seconds here; most of the garbage
 * collector's work in them is wasted (about a quarter of a plan's CPU time). It runs only near the limit.
 */
const SHORT_LIVED_GO_PROCESS = { GOGC: "off", GOMEMLIMIT: "1GiB" };

const newestAirflow = (major: string) => AIRFLOW_VERSIONS.filter((v) => v.startsWith(`${major}.`)).at(-1)!;

/**
 * The variant: the smallest class, the newest Airflow 3, state in HCP Terraform, in a network team's
 * VPC with the network team creating MWAA's own endpoints (CUSTOMER): its network stack holds only
 * the security groups and the endpoints the team does not provide, and hands on the team's ids.
 */
function variantConfig(): EnvironmentConfig {
  return exampleConfig((raw) => {
    raw.name = "micro";
    inNetworkTeamsVpc(raw);
    raw.airflow.endpointManagement = "CUSTOMER";
    Object.assign(raw.airflow, {
      environmentClass: "mw1.micro",
      version: newestAirflow("3"),
      // mw1.micro runs one of each (config/rules.ts refuses more).
      schedulers: 1,
      minWorkers: 1,
      maxWorkers: 1,
      minWebservers: 1,
      maxWebservers: 1,
    });
    raw.state = { backend: "hcp", organization: "acme-data", workspacePrefix: "mwaa-" };
  });
}

/** What `terraform plan -json` reported. */
interface Plan {
  readonly status: number | null;
  /** `<address> <action>` of every planned change. */
  readonly changes: string[];
  readonly summary?: { add: number; change: number; import: number; remove: number };
  readonly diagnostics: { severity: string; summary: string; detail: string }[];
  /** What Terraform printed outside its JSON messages (nothing, when all is well). */
  readonly stderr: string;
  /** Of a plan saved and shown (`terraform show -json`): the paths forcing each replaced resource's replacement, by address. */
  readonly replacePaths?: Record<string, string[]>;
}

/** `terraform show -json` of a saved plan: `replace_paths` of each resource it replaces, as `a.b` (indexes left out). */
function replacePaths(shown: string): Record<string, string[]> {
  const plan = JSON.parse(shown);
  return Object.fromEntries(
    (plan.resource_changes ?? [])
      .filter((c: any) => c.change.actions.includes("delete") && c.change.actions.includes("create"))
      .map((c: any) => [c.address, (c.change.replace_paths ?? []).map((path: unknown[]) => path.filter((step) => typeof step === "string").join(".")).sort()]),
  );
}

/** Whether the table lists `path` for `type`, itself or as part of a block it lists. */
const listedAsForcingReplacement = (type: string, path: string) =>
  (ARGUMENTS_FORCING_REPLACEMENT[type] ?? []).some((argument) => path === argument.path || path.startsWith(`${argument.path}.`));

function parsePlan(run: { status: number | null; stdout: string; stderr: string }): Plan {
  const messages = run.stdout.split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line));
  const summary = messages.find((m) => m.type === "change_summary")?.changes;
  return {
    status: run.status,
    // Data sources whose arguments are known only after apply are read then: not a change to AWS.
    changes: messages
      .filter((m) => m.type === "planned_change" && !m.change.resource.addr.startsWith("data."))
      .map((m) => `${m.change.resource.addr} ${m.change.action}`),
    summary: summary && { add: summary.add, change: summary.change, import: summary.import, remove: summary.remove },
    diagnostics: messages.filter((m) => m.type === "diagnostic").map((m) => ({ severity: m.diagnostic.severity, summary: m.diagnostic.summary, detail: m.diagnostic.detail })),
    stderr: run.stderr,
  };
}

/** `<type>.<name>` of every resource block a stack declares (none uses count or for_each). */
/** The address of the key the stack's environment is encrypted with. */
function keyAddress(stack: OfflineStack): string {
  const environment = Object.values<any>(stack.json.resource.aws_mwaa_environment)[0];
  return `aws_kms_key.${/^\$\{aws_kms_key\.([^.}]+)\.arn\}$/.exec(environment.kms_key)![1]}`;
}

function declaredResources(stack: OfflineStack): string[] {
  return Object.entries<any>(stack.json.resource ?? {}).flatMap(([type, blocks]) =>
    Object.entries<any>(blocks).map(([name, block]) => {
      if ("count" in block || "for_each" in block) throw new Error(`${stack.name}: ${type}.${name} has count/for_each; count its instances`);
      return `${type}.${name}`;
    }),
  );
}

const environmentAddress = (stack: OfflineStack) => `aws_mwaa_environment.${Object.keys(stack.json.resource.aws_mwaa_environment)[0]}`;

describeOffline("a plan by the real AWS provider, offline", () => {
  const tools = offline as OfflineTerraform;
  const configs = [exampleConfig(), variantConfig()];
  let root = "";
  const stubs = new Map<string, StsStub>();
  let stacks: OfflineStack[] = [];
  const plans = new Map<string, Plan>();
  /** Airflow versions of the upgrade plans: from the state's version to the config's. */
  const minor = { stack: mwaaStackName("example"), from: "2.10.3", to: exampleConfig().airflow.version };
  const major = { stack: mwaaStackName("micro"), from: newestAirflow("2"), to: newestAirflow("3") };
  /** The replacement plan: its stack, the resources whose prevent_destroy its copy lost, the argument paths its state changes. */
  const replacement = { stack: mwaaStackName("example"), unprotected: [] as string[], changed: {} as Record<string, string[]> };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "mwaa-plan-"));
    // One `terraform init`, run while the app synthesizes, installs the mirror's provider (a link to
    // it) and writes the lock file every stack's plan uses: an init per stack would hash the ~700 MB
    // provider binary once more each time. Each plan still checks its stack's provider requirements
    // against that lock file, and its backend (`local {}` in every stack) against the one initialized.
    const cliConfig = join(root, "terraformrc");
    writeCliConfig(cliConfig, tools.mirror);
    const initDir = join(root, "provider");
    mkdirSync(initDir);
    const requirement = { required_providers: { aws: { source: "hashicorp/aws", version: tools.awsProviderVersion } }, backend: { local: {} } };
    writeFileSync(join(initDir, "main.tf.json"), JSON.stringify({ terraform: requirement }));
    const dataDir = join(initDir, ".terraform");
    const initializing = runTerraform(["init", "-input=false", "-no-color"], initDir, { TF_CLI_CONFIG_FILE: cliConfig, TF_DATA_DIR: dataDir });

    // The example with the fixture's Airflow files: the provider plans their uploads from the stack's folder too.
    const airflow = readAirflowFolders(FIXTURE_AIRFLOW_DIR, configs, FIXTURE_AIRFLOW_DIR);
    if (airflow.problems.length > 0) throw new Error(airflow.problems.join("\n"));
    const { outdir, stacks: synthesized, violations } = await synthesizeEnvironments(configs, { outdir: join(root, "cdktf.out"), today: TODAY, airflowFolders: airflow.folders });
    if (violations.length > 0) throw new Error(`the synth has violations:\n${violations.join("\n")}`);
    const written: WrittenStack[] = synthesized.map(({ name }) => {
      const dir = join(outdir, "stacks", name);
      return { name, dir, json: JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8")) };
    });
    stacks = written.map((stack) => prepareOfflineStack(stack, written, join(root, "plans", stack.name), tools.awsProviderVersion, tools.terraformVersion));

    for (const account of new Set(configs.map((c) => c.account))) {
      const stub = new StsStub(account);
      await stub.start();
      stubs.set(account, stub);
    }

    const init = await initializing;
    if (init.status !== 0) throw new Error(`terraform init failed:\n${init.stdout}${init.stderr}`);

    /** Plans `dir`; with `show`, saves the plan and reads which paths force each replacement. */
    const planIn = (dir: string, account: string, show = false) => async () => {
      cpSync(join(initDir, ".terraform.lock.hcl"), join(dir, ".terraform.lock.hcl"));
      const terraformEnv = { TF_CLI_CONFIG_FILE: cliConfig, TF_DATA_DIR: dataDir, ...SHORT_LIVED_GO_PROCESS };
      const plan = parsePlan(
        await runTerraform(["plan", "-input=false", "-refresh=false", "-lock=false", "-no-color", "-json", ...(show ? ["-out=saved.tfplan"] : [])], dir, {
          ...terraformEnv,
          AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
          AWS_SECRET_ACCESS_KEY: "offline-plan-dummy-secret",
          AWS_ENDPOINT_URL: stubs.get(account)!.url,
          AWS_EC2_METADATA_DISABLED: "true",
          AWS_MAX_ATTEMPTS: "1",
        }),
      );
      if (!show || plan.status !== 0) return plan;
      const shown = await runTerraform(["show", "-json", "-no-color", "saved.tfplan"], dir, terraformEnv);
      if (shown.status !== 0) throw new Error(`terraform show failed:\n${shown.stdout}${shown.stderr}`);
      return { ...plan, replacePaths: replacePaths(shown.stdout) };
    };
    const upgradeDir = (upgrade: typeof minor) => {
      const stack = stacks.find((s) => s.name === upgrade.stack)!;
      const dir = join(root, "upgrades", `${upgrade.stack}-${upgrade.from}`);
      cpSync(stack.dir, dir, { recursive: true });
      writeFileSync(join(dir, "terraform.tfstate"), deployedEnvironmentState(stack, upgrade.from, tools.terraformVersion));
      return dir;
    };
    const accountOf = (name: string) => configs.find((c) => name.startsWith(`${c.name}-`))!.account;
    const replacementDir = () => {
      const stack = stacks.find((s) => s.name === replacement.stack)!;
      const dir = join(root, "replacement", replacement.stack);
      cpSync(stack.dir, dir, { recursive: true });
      replacement.unprotected = withoutPreventDestroy(dir);
      const { state, changed } = statefulArgumentsChangedState(stack, tools.terraformVersion);
      writeFileSync(join(dir, "terraform.tfstate"), state);
      replacement.changed = changed;
      return dir;
    };
    // The minor upgrade's plan is the MWAA stack's plan too (every resource but the deployed
    // environment and key is a create there): one provider start fewer, about 3.5 s of CPU.
    const jobs: [string, () => Promise<Plan>][] = [
      ...stacks.filter((s) => s.name !== minor.stack).map((s): [string, () => Promise<Plan>] => [s.name, planIn(s.dir, accountOf(s.name))]),
      ...[minor, major].map((u): [string, () => Promise<Plan>] => [`${u.stack} from ${u.from}`, planIn(upgradeDir(u), accountOf(u.stack))]),
      ["replacement", planIn(replacementDir(), accountOf(replacement.stack), true)],
    ];
    // One plan per core: each is CPU-bound (Terraform and the provider, one after the other).
    const results = await inPool(jobs.map(([, job]) => job), availableParallelism());
    jobs.forEach(([name], i) => plans.set(name, results[i]));
  }, 180_000);

  afterAll(async () => {
    for (const stub of stubs.values()) await stub.stop();
    // The provider is linked, not copied: this removes the link, not the mirror.
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("plans every stack of the example and of the variant (mw1.micro, the newest Airflow 3, HCP Terraform state, a network team's VPC, CUSTOMER endpoints)", () => {
    expect(stacks.map((s) => s.name)).toEqual(["example-state", "example-network", "example-mwaa", "micro-network", "micro-mwaa"]);
    const variant = stacks.find((s) => s.name === "micro-mwaa")!.json;
    const variantEnvironment = Object.values<any>(variant.resource.aws_mwaa_environment)[0];
    expect(variantEnvironment).toMatchObject({ environment_class: "mw1.micro", airflow_version: major.to, endpoint_management: "CUSTOMER" });
    expect(Object.keys(variant.output)).toEqual(expect.arrayContaining(["database_vpc_endpoint_service", "webserver_vpc_endpoint_service"]));
    expect(Object.keys(stacks.find((s) => s.name === "micro-network")!.json.resource).sort()).toEqual([
      "aws_security_group",
      "aws_vpc_endpoint",
      "aws_vpc_security_group_egress_rule",
      "aws_vpc_security_group_ingress_rule",
    ]);
  });

  it.each(["example-state", "example-network", "example-mwaa", "micro-network", "micro-mwaa"])(
    "%s: the provider plans creating exactly the resources the stack declares (beside what the state holds), with no warning",
    (name) => {
      const stack = stacks.find((s) => s.name === name)!;
      // example-mwaa is planned once, with its environment and key deployed (the minor upgrade).
      const upgraded = name === minor.stack;
      const plan = plans.get(upgraded ? `${minor.stack} from ${minor.from}` : name)!;
      const deployed = upgraded ? [environmentAddress(stack), keyAddress(stack)] : [];
      expect({ status: plan.status, diagnostics: plan.diagnostics, stderr: plan.stderr }).toEqual({ status: 0, diagnostics: [], stderr: "" });
      const created = declaredResources(stack).filter((address) => !deployed.includes(address));
      expect(plan.changes.filter((change) => !deployed.some((address) => change.startsWith(`${address} `))).sort()).toEqual(
        created.map((address) => `${address} create`).sort(),
      );
      expect(plan.summary).toMatchObject({ add: created.length, import: 0, remove: 0 });
    },
  );

  it("changes only where state lives, which provider version runs, and arguments newer than that version", () => {
    const applied = Object.fromEntries(stacks.map((s) => [s.name, [...s.rewrites].sort()]));
    // An argument only the pinned provider has (worker_replacement_strategy on 6.x) is removed and named.
    const newer = (stack: OfflineStack): OfflineRewrite[] => (stack.removedArguments.length > 0 ? ["newerArguments"] : []);
    // The version is rewritten only when the mirror holds another than the one the stacks pin.
    const version: OfflineRewrite[] = tools.awsProviderVersion === AWS_PROVIDER_VERSION ? [] : ["providerVersion"];
    const expected = (name: string, rewrites: OfflineRewrite[]) => [...rewrites, ...version, ...newer(stacks.find((s) => s.name === name)!)].sort();
    expect(applied).toEqual({
      "example-state": expected("example-state", ["backend"]),
      "example-network": expected("example-network", ["backend"]),
      "example-mwaa": expected("example-mwaa", ["backend", "remoteState"]),
      "micro-network": expected("micro-network", ["backend"]),
      "micro-mwaa": expected("micro-mwaa", ["backend", "remoteState"]),
    });
  });

  it("reads each remote state from the state its producer stack writes, with the producer's outputs", () => {
    const mwaa = stacks.find((s) => s.name === "micro-mwaa")!;
    expect(mwaa.remoteOutputs).toEqual({
      // The network team's ids are the producer's outputs as written; the group it creates gets a made-up id.
      "state-of-micro-network": {
        mwaa_security_group_id: "sg-0123456789abcdef0",
        private_subnet_ids: [...TEAM.subnetIds],
        vpc_id: TEAM.vpcId,
      },
    });
  });

  it("asks AWS nothing but sts:GetCallerIdentity (the allowed_account_ids check), for every plan", () => {
    const stub = stubs.get(configs[0].account)!;
    expect(stub.unanswered).toEqual([]);
    expect(stub.answered.length).toBeGreaterThanOrEqual(plans.size);
    expect(new Set(stub.answered)).toEqual(new Set(["sts:GetCallerIdentity"]));
  });

  it(`refuses a major Airflow upgrade (${major.from} deployed, ${major.to} configured): the provider replaces the environment, and prevent_destroy stops the plan`, () => {
    const plan = plans.get(`${major.stack} from ${major.from}`)!;
    const stack = stacks.find((s) => s.name === major.stack)!;
    expect(plan.status).toBe(1);
    expect(plan.diagnostics).toEqual([
      {
        severity: "error",
        summary: "Instance cannot be destroyed",
        detail: expect.stringContaining(`Resource ${environmentAddress(stack)} has lifecycle.prevent_destroy set, but the plan calls for this resource to be destroyed`),
      },
    ]);
  });

  it(`updates the environment in place on a minor Airflow upgrade (${minor.from} deployed, ${minor.to} configured)`, () => {
    const plan = plans.get(`${minor.stack} from ${minor.from}`)!;
    const stack = stacks.find((s) => s.name === minor.stack)!;
    expect({ status: plan.status, diagnostics: plan.diagnostics }).toEqual({ status: 0, diagnostics: [] });
    expect(plan.changes).toContain(`${environmentAddress(stack)} update`);
    expect(plan.changes.filter((change) => !/ (create|update)$/.test(change))).toEqual([]);
    expect(plan.summary?.remove).toBe(0);
  });

  it("replaces the key, DAG bucket, log group and environment whose state differs in arguments that force replacement, each for arguments the table lists for its type", () => {
    const plan = plans.get("replacement")!;
    expect({ status: plan.status, diagnostics: plan.diagnostics }).toEqual({ status: 0, diagnostics: [] });
    // Every resource the state changes is protected in the stack; the copy planned is not.
    expect(replacement.unprotected).toEqual(expect.arrayContaining(Object.keys(replacement.changed)));
    expect(Object.keys(plan.replacePaths!).sort()).toEqual(Object.keys(replacement.changed).sort());
    for (const [address, paths] of Object.entries(plan.replacePaths!)) {
      const type = address.split(".")[0];
      expect({ address, unlisted: paths.filter((path) => !listedAsForcingReplacement(type, path)) }).toEqual({ address, unlisted: [] });
      expect({ address, paths }).toEqual({ address, paths: expect.arrayContaining(replacement.changed[address]) });
    }
  });
});
