import { regionalService } from "../service-principals";
import { bucketAndObjectsArns } from "../../network/s3-endpoint-access";
import { allow, PolicyStatement } from "./policy-document";
import { environmentKey } from "./kms-keys";
import { DeployerScope } from "./scope";

/**
 * `aws_s3_object`s in the DAG bucket: the DAGs, requirements.txt, plugins.zip and startup.sh
 * (provider: internal/service/s3/object.go). Create and update: PutObject (through S3's upload
 * manager, so multipart parts and AbortMultipartUpload) with the tags as PutObjectTagging; read:
 * HeadObject (GetObject), GetObjectTagging; delete of an object in a versioned bucket: every
 * version (ListBucketVersions, DeleteObjectVersion). SSE-KMS by the bucket's default with the
 * environment key (environmentKey): GenerateDataKey to write, Decrypt for multipart uploads, only through S3.
 */
export function dagObjectStatements(scope: DeployerScope, dagBucketName: string): PolicyStatement[] {
  const [bucket, objects] = bucketAndObjectsArns(dagBucketName, scope.region);
  const key = environmentKey(scope);
  return [
    // Every key of the bucket: the artifacts folder decides which objects exist (DAGs under
    // dagS3Path, the others at the root), so no narrower key prefix holds them all.
    allow(
      "ManageDagBucketObjects",
      [
        "s3:PutObject",
        "s3:GetObject",
        "s3:AbortMultipartUpload",
        "s3:GetObjectTagging",
        "s3:PutObjectTagging",
        "s3:DeleteObjectTagging",
        "s3:DeleteObject",
        "s3:DeleteObjectVersion",
      ],
      [objects],
    ),
    allow("ListDagBucketVersions", ["s3:ListBucketVersions"], [bucket]),
    allow("EnvironmentKeyForDagObjects", ["kms:Decrypt", "kms:GenerateDataKey"], key.resources, {
      ...key.condition,
      StringEquals: { ...key.condition.StringEquals, "kms:ViaService": regionalService("s3", scope.region) },
    }),
  ];
}
