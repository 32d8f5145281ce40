import { createHash } from "node:crypto";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { allowedUploads } from "../../../../config/airflow-artifacts";
import { mwaaArtifacts } from "../../../../modules/guardrails/rules/mwaa/artifacts";
import { s3Objects } from "../../../../modules/guardrails/rules/s3/objects";
import { SynthesizedStack } from "../../../../modules/guardrails/synthesized-stack";
import { exampleConfig, withAirflowFiles } from "../../../helpers/config-fixtures";
import { StackJson, synthEnvironment } from "../../../helpers/synth";

/*
 * S3.OBJECTS and MWAA.ARTIFACTS over the example's MWAA stack with the fixture's Airflow files,
 * judged as written: the stack's JSON, and the files in its folder.
 */

const config = withAirflowFiles(exampleConfig());
const synthesized = synthEnvironment(config);
const folder = join(synthesized.outdir, "stacks", "example-mwaa");
const mwaa = (): StackJson => JSON.parse(JSON.stringify(synthesized.mwaa));
const objectAt = (stack: StackJson, key: string) => Object.values<any>(stack.resource.aws_s3_object).find((o) => o.key === key);
const environmentOf = (stack: StackJson) => Object.values<any>(stack.resource.aws_mwaa_environment)[0];
/** The stack as the synth judges it: with its folder, and the uploads the environment's files allow. */
function judged(stack: StackJson): SynthesizedStack {
  const synthesizedStack = new SynthesizedStack("example-mwaa", stack, [], folder);
  synthesizedStack.allowedUploads = allowedUploads(config.artifacts!);
  return synthesizedStack;
}
const failures = (rule: typeof s3Objects, stack: StackJson) =>
  rule.evaluate(judged(stack)).filter((e) => !e.compliant).map((e) => `${e.resource}: ${e.evidence}`);

/** Writes `content` as a file of the stack's folder and points `key`'s object at it (hash matching). */
function uploadFrom(stack: StackJson, key: string, name: string, content: string) {
  mkdirSync(join(folder, "assets", "hostile"), { recursive: true });
  writeFileSync(join(folder, "assets", "hostile", name), content);
  const object = objectAt(stack, key);
  object.source = `assets/hostile/${name}`;
  object.source_hash = createHash("sha256").update(content).digest("hex");
}

describe("S3.OBJECTS", () => {
  it("passes the uploads the MWAA stack writes", () => {
    expect(failures(s3Objects, mwaa())).toEqual([]);
  });

  it.each([
    ["an absolute path", "/root/.aws/credentials"],
    ["a path out of the folder", "../../../../../../etc/passwd"],
    ["a home-relative path", "~/.aws/credentials"],
    ["an expression", "${path.module}/../x"],
  ])("fails a source that is %s: the plan would upload the planning machine's files", (_, source) => {
    const stack = mwaa();
    objectAt(stack, "startup.sh").source = source;
    expect(failures(s3Objects, stack)).toEqual([expect.stringMatching(/startup: source = .* is not a regular file inside the stack's folder/)]);
  });

  it("fails a source reached through a symbolic link inside the folder", () => {
    mkdirSync(join(folder, "assets", "linked"), { recursive: true });
    symlinkSync("/etc", join(folder, "assets", "linked", "etc"));
    const stack = mwaa();
    objectAt(stack, "startup.sh").source = "assets/linked/etc/hostname";
    expect(failures(s3Objects, stack)).toEqual([expect.stringMatching(/not a regular file inside the stack's folder/)]);
  });

  it("fails a file copied into the stack's folder from elsewhere, hash and all, and content written inline", () => {
    const stack = mwaa();
    uploadFrom(stack, "startup.sh", "passwd", "root:x:0:0:root:/root:/bin/bash\n");
    const requirements = objectAt(stack, "requirements.txt");
    delete requirements.source;
    delete requirements.source_hash;
    requirements.content = "--index-url https://pypi.org/simple\n";
    expect(failures(s3Objects, stack).sort()).toEqual([
      expect.stringMatching(/requirements: content set: the upload is not a file read from airflow\/<env>\//),
      expect.stringMatching(/startup: "startup.sh" with SHA-256 [0-9a-f]{16}\.\.\. is not a file of airflow\/<env>\/ as the synth read and validated it/),
    ]);
  });

  it("fails a validated file uploaded at another key (a requirements file as a DAG)", () => {
    const stack = mwaa();
    objectAt(stack, "dags/hello_private_network.py").key = "dags/other.py";
    expect(failures(s3Objects, stack)).toEqual([expect.stringMatching(/"dags\/other.py" with SHA-256 .* is not a file of airflow/)]);
  });

  it("fails a file changed after the synth hashed it", () => {
    const stack = mwaa();
    objectAt(stack, "startup.sh").source_hash = "0".repeat(64);
    expect(failures(s3Objects, stack)).toEqual([expect.stringMatching(/source_hash = "0{64}" is not the SHA-256 of assets\//)]);
  });

  it("fails an upload to a bucket that is not this stack's, a public ACL, SSE-S3 and another key", () => {
    const stack = mwaa();
    objectAt(stack, "startup.sh").bucket = "attacker-drop-bucket";
    objectAt(stack, "requirements.txt").acl = "public-read";
    objectAt(stack, "plugins.zip").server_side_encryption = "AES256";
    objectAt(stack, "dags/hello_private_network.py").kms_key_id = "arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    expect(failures(s3Objects, stack).sort()).toEqual([
      expect.stringMatching(/dag-dags-hello-private-network-py-[0-9a-f]{16}: kms_key_id = .* is not the ARN of a key of this stack or the environment's encryption\.keyArn/),
      expect.stringMatching(/plugins: server_side_encryption = "AES256" \(not KMS\)/),
      expect.stringMatching(/requirements: acl = "public-read"/),
      expect.stringMatching(/startup: bucket = "attacker-drop-bucket" is not a bucket of this stack/),
    ]);
  });
});

describe("S3.OBJECTS with a key the stacks do not own", () => {
  const KEY_ARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  const keyed = (kmsKeyId: string, environmentKeyArn?: string) => {
    const stack = mwaa();
    for (const object of Object.values<any>(stack.resource.aws_s3_object)) object.kms_key_id = kmsKeyId;
    return s3Objects.evaluate(Object.assign(judged(stack), { environmentKeyArn })).filter((e) => !e.compliant);
  };

  it("passes uploads encrypted with the environment's encryption.keyArn", () => {
    expect(keyed(KEY_ARN, KEY_ARN)).toEqual([]);
  });

  it("fails uploads encrypted with a key ARN of the account that the config does not name", () => {
    expect(keyed(KEY_ARN)).toHaveLength(4);
    expect(keyed("arn:aws:kms:eu-west-1:111122223333:key/0000abcd-12ab-34cd-56ef-1234567890ab", KEY_ARN)).toHaveLength(4);
  });
});

describe("MWAA.ARTIFACTS", () => {
  it("passes the environment the MWAA stack writes, and reads its requirements against its plugins.zip", () => {
    const evaluations = mwaaArtifacts.evaluate(judged(mwaa()));
    expect(evaluations.filter((e) => !e.compliant)).toEqual([]);
    expect(evaluations.map((e) => e.evidence)).toContainEqual("installs only pinned wheels from /usr/local/airflow/plugins");
  });

  it("fails a path with no pinned version, a version no stack uploaded, and a path that is not the pinned object's key", () => {
    const stack = mwaa();
    const environment = environmentOf(stack);
    delete environment.startup_script_s3_object_version;
    environment.plugins_s3_object_version = "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY";
    environment.requirements_s3_path = "other-requirements.txt";
    expect(failures(mwaaArtifacts, stack)).toEqual([
      expect.stringMatching(/\(requirements\): path "other-requirements.txt" is not the key of /),
      expect.stringMatching(/\(plugins\): version "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY" is not the version_id of an aws_s3_object of this stack/),
      expect.stringMatching(/\(startup script\): version null is not the version_id/),
    ]);
  });

  it("fails uploaded requirements that would reach PyPI, however the object was changed", () => {
    const stack = mwaa();
    uploadFrom(stack, "requirements.txt", "requirements.txt", "--index-url https://pypi.org/simple\nrequests==2.32.3\n");
    const found = failures(mwaaArtifacts, stack);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/\(requirements\): .*--no-index/);
  });

  it("fails requirements whose pinned package has no wheel in the uploaded plugins.zip", () => {
    const stack = mwaa();
    uploadFrom(stack, "requirements.txt", "pins.txt", "--no-index\n--find-links /usr/local/airflow/plugins\nrequests==2.32.3\n");
    expect(failures(mwaaArtifacts, stack)).toEqual([expect.stringMatching(/needs a wheel of requests 2\.32\.3 in plugins\//)]);
  });

  it("fails a plugins.zip it cannot read", () => {
    const stack = mwaa();
    uploadFrom(stack, "plugins.zip", "plugins.zip", "not a zip");
    expect(failures(mwaaArtifacts, stack)).toEqual([expect.stringMatching(/the archive of .*plugins cannot be read/)]);
  });
});
