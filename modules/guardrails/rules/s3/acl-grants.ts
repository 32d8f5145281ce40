import { BucketSetting } from "../../bucket-parts";
import { Verdict } from "./judge-settings";

/**
 * What an ACL setting (aws_s3_bucket_acl, or the deprecated acl and grant arguments of
 * aws_s3_bucket) grants, read into one shape: `{ acl, grants: [{ type, uri, id, permissions }], ownerId }`.
 */

/** Canned ACLs that give everyone, or every AWS account, access. */
const PUBLIC_CANNED_ACLS = ["public-read", "public-read-write", "authenticated-read"];

/** Every canned ACL S3 knows (S3 user guide, "Canned ACL"): anything else cannot be read. */
const CANNED_ACLS = ["private", ...PUBLIC_CANNED_ACLS, "aws-exec-read", "bucket-owner-read", "bucket-owner-full-control", "log-delivery-write"];

/** Grantee groups that are everyone, or every AWS account (S3 user guide, "Access control list (ACL) overview"). */
const PUBLIC_GROUPS = ["/groups/global/AllUsers", "/groups/global/AuthenticatedUsers"];

interface Grant {
  readonly type?: string;
  readonly uri?: string;
  readonly id?: string;
  readonly permissions?: unknown;
}

const grantsOf = (setting: BucketSetting): Grant[] => setting.config.grants ?? [];

/** Whether the setting grants nothing beyond the bucket owner's own full control. */
export function ownerOnly(setting: BucketSetting): Verdict {
  const { acl, ownerId } = setting.config;
  const others = grantsOf(setting).filter(
    (g) => !(g.type === "CanonicalUser" && g.id !== undefined && g.id === ownerId && ([] as unknown[]).concat(g.permissions ?? []).every((p) => p === "FULL_CONTROL")),
  );
  const cannedOk = acl === undefined || acl === null || acl === "private";
  const found = [cannedOk ? undefined : `acl = ${acl}`, others.length > 0 ? `${others.length} grant(s) beyond the owner` : undefined].filter(Boolean);
  return { ok: found.length === 0, evidence: found.length === 0 ? "ACL private" : `${setting.from}: ${found.join(", ")}` };
}

/**
 * The public grants of the setting: a public canned ACL, grants to everyone or every AWS account,
 * and what cannot be read (an ACL or a grantee written as an expression), which may be either.
 */
export function publicGrants(setting: BucketSetting): string[] {
  const { acl } = setting.config;
  const unreadable = (value: unknown) => value !== undefined && value !== null && (typeof value !== "string" || value.includes("${"));
  return [
    ...(PUBLIC_CANNED_ACLS.includes(acl) ? [`acl = ${acl}`] : []),
    ...(acl !== undefined && acl !== null && !CANNED_ACLS.includes(acl) ? [`acl = ${JSON.stringify(acl)}, which cannot be read`] : []),
    ...grantsOf(setting)
      .filter((g) => typeof g.uri === "string" && PUBLIC_GROUPS.some((group) => g.uri!.endsWith(group)))
      .map((g) => `grant to ${g.uri}`),
    ...grantsOf(setting)
      .filter((g) => unreadable(g.uri) || unreadable(g.type) || unreadable(g.id))
      .map((g) => `grant to ${JSON.stringify(g.uri ?? g.id ?? g.type)}, which cannot be read`),
  ];
}
