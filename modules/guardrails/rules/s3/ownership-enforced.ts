import { bucketSettings, deployedSettings } from "../../bucket-parts";
import { Rule } from "../../rule";
import { ownerOnly } from "./acl-grants";
import { judgeSoleSetting, judgeUntied } from "./judge-settings";

export const s3OwnershipEnforced: Rule = {
  id: "S3.ACLS_DISABLED",
  title: "Bucket ACLs are disabled (BucketOwnerEnforced)",
  evaluates: "every aws_s3_bucket_ownership_controls and ACL of every bucket: BucketOwnerEnforced, and no ACL contradicting it",
  sources: ["checkov CKV2_AWS_65", "Security Hub S3.12"],
  explanation:
    "With ACLs disabled only policies grant access, and every object belongs to the bucket's account. S3 keeps one ownership setting per bucket, so two fail; an ACL that grants anything beyond the owner (an aws_s3_bucket_acl, or the deprecated acl and grant arguments of aws_s3_bucket) contradicts it and fails too, as does any such part pointing at a bucket outside the stack.",
  fix: "Keep exactly one aws_s3_bucket_ownership_controls per bucket, with object_ownership BucketOwnerEnforced, and no ACL beyond private (EncryptedBucket does).",
  evaluate: (stack) => {
    const acls = bucketSettings(stack, "acl");
    const aclsOf = new Map(acls.buckets.map((b) => [b.bucket, b.settings]));
    return [
      ...judgeSoleSetting(stack, "ownership", {
        missing: "object_ownership = unset",
        judge: ({ config }, bucket) => {
          const ownership = `object_ownership = ${config.objectOwnership ?? "unset"}`;
          if (config.objectOwnership !== "BucketOwnerEnforced") return { ok: false, evidence: ownership };
          const deployed = deployedSettings(bucket ? (aclsOf.get(bucket) ?? []) : []);
          if ("evidence" in deployed) return { ok: false, evidence: `${ownership}, but ${deployed.evidence}` };
          const contradicting = deployed.settings.map(ownerOnly).filter((v) => !v.ok);
          return contradicting.length === 0
            ? { ok: true, evidence: ownership }
            : { ok: false, evidence: `${ownership}, contradicted by ${contradicting.map((v) => v.evidence).join("; ")}` };
        },
      }),
      ...judgeUntied(acls.untied, ownerOnly),
    ];
  },
};
