import { fileInside } from "./file-inside";
import type { NetworkTeamNetwork } from "./network-team";
import { readPolicy, PolicyReading } from "./iam/policy-document";
import { blockKey, resourcePaths } from "./resource-paths";
import { PolicyStatement } from "./iam/policy-statement";
import { canonicalTerraform, TerraformDocument } from "./terraform-document";

/**
 * A read-only view of the Terraform configuration one stack wrote (`cdk.tf.json`, or `cdk.tf` read
 * back as JSON; overrides and escape hatches included), with the look-ups the rules share.
 */

export interface SynthResource {
  readonly type: string;
  readonly logicalId: string;
  /** Construct path, e.g. `example-mwaa/dag-bucket/bucket`: what findings name. */
  readonly path: string;
  readonly config: Record<string, any>;
}

export type { PolicyStatement } from "./iam/policy-statement";

/** `${type.name.attribute}`, the whole string: a reference to one resource's attribute. */
const WHOLE_REFERENCE = /^\$\{([a-z0-9_]+)\.([^.}\s]+)\.([a-z0-9_]+)\}$/;

export class SynthesizedStack {
  /** The configuration in canonical shape (see terraform-document.ts). */
  readonly json: TerraformDocument;

  /**
   * @param name the stack's name (its folder under `cdktf.out/stacks/`)
   * @param written the configuration as written, in either JSON form
   * @param foreignFiles Terraform files in the stack's working directory that this app did not
   *   write: Terraform loads them too, and no rule reads them
   * @param folder the stack's working directory as written (where Terraform resolves a resource's
   *   relative file paths); unknown for a stack judged from its configuration alone
   */
  constructor(
    readonly name: string,
    written: Record<string, any>,
    readonly foreignFiles: readonly string[] = [],
    private readonly folder?: string,
  ) {
    this.json = canonicalTerraform(written);
  }

  /**
   * The bytes of a file a resource names by a path relative to the stack's folder (an upload's
   * `source`), if it is a regular file inside that folder reached through no symbolic link and no
   * `..`: anything else (an absolute path, `~/.aws/credentials`, a link out) is undefined, and the
   * rules judge it unreadable.
   */
  stackFile(path: unknown): Buffer | undefined {
    return typeof path === "string" && this.folder !== undefined ? fileInside(this.folder, path) : undefined;
  }

  /**
   * The account of the environment the stack belongs to, from its config: what its providers must
   * pin. Set by the synth once it knows the owner (the stack is read back before); unset for a stack
   * outside every environment.
   */
  environmentAccount?: string;

  /**
   * What the environment's Airflow files may upload: each validated file's S3 key (as the stack
   * writes it) and SHA-256, from config/airflow-folder.ts. Set by the synth with the owner; empty
   * for a stack outside every environment or an environment without an `airflow/<env>/` folder.
   */
  allowedUploads: readonly { readonly key: string; readonly sha256: string }[] = [];

  /**
   * The key the environment's config names as its own when the stacks do not own it
   * (`encryption.keyArn`): the one literal key ARN the key rules accept. Set by the synth with the
   * owner; unset for a stack outside every environment or an environment whose stacks create its key.
   */
  environmentKeyArn?: string;

  /**
   * The roles the environment's config names as administrators of the keys the stacks create
   * (`encryption.keyAdministratorRoleArns`): beside the account root, the only principals a key
   * policy may give key administration. Set by the synth with the owner; empty otherwise.
   */
  keyAdministrators: readonly string[] = [];

  /**
   * The network team's VPC the environment's config declares (network.mode existing), on the
   * environment's network stack only. Set by the synth with the owner; unset for any other stack.
   */
  networkTeam?: NetworkTeamNetwork;

  private readonly byType = new Map<string, SynthResource[]>();
  private paths?: Map<string, string>;

  /** What findings call a resource or data source: its construct path when believable (resource-paths.ts). */
  pathOf(kind: "resource" | "data", type: string, name: string): string {
    this.paths ??= resourcePaths(this.name, this.json);
    return this.paths.get(blockKey(kind, type, name)) ?? `${this.name}/${kind === "data" ? "data." : ""}${type}.${name}`;
  }

  /** The resources of `type` (every rule asks; the list is built once per type). */
  resources(type: string): SynthResource[] {
    let found = this.byType.get(type);
    if (!found) {
      found = Object.entries<Record<string, any>>(this.json.resource?.[type] ?? {}).map(([logicalId, config]) => ({
        type,
        logicalId,
        path: this.pathOf("resource", type, logicalId),
        config,
      }));
      this.byType.set(type, found);
    }
    return found;
  }

  allResources(): SynthResource[] {
    return Object.keys(this.json.resource ?? {}).flatMap((type) => this.resources(type));
  }

  /** `${type.logicalId.attribute}`: how other resources reference `resource`. */
  static reference(resource: SynthResource, attribute: string): string {
    return `\${${resource.type}.${resource.logicalId}.${attribute}}`;
  }

  /**
   * The resource of this stack that a whole-string reference `${type.name.attribute}` names, with
   * the attribute; undefined for anything else. Written as `reference()` writes it, with no spaces:
   * the rules compare references as written, so one they would not match is not read either.
   */
  referenced(value: unknown): { readonly resource: SynthResource; readonly attribute: string } | undefined {
    const match = typeof value === "string" ? WHOLE_REFERENCE.exec(value) : null;
    const resource = match ? this.resources(match[1]).find((r) => r.logicalId === match[2]) : undefined;
    return resource && { resource, attribute: match![3] };
  }

  /** Resources of `type` whose `attribute` points at `target` (by reference or by literal value). */
  attachedTo(target: SynthResource, type: string, attribute: string, targetAttributes: string[], literal?: string): SynthResource[] {
    const refs = targetAttributes.map((a) => SynthesizedStack.reference(target, a));
    return this.resources(type).filter((r) => refs.includes(r.config[attribute]) || (literal !== undefined && r.config[attribute] === literal));
  }

  /** Resources of an S3 bucket sub-resource type configuring `bucket`. */
  bucketPart(bucket: SynthResource, type: string): SynthResource[] {
    return this.attachedTo(bucket, type, "bucket", ["id", "bucket"], bucket.config.bucket);
  }

  private readonly readings = new Map<unknown, PolicyReading>();

  /**
   * A policy argument (`policy`, `assume_role_policy`...) read into statements, or why it cannot be
   * read statically (see iam/policy-document.ts): what cannot be read is judged unverifiable.
   */
  readPolicy(policy: unknown): PolicyReading {
    let reading = this.readings.get(policy);
    if (!reading) {
      reading = readPolicy(this.json, policy);
      this.readings.set(policy, reading);
    }
    return reading;
  }

  /** The statements of a policy argument; undefined when it cannot be read statically. */
  policyStatements(policy: unknown): PolicyStatement[] | undefined {
    const reading = this.readPolicy(policy);
    return reading.readable ? reading.statements : undefined;
  }

  get backend(): { type: string; config: Record<string, any> } | undefined {
    const terraform = this.json.terraform ?? {};
    if (terraform.cloud) return { type: "cloud", config: terraform.cloud };
    const [type] = Object.keys(terraform.backend ?? {});
    return type ? { type, config: terraform.backend[type] } : undefined;
  }

  get awsProviders(): Record<string, any>[] {
    return this.json.provider?.aws ?? [];
  }
}
