import { Rule } from "../../../modules/guardrails/rule";
import { s3AccessLogging } from "../../../modules/guardrails/rules/s3/access-logging";
import { s3KmsEncryption } from "../../../modules/guardrails/rules/s3/kms-encryption";
import { s3NoPublicAllow } from "../../../modules/guardrails/rules/s3/no-public-allow";
import { s3OwnershipEnforced } from "../../../modules/guardrails/rules/s3/ownership-enforced";
import { s3PublicAccessBlock } from "../../../modules/guardrails/rules/s3/public-access-block";
import { s3TlsOnly } from "../../../modules/guardrails/rules/s3/tls-only";
import { s3Versioning } from "../../../modules/guardrails/rules/s3/versioning";
import { SynthesizedStack } from "../../../modules/guardrails/synthesized-stack";

const BUCKET = "${aws_s3_bucket.dags.id}";
const REMOTE = "${data.terraform_remote_state.other.outputs.bucket}";
const FLAGS = { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true };
const ANYONE = [{ type: "*", identifiers: ["*"] }];
const tlsDeny = (resources = ["${aws_s3_bucket.dags.arn}", "${aws_s3_bucket.dags.arn}/*"]) => ({
  sid: "DenyInsecureTransport",
  effect: "Deny",
  actions: ["s3:*"],
  resources,
  principals: ANYONE,
  condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
});
const publicRead = { Sid: "PublicRead", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::dags/*" };

/** One bucket with every property set once, by a separate resource, and compliant. */
function compliant(): Record<string, any> {
  return {
    provider: { aws: [{ region: "eu-west-1", allowed_account_ids: ["111122223333"] }] },
    data: { aws_iam_policy_document: { tls: { statement: [tlsDeny()] } } },
    resource: {
      aws_kms_key: { k: {} },
      aws_s3_bucket: { dags: { bucket: "dags" } },
      aws_s3_bucket_policy: { policy: { bucket: BUCKET, policy: "${data.aws_iam_policy_document.tls.json}" } },
      aws_s3_bucket_public_access_block: { block: { bucket: BUCKET, ...FLAGS } },
      aws_s3_bucket_versioning: { versioning: { bucket: BUCKET, versioning_configuration: { status: "Enabled" } } },
      aws_s3_bucket_server_side_encryption_configuration: {
        encryption: { bucket: BUCKET, rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: "${aws_kms_key.k.arn}" } }] },
      },
      aws_s3_bucket_ownership_controls: { ownership: { bucket: BUCKET, rule: { object_ownership: "BucketOwnerEnforced" } } },
      aws_s3_bucket_logging: { logging: { bucket: BUCKET, target_bucket: "log-bucket", target_prefix: "dags/" } },
    },
  };
}

/** `compliant()` after `edit`. */
function stack(edit: (written: Record<string, any>) => void = () => {}): Record<string, any> {
  const written = compliant();
  edit(written);
  return written;
}

const S3_RULES = [s3PublicAccessBlock, s3TlsOnly, s3NoPublicAllow, s3OwnershipEnforced, s3Versioning, s3KmsEncryption, s3AccessLogging];
/** The key the environment's config names (encryption.keyArn): the one literal key ARN the rules accept. */
const ENVIRONMENT_KEY_ARN = "arn:aws:kms:eu-west-1:111122223333:key/k";
const judged = (written: Record<string, any>) => Object.assign(new SynthesizedStack("s", written), { environmentKeyArn: ENVIRONMENT_KEY_ARN });
const judge = (rule: Rule, written: Record<string, any>) =>
  rule.evaluate(judged(written)).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`);
const failures = (rule: Rule, written: Record<string, any>) => judge(rule, written).filter((line) => line.startsWith("FAIL"));

describe("every setting of an S3 bucket counts", () => {
  it("passes a bucket whose every property is set once, by a compliant resource", () => {
    for (const rule of S3_RULES) expect(failures(rule, compliant())).toEqual([]);
  });

  describe("bucket policies", () => {
    it("fails a second bucket policy that allows public access, and the second policy itself", () => {
      const written = stack((w) => (w.resource.aws_s3_bucket_policy.second = { bucket: BUCKET, policy: JSON.stringify({ Statement: [publicRead] }) }));
      expect(failures(s3NoPublicAllow, written)).toEqual([
        "FAIL s/dags: aws_s3_bucket_policy s/second: Allow to anyone without a narrowing condition: PublicRead",
      ]);
      expect(failures(s3TlsOnly, written)).toEqual([
        "FAIL s/dags: 2 settings of one kind (aws_s3_bucket_policy s/policy; aws_s3_bucket_policy s/second): S3 keeps only the last applied, which may not be the reviewed one",
      ]);
    });

    it("reads the deprecated policy argument of aws_s3_bucket, alone or beside a policy resource", () => {
      const inlineOnly = stack((w) => {
        delete w.resource.aws_s3_bucket_policy;
        w.resource.aws_s3_bucket.dags.policy = "${data.aws_iam_policy_document.tls.json}";
      });
      expect(failures(s3TlsOnly, inlineOnly)).toEqual([]);
      const inlinePublic = stack((w) => (w.resource.aws_s3_bucket.dags.policy = JSON.stringify({ Statement: [publicRead] })));
      expect(failures(s3NoPublicAllow, inlinePublic)).toEqual(["FAIL s/dags: the policy argument of s/dags: Allow to anyone without a narrowing condition: PublicRead"]);
      expect(failures(s3TlsOnly, inlinePublic)[0]).toMatch(/^FAIL s\/dags: 2 settings of one kind \(the policy argument of s\/dags; aws_s3_bucket_policy s\/policy\)/);
    });

    it("fails a policy it cannot read, instead of finding nothing wrong in it", () => {
      const written = stack((w) => (w.resource.aws_s3_bucket_policy.policy.policy = '${jsonencode({Statement = [{Effect = "Allow", Principal = "*"}]})}'));
      expect(failures(s3NoPublicAllow, written)).toEqual([expect.stringContaining("FAIL s/dags: aws_s3_bucket_policy s/policy: the policy cannot be read")]);
      expect(failures(s3TlsOnly, written)).toEqual([expect.stringContaining("FAIL s/dags: aws_s3_bucket_policy s/policy: the policy cannot be read")]);
    });

    it("accepts an Allow to anyone only under a condition that narrows who calls", () => {
      const withCondition = (Condition: object, extra: object = {}) =>
        stack((w) => (w.resource.aws_s3_bucket.dags.policy = JSON.stringify({ Statement: [{ ...publicRead, Condition, ...extra }] })));
      const open = (written: Record<string, any>) => failures(s3NoPublicAllow, written).length > 0;
      expect(open(withCondition({ StringEquals: { "aws:SourceVpce": "vpce-0123" } }))).toBe(false);
      expect(open(withCondition({ StringLike: { "aws:PrincipalArn": "*" } }))).toBe(true);
      expect(open(withCondition({ StringNotEquals: { "aws:SourceVpce": "vpce-0123" } }))).toBe(true);
      expect(open(withCondition({ StringEqualsIfExists: { "aws:SourceVpce": "vpce-0123" } }))).toBe(true);
      expect(open(withCondition({ StringEquals: { "s3:prefix": "public/" } }))).toBe(true);
      expect(open(withCondition({}, { Principal: undefined, NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" } }))).toBe(true);
    });

    it("accepts only a TLS Deny that covers the bucket and its objects with no other condition", () => {
      expect(failures(s3TlsOnly, compliant())).toEqual([]);
      const otherBucket = stack((w) => (w.data.aws_iam_policy_document.tls.statement = [tlsDeny(["arn:aws:s3:::other", "arn:aws:s3:::other/*"])]));
      expect(failures(s3TlsOnly, otherBucket)).toEqual(["FAIL s/dags: no TLS-only Deny in the bucket policy"]);
      const narrowed = stack((w) => w.data.aws_iam_policy_document.tls.statement[0].condition.push({ test: "IpAddress", variable: "aws:SourceIp", values: ["203.0.113.0/24"] }));
      expect(failures(s3TlsOnly, narrowed)).toEqual(["FAIL s/dags: no TLS-only Deny in the bucket policy"]);
      const sparing = stack((w) => {
        const deny = w.data.aws_iam_policy_document.tls.statement[0];
        delete deny.principals;
        deny.not_principals = [{ type: "AWS", identifiers: ["arn:aws:iam::111122223333:role/plain-http"] }];
      });
      expect(failures(s3TlsOnly, sparing)).toEqual(["FAIL s/dags: no TLS-only Deny in the bucket policy"]);
    });
  });

  describe("public access blocks", () => {
    it("fails a second public access block with a flag false, naming both", () => {
      const written = stack((w) => (w.resource.aws_s3_bucket_public_access_block.second = { bucket: BUCKET, ...FLAGS, restrict_public_buckets: false }));
      expect(failures(s3PublicAccessBlock, written)).toEqual([
        "FAIL s/dags: 2 settings of one kind (aws_s3_bucket_public_access_block s/block; aws_s3_bucket_public_access_block s/second): S3 keeps only the last applied, which may not be the reviewed one",
      ]);
    });

    it("fails a second block even when it agrees: the reviewed one may not be the deployed one", () => {
      const written = stack((w) => (w.resource.aws_s3_bucket_public_access_block.second = { bucket: "dags", ...FLAGS }));
      expect(failures(s3PublicAccessBlock, written)).toHaveLength(1);
    });

    it("judges a block for a bucket of another stack on its own settings", () => {
      const off = stack((w) => (w.resource.aws_s3_bucket_public_access_block.remote = { bucket: REMOTE, ...FLAGS, block_public_policy: false }));
      expect(failures(s3PublicAccessBlock, off)).toEqual([
        `FAIL s/remote: sets a bucket this stack does not define (bucket = "${REMOTE}"), judged on its own; not true: block_public_policy`,
      ]);
      const on = stack((w) => (w.resource.aws_s3_bucket_public_access_block.remote = { bucket: REMOTE, ...FLAGS }));
      expect(judge(s3PublicAccessBlock, on)).toContain(`PASS s/remote: sets a bucket this stack does not define (bucket = "${REMOTE}"), judged on its own; all four flags true`);
    });

    it("counts a block's copies: none with count = 0, unknown with a count it cannot read", () => {
      const none = stack((w) => (w.resource.aws_s3_bucket_public_access_block.block.count = 0));
      expect(failures(s3PublicAccessBlock, none)).toEqual(["FAIL s/dags: no public access block"]);
      const unknown = stack((w) => (w.resource.aws_s3_bucket_public_access_block.block.count = "${var.copies}"));
      expect(failures(s3PublicAccessBlock, unknown)).toEqual(["FAIL s/dags: cannot tell how many copies count/for_each makes of aws_s3_bucket_public_access_block s/block"]);
    });
  });

  describe("versioning", () => {
    it("fails two versioning resources for one bucket, Enabled and Suspended", () => {
      const written = stack((w) => (w.resource.aws_s3_bucket_versioning.suspend = { bucket: BUCKET, versioning_configuration: { status: "Suspended" } }));
      expect(failures(s3Versioning, written)).toEqual([expect.stringMatching(/^FAIL s\/dags: 2 settings of one kind \(aws_s3_bucket_versioning s\/versioning; aws_s3_bucket_versioning s\/suspend\)/)]);
    });

    it("reads the deprecated versioning argument of aws_s3_bucket", () => {
      const inlineOnly = stack((w) => {
        delete w.resource.aws_s3_bucket_versioning;
        w.resource.aws_s3_bucket.dags.versioning = { enabled: true };
      });
      expect(judge(s3Versioning, inlineOnly)).toEqual(["PASS s/dags: versioning Enabled (set by the versioning argument of s/dags)"]);
      const both = stack((w) => (w.resource.aws_s3_bucket.dags.versioning = [{ enabled: false }]));
      expect(failures(s3Versioning, both)).toHaveLength(1);
    });
  });

  describe("default encryption", () => {
    it("passes SSE-KMS with a key of this stack or the environment's encryption.keyArn, and no other key", () => {
      const keyed = (kms_master_key_id: string) =>
        stack((w) => (w.resource.aws_s3_bucket_server_side_encryption_configuration.encryption.rule[0].apply_server_side_encryption_by_default.kms_master_key_id = kms_master_key_id));
      expect(failures(s3KmsEncryption, keyed("${aws_kms_key.k.arn}"))).toEqual([]);
      expect(failures(s3KmsEncryption, keyed(ENVIRONMENT_KEY_ARN))).toEqual([]);
      // The AWS-managed key lets every principal of the account that may read the bucket decrypt it.
      expect(failures(s3KmsEncryption, keyed("alias/aws/s3"))).toEqual([expect.stringMatching(/^FAIL s\/dags: sse_algorithm = aws:kms, key = alias\/aws\/s3: neither a key of this stack/)]);
      expect(failures(s3KmsEncryption, keyed("arn:aws:kms:eu-west-1:111122223333:key/other"))).toEqual([
        expect.stringMatching(/^FAIL s\/dags: .*key\/other: a literal key ARN that is not the environment's encryption\.keyArn/),
      ]);
    });

    it("fails an encryption resource that points at the bucket by its literal name", () => {
      const written = stack((w) => {
        w.resource.aws_s3_bucket_server_side_encryption_configuration.by_name = { bucket: "dags", rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }] };
      });
      expect(failures(s3KmsEncryption, written)).toEqual([
        expect.stringMatching(/^FAIL s\/dags: 2 settings of one kind \(aws_s3_bucket_server_side_encryption_configuration s\/encryption; aws_s3_bucket_server_side_encryption_configuration s\/by_name\)/),
      ]);
    });

    it("holds an encryption resource for a bucket of another stack to a KMS key", () => {
      const rule = (sse_algorithm: string) => [{ apply_server_side_encryption_by_default: { sse_algorithm, kms_master_key_id: sse_algorithm === "AES256" ? undefined : ENVIRONMENT_KEY_ARN } }];
      const sseS3 = stack((w) => (w.resource.aws_s3_bucket_server_side_encryption_configuration.remote = { bucket: REMOTE, rule: rule("AES256") }));
      expect(failures(s3KmsEncryption, sseS3)).toEqual([expect.stringMatching(/^FAIL s\/remote: sets a bucket this stack does not define .*sse_algorithm = AES256/)]);
      const kms = stack((w) => (w.resource.aws_s3_bucket_server_side_encryption_configuration.remote = { bucket: REMOTE, rule: rule("aws:kms") }));
      expect(failures(s3KmsEncryption, kms)).toEqual([]);
    });

    it("reads the deprecated server_side_encryption_configuration argument of aws_s3_bucket", () => {
      const written = stack((w) => {
        const separate = w.resource.aws_s3_bucket_server_side_encryption_configuration.encryption;
        delete w.resource.aws_s3_bucket_server_side_encryption_configuration;
        w.resource.aws_s3_bucket.dags.server_side_encryption_configuration = { rule: separate.rule[0] };
      });
      expect(failures(s3KmsEncryption, written)).toEqual([]);
      written.resource.aws_s3_bucket.dags.server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm = "AES256";
      expect(failures(s3KmsEncryption, written)).toHaveLength(1);
    });
  });

  describe("ACLs and ownership", () => {
    const allUsers = { access_control_policy: { owner: { id: "owner" }, grant: [{ grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" }, permission: "READ" }] } };

    it("fails an aws_s3_bucket_acl that grants everyone, as public and as contradicting BucketOwnerEnforced", () => {
      const written = stack((w) => (w.resource.aws_s3_bucket_acl = { acl: { bucket: BUCKET, ...allUsers } }));
      expect(failures(s3NoPublicAllow, written)).toEqual(["FAIL s/dags: aws_s3_bucket_acl s/acl: public ACL (grant to http://acs.amazonaws.com/groups/global/AllUsers)"]);
      expect(failures(s3OwnershipEnforced, written)).toEqual(["FAIL s/dags: object_ownership = BucketOwnerEnforced, contradicted by aws_s3_bucket_acl s/acl: 1 grant(s) beyond the owner"]);
    });

    it("fails the deprecated acl argument unless private", () => {
      const publicRead = stack((w) => (w.resource.aws_s3_bucket.dags.acl = "public-read"));
      expect(failures(s3NoPublicAllow, publicRead)).toHaveLength(1);
      expect(failures(s3OwnershipEnforced, publicRead)).toHaveLength(1);
      const computed = stack((w) => (w.resource.aws_s3_bucket.dags.acl = "${var.acl}"));
      expect(failures(s3NoPublicAllow, computed)).toEqual(['FAIL s/dags: the acl/grant argument of s/dags: public ACL (acl = "${var.acl}", which cannot be read)']);
      const private_ = stack((w) => (w.resource.aws_s3_bucket.dags.acl = "private"));
      expect(failures(s3NoPublicAllow, private_)).toEqual([]);
      expect(failures(s3OwnershipEnforced, private_)).toEqual([]);
    });

    it("judges an ACL for a bucket of another stack on its own", () => {
      const written = stack((w) => (w.resource.aws_s3_bucket_acl = { remote: { bucket: REMOTE, ...allUsers } }));
      expect(failures(s3NoPublicAllow, written)).toEqual([expect.stringMatching(/^FAIL s\/remote: sets a bucket this stack does not define/)]);
      expect(failures(s3OwnershipEnforced, written)).toEqual([expect.stringMatching(/^FAIL s\/remote: sets a bucket this stack does not define/)]);
    });
  });

  describe("access logging", () => {
    it("never takes a bucket MWAA reads its DAGs from for a log target, whatever logs into it", () => {
      const written = stack((w) => {
        w.resource.aws_mwaa_environment = { env: { source_bucket_arn: "${aws_s3_bucket.dags.arn}" } };
        w.resource.aws_s3_bucket_logging.into_dags = { bucket: "elsewhere", target_bucket: BUCKET };
        delete w.resource.aws_s3_bucket_logging.logging;
        w.resource.aws_s3_bucket_server_side_encryption_configuration.encryption.rule[0].apply_server_side_encryption_by_default = { sse_algorithm: "AES256" };
      });
      expect(failures(s3AccessLogging, written)).toEqual(["FAIL s/dags: no access logging"]);
      expect(failures(s3KmsEncryption, written)).toEqual([expect.stringMatching(/^FAIL s\/dags: sse_algorithm = AES256/)]);
    });

    it("fails the deprecated logging argument beside an aws_s3_bucket_logging", () => {
      const written = stack((w) => (w.resource.aws_s3_bucket.dags.logging = { target_bucket: "elsewhere" }));
      expect(failures(s3AccessLogging, written)).toEqual([expect.stringMatching(/^FAIL s\/dags: 2 settings of one kind \(the logging argument of s\/dags; aws_s3_bucket_logging s\/logging\)/)]);
    });
  });
});
