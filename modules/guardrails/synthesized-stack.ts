import { blocks, canonicalTerraform, TerraformDocument } from "./terraform-document";

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

export interface PolicyStatement {
  readonly sid?: string;
  readonly effect?: string;
  readonly actions?: string[];
  readonly not_actions?: string[];
  readonly resources?: string[];
  readonly principals?: { type: string; identifiers: string[] }[];
  readonly condition?: { test: string; variable: string; values: string[] }[];
}

export class SynthesizedStack {
  /** The configuration in canonical shape (see terraform-document.ts). */
  readonly json: TerraformDocument;

  /**
   * @param name the stack's name (its folder under `cdktf.out/stacks/`)
   * @param written the configuration as written, in either JSON form
   * @param foreignFiles Terraform files in the stack's working directory that this app did not
   *   write: Terraform loads them too, and no rule reads them
   */
  constructor(
    readonly name: string,
    written: Record<string, any>,
    readonly foreignFiles: readonly string[] = [],
  ) {
    this.json = canonicalTerraform(written);
  }

  private readonly byType = new Map<string, SynthResource[]>();

  /** The resources of `type` (every rule asks; the list is built once per type). */
  resources(type: string): SynthResource[] {
    let found = this.byType.get(type);
    if (!found) {
      found = Object.entries<Record<string, any>>(this.json.resource?.[type] ?? {}).map(([logicalId, config]) => ({
        type,
        logicalId,
        path: config["//"]?.metadata?.path ?? `${this.name}/${logicalId}`,
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

  /** Resources of `type` whose `attribute` points at `target` (by reference or by literal value). */
  attachedTo(target: SynthResource, type: string, attribute: string, targetAttributes: string[], literal?: string): SynthResource[] {
    const refs = targetAttributes.map((a) => SynthesizedStack.reference(target, a));
    return this.resources(type).filter((r) => refs.includes(r.config[attribute]) || (literal !== undefined && r.config[attribute] === literal));
  }

  /** Resources of an S3 bucket sub-resource type configuring `bucket`. */
  bucketPart(bucket: SynthResource, type: string): SynthResource[] {
    return this.attachedTo(bucket, type, "bucket", ["id", "bucket"], bucket.config.bucket);
  }

  /**
   * Statements of a policy attribute: a `${data.aws_iam_policy_document.X.json}` reference is read
   * from the data source; literal JSON text is parsed. Undefined when neither.
   */
  policyStatements(policy: unknown): PolicyStatement[] | undefined {
    if (typeof policy !== "string") return undefined;
    const match = /^\$\{data\.aws_iam_policy_document\.([^.}]+)\.json\}$/.exec(policy);
    if (match) return blocks(this.json.data?.aws_iam_policy_document?.[match[1]]?.statement).map(documentStatement);
    try {
      return normalizePolicyJson(JSON.parse(policy));
    } catch {
      return undefined;
    }
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

/** A statement block of an `aws_iam_policy_document`, its nested blocks as lists. */
function documentStatement(s: Record<string, any>): PolicyStatement {
  return { ...s, principals: s.principals === undefined ? undefined : blocks(s.principals) as any, condition: s.condition === undefined ? undefined : blocks(s.condition) as any };
}

const list = (v: unknown): string[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v as string]);

/** A policy written as JSON text, in the shape of policy-document statements. */
function normalizePolicyJson(doc: any): PolicyStatement[] {
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  return statements.map((s: any) => ({
    sid: s.Sid,
    effect: s.Effect,
    actions: list(s.Action),
    not_actions: list(s.NotAction),
    resources: list(s.Resource),
    principals:
      s.Principal === undefined
        ? undefined
        : s.Principal === "*"
          ? [{ type: "*", identifiers: ["*"] }]
          : Object.entries(s.Principal).map(([type, ids]) => ({ type, identifiers: list(ids)! })),
    condition: Object.entries(s.Condition ?? {}).flatMap(([test, vars]: [string, any]) =>
      Object.entries(vars).map(([variable, values]) => ({ test, variable, values: list(values)! })),
    ),
  }));
}
