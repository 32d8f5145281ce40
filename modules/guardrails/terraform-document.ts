/**
 * One Terraform configuration file, in one canonical shape whatever syntax or form wrote it.
 *
 * Terraform's JSON syntax lets every block level be an object or a list of objects (`"resource":
 * [{...}]`, `"aws_s3_bucket": {"x": [{...}]}`), and HCL read back as JSON (hcl2json) puts every
 * block in a list. Both forms reach Terraform, so the rules must read both: this folds the
 * top-level blocks into `resource[type][name]`, `data[type][name]`, `module[name]`,
 * `provider[name][]`, `output[name]`, `variable[name]`, `locals` and one `terraform` object whose
 * `backend[type]`, `cloud` and `required_providers` are plain objects. Nested blocks inside a
 * resource keep the form they were written in: read them with `block()` and `blocks()`.
 */

export type TerraformDocument = Record<string, any>;

const isObject = (value: unknown): value is Record<string, any> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A nested block written as an object or as a list of objects: its blocks, as a list. */
export function blocks(value: unknown): Record<string, any>[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

/** A nested block that Terraform allows once (`lifecycle`, `versioning_configuration`...). */
export function block(value: unknown): Record<string, any> | undefined {
  return blocks(value)[0];
}

/** The bodies of a block type with `labels` labels, with their labels, in written order. */
function labelled(value: unknown, labels: number, seen: string[] = []): { labels: string[]; body: Record<string, any> }[] {
  if (Array.isArray(value)) return value.flatMap((item) => labelled(item, labels, seen));
  if (!isObject(value)) return [];
  if (labels === 0) return [{ labels: seen, body: value }];
  return Object.entries(value)
    .filter(([key]) => key !== "//")
    .flatMap(([key, inner]) => labelled(inner, labels - 1, [...seen, key]));
}

/**
 * Two blocks with one address are an error Terraform reports; both are kept, the second under
 * `<name>#2`, so neither escapes the rules.
 */
function byAddress(entries: { labels: string[]; body: Record<string, any> }[]): Record<string, any> {
  const out: Record<string, any> = {};
  for (const { labels, body } of entries) {
    let target = out;
    for (const label of labels.slice(0, -1)) target = target[label] ??= {};
    const name = labels[labels.length - 1];
    let unique = name;
    for (let n = 2; unique in target; n++) unique = `${name}#${n}`;
    target[unique] = body;
  }
  return out;
}

const merged = (bodies: Record<string, any>[]) => Object.assign({}, ...bodies);

function terraformBlock(value: unknown): Record<string, any> {
  const bodies = labelled(value, 0).map((e) => e.body);
  const out: Record<string, any> = merged(bodies);
  const backends = bodies.flatMap((b) => labelled(b.backend, 1));
  if (backends.length > 0) out.backend = byAddress(backends);
  const clouds = bodies.flatMap((b) => labelled(b.cloud, 0)).map((e) => e.body);
  if (clouds.length > 0) out.cloud = merged(clouds);
  const providers = bodies.flatMap((b) => labelled(b.required_providers, 0)).map((e) => e.body);
  if (providers.length > 0) out.required_providers = merged(providers);
  return out;
}

/** Folds a configuration file's top-level blocks into the canonical shape. */
export function canonicalTerraform(raw: unknown): TerraformDocument {
  const doc: Record<string, any> = {};
  const tops = labelled(raw, 0).map((e) => e.body);
  const all = (key: string) => tops.filter((t) => key in t).map((t) => t[key]);
  for (const top of tops) {
    for (const key of Object.keys(top)) {
      if (!["resource", "data", "module", "provider", "output", "variable", "locals", "terraform"].includes(key)) {
        doc[key] = key === "//" ? top[key] : [...(doc[key] ?? []), ...blocks(top[key])];
      }
    }
  }
  for (const key of ["resource", "data"]) {
    const entries = all(key).flatMap((v) => labelled(v, 2));
    if (entries.length > 0) doc[key] = byAddress(entries);
  }
  for (const key of ["module", "output", "variable"]) {
    const entries = all(key).flatMap((v) => labelled(v, 1));
    if (entries.length > 0) doc[key] = byAddress(entries);
  }
  const providers = all("provider").flatMap((v) => labelled(v, 1));
  if (providers.length > 0) {
    doc.provider = {};
    for (const { labels, body } of providers) (doc.provider[labels[0]] ??= []).push(body);
  }
  const locals = all("locals").flatMap((v) => labelled(v, 0)).map((e) => e.body);
  if (locals.length > 0) doc.locals = merged(locals);
  const terraform = all("terraform");
  if (terraform.length > 0) doc.terraform = terraformBlock(terraform);
  return doc;
}
