import { createHash } from "node:crypto";
import { ownKeyArn } from "../../own-references";
import { check, Rule } from "../../rule";
import { SynthesizedStack, SynthResource } from "../../synthesized-stack";

/** Encryption an object may ask for: KMS (the bucket's CMK world), never SSE-S3 or a customer key. */
const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

export const s3Objects: Rule = {
  id: "S3.OBJECTS",
  title: "Uploads are the environment's validated Airflow files, into this stack's buckets, under a KMS key of this stack",
  evaluates:
    "every aws_s3_object: bucket (an aws_s3_bucket of this stack), source (a file inside the stack's folder, with source_hash its SHA-256, that is a file of airflow/<env>/ the synth validated, at its key; no inline content), acl (unset or private), server_side_encryption and kms_key_id (unset, or aws:kms with a key of this stack or the environment's encryption.keyArn)",
  sources: ["Project rule: what is judged is what is deployed", "Project rule: config is data, never code", "Playbook 1 (customer-managed KMS keys)"],
  explanation:
    "An aws_s3_object uploads a file from the machine that runs Terraform. With source pointing outside the stack's folder (an absolute path, ~/.aws/credentials, a link or a ../ path) a plan uploads that machine's secrets; sent to a bucket no rule judged, it hands the files to whoever owns that bucket. The file must be one the synth read from airflow/<env>/ and validated (requirements checked, names and links refused), uploaded at its own key and unchanged since (source_hash is its SHA-256): a file the code copies in from anywhere else, or content written inline, is not. An object that asks for SSE-S3 (AES256) or a key of no stack of this environment escapes the customer-managed key, and an ACL other than private asks to publish it.",
  fix: "Upload files from airflow/<env>/ (AirflowObjects does: the synth copies them into the stack's folder) to the DAG bucket by reference (aws_s3_bucket.<b>.bucket), with server_side_encryption aws:kms and kms_key_id the environment key's ARN, and no acl.",
  evaluate: (stack) =>
    stack.resources("aws_s3_object").map((object) => {
      const problems = [bucketProblem(stack, object), sourceProblem(stack, object), aclProblem(object), encryptionProblem(stack, object)].filter(
        (p): p is string => p !== undefined,
      );
      const bucket = stack.referenced(object.config.bucket)?.resource.path ?? "";
      return check(object.path, problems.length === 0, problems.length > 0 ? problems.join("; ") : `${object.config.key} into ${bucket}, a validated file of airflow/<env>/, ${object.config.server_side_encryption ?? "bucket default encryption"}`);
    }),
};

function bucketProblem(stack: SynthesizedStack, object: SynthResource): string | undefined {
  const target = stack.referenced(object.config.bucket);
  if (target?.resource.type === "aws_s3_bucket" && ["bucket", "id"].includes(target.attribute)) return undefined;
  return `bucket = ${JSON.stringify(object.config.bucket)} is not a bucket of this stack (by reference)`;
}

function sourceProblem(stack: SynthesizedStack, object: SynthResource): string | undefined {
  const { source, source_hash: sourceHash, key } = object.config;
  const inline = ["content", "content_base64"].filter((argument) => object.config[argument] !== undefined);
  if (inline.length > 0) return `${inline.join(" and ")} set: the upload is not a file read from airflow/<env>/`;
  if (source === undefined) return "no source: the upload is not a file read from airflow/<env>/";
  const bytes = stack.stackFile(source);
  if (bytes === undefined) {
    return `source = ${JSON.stringify(source)} is not a regular file inside the stack's folder (reached without a link, '..' or an absolute path)`;
  }
  const digest = createHash("sha256").update(bytes).digest("hex");
  if (sourceHash !== digest) return `source_hash = ${JSON.stringify(sourceHash ?? null)} is not the SHA-256 of ${source} (${digest})`;
  // The file must be one the synth read and validated from airflow/<env>/, at that key: a file the
  // code copied in from anywhere else (a TerraformAsset of /etc/passwd) is in the folder too.
  if (!stack.allowedUploads.some((upload) => upload.key === key && upload.sha256 === digest)) {
    return `${JSON.stringify(key)} with SHA-256 ${digest.slice(0, 16)}... is not a file of airflow/<env>/ as the synth read and validated it`;
  }
  return undefined;
}

function aclProblem(object: SynthResource): string | undefined {
  const acl = object.config.acl;
  return acl === undefined || acl === "private" ? undefined : `acl = ${JSON.stringify(acl)}`;
}

function encryptionProblem(stack: SynthesizedStack, object: SynthResource): string | undefined {
  const { server_side_encryption: algorithm, kms_key_id: key } = object.config;
  if (algorithm === undefined && key === undefined) return undefined;
  if (!KMS_ALGORITHMS.includes(algorithm)) return `server_side_encryption = ${JSON.stringify(algorithm ?? null)} (not KMS)`;
  // aws:kms without a key id asks S3 for the AWS-managed aws/s3 key, which no policy here governs.
  // A key of this stack by reference, or the environment's encryption.keyArn literally.
  const target = ownKeyArn(stack, key, { singleRegion: false });
  return target.judged ? undefined : `kms_key_id = ${JSON.stringify(key)} is not the ARN of a key of this stack or the environment's encryption.keyArn`;
}
