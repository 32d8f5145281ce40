import { inlineLifecycleRules, lifecycleConfigurationRules } from "./lifecycle-rules";
import { literalBool } from "./literal-bool";
import { resourceCopies } from "./resource-copies";
import { SynthesizedStack, SynthResource } from "./synthesized-stack";
import { block, blocks } from "./terraform-document";

/**
 * Every resource that sets a property of an S3 bucket, so that a rule judges them all.
 *
 * Since AWS provider 4 a bucket's policy, public access block, versioning, encryption, ownership,
 * access logging, ACL and lifecycle are separate resources, and the deprecated arguments of
 * aws_s3_bucket (policy, versioning, server_side_encryption_configuration, logging, acl, grant,
 * lifecycle_rule) still set them.
 * S3 keeps one of each per bucket: when two resources set the same one, whichever Terraform applies
 * last wins, so the one a reviewer read may not be the one deployed. And a part need not point at a
 * bucket of its own stack: its `bucket` can be a literal name, another stack's output or any
 * expression. Hence: the parts tied to a bucket are judged together (two of a kind fail), and every
 * other part is judged on its own settings, wherever it points.
 */

/** One setting of a bucket property, from a bucket-part resource or an inline argument. */
export interface BucketSetting {
  /** Construct path of the resource that writes it (the bucket itself for an inline argument). */
  readonly resource: string;
  /** How evidence names it. */
  readonly from: string;
  /** The `bucket` argument as written: a reference, a literal name or any expression. */
  readonly bucket: unknown;
  /** Its arguments, inline ones read into the shape of the separate resource. */
  readonly config: Record<string, any>;
  /** How many copies Terraform creates; undefined when count/for_each cannot be read. */
  readonly copies: number | undefined;
}

export type BucketProperty = "policy" | "publicAccessBlock" | "versioning" | "encryption" | "ownership" | "logging" | "acl" | "lifecycle";

interface PropertySource {
  /** The resource type that sets the property. */
  readonly type: string;
  /** The resource's arguments in the shape rules read (default: as written). */
  readonly read?: (config: Record<string, any>) => Record<string, any>;
  /** The deprecated inline argument of aws_s3_bucket that sets it too, in the same shape. */
  readonly inline?: (bucket: Record<string, any>) => Record<string, any> | undefined;
  /** Name of the inline argument, for evidence. */
  readonly inlineName?: string;
}

const set = (value: unknown) => value !== undefined && value !== null;

const SOURCES: Record<BucketProperty, PropertySource> = {
  policy: { type: "aws_s3_bucket_policy", inline: (b) => (set(b.policy) ? { policy: b.policy } : undefined), inlineName: "policy" },
  publicAccessBlock: { type: "aws_s3_bucket_public_access_block" },
  versioning: {
    type: "aws_s3_bucket_versioning",
    read: (c) => ({ status: block(c.versioning_configuration)?.status }),
    inline: (b) => {
      const versioning = block(b.versioning);
      if (!versioning) return undefined;
      const enabled = literalBool(versioning.enabled);
      if (enabled === "unreadable") return { status: `enabled = ${JSON.stringify(versioning.enabled)}, an expression known only at plan time` };
      return { status: enabled ? "Enabled" : "Suspended" };
    },
    inlineName: "versioning",
  },
  encryption: {
    type: "aws_s3_bucket_server_side_encryption_configuration",
    read: (c) => ({ rules: blocks(c.rule) }),
    inline: (b) => {
      const configuration = block(b.server_side_encryption_configuration);
      return configuration ? { rules: blocks(configuration.rule) } : undefined;
    },
    inlineName: "server_side_encryption_configuration",
  },
  ownership: { type: "aws_s3_bucket_ownership_controls", read: (c) => ({ objectOwnership: block(c.rule)?.object_ownership }) },
  logging: { type: "aws_s3_bucket_logging", inline: (b) => block(b.logging), inlineName: "logging" },
  acl: {
    type: "aws_s3_bucket_acl",
    read: (c) => ({
      acl: c.acl,
      grants: blocks(block(c.access_control_policy)?.grant).map((g) => ({ ...block(g.grantee), permissions: [g.permission] })),
      ownerId: block(block(c.access_control_policy)?.owner)?.id,
    }),
    inline: (b) => {
      const grants = blocks(b.grant);
      if (!set(b.acl) && grants.length === 0) return undefined;
      return { acl: b.acl, grants: grants.map((g) => ({ type: g.type, uri: g.uri, id: g.id, permissions: g.permissions })) };
    },
    inlineName: "acl/grant",
  },
  // Read as { reading: LifecycleReading } (see lifecycle-rules.ts): the two forms name their switch differently.
  lifecycle: {
    type: "aws_s3_bucket_lifecycle_configuration",
    read: (c) => ({ reading: lifecycleConfigurationRules(c) }),
    inline: (b) => {
      const reading = inlineLifecycleRules(b);
      return reading ? { reading } : undefined;
    },
    inlineName: "lifecycle_rule",
  },
};

export interface BucketSettings {
  /** Every bucket of the stack with the settings tied to it. */
  readonly buckets: { readonly bucket: SynthResource; readonly settings: BucketSetting[] }[];
  /** Parts of the property whose `bucket` is no bucket of this stack: each is judged on its own. */
  readonly untied: BucketSetting[];
}

/** Every setting of `property` in the stack, tied to its bucket or not. */
export function bucketSettings(stack: SynthesizedStack, property: BucketProperty): BucketSettings {
  const source = SOURCES[property];
  const read = source.read ?? ((c: Record<string, any>) => c);
  const fromResource = (part: SynthResource): BucketSetting => ({
    resource: part.path,
    from: `${part.type} ${part.path}`,
    bucket: part.config.bucket,
    config: read(part.config),
    copies: resourceCopies(part.config),
  });
  const tied = new Set<SynthResource>();
  const buckets = stack.resources("aws_s3_bucket").map((bucket) => {
    const parts = stack.bucketPart(bucket, source.type);
    parts.forEach((p) => tied.add(p));
    const inline = source.inline?.(bucket.config);
    const settings = parts.map(fromResource);
    if (inline) settings.unshift({ resource: bucket.path, from: `the ${source.inlineName} argument of ${bucket.path}`, bucket: bucket.config.bucket, config: inline, copies: 1 });
    return { bucket, settings };
  });
  const untied = stack.resources(source.type).filter((p) => !tied.has(p)).map(fromResource);
  return { buckets, untied };
}

/** What S3 keeps of a property's settings: nothing, the one setting, or a conflict. */
export type Outcome = { readonly kind: "none" } | { readonly kind: "one"; readonly setting: BucketSetting } | { readonly kind: "conflict"; readonly evidence: string };

/**
 * The setting S3 keeps when these are applied: the only deployed one, or a conflict when several
 * copies are deployed (the last applied wins) or when the rules cannot tell how many are.
 */
export function soleSetting(settings: readonly BucketSetting[]): Outcome {
  const unknown = settings.filter((s) => s.copies === undefined);
  if (unknown.length > 0) {
    return { kind: "conflict", evidence: `cannot tell how many copies count/for_each makes of ${unknown.map((s) => s.from).join(", ")}` };
  }
  const deployed = settings.filter((s) => (s.copies ?? 0) > 0);
  const copies = deployed.reduce((sum, s) => sum + (s.copies ?? 0), 0);
  if (copies === 0) return { kind: "none" };
  if (copies === 1) return { kind: "one", setting: deployed[0] };
  const sources = deployed.map((s) => (s.copies === 1 ? s.from : `${s.from} (${s.copies} copies)`));
  return { kind: "conflict", evidence: `${copies} settings of one kind (${sources.join("; ")}): S3 keeps only the last applied, which may not be the reviewed one` };
}

/**
 * The deployed settings among `settings` (copies > 0), or a conflict when the rules cannot tell how
 * many copies one of them makes. For properties judged setting by setting.
 */
export function deployedSettings(settings: readonly BucketSetting[]): { readonly settings: BucketSetting[] } | { readonly evidence: string } {
  const unknown = settings.filter((s) => s.copies === undefined);
  if (unknown.length > 0) return { evidence: `cannot tell how many copies count/for_each makes of ${unknown.map((s) => s.from).join(", ")}` };
  return { settings: settings.filter((s) => (s.copies ?? 0) > 0) };
}

/** Ways a logging setting names its target bucket that tie it to `bucket`. */
export function namesBucket(value: unknown, bucket: SynthResource): boolean {
  const refs = ["bucket", "id"].map((a) => SynthesizedStack.reference(bucket, a));
  return refs.includes(value as string) || (set(bucket.config.bucket) && value === bucket.config.bucket);
}
