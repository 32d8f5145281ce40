// Maintenance script: reads, from the AWS provider's Go source at one revision, which arguments of
// each resource type force Terraform to destroy and recreate the resource, and writes
// modules/review/replacement-arguments.ts. The review flags a change to one of them on a stateful
// resource as destroying it; the table comes from the source so that it is not written from memory.
//
//   node scripts/extract-replacement-arguments.js --git-dir <dir> --revision <tag or commit> [--layout provider|index]
//
// --layout provider (the default) reads a clone of hashicorp/terraform-provider-aws
//   (internal/service/<package>/*.go).
// --layout index reads a clone of lonegunmanb/terraform-provider-aws-index, whose tag vX.Y.Z holds the
//   provider's internal/ tree at the provider's own tag vX.Y.Z, one file per Go function, method, type
//   or var (index/internal/<package>/func.<name>.goindex). A clone of the provider is about 900 MB; the
//   index is a few MB.
//
// What forces replacement, and where the script finds it:
// - SDKv2 resources: `ForceNew: true` on an argument of the schema map, through nested blocks
//   (`Elem: &schema.Resource{Schema: ...}`, or a function returning one); conditionally, the keys
//   `customdiff.ForceNewIf`, `customdiff.ForceNewIfChange` and `d.ForceNew` name in the CustomizeDiff
//   and the functions it calls.
// - Plugin-framework resources: a `RequiresReplace()` plan modifier (unconditional), the
//   `RequiresReplaceIf...` ones (conditional), and `RequiresReplace` set in a ModifyPlan method.
// - Both: the top-level `region` argument the provider injects into every regional resource, which
//   forces replacement when the Region changes (internal/provider/{sdkv2,framework}).
// A condition is written in words by hand (CONDITIONS below); what the script cannot read (a loop
// over a schema, a path computed at run time) is a hand-checked entry (HAND_CHECKED) naming the Go
// symbol it stands for. Anything else the script cannot read stops it: it never writes a table that
// silently misses an argument.
"use strict";
const { execFileSync } = require("node:child_process");
const { readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const ROOT = join(__dirname, "..");
const OUTPUT = "modules/review/replacement-arguments.ts";
const SCRIPT = "scripts/extract-replacement-arguments.js";
const PROVIDER_MODULE = "github.com/hashicorp/terraform-provider-aws/";

/**
 * A condition, in plain words, for each conditional replacement the script finds, by
 * `<type> <path>`; `*` stands for every type (the injected `region`). Read in the Go source it is found in.
 */
const LOAD_BALANCER_CONDITIONS = {
  subnet_mapping: "when a subnet mapping already in place changes, or, for a network load balancer, one is removed (adding mappings is an update)",
  subnets: "for a network load balancer, when subnets are removed or swapped rather than only added",
  security_groups: "for a network load balancer, when they go from none to some or from some to none",
  secondary_ips_auto_assigned_per_subnet: "for a network load balancer, when it decreases",
};
const USER_DATA = "when user_data_replace_on_change is true";
const CONDITIONS = {
  "* region": "when the Region it is managed in changes (a change between unset and the provider's own Region does not count)",
  ...Object.fromEntries(["aws_lb", "aws_alb"].flatMap((type) => Object.entries(LOAD_BALANCER_CONDITIONS).map(([path, when]) => [`${type} ${path}`, when]))),
  "aws_dynamodb_table restore_source_name": "when changed to another non-empty value (clearing it does not replace)",
  "aws_dynamodb_table restore_source_table_arn": "when changed to another non-empty value (clearing it does not replace)",
  "aws_dynamodb_table warm_throughput.read_units_per_second": "when lowered (warm throughput only rises in place)",
  "aws_dynamodb_table warm_throughput.write_units_per_second": "when lowered (warm throughput only rises in place)",
  "aws_elb subnets": "when every current subnet is removed",
  "aws_instance enable_primary_ipv6": "when turned off (turning it on is an update)",
  "aws_instance instance_type": "when the new type shares no processor architecture with the old one",
  "aws_instance ipv6_addresses": "when changed by hand rather than through a new ipv6_address_count",
  "aws_instance launch_template.version": "when it resolves to another launch template version than the one the instance runs",
  "aws_instance user_data": USER_DATA,
  "aws_instance user_data_base64": USER_DATA,
  "aws_mwaa_environment airflow_version": "when the major Airflow version rises (for example 2.x to 3.x); a minor upgrade is made in place",
  "aws_nat_gateway secondary_private_ip_address_count": "for a private NAT gateway, when changed to a value set in the configuration",
  // The provider marks the computed regional_nat_gateway_auto_mode; what a person changes is the address list.
  "aws_nat_gateway regional_nat_gateway_auto_mode": { path: "availability_zone_address", when: "for a regional NAT gateway, when the list goes from empty to set or from set to empty" },
  ...Object.fromEntries(["appliance_mode_support", "dns_support", "ipv6_support", "security_group_referencing_support"].map((option) => [`aws_networkmanager_vpc_attachment options.${option}`, "while the attachment is pending acceptance"])),
  "aws_rds_cluster storage_type": "when the engine is not Aurora (Aurora changes it in place)",
  "aws_vpc instance_tenancy": "unless it changes from dedicated to default",
};

/**
 * Replacement the script cannot read by itself, checked by hand in the Go source. `symbol` is the Go
 * function or method the entry stands for (the script fails when it is gone or no longer holds `holds`);
 * `source` cites the provider file and line at v6.25.0.
 */
const HAND_CHECKED = {
  "ec2 resourceSpotInstanceRequest": {
    holds: "x.ForceNew = true",
    source: "internal/service/ec2/ec2_spot_instance_request.go, resourceSpotInstanceRequest: `for k, v := range s` sets ForceNew on every configurable argument of aws_instance but tags, tags_all and volume_tags",
    // The loop runs over aws_instance's top-level arguments before the spot-only ones are added.
    loop: { forceNewEveryArgumentExcept: ["tags", "tags_all", "volume_tags"] },
  },
  "ec2 securityGroupRuleResource.ModifyPlan": {
    holds: "response.RequiresReplace = []path.Path{path.Root(old), path.Root(new)}",
    source: "internal/service/ec2/vpc_security_group_ingress_rule.go, securityGroupRuleResource.ModifyPlan and sourceAttributeName: a rule whose source changes kind is replaced",
    paths: ["cidr_ipv4", "cidr_ipv6", "prefix_list_id", "referenced_security_group_id"],
    when: "when the rule's source changes kind (for example from cidr_ipv4 to prefix_list_id); a new value of the same kind is an update",
  },
};

// ---------------------------------------------------------------------------------------------
// Reading the source at one revision

function git(gitDir, args) {
  return execFileSync("git", ["--git-dir", gitDir, ...args], { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "pipe"] });
}

/** A piece of Go source: the declaration of one symbol, in the text of the file that holds it. */
class Symbol {
  constructor({ text, file, pkg, name, start, end }) {
    Object.assign(this, { text, file, pkg, name, start, end });
    this.imports = parseImports(text);
  }
  get span() {
    return new Span(this, this.start, this.end);
  }
  line(offset) {
    let line = 1;
    for (let i = 0; i < offset; i++) if (this.text.charCodeAt(i) === 10) line++;
    return line;
  }
}

/** `alias -> package` for the provider's own packages a file imports (e.g. `tftags -> internal/tags`). */
function parseImports(text) {
  const imports = {};
  const block = /^import\s*\(([\s\S]*?)^\)/m.exec(text);
  const lines = block ? block[1].split("\n") : (/^import\s+(.*)$/m.exec(text) ?? [, ""])[1].split("\n");
  for (const line of lines) {
    const m = /^\s*(?:([\w.]+)\s+)?"([^"]+)"/.exec(line);
    if (!m || !m[2].startsWith(PROVIDER_MODULE)) continue;
    const path = m[2].slice(PROVIDER_MODULE.length);
    imports[m[1] ?? path.split("/").at(-1)] = path;
  }
  return imports;
}

/** hashicorp/terraform-provider-aws itself: a package is a folder of .go files. */
class ProviderLayout {
  constructor(gitDir, revision) {
    Object.assign(this, { gitDir, revision, files: new Map() });
  }
  describe() {
    return "hashicorp/terraform-provider-aws";
  }
  packageFiles(pkg) {
    if (!this.files.has(pkg)) {
      let names = [];
      try {
        names = git(this.gitDir, ["ls-tree", "--name-only", this.revision, `${pkg}/`]).split("\n");
      } catch {
        // no such package at this revision
      }
      this.files.set(
        pkg,
        names.filter((n) => n.endsWith(".go") && !n.endsWith("_test.go")).map((file) => ({ file, text: git(this.gitDir, ["show", `${this.revision}:${file}`]) })),
      );
    }
    return this.files.get(pkg);
  }
  /** kind: func | method (name `Type.Method`) | type | var (var or const). */
  symbol(pkg, kind, name) {
    const [type, method] = name.split(".");
    const pattern = {
      func: new RegExp(`^func ${name}(\\[[^\\]]*\\])?\\(`, "m"),
      method: new RegExp(`^func \\(\\w+ \\*?${type}(\\[[^\\]]*\\])?\\) ${method}\\(`, "m"),
      type: new RegExp(`^type ${name}\\b`, "m"),
      var: new RegExp(`^(?:(?:var|const) ${name}\\b|\\t${name}\\s*(?:[\\w.*\\[\\]]+\\s*)?=)`, "m"),
    }[kind];
    for (const { file, text } of this.packageFiles(pkg)) {
      const m = pattern.exec(text);
      if (m) return new Symbol({ text, file, pkg, name, start: m.index, end: declarationEnd(text, m.index, kind) });
    }
    return undefined;
  }
  registrations() {
    const hits = git(this.gitDir, ["grep", "-l", "-E", "TypeName: +\"aws_", this.revision, "--", "internal/service/*/service_package_gen.go"]);
    return hits.split("\n").filter(Boolean).map((hit) => hit.slice(this.revision.length + 1).replace(/\/service_package_gen\.go$/, ""));
  }
}

/** lonegunmanb/terraform-provider-aws-index: index/<package>/<kind>.<name>.goindex, one symbol a file. */
class IndexLayout {
  constructor(gitDir, revision) {
    Object.assign(this, { gitDir, revision, cache: new Map() });
  }
  describe() {
    return "hashicorp/terraform-provider-aws internal/, as indexed function by function in lonegunmanb/terraform-provider-aws-index";
  }
  symbol(pkg, kind, name) {
    const file = `index/${pkg}/${kind}.${name}.goindex`;
    if (!this.cache.has(file)) {
      let text;
      try {
        text = git(this.gitDir, ["show", `${this.revision}:${file}`]);
      } catch {
        text = undefined;
      }
      this.cache.set(file, text);
    }
    const text = this.cache.get(file);
    if (text === undefined) return undefined;
    // The file is `package ...`, the imports, then the declaration (a const or var in a block has no keyword).
    const afterImports = text.search(/^(func|type|var|const) |^\t?\w+\s*(?:[\w.*[\]]+\s*)?=/m);
    const start = afterImports < 0 ? 0 : afterImports;
    return new Symbol({ text, file, pkg, name, start, end: text.length });
  }
  registrations() {
    const hits = git(this.gitDir, ["grep", "-l", "-E", "TypeName: +\"aws_", this.revision, "--", "index/internal/service/*/method.servicePackage.*Resources.goindex"]);
    return [...new Set(hits.split("\n").filter(Boolean).map((hit) => hit.slice(this.revision.length + 1).replace(/^index\//, "").replace(/\/[^/]+$/, "")))];
  }
}

// ---------------------------------------------------------------------------------------------
// Go text: brackets, strings and comments

/** The index just past a string, rune or comment that starts at `i`, or `i` when none does. */
function skipLiteral(text, i) {
  const c = text[i];
  if (c === '"' || c === "'") {
    let j = i + 1;
    while (j < text.length && text[j] !== c) j += text[j] === "\\" ? 2 : 1;
    return j + 1;
  }
  if (c === "`") return text.indexOf("`", i + 1) + 1;
  if (c === "/" && text[i + 1] === "/") {
    const j = text.indexOf("\n", i);
    return j < 0 ? text.length : j;
  }
  if (c === "/" && text[i + 1] === "*") return text.indexOf("*/", i + 2) + 2;
  return i;
}

/** The index of the bracket closing the one at `open`. */
function closing(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; ) {
    const j = skipLiteral(text, i);
    if (j !== i) {
      i = j;
      continue;
    }
    if ("{([".includes(text[i])) depth++;
    else if ("})]".includes(text[i]) && --depth === 0) return i;
    i++;
  }
  throw new Error(`unbalanced bracket at offset ${open}`);
}

/** The first `{` outside brackets, strings and comments from `from` on (a function's body, a struct's fields). */
function firstTopLevelBrace(text, from) {
  let depth = 0;
  for (let i = from; i < text.length; ) {
    const j = skipLiteral(text, i);
    if (j !== i) {
      i = j;
      continue;
    }
    if (text[i] === "{" && depth === 0) return i;
    if ("([".includes(text[i])) depth++;
    else if (")]".includes(text[i])) depth--;
    i++;
  }
  return -1;
}

function declarationEnd(text, start, kind) {
  if (kind === "var") {
    const eol = text.indexOf("\n", start);
    const brace = firstTopLevelBrace(text, start);
    // A var whose value is a function literal or composite runs to its closing bracket.
    if (brace >= 0 && brace < eol) return closing(text, brace) + 1;
    const paren = text.indexOf("(", start);
    if (paren >= 0 && paren < eol) return closing(text, paren) + 1;
    return eol < 0 ? text.length : eol;
  }
  const brace = firstTopLevelBrace(text, start);
  const eol = text.indexOf("\n", start);
  if (kind === "type" && (brace < 0 || brace > eol)) return eol;
  return closing(text, brace) + 1;
}

/** A slice of a symbol's text, which knows its line for citations. */
class Span {
  constructor(symbol, start, end) {
    Object.assign(this, { symbol, start, end });
  }
  get text() {
    return this.symbol.text.slice(this.start, this.end);
  }
  slice(from, to = this.end - this.start) {
    return new Span(this.symbol, this.start + from, this.start + to);
  }
  /** Without the whitespace and comments around it. */
  trim() {
    const text = this.text;
    let a = 0;
    for (;;) {
      while (a < text.length && /\s/.test(text[a])) a++;
      if (text.startsWith("//", a) || text.startsWith("/*", a)) a = skipLiteral(text, a);
      else break;
    }
    let b = text.length;
    while (b > a && /\s/.test(text[b - 1])) b--;
    return this.slice(a, b);
  }
  where(offset = 0) {
    return `${this.symbol.file}:${this.symbol.line(this.start + offset)}`;
  }
  /** The text between the braces that follow the first match of `pattern` (a RegExp ending before `{`). */
  braced(pattern) {
    const m = pattern.exec(this.text);
    if (!m) return undefined;
    const open = this.text.indexOf("{", m.index + m[0].length - 1);
    return this.slice(open + 1, closing(this.text, open));
  }
  /** The parts between top-level separators, trimmed, the empty ones left out. */
  split(separators) {
    const text = this.text;
    const parts = [];
    let depth = 0;
    let from = 0;
    for (let i = 0; i < text.length; ) {
      const j = skipLiteral(text, i);
      if (j !== i) {
        i = j;
        continue;
      }
      if ("{([".includes(text[i])) depth++;
      else if ("})]".includes(text[i])) depth--;
      else if (depth === 0 && separators.includes(text[i])) {
        parts.push(this.slice(from, i));
        from = i + 1;
      }
      i++;
    }
    parts.push(this.slice(from));
    return parts.map((p) => p.trim()).filter((p) => p.text !== "");
  }
  /** `key: value` elements of a composite literal. */
  keyed() {
    return this.split(",").map((element) => {
      const text = element.text;
      let depth = 0;
      for (let i = 0; i < text.length; ) {
        const j = skipLiteral(text, i);
        if (j !== i) {
          i = j;
          continue;
        }
        if ("{([".includes(text[i])) depth++;
        else if ("})]".includes(text[i])) depth--;
        else if (depth === 0 && text[i] === ":" && text[i + 1] !== "=") return { key: element.slice(0, i).trim(), value: element.slice(i + 1).trim() };
        i++;
      }
      return { key: undefined, value: element };
    });
  }
  fields() {
    const fields = {};
    for (const { key, value } of this.keyed()) if (key) fields[key.text] = value;
    return fields;
  }
}

class Unreadable extends Error {
  constructor(span, what) {
    super(`${span.where()}: ${what}: ${span.text.slice(0, 160).replace(/\s+/g, " ")}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Names and references

/** Acronyms the provider's `names.Attr...` constants keep in capitals (names/attr_constants.csv). */
const ACRONYMS = ["IPv4", "IPv6", "ARNs", "IDs", "ARN", "ASN", "AMI", "API", "AZ", "CIDR", "DNS", "EBS", "EC2", "EIP", "ENI", "HTTPS", "HTTP", "IAM", "ID", "IOPS", "IP", "JSON", "KMS", "MFA", "NAT", "S3", "SNS", "SQS", "SSE", "SSL", "TLS", "URI", "URL", "VPC"];

/** `names.AttrSubnetIDs` -> `subnet_ids`: the generator's rule run backwards. */
function attributeConstant(name) {
  const words = [];
  let rest = name.replace(/^Attr/, "");
  while (rest) {
    const acronym = ACRONYMS.find((a) => rest.startsWith(a) && !/^[a-z]/.test(rest.slice(a.length)));
    const word = acronym ?? /^[A-Z]?[a-z0-9]*/.exec(rest)[0];
    if (!word) throw new Error(`cannot read the attribute constant names.${name}`);
    words.push(word.toLowerCase());
    rest = rest.slice(word.length);
  }
  return words.join("_");
}

/** An argument name: a string literal, a `names.Attr...` constant, or a constant of the package. */
function readKey(layout, span) {
  const text = span.text;
  let m = /^"([^"]*)"$/.exec(text);
  if (m) return m[1];
  m = /^names\.(Attr\w+)$/.exec(text);
  if (m) return attributeConstant(m[1]);
  m = /^(?:(\w+)\.)?(\w+)$/.exec(text);
  if (m) {
    const pkg = m[1] ? span.symbol.imports[m[1]] : span.symbol.pkg;
    const constant = pkg && layout.symbol(pkg, "var", m[2]);
    const value = constant && /=\s*"([^"]*)"/.exec(constant.span.text);
    if (value) return value[1];
  }
  throw new Unreadable(span, "an argument name the script cannot read");
}

/** `pkg.Name(...)`, `Name(...)` or `Name`: the function (or var holding one) it names, in its package. */
function callee(layout, span) {
  const m = /^(?:(\w+)\.)?(\w+)(?:\([\s\S]*\))?$/.exec(span.text);
  if (!m) return undefined;
  const pkg = m[1] ? span.symbol.imports[m[1]] : span.symbol.pkg;
  if (!pkg) return undefined;
  return layout.symbol(pkg, "func", m[2]) ?? layout.symbol(pkg, "var", m[2]);
}

/** What a function (or a var holding `sync.OnceValue(func() ...)`) returns: its one `return` expression. */
function returned(symbol) {
  const span = symbol.span;
  const text = span.text;
  if (text.startsWith("func")) return functionReturn(span);
  const value = span.slice(text.indexOf("=") + 1).trim();
  // `var X = sync.OnceValue(func() ... { return ... })`: what the function literal returns.
  const once = /^sync\.OnceValue\(([\s\S]*)\)$/.exec(value.text);
  return once ? value.slice("sync.OnceValue(".length, value.text.length - 1).trim() : value;
}

/** The one `return` expression of a function declaration or literal. */
function functionReturn(span) {
  const text = span.text;
  const bodyOpen = firstTopLevelBrace(text, 0);
  const body = span.slice(bodyOpen + 1, closing(text, bodyOpen));
  const statements = body.split("\n;").filter((s) => s.text.startsWith("return "));
  if (statements.length !== 1) throw new Unreadable(span, `a function with ${statements.length} return statements`);
  return statements[0].slice("return ".length).trim();
}

/**
 * What a schema-valued expression stands for when it is not a literal: a function literal, or a call
 * of a provider function. `&v` after `v := *f()` with only other fields than the ones read here set
 * (`v.ConflictsWith = ...`) stands for `f()`.
 */
function resolveValue(layout, span, what) {
  if (/^func\s*\(/.test(span.text)) return functionReturn(span);
  const symbol = callee(layout, span);
  if (!symbol) throw new Unreadable(span, `${what} the script cannot resolve`);
  const value = returned(symbol);
  const copy = /^&(\w+)$/.exec(value.text);
  if (!copy) return value;
  const body = symbol.span.text;
  const made = new RegExp(`\\b${copy[1]} := \\*(.+)`).exec(body);
  if (!made || new RegExp(`\\b${copy[1]}\\.(ForceNew|Optional|Required|Computed|Elem)\\s*=`).test(body)) throw new Unreadable(value, `${what} built in a way the script cannot read`);
  const at = body.indexOf(made[1], made.index);
  return symbol.span.slice(at, at + made[1].replace(/\s*\/\/.*$/, "").length).trim();
}

// ---------------------------------------------------------------------------------------------
// SDKv2 schemas

/** One argument or attribute: whether it is an argument (Optional or Required), forces replacement, and its nested block. */
function entry({ argument, forceNew, where, nested }) {
  return { argument, forceNew, where, nested };
}

function literalBool(fields, name) {
  const value = fields[name];
  if (!value) return false;
  if (value.text === "true") return true;
  if (value.text === "false") return false;
  throw new Unreadable(value, `${name} that is not a literal`);
}

/** An SDKv2 `*schema.Schema` expression. */
function sdkSchema(layout, span) {
  const text = span.text;
  if (/^(&schema\.Schema)?\{/.test(text)) {
    const fields = span.braced(/^(&schema\.Schema)?\{/).fields();
    return entry({
      argument: literalBool(fields, "Optional") || literalBool(fields, "Required"),
      forceNew: literalBool(fields, "ForceNew"),
      where: span.where(),
      nested: fields.Elem ? sdkElem(layout, fields.Elem) : undefined,
    });
  }
  return sdkSchema(layout, resolveValue(layout, span, "a schema"));
}

/** The nested block of an `Elem`, or undefined for a list, set or map of plain values. */
function sdkElem(layout, span) {
  const text = span.text;
  if (/^&schema\.Schema\{/.test(text)) return undefined;
  if (/^&schema\.Resource\{/.test(text)) {
    const fields = span.braced(/^&schema\.Resource\{/).fields();
    const schema = fields.Schema ?? fields.SchemaFunc;
    if (!schema) throw new Unreadable(span, "a nested resource without a schema");
    return sdkSchemaMap(layout, schema);
  }
  return sdkElem(layout, resolveValue(layout, span, "an Elem"));
}

/** A `map[string]*schema.Schema` expression (a literal, a function literal, or a function named). */
function sdkSchemaMap(layout, span) {
  const text = span.text;
  if (/^map\[string\]\*schema\.Schema\{/.test(text)) {
    const map = new Map();
    for (const { key, value } of span.braced(/^map\[string\]\*schema\.Schema\{/).keyed()) {
      if (!key) throw new Unreadable(value, "a schema map element without a key");
      map.set(readKey(layout, key), sdkSchema(layout, value));
    }
    return map;
  }
  const literal = /^func\(\)\s*map\[string\]\*schema\.Schema\s*\{/.exec(text);
  if (literal) return schemaBuilder(layout, span.braced(/^func\(\)\s*map\[string\]\*schema\.Schema\s*\{/), span.symbol);
  const symbol = callee(layout, span);
  if (!symbol) throw new Unreadable(span, "a schema map the script cannot resolve");
  const value = returned(symbol);
  return /^map\[/.test(value.text) ? sdkSchemaMap(layout, value) : schemaBuilder(layout, symbol.span.braced(/\)[^{]*\{/), symbol);
}

/**
 * The statements of a function that builds a schema map: `s := ...`, `s[key] = ...`,
 * `delete(s, key)`, `return s`; a loop over the map is a hand-checked entry.
 */
function schemaBuilder(layout, body, symbol) {
  const variables = new Map();
  const handKey = `${symbol.pkg.replace(/^internal\/service\//, "")} ${symbol.name}`;
  for (const statement of body.split("\n;")) {
    const text = statement.text;
    let m;
    if ((m = /^(\w+)\s*:=\s*/.exec(text))) {
      const value = statement.slice(m[0].length).trim();
      const base = /^(\w+)\(\)\.SchemaMap\(\)$/.exec(value.text);
      if (base) {
        const resource = layout.symbol(symbol.pkg, "func", base[1]);
        if (!resource) throw new Unreadable(value, "a resource the script cannot find");
        variables.set(m[1], sdkResource(layout, resource).schema);
      } else variables.set(m[1], sdkSchemaMap(layout, value));
    } else if ((m = /^(\w+)\[([^\]]+)\]\s*=\s*/.exec(text))) {
      variables.get(m[1]).set(readKey(layout, statement.slice(m[0].indexOf("[") + 1, m[0].indexOf("]"))), sdkSchema(layout, statement.slice(m[0].length).trim()));
    } else if ((m = /^(\w+)\[([^\]]+)\]\.Elem\.\(\*schema\.Resource\)\.Schema\[([^\]]+)\]\s*=\s*/.exec(text))) {
      const outer = variables.get(m[1]).get(readKey(layout, statement.slice(m[0].indexOf("[") + 1, m[0].indexOf("]"))));
      const innerKey = statement.slice(m[0].lastIndexOf("[") + 1, m[0].lastIndexOf("]"));
      outer.nested.set(readKey(layout, innerKey), sdkSchema(layout, statement.slice(m[0].length).trim()));
    } else if ((m = /^delete\((\w+),\s*/.exec(text))) {
      variables.get(m[1]).delete(readKey(layout, statement.slice(m[0].length, text.lastIndexOf(")")).trim()));
    } else if ((m = /^for \w+, \w+ := range (\w+) \{/.exec(text))) {
      const hand = HAND_CHECKED[handKey];
      if (!hand?.loop || !text.includes(hand.holds)) throw new Unreadable(statement, `a loop over a schema map with no hand-checked entry "${handKey}" in ${SCRIPT}`);
      hand.used = true;
      for (const [name, argument] of variables.get(m[1])) {
        if (argument.argument && !hand.loop.forceNewEveryArgumentExcept.includes(name)) variables.get(m[1]).set(name, { ...argument, forceNew: true, where: `${statement.where()} (hand-checked: ${hand.source})` });
      }
    } else if ((m = /^return (\w+)$/.exec(text)) && variables.has(m[1])) {
      return variables.get(m[1]);
    } else if (/^return /.test(text)) {
      return sdkSchemaMap(layout, statement.slice("return ".length).trim());
    } else {
      throw new Unreadable(statement, "a statement the script cannot follow in a function building a schema");
    }
  }
  throw new Unreadable(body, "a schema-building function that returns nothing the script can read");
}

/** An SDKv2 resource factory: its schema map and its CustomizeDiff expression. */
function sdkResource(layout, factory) {
  const resource = factory.span.braced(/&schema\.Resource\{/);
  if (!resource) throw new Unreadable(factory.span, "a factory without &schema.Resource{...}");
  const fields = resource.fields();
  const schema = fields.Schema ?? fields.SchemaFunc;
  if (!schema) throw new Unreadable(resource, "a resource without a schema");
  return { schema: sdkSchemaMap(layout, schema), customizeDiff: fields.CustomizeDiff };
}

/**
 * The keys a CustomizeDiff forces a new resource for (`customdiff.ForceNewIf[Change](key, ...)`,
 * `d.ForceNew(key)`), in the expression and in the provider functions it calls, a few calls deep.
 */
function forcedInCustomizeDiff(layout, span, depth = 0, seen = new Set()) {
  const found = [];
  const text = span.text;
  for (const m of text.matchAll(/(?:customdiff\.ForceNewIf(?:Change)?\(|\.ForceNew\()\s*/g)) {
    const from = m.index + m[0].length;
    const to = [",", ")"].map((c) => text.indexOf(c, from)).filter((i) => i >= 0).reduce((a, b) => Math.min(a, b));
    const key = span.slice(from, to).trim();
    found.push({ key, symbol: span.symbol });
  }
  if (depth >= 3) return found;
  for (const m of text.matchAll(/\b(?:([a-z]\w*)\.)?([A-Za-z_]\w*)\b/g)) {
    const pkg = m[1] ? span.symbol.imports[m[1]] : span.symbol.pkg;
    if (!pkg || seen.has(`${pkg}.${m[2]}`)) continue;
    seen.add(`${pkg}.${m[2]}`);
    const symbol = layout.symbol(pkg, "func", m[2]);
    if (symbol) found.push(...forcedInCustomizeDiff(layout, symbol.span, depth + 1, seen));
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Plugin-framework schemas

/** `RequiresReplace...` plan modifiers among a `PlanModifiers` list. */
function planModifiers(span) {
  if (!span) return { forceNew: false, conditions: [] };
  const list = span.braced(/^\[\][\w.]+\{/);
  const result = { forceNew: false, conditions: [] };
  for (const modifier of list ? list.split(",") : []) {
    const text = modifier.text;
    if (!/Replace/.test(text)) continue;
    if (/^\w+planmodifier\.RequiresReplace\(\)$/.test(text)) result.forceNew = true;
    else if (/^\w+planmodifier\.RequiresReplaceIfConfigured\(\)$/.test(text)) result.conditions.push({ when: "when changed to another value set in the configuration (leaving it out does not replace)", where: modifier.where() });
    else result.conditions.push({ modifier, where: modifier.where() });
  }
  return result;
}

/** A framework attribute expression (`schema.StringAttribute{...}`, or a function returning one). */
function frameworkAttribute(layout, span) {
  const m = /^\w+\.(\w+)Attribute\{/.exec(span.text);
  if (!m) return frameworkAttribute(layout, resolveValue(layout, span, "an attribute"));
  const fields = span.braced(/^\w+\.\w+Attribute\{/).fields();
  const modifiers = planModifiers(fields.PlanModifiers);
  const object = fields.NestedObject?.braced(/^schema\.NestedAttributeObject\{/)?.fields();
  const attributes = object?.Attributes ?? fields.Attributes;
  return {
    ...entry({ argument: literalBool(fields, "Optional") || literalBool(fields, "Required"), forceNew: modifiers.forceNew, where: span.where(), nested: attributes ? frameworkMap(layout, attributes, undefined) : undefined }),
    conditions: modifiers.conditions,
  };
}

/** A framework block expression (list, set or single nested block). */
function frameworkBlock(layout, span) {
  const m = /^schema\.(List|Set|Single)NestedBlock\{/.exec(span.text);
  if (!m) return frameworkBlock(layout, resolveValue(layout, span, "a block"));
  const fields = span.braced(/^schema\.\w+NestedBlock\{/).fields();
  const object = m[1] === "Single" ? fields : fields.NestedObject?.braced(/^schema\.NestedBlockObject\{/)?.fields();
  if (!object) throw new Unreadable(span, "a nested block without NestedObject");
  const modifiers = planModifiers(fields.PlanModifiers);
  return {
    ...entry({ argument: true, forceNew: modifiers.forceNew, where: span.where(), nested: frameworkMap(layout, object.Attributes, object.Blocks) }),
    conditions: modifiers.conditions,
  };
}

function frameworkMap(layout, attributes, blocks) {
  const map = new Map();
  for (const { key, value } of attributes?.braced(/^map\[string\]schema\.Attribute\{/)?.keyed() ?? []) map.set(readKey(layout, key), frameworkAttribute(layout, value));
  for (const { key, value } of blocks?.braced(/^map\[string\]schema\.Block\{/)?.keyed() ?? []) {
    const name = readKey(layout, key);
    // The timeouts block configures how long Terraform waits, not the resource.
    if (name !== "timeouts") map.set(name, frameworkBlock(layout, value));
  }
  return map;
}

/** A method of a framework resource type, or of a type of its package it embeds. */
function frameworkMethod(layout, pkg, type, method, depth = 0) {
  const own = layout.symbol(pkg, "method", `${type}.${method}`);
  if (own || depth > 3) return own;
  const declaration = layout.symbol(pkg, "type", type);
  const fields = declaration?.span.braced(/struct\s*\{/);
  for (const field of fields ? fields.split("\n;") : []) {
    const embedded = /^\*?(\w+)$/.exec(field.text);
    const found = embedded && frameworkMethod(layout, pkg, embedded[1], method, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function frameworkResource(layout, factory) {
  const type = /&(\w+)\{/.exec(factory.span.text)?.[1];
  if (!type) throw new Unreadable(factory.span, "a framework factory without &<resource type>{...}");
  const schemaMethod = frameworkMethod(layout, factory.pkg, type, "Schema");
  if (!schemaMethod) throw new Unreadable(factory.span, `no Schema method for ${type}`);
  const schema = schemaMethod.span.braced(/schema\.Schema\{/);
  if (!schema) throw new Unreadable(schemaMethod.span, "a Schema method without schema.Schema{...}");
  const fields = schema.fields();
  return { schema: frameworkMap(layout, fields.Attributes, fields.Blocks), modifyPlan: frameworkMethod(layout, factory.pkg, type, "ModifyPlan") };
}

// ---------------------------------------------------------------------------------------------
// Registrations and the injected region

/** `aws_type -> { pkg, factory, framework, regional }` from each service package's registrations. */
function registrations(layout, wanted) {
  const found = new Map();
  for (const pkg of layout.registrations()) {
    for (const [method, framework] of [["SDKResources", false], ["FrameworkResources", true]]) {
      const symbol = layout.symbol(pkg, "method", `servicePackage.${method}`);
      if (!symbol) continue;
      for (const chunk of symbol.span.text.split(/\bFactory:/).slice(1)) {
        const type = /TypeName:\s+"(\w+)"/.exec(chunk)?.[1];
        if (!wanted.has(type)) continue;
        const region = /Region:\s+unique\.Make\(inttypes\.(\w+)\(\)\)/.exec(chunk)?.[1];
        found.set(type, { pkg, factory: /^\s*(\w+)/.exec(chunk)[1], framework, region });
      }
    }
  }
  return found;
}

/** Where the provider forces replacement when `region` changes, checked to still say so. */
function regionInterceptors(layout) {
  const checks = [
    ["internal/types", "func", "ResourceRegionDefault", "IsOverrideEnabled:             true"],
    ["internal/provider/sdkv2", "func", "forceNewIfRegionChanges", "d.ForceNew(names.AttrRegion)"],
    ["internal/provider/framework", "method", "resourceForceNewIfRegionChangesInterceptor.modifyPlan", "response.RequiresReplace = path.Paths{path.Root(names.AttrRegion)}"],
  ];
  return checks.map(([pkg, kind, name, holds]) => {
    const symbol = layout.symbol(pkg, kind, name);
    const at = symbol ? symbol.text.indexOf(holds, symbol.start) : -1;
    if (at < 0) throw new Error(`${pkg} ${name} no longer holds \`${holds}\`: read how the injected region is replaced and update ${SCRIPT}`);
    return `${symbol.file}:${symbol.line(at)}`;
  });
}

// ---------------------------------------------------------------------------------------------
// The table

/** Paths (`a.b.c`) of the arguments that force replacement, through nested blocks. */
function forcedPaths(map, prefix = "") {
  const paths = [];
  for (const [name, argument] of map) {
    if (!argument.argument) continue;
    const path = prefix + name;
    if (argument.forceNew) paths.push({ path, where: argument.where });
    for (const condition of argument.conditions ?? []) paths.push({ path, condition, where: condition.where });
    if (argument.nested) paths.push(...forcedPaths(argument.nested, `${path}.`));
  }
  return paths;
}

function resourceArguments(layout, type, registration, region) {
  const factory = layout.symbol(registration.pkg, "func", registration.factory);
  if (!factory) throw new Error(`${type}: factory ${registration.factory} not found in ${registration.pkg}`);
  // { path, where } replaced on any change; { path, where, when? } replaced under a condition.
  const found = [];
  const conditional = [];
  if (registration.framework) {
    const { schema, modifyPlan } = frameworkResource(layout, factory);
    for (const p of forcedPaths(schema)) (p.condition ? conditional : found).push({ path: p.path, where: p.where, when: p.condition?.when });
    if (modifyPlan && /RequiresReplace/.test(modifyPlan.span.text)) {
      const key = `${modifyPlan.pkg.replace(/^internal\/service\//, "")} ${modifyPlan.name}`;
      const hand = HAND_CHECKED[key];
      if (!hand || !modifyPlan.span.text.includes(hand.holds)) throw new Error(`${modifyPlan.file} sets RequiresReplace in ModifyPlan; read it and add a hand-checked entry "${key}" to ${SCRIPT}`);
      hand.used = true;
      const at = modifyPlan.text.indexOf(hand.holds, modifyPlan.start);
      for (const path of hand.paths) conditional.push({ path, when: hand.when, where: `${modifyPlan.file}:${modifyPlan.line(at)} (hand-checked: ${hand.source})` });
    }
  } else {
    const { schema, customizeDiff } = sdkResource(layout, factory);
    found.push(...forcedPaths(schema));
    for (const { key, symbol } of customizeDiff ? forcedInCustomizeDiff(layout, customizeDiff) : []) {
      conditional.push({ path: readKey(layout, key).replace(/\.\d+(?=\.|$)/g, ""), where: `${symbol.file}:${symbol.line(key.start)}` });
    }
  }
  if (registration.region === "ResourceRegionDefault") conditional.push({ path: "region", where: region[registration.framework ? 2 : 1] });

  const byPath = new Map(found.map((f) => [f.path, { path: f.path, where: f.where }]));
  const missing = [];
  for (const c of conditional) {
    // A path replaced on any change needs no condition.
    if (byPath.has(c.path) && !byPath.get(c.path).when) continue;
    const worded = c.when ?? CONDITIONS[`${type} ${c.path}`] ?? CONDITIONS[`* ${c.path}`];
    if (!worded) {
      missing.push(`${c.path} (${c.where})`);
      continue;
    }
    // A condition may name the argument a person changes rather than the attribute the provider marks.
    const { path, when } = typeof worded === "string" ? { path: c.path, when: worded } : worded;
    const known = byPath.get(path);
    if (!known) byPath.set(path, { path, when, where: c.where });
    else if (known.when && !known.when.includes(when)) known.when = `${known.when}; or ${when}`;
  }
  if (missing.length) throw new Error(`replaced only under a condition, which CONDITIONS of ${SCRIPT} does not word yet (read it in the source): ${missing.join(", ")}`);
  return [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** The resource types to read: every judged type and every stateful type (read from their TypeScript). */
function wantedTypes() {
  const read = (file) => readFileSync(join(ROOT, file), "utf8");
  const judged = read("modules/guardrails/judged-resource-types.ts");
  const set = /new Set\(\[([\s\S]*?)\]\);/.exec(judged)[1];
  const types = new Set();
  for (const line of set.split("\n").map((l) => l.replace(/\/\/.*/, "").trim()).filter(Boolean)) {
    const m = /^"(aws_\w+)",$/.exec(line);
    if (m) types.add(m[1]);
    else if (line === "...Object.keys(PATH_RESOURCES),") {
      const paths = /PATH_RESOURCES[^=]*=\s*\{([\s\S]*?)\n\};/.exec(read("modules/guardrails/rules/vpc/internet-paths.ts"))[1];
      for (const key of paths.matchAll(/^\s*(aws_\w+):/gm)) types.add(key[1]);
    } else throw new Error(`modules/guardrails/judged-resource-types.ts: the script cannot read \`${line}\`; teach wantedTypes() to`);
  }
  const stateful = /STATEFUL_RESOURCES[^=]*=\s*\{([\s\S]*?)\n\};/.exec(read("modules/guardrails/stateful-resources.ts"))[1];
  for (const key of stateful.matchAll(/^\s*(aws_\w+):/gm)) types.add(key[1]);
  return types;
}

function render(source, table, notManaged) {
  const lines = [
    "// Generated by scripts/extract-replacement-arguments.js: do not edit. Rerun it (see its header) when",
    "// the provider version changes.",
    `// Read from ${source.describe}`,
    `// at ${source.revision} (${source.commit}).`,
    "",
    "/** An argument whose change makes Terraform destroy the resource and create a new one. */",
    "export interface ReplacementArgument {",
    "  /** Terraform argument names joined by `.` through nested blocks (no indexes); a block covers what it holds. */",
    "  readonly path: string;",
    "  /** plain words; absent = any change */",
    "  readonly when?: string;",
    "}",
    "",
    "/** Where the table was read: the repository, the tag or commit asked for, and the commit it is. */",
    "export const REPLACEMENT_ARGUMENTS_SOURCE: { readonly repository: string; readonly revision: string; readonly commit: string } = {",
    `  repository: ${JSON.stringify(source.repository)},`,
    `  revision: ${JSON.stringify(source.revision)},`,
    `  commit: ${JSON.stringify(source.commit)},`,
    "};",
    "",
    "/** By resource type: every argument whose change destroys and recreates the resource. */",
    "export const ARGUMENTS_FORCING_REPLACEMENT: Readonly<Record<string, readonly ReplacementArgument[]>> = {",
  ];
  for (const [type, { symbol, args }] of [...table].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  // ${symbol}`);
    lines.push(`  ${type}: [`);
    for (const a of args) {
      lines.push(`    // ${a.where}`);
      lines.push(`    { path: ${JSON.stringify(a.path)}${a.when ? `, when: ${JSON.stringify(a.when)}` : ""} },`);
    }
    lines.push("  ],");
  }
  lines.push("};", "");
  if (notManaged.length) lines.splice(4, 0, `// Not managed resource types, so not listed: ${notManaged.join(", ")}.`);
  return lines.join("\n");
}

function main(argv) {
  const options = { layout: "provider" };
  for (let i = 0; i < argv.length; i += 2) {
    const name = { "--git-dir": "gitDir", "--revision": "revision", "--layout": "layout", "--out": "out" }[argv[i]];
    if (!name || argv[i + 1] === undefined) throw new Error(`unknown or incomplete option ${argv[i]}`);
    options[name] = argv[i + 1];
  }
  if (!options.gitDir || !options.revision) throw new Error("usage: node scripts/extract-replacement-arguments.js --git-dir <dir> --revision <tag or commit> [--layout provider|index] [--out <file>]");
  const Layout = { provider: ProviderLayout, index: IndexLayout }[options.layout];
  if (!Layout) throw new Error(`--layout must be provider or index, not ${options.layout}`);
  const layout = new Layout(options.gitDir, options.revision);
  const commit = git(options.gitDir, ["rev-parse", `${options.revision}^{commit}`]).trim();
  const origin = options.layout === "index" ? "lonegunmanb/terraform-provider-aws-index" : "hashicorp/terraform-provider-aws";

  const wanted = wantedTypes();
  const registered = registrations(layout, wanted);
  const region = regionInterceptors(layout);
  const table = new Map();
  const problems = [];
  for (const type of [...wanted].sort()) {
    const registration = registered.get(type);
    if (!registration) continue;
    try {
      table.set(type, { symbol: `${registration.pkg} ${registration.factory}`, args: resourceArguments(layout, type, registration, region) });
    } catch (error) {
      problems.push(`${type}: ${error.message}`);
    }
  }
  for (const [key, hand] of Object.entries(HAND_CHECKED)) if (!hand.used) problems.push(`hand-checked entry "${key}" matched nothing: the source changed; read it again`);
  if (problems.length) throw new Error(`the table was not written:\n  ${problems.join("\n  ")}`);
  const notManaged = [...wanted].filter((t) => !registered.has(t)).sort();
  const source = {
    describe: layout.describe(),
    repository: "hashicorp/terraform-provider-aws",
    revision: options.revision,
    commit: options.layout === "index" ? `${origin}@${commit}` : commit,
  };
  const out = options.out ?? join(ROOT, OUTPUT);
  writeFileSync(out, render(source, table, notManaged));
  process.stdout.write(`${out}: ${table.size} resource types, ${[...table.values()].reduce((n, t) => n + t.args.length, 0)} arguments\n`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${SCRIPT}: ${error.message}\n`);
    process.exitCode = 1;
  }
}

