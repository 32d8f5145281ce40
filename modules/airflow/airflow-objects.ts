import { S3Object } from "@cdktf/provider-aws/lib/s3-object";
import { AssetType, ITerraformDependable, TerraformAsset } from "cdktf";
import { Construct } from "constructs";
import { createHash } from "node:crypto";
import { AirflowArtifacts, AirflowObject } from "../../config/airflow-artifacts";
import { terraformLiteral } from "../terraform/template-syntax";

export interface AirflowObjectsProps {
  readonly artifacts: AirflowArtifacts;
  /** Name of the DAG bucket (a reference to the bucket of this stack). */
  readonly bucketName: string;
  /** The environment key: every object is SSE-KMS with it, whatever the bucket default says. */
  readonly kmsKeyArn: string;
  /** What must hold before the first upload: the bucket's versioning, encryption and access block. */
  readonly dependsOn: ITerraformDependable[];
}

/**
 * The environment's Airflow files as objects of its DAG bucket: each file is copied into the stack's
 * folder (cdktf's TerraformAsset, under `assets/`) and uploaded by an `aws_s3_object` whose
 * `source_hash` is the file's SHA-256, so a changed file is uploaded again and an unchanged one is
 * left alone. requirements.txt, plugins.zip and startup.sh expose their objects: the environment
 * pins their `version_id`, so a new version is what updates it.
 */
export class AirflowObjects extends Construct {
  readonly dags: S3Object[];
  readonly requirements?: S3Object;
  readonly plugins?: S3Object;
  readonly startup?: S3Object;

  constructor(scope: Construct, id: string, props: AirflowObjectsProps) {
    super(scope, id);
    const upload = (objectId: string, object: AirflowObject): S3Object => {
      const asset = new TerraformAsset(this, `${objectId}-file`, { path: object.file, type: AssetType.FILE, assetHash: object.sha256 });
      return new S3Object(this, objectId, {
        bucket: props.bucketName,
        // Names come from the pull request's file names: Terraform must read them literally.
        key: terraformLiteral(object.key),
        source: asset.path,
        sourceHash: object.sha256,
        serverSideEncryption: "aws:kms",
        kmsKeyId: props.kmsKeyArn,
        bucketKeyEnabled: true,
        dependsOn: props.dependsOn,
      });
    };
    const { artifacts } = props;
    this.dags = artifacts.dags.map((dag) => upload(dagObjectId(dag.key), dag));
    this.requirements = artifacts.requirements && upload("requirements", artifacts.requirements);
    this.plugins = artifacts.plugins && upload("plugins", artifacts.plugins);
    this.startup = artifacts.startup && upload("startup", artifacts.startup);
  }
}

/**
 * A DAG's construct id: readable, and stable while its key is (an id that moved with the file order
 * would make Terraform delete and upload unchanged DAGs). The hash (64 bits) keeps `a.py` and `a-py`, and paths that share their last 60 characters, apart.
 */
function dagObjectId(key: string): string {
  const readable = key.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(-60);
  return `dag-${readable}-${createHash("sha256").update(key).digest("hex").slice(0, 16)}`;
}
