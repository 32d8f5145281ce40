import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEnvironmentConfigs, validateEnvironmentConfig } from "../../config/load";
import { exampleConfig, exampleRaw, loadProblems, problemsAfter } from "../helpers/config-fixtures";

type Edit = (raw: Record<string, any>) => void;

/** Each bad input, what it edits in the example, and the one problem line it must produce. */
const BAD_INPUTS: [string, Edit, RegExp][] = [
  // Unknown keys
  ["an unknown top-level key", (r) => (r.colour = "blue"), /^colour: got "blue"; is not a known setting; allowed here: name, account, region, /],
  ["an unknown nested key", (r) => (r.airflow.maxWorker = 3), /^airflow\.maxWorker: got 3; is not a known setting; allowed here: version, environmentClass, .*maxWorkers/],
  ["an unknown key in a subnet", (r) => (r.network.privateSubnets[0].az = "x"), /^network\.privateSubnets\[0\]\.az: got "x"; is not a known setting; allowed here: cidr, subnetId, availabilityZone$/],
  // Wrong types and missing fields
  ["a string where a number belongs", (r) => (r.airflow.maxWorkers = "5"), /^airflow\.maxWorkers: got "5"; must be a number; allowed: a whole number from minWorkers to workerQuota/],
  ["a fraction where a whole number belongs", (r) => (r.airflow.minWorkers = 1.5), /^airflow\.minWorkers: got 1\.5; must be a whole number; allowed: /],
  ["a number where a string belongs", (r) => (r.account = 111122223333), /^account: got 111122223333; must be a string; allowed: 12 digits$/],
  ["a list where an object belongs", (r) => (r.tags = ["Owner"]), /^tags: got \["Owner"\]; must be an object; allowed: an object that holds at least Owner/],
  ["a missing required field", (r) => delete r.network, /^network: is required$/],
  ["a missing nested required field", (r) => delete r.network.vpcCidr, /^network\.vpcCidr: is required; allowed: a network address in CIDR form/],
  // Names and places
  ["an environment name starting with a digit", (r) => (r.name = "1example"), /^name: got "1example"; is not allowed; allowed: a letter, then letters, digits, '-' or '_'; 1 to 80 characters$/],
  ["an environment name with a dot", (r) => (r.name = "ex.ample"), /^name: got "ex\.ample"; is not allowed; allowed: a letter, then/],
  ["an environment name over 80 characters", (r) => (r.name = "e".repeat(81)), /^name: got "e{81}"; is not allowed; allowed: .*1 to 80 characters$/],
  ["an environment name that differs from the file name", (r) => (r.name = "prod"), /^name: got "prod"; must equal the file name without \.json \('example'\)/],
  ["an account id that is not 12 digits", (r) => (r.account = "12345"), /^account: got "12345"; is not allowed; allowed: 12 digits$/],
  ["a region that is not a Region code", (r) => (r.region = "Ireland"), /^region: got "Ireland"; is not allowed; allowed: a Region code/],
  // MWAA settings
  ["an unknown environment class", (r) => (r.airflow.environmentClass = "mw1.huge"), /^airflow\.environmentClass: got "mw1\.huge"; is not allowed; allowed: one of mw1\.micro, mw1\.small, mw1\.medium, mw1\.large, mw1\.xlarge, mw1\.2xlarge$/],
  ["an Airflow version MWAA does not run", (r) => (r.airflow.version = "2.10.4"), /^airflow\.version: got "2\.10\.4"; is not allowed; allowed: one of 2\.7\.2, .*2\.11\.0, 3\.0\.6$/],
  ["more minimum than maximum workers", (r) => Object.assign(r.airflow, { minWorkers: 6, maxWorkers: 5 }), /^airflow\.maxWorkers: got 5; must be at least airflow\.minWorkers \(6\)$/],
  ["more workers than the quota", (r) => (r.airflow.maxWorkers = 26), /^airflow\.maxWorkers: got 26; must be at most airflow\.workerQuota \(25\)/],
  ["zero minimum workers", (r) => (r.airflow.minWorkers = 0), /^airflow\.minWorkers: got 0; is not allowed; allowed: a whole number from 1 to maxWorkers/],
  ["one scheduler on mw1.small", (r) => (r.airflow.schedulers = 1), /^airflow\.schedulers: got 1; must be from 2 to 5 on mw1\.small$/],
  ["six schedulers", (r) => (r.airflow.schedulers = 6), /^airflow\.schedulers: got 6; must be from 2 to 5 on mw1\.small$/],
  ["two schedulers on mw1.micro", (r) => (r.airflow = { environmentClass: "mw1.micro", schedulers: 2 }), /^airflow\.schedulers: got 2; must be 1 on mw1\.micro, which runs one scheduler, one worker and one webserver$/],
  ["two webservers on mw1.micro", (r) => (r.airflow = { environmentClass: "mw1.micro", maxWebservers: 2 }), /^airflow\.maxWebservers: got 2; must be 1 on mw1\.micro/],
  ["two workers on mw1.micro", (r) => (r.airflow = { environmentClass: "mw1.micro", maxWorkers: 2 }), /^airflow\.maxWorkers: got 2; must be 1 on mw1\.micro/],
  ["one webserver on mw1.small", (r) => (r.airflow.minWebservers = 1), /^airflow\.minWebservers: got 1; must be from 2 to 5 on mw1\.small$/],
  ["more minimum than maximum webservers", (r) => Object.assign(r.airflow, { minWebservers: 4, maxWebservers: 3 }), /^airflow\.maxWebservers: got 3; must be at least airflow\.minWebservers \(4\)$/],
  ["an unknown webserver access mode", (r) => (r.airflow.webserverAccessMode = "PRIVATE"), /^airflow\.webserverAccessMode: got "PRIVATE"; is not allowed; allowed: one of PRIVATE_ONLY, PUBLIC_ONLY$/],
  ["a maintenance window off the 30-minute grid", (r) => (r.airflow.weeklyMaintenanceWindowStart = "SUN:03:15"), /^airflow\.weeklyMaintenanceWindowStart: got "SUN:03:15"; is not allowed; allowed: DAY:HH:MM/],
  ["a maintenance window with a day name", (r) => (r.airflow.weeklyMaintenanceWindowStart = "SUNDAY:03:00"), /^airflow\.weeklyMaintenanceWindowStart: got "SUNDAY:03:00"; is not allowed/],
  ["a maintenance window at hour 24", (r) => (r.airflow.weeklyMaintenanceWindowStart = "MON:24:00"), /^airflow\.weeklyMaintenanceWindowStart: got "MON:24:00"; is not allowed/],
  ["an Airflow option that is not section.option", (r) => (r.airflow.configurationOptions = { timezone: "utc" }), /^airflow\.configurationOptions\.timezone: got "timezone"; is not an allowed key; allowed: an object of `section\.option` keys/],
  ["an Airflow option with a non-string value", (r) => (r.airflow.configurationOptions = { "core.parallelism": 32 }), /^airflow\.configurationOptions\.core\.parallelism: got 32; must be a string; allowed: an object of/],
  ["a DAG path starting with a slash", (r) => (r.airflow.dagS3Path = "/dags"), /^airflow\.dagS3Path: got "\/dags"; is not allowed; allowed: a relative S3 key prefix/],
  // Logs
  ["a log level Airflow does not have", (r) => (r.logging.levels.task = "VERBOSE"), /^logging\.levels\.task: got "VERBOSE"; is not allowed; allowed: one of CRITICAL, ERROR, WARNING, INFO, DEBUG$/],
  ["a retention CloudWatch does not accept", (r) => (r.logging.retentionDays = 100), /^logging\.retentionDays: got 100; is not allowed; allowed: one of 0, 1, 3, .*, 3653 \(0 = never expire\)$/],
  ["a flow log retention CloudWatch does not accept", (r) => (r.network.flowLogRetentionDays = 366), /^network\.flowLogRetentionDays: got 366; is not allowed; allowed: one of 0, 1, 3/],
  // Network
  ["a VPC CIDR that is not a CIDR", (r) => (r.network.vpcCidr = "10.40.0.0"), /^network\.vpcCidr: got "10\.40\.0\.0"; is not an IPv4 CIDR block like 10\.0\.0\.0\/16$/],
  ["a VPC CIDR with host bits set", (r) => (r.network.vpcCidr = "10.40.0.1/16"), /^network\.vpcCidr: got "10\.40\.0\.1\/16"; has host bits set; the network address is 10\.40\.0\.0\/16$/],
  ["a VPC CIDR with an octet above 255", (r) => (r.network.vpcCidr = "10.400.0.0/16"), /^network\.vpcCidr: got "10\.400\.0\.0\/16"; has an octet above 255$/],
  ["a VPC larger than AWS allows", (r) => (r.network.vpcCidr = "10.0.0.0/8"), /^network\.vpcCidr: got "10\.0\.0\.0\/8"; must have a prefix from \/16 to \/28/],
  ["a subnet outside the VPC", (r) => (r.network.privateSubnets[1].cidr = "10.41.0.0/20"), /^network\.privateSubnets\[1\]\.cidr: got "10\.41\.0\.0\/20"; must lie inside network\.vpcCidr \(10\.40\.0\.0\/16\)$/],
  ["overlapping subnets", (r) => (r.network.privateSubnets[1].cidr = "10.40.8.0/24"), /^network\.privateSubnets\[1\]\.cidr: got "10\.40\.8\.0\/24"; overlaps network\.privateSubnets\[0\]\.cidr \(10\.40\.0\.0\/20\)/],
  ["two subnets in one zone", (r) => (r.network.privateSubnets[1].availabilityZone = "eu-west-1a"), /^network\.privateSubnets\[1\]\.availabilityZone: got "eu-west-1a"; is also the zone of network\.privateSubnets\[0\]; MWAA needs two subnets in different Availability Zones$/],
  ["a zone of another Region", (r) => (r.network.privateSubnets[0].availabilityZone = "us-east-1a"), /^network\.privateSubnets\[0\]\.availabilityZone: got "us-east-1a"; must be an Availability Zone of region eu-west-1, e\.g\. eu-west-1a$/],
  ["one subnet", (r) => r.network.privateSubnets.pop(), /^network\.privateSubnets: got \[\{.*\}\]; is not allowed; allowed: exactly 2 subnets, in two different Availability Zones of the Region$/],
  ["three subnets", (r) => r.network.privateSubnets.push({ cidr: "10.40.32.0/20", availabilityZone: "eu-west-1c" }), /^network\.privateSubnets: got .*; is not allowed; allowed: exactly 2 subnets/],
  ["the internet as a webserver client", (r) => (r.network.webserverIngressCidrs = ["0.0.0.0/0"]), /^network\.webserverIngressCidrs\[0\]: got "0\.0\.0\.0\/0"; must be a private network .*the UI is never opened to the internet$/],
  ["a public network as a webserver client", (r) => (r.network.webserverIngressCidrs = ["8.8.8.0/24"]), /^network\.webserverIngressCidrs\[0\]: got "8\.8\.8\.0\/24"; must be a private network/],
  // Encryption and storage
  ["a key deletion window KMS refuses", (r) => (r.encryption.keyDeletionWindowDays = 3), /^encryption\.keyDeletionWindowDays: got 3; is not allowed; allowed: 7 to 30$/],
  ["a bucket name with capitals and underscores", (r) => (r.storage = { dagBucketName: "my_dags" }), /^storage\.dagBucketName: got "my_dags"; may only hold lowercase letters, digits, '\.' and '-'$/],
  ["a bucket name that is too short", (r) => (r.storage = { dagBucketName: "ab" }), /^storage\.dagBucketName: got "ab"; is 2 characters long; S3 bucket names are 3 to 63 characters$/],
  ["a bucket name with a reserved prefix", (r) => (r.storage = { dagBucketName: "xn--dags" }), /^storage\.dagBucketName: got "xn--dags"; must not start with the reserved prefix 'xn--'$/],
  // State
  ["an unknown state backend", (r) => (r.state = { backend: "gcs" }), /^state\.backend: got "gcs"; is not allowed; allowed: s3 or hcp$/],
  ["HCP Terraform without an organization", (r) => (r.state = { backend: "hcp" }), /^state\.organization: is required when state\.backend is hcp; set your HCP Terraform organization$/],
  ["an S3 setting with HCP Terraform", (r) => (r.state = { backend: "hcp", organization: "acme", bucketName: "b-state" }), /^state\.bucketName: got "b-state"; applies only to the s3 backend/],
  ["an HCP setting with S3 state", (r) => (r.state = { organization: "acme" }), /^state\.organization: got "acme"; applies only to the hcp backend/],
  ["an organization name with a space", (r) => (r.state = { backend: "hcp", organization: "acme data" }), /^state\.organization: got "acme data"; is not allowed; allowed: letters, digits, '-' and '_', up to 40 characters/],
  ["a state bucket name S3 refuses", (r) => (r.state = { bucketName: "state..bucket" }), /^state\.bucketName: got "state\.\.bucket"; must not hold two adjacent periods$/],
  ["a state bucket name with an underscore", (r) => (r.state = { bucketName: "state_bucket" }), /^state\.bucketName: got "state_bucket"; may only hold lowercase letters/],
  ["keeping no noncurrent state version", (r) => (r.state = { noncurrentVersionExpirationDays: 0 }), /^state\.noncurrentVersionExpirationDays: got 0; is not allowed; allowed: a whole number of at least 1$/],
  // Guardrail acknowledgements
  ["an acknowledgement of an unknown rule", (r) => (r.guardrails = { acknowledgements: [{ rule: "S3.NOPE", resource: "example-mwaa/log-groups/Task", reason: "a reviewed reason", expires: "2027-01-01" }] }), /^guardrails\.acknowledgements\[0\]\.rule: got "S3\.NOPE"; is not a guardrail rule; rules: MWAA\.CMK_ARN, /],
  ["an acknowledgement without a reason", (r) => (r.guardrails = { acknowledgements: [{ rule: "LOGS.RETENTION", resource: "example-mwaa/log-groups/Task", reason: "ok", expires: "2027-01-01" }] }), /^guardrails\.acknowledgements\[0\]\.reason: got "ok"; is not allowed; allowed: at least 10 characters$/],
  ["an acknowledgement with no expiry", (r) => (r.guardrails = { acknowledgements: [{ rule: "LOGS.RETENTION", resource: "example-mwaa/log-groups/Task", reason: "a reviewed reason" }] }), /^guardrails\.acknowledgements\[0\]\.expires: is required; allowed: a date, YYYY-MM-DD, at most MWAA_MAX_ACKNOWLEDGEMENT_DAYS days after/],
  ["an acknowledgement expiring on a day that does not exist", (r) => (r.guardrails = { acknowledgements: [{ rule: "LOGS.RETENTION", resource: "example-mwaa/log-groups/Task", reason: "a reviewed reason", expires: "2027-02-30" }] }), /^guardrails\.acknowledgements\[0\]\.expires: got "2027-02-30"; is not a calendar date$/],
  // Tags
  ["a missing mandatory tag", (r) => delete r.tags.CostCenter, /^tags\.CostCenter: is a mandatory tag; set a non-empty value \(mandatory tags: Owner, CostCenter, DataClassification\)$/],
  ["an empty mandatory tag", (r) => (r.tags.Owner = " "), /^tags\.Owner: got " "; is a mandatory tag; set a non-empty value/],
  ["a tag key with the reserved aws: prefix", (r) => (r.tags["aws:team"] = "x"), /^tags\.aws:team: got "aws:team"; must not start with the reserved prefix aws:$/],
  ["a tag the app sets itself", (r) => (r.tags.ManagedBy = "me"), /^tags\.ManagedBy: got "me"; is set by the app on every resource; remove it from the config$/],
  ["a tag value with a character AWS refuses", (r) => (r.tags.Team = "a|b"), /^tags\.Team: got "a\|b"; is not a valid tag value/],
  ["a non-string tag value", (r) => (r.tags.Team = 7), /^tags\.Team: got 7; must be a string; allowed: an object that holds at least Owner/],
];

describe("config validation", () => {
  it("accepts the example environment", () => {
    expect(problemsAfter(() => {})).toEqual([]);
  });

  it.each(BAD_INPUTS)("rejects %s with one message naming the field, the value and what is allowed", (_, edit, expected) => {
    const problems = problemsAfter(edit);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it("reports every problem of a file at once, field errors and cross-field errors alike", () => {
    const problems = problemsAfter((r) => {
      r.airflow.maxWorkers = "many";
      r.airflow.schedulers = 9;
      r.network.privateSubnets[1].cidr = "192.168.0.0/24";
      r.logging.retentionDays = 2;
      delete r.tags.Owner;
      r.extra = true;
    });
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual(
      ["airflow.maxWorkers", "airflow.schedulers", "extra", "logging.retentionDays", "network.privateSubnets[1].cidr", "tags.Owner"].sort(),
    );
  });

  it("rejects a name whose derived bucket names S3 reserves, saying which setting or rename fixes each", () => {
    const result = validateEnvironmentConfig(JSON.stringify({ ...exampleRaw(), name: "xn--data" }), "xn--data.json");
    expect(result).toEqual({
      ok: false,
      problems: [
        "storage.dagBucketName: the default name 'xn--data-dags-111122223333-eu-west-1' must not start with the reserved prefix 'xn--'; set storage.dagBucketName",
        "name: the default name 'xn--data-s3-logs-111122223333-eu-west-1' must not start with the reserved prefix 'xn--'; choose another environment name",
        "state.bucketName: the default name 'xn--data-tfstate-111122223333-eu-west-1' must not start with the reserved prefix 'xn--'; set state.bucketName",
        "name: the default name 'xn--data-tfstate-logs-111122223333-eu-west-1' must not start with the reserved prefix 'xn--'; choose another environment name",
      ],
    });
  });

  it("rejects a file that is not JSON, saying at which line and column and what was expected", () => {
    const result = validateEnvironmentConfig('{\n  "name": "example",\n}', "example.json");
    expect(result).toEqual({
      ok: false,
      problems: ["3:1: not valid JSON: expected a key in double quotes after ',', found '}' (JSON allows no ',' before a closing bracket)"],
    });
  });

  it("rejects a file that holds a list instead of an object", () => {
    expect(validateEnvironmentConfig("[]", "example.json")).toEqual({
      ok: false,
      problems: ["must hold one JSON object, the environment's settings"],
    });
  });
});

describe("config defaults", () => {
  const minimal = () => {
    const raw = exampleRaw();
    const { vpcCidr, privateSubnets } = raw.network;
    return { name: raw.name, account: raw.account, region: raw.region, network: { vpcCidr, privateSubnets }, tags: raw.tags };
  };

  it("fills a minimal file with private, logged, protected defaults", () => {
    const result = validateEnvironmentConfig(JSON.stringify(minimal()), "example.json");
    if (!result.ok) throw new Error(result.problems.join("\n"));
    expect(result.config).toMatchObject({
      protectFromDestroy: true,
      airflow: {
        version: "2.11.0",
        environmentClass: "mw1.small",
        schedulers: 2,
        minWorkers: 1,
        maxWorkers: 10,
        minWebservers: 2,
        maxWebservers: 2,
        webserverAccessMode: "PRIVATE_ONLY",
        dagS3Path: "dags",
        configurationOptions: {},
      },
      logging: { retentionDays: 365, levels: { task: "INFO", scheduler: "WARNING" } },
      network: { webserverIngressCidrs: [], flowLogRetentionDays: 365 },
      encryption: { keyDeletionWindowDays: 30 },
      storage: { dagBucketName: "example-dags-111122223333-eu-west-1" },
      state: {
        backend: "s3",
        bucketName: "example-tfstate-111122223333-eu-west-1",
        noncurrentVersionExpirationDays: 90,
        bootstrapStateInBucket: false,
      },
    });
    expect(result.config.airflow.weeklyMaintenanceWindowStart).toBeUndefined();
  });

  it("keeps the default maximum of workers within a lowered quota and above the minimum", () => {
    expect(exampleConfig((r) => (r.airflow = { workerQuota: 4 })).airflow.maxWorkers).toBe(4);
    expect(exampleConfig((r) => (r.airflow = { minWorkers: 12 })).airflow.maxWorkers).toBe(12);
  });

  it("derives bucket names S3 accepts from names with capitals and underscores", () => {
    const config = exampleConfig((r) => {
      r.name = "Data_Team";
    });
    expect(config.storage.dagBucketName).toBe("data-team-dags-111122223333-eu-west-1");
    expect(config.state).toMatchObject({ bucketName: "data-team-tfstate-111122223333-eu-west-1" });
  });

  it("fills HCP Terraform's host and workspace prefix", () => {
    expect(exampleConfig((r) => (r.state = { backend: "hcp", organization: "acme" })).state).toEqual({
      backend: "hcp",
      organization: "acme",
      workspacePrefix: "mwaa-",
      hostname: "app.terraform.io",
    });
  });
});

describe("loading the config folder", () => {
  const folderWith = (files: Record<string, unknown>) => {
    const dir = mkdtempSync(join(tmpdir(), "mwaa-config-"));
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
    }
    return dir;
  };
  const loadErrors = loadProblems;

  it("loads every environment file in name order", () => {
    const staging = { ...exampleRaw(), name: "staging" };
    const prod = { ...exampleRaw(), name: "prod" };
    const dir = folderWith({ "staging.json": staging, "prod.json": prod, "README.md": "not a config" });
    expect(loadEnvironmentConfigs(dir).map((c) => c.name)).toEqual(["prod", "staging"]);
  });

  it("prefixes every problem with the file it is in, across all files", () => {
    const dir = folderWith({
      "a.json": { ...exampleRaw(), name: "a", region: "nowhere" },
      "b.json": "{",
    });
    const problems = loadErrors(dir);
    expect(problems).toEqual([
      expect.stringMatching(/^a\.json: region: got "nowhere"/),
      "b.json:1:2: not valid JSON: expected a key in double quotes, or '}', found the end of the file",
    ]);
  });

  it("says how to start when the folder holds no environment file", () => {
    expect(loadErrors(folderWith({}))).toEqual([
      ". holds no <environment>.json file; copy config/example.json from the repository and edit it".replace(/^\. /, ".: "),
    ]);
  });

  it("says what is missing when the folder does not exist", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "mwaa-config-")), "absent");
    mkdirSync(join(dir, ".."), { recursive: true });
    expect(loadErrors(dir)).toEqual([expect.stringMatching(/: no such folder; create it with one <environment>\.json file per environment$/)]);
  });

  it("shows a key's line breaks and bidi controls escaped, so that it cannot forge or hide a problem line", () => {
    const dir = folderWith({ "example.json": { ...exampleRaw(), "x\n  - example.json: all good\u202e": 1 } });
    const problems = loadErrors(dir);
    expect(problems).toEqual([expect.stringMatching(/^example\.json: x\\n {2}- example\.json: all good\\u202E: got 1; is not a known setting; /)]);
    expect(problems[0]).not.toMatch(/[\n\u202e]/);
  });

  it("summarises the problems in the error message, one per line", () => {
    const dir = folderWith({ "a.json": { ...exampleRaw(), name: "a", account: "1" } });
    expect(() => loadEnvironmentConfigs(dir, dir)).toThrow(/^1 problem in the environment config:\n {2}- a\.json: account: got "1"/);
  });
});
