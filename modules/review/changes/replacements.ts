import { preventsDestroy } from "../../guardrails/destroy-protection";
import { STATEFUL_RESOURCES } from "../../guardrails/stateful-resources";
import { SynthesizedStack } from "../../guardrails/synthesized-stack";
import { block } from "../../guardrails/terraform-document";
import { ARGUMENTS_FORCING_REPLACEMENT, ReplacementArgument } from "../replacement-arguments";
import { BlockChange, ResourceChange, valuesAt } from "./resource-changes";

/**
 * Which changes destroy a resource: a removal (no `moved` block to a declared address, no `removed`
 * block keeping it), an argument the AWS provider forces a new resource for (replacement-arguments.ts,
 * read from its source), a value such an argument reads that changes (a resource that is itself
 * replaced, in this stack or through another stack's outputs; a local, a variable, an output, a data
 * source), `replace_triggered_by`, or `count`/`for_each`. A replaced resource that holds data loses
 * it; `prevent_destroy` turns that into a failed plan.
 */
export interface Destruction {
  readonly stack: string;
  readonly address: string;
  readonly type: string;
  readonly path: string;
  /**
   * `replaced`: certain from the configurations; `may be replaced`: only under a condition they do
   * not settle (a data source's value, a provider condition, count); `left unmanaged`: its stack is
   * gone from the app, so cdktf neither deploys nor destroys it.
   */
  readonly kind: "destroyed" | "replaced" | "may be replaced" | "left unmanaged";
  readonly reasons: readonly string[];
  /** What is lost with it, for a resource that holds data (stateful-resources.ts). */
  readonly loses?: string;
  /** The head's configuration keeps `prevent_destroy`: Terraform refuses the plan rather than destroy it. */
  readonly preventDestroy: boolean;
}

const major = (version: unknown) => Number(String(version ?? "").split(".")[0]);

/**
 * Conditions the provider applies that the two configurations settle: true (replaced), false (in
 * place), undefined (cannot tell: reported as "may be replaced").
 */
const CONDITIONS: Readonly<Record<string, (before: unknown, after: unknown) => boolean | undefined>> = {
  "aws_mwaa_environment.airflow_version": (before, after) => (Number.isNaN(major(before)) || Number.isNaN(major(after)) ? undefined : major(after) > major(before)),
  // Unset means the provider's Region: a change between unset and a Region cannot be settled here.
  region: (before, after) => (before === undefined || after === undefined ? undefined : before !== after),
};

const conditionOf = (type: string, argument: ReplacementArgument) => CONDITIONS[`${type}.${argument.path}`] ?? CONDITIONS[argument.path];

const show = (values: unknown[]) => (values.length === 0 ? "unset" : values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", "));

/** Why a changed (or moved) resource is replaced, argument by argument; `certain` false when only a condition could. */
function argumentReasons(change: ResourceChange): { reasons: string[]; certain: boolean } {
  const reasons: string[] = [];
  let certain = false;
  for (const argument of ARGUMENTS_FORCING_REPLACEMENT[change.type] ?? []) {
    const [before, after] = [valuesAt(change.before, argument.path), valuesAt(change.after, argument.path)];
    // Compared by value at the argument's path: a block added or removed whole changes what it holds.
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    const fromTo = `${argument.path}: ${show(before)} → ${show(after)}`;
    if (!argument.when) {
      reasons.push(`${fromTo} forces a new resource`);
      certain = true;
      continue;
    }
    const verdict = conditionOf(change.type, argument)?.(before[0], after[0]);
    if (verdict === false) continue;
    reasons.push(`${fromTo} forces a new resource ${argument.when}`);
    if (verdict === true) certain = true;
  }
  return { reasons, certain };
}

/** What an expression reads: resources' attributes, remote-state outputs, locals, variables, data sources. */
const RESOURCE_REFERENCE = /(?<![\w.-])(aws_[a-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\.([a-z0-9_]+))?/g;
const REMOTE_OUTPUT = /data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g;
const NAMED_VALUE = /(?<![\w.-])(local|var)\.([A-Za-z0-9_-]+)/g;
const DATA_SOURCE = /(?<![\w.-])data\.([a-z0-9_]+)\.([A-Za-z0-9_-]+)/g;

const expressions = (value: unknown): string[] => JSON.stringify(value ?? null).match(/\$\{[^}]*\}/g) ?? [];

/** Which stack a remote-state data source reads: the stack whose name ends its name (`state-of-<stack>`, cdktf's `…-input-<stack>`). */
const producerOf = (dataSource: string, stacks: readonly string[]) => stacks.filter((s) => dataSource.endsWith(s)).sort((a, b) => b.length - a.length)[0];

interface Found {
  stack: string;
  address: string;
  type: string;
  path: string;
  kind: Destruction["kind"];
  reasons: string[];
  /** Arguments changed in its own block: they take new values, the rest keep theirs across a replacement. */
  ownChanged: readonly string[];
}

/**
 * Every resource the change from base to head destroys or replaces, with why. `changes` and
 * `blocks` are those of every stack (resource-changes.ts); `removedStacks` are stacks of the base
 * the head no longer has.
 */
export function destructions(
  changes: readonly ResourceChange[],
  blockChanges: readonly BlockChange[],
  head: ReadonlyMap<string, SynthesizedStack>,
  removedStacks: ReadonlySet<string> = new Set(),
): Destruction[] {
  const found = new Map<string, Found>();
  const key = (stack: string, address: string) => `${stack}\u0000${address}`;
  const add = (f: Found) => {
    const known = found.get(key(f.stack, f.address));
    if (!known) found.set(key(f.stack, f.address), f);
    else known.reasons = [...new Set([...known.reasons, ...f.reasons])];
  };

  for (const change of changes) {
    const base = { stack: change.stack, address: change.address, type: change.type, path: change.path, ownChanged: change.arguments };
    if (change.action === "removed") {
      if (change.forgotten) continue;
      if (removedStacks.has(change.stack)) {
        add({ ...base, kind: "left unmanaged", reasons: ["its stack is no longer in the app: cdktf neither deploys nor destroys it, and its resources stay in AWS under a state nothing manages"] });
        continue;
      }
      const protection = preventsDestroy(change.before) ? ", and its prevent_destroy went with it" : "";
      add({ ...base, kind: "destroyed", reasons: [`removed from the configuration, with no moved block to a declared address and no removed block keeping it: Terraform destroys it${protection}`] });
      continue;
    }
    if (change.action !== "changed" && change.action !== "moved") continue;
    const { reasons, certain } = argumentReasons(change);
    if (reasons.length > 0) add({ ...base, kind: certain ? "replaced" : "may be replaced", reasons });
  }

  const changed = (stack: string, kind: string) => new Set(blockChanges.filter((b) => b.stack === stack && b.block.startsWith(`${kind}.`)).map((b) => b.block.slice(kind.length + 1)));
  const touched = new Set(changes.filter((c) => c.action !== "added").map((c) => key(c.stack, c.address)));
  const stackNames = [...head.keys()];

  // A replaced resource gets a new id and ARN; an argument forcing replacement that reads one, or
  // reads any other value that changed, is new too. Repeated until nothing more is found.
  for (let grew = true; grew; ) {
    grew = false;
    const before = found.size;
    /** The replaced resource an attribute reference reads, when that attribute changes with the replacement. */
    const replacedBy = (stack: string, type: string, name: string, attribute: string | undefined) => {
      const replaced = found.get(key(stack, `${type}.${name}`));
      if (!replaced || replaced.kind === "destroyed" || replaced.kind === "left unmanaged") return undefined;
      const config = head.get(stack)?.json.resource?.[type]?.[name];
      // An argument of its own keeps its value across the replacement unless it is what changed.
      const kept = attribute && config && attribute in config && !replaced.ownChanged.some((p) => p === attribute || p.startsWith(`${attribute}.`));
      return kept ? undefined : replaced;
    };
    const changedOutputs = new Set<string>();
    for (const [stackName, stack] of head) {
      const rewritten = changed(stackName, "output");
      for (const [output, body] of Object.entries((stack.json.output ?? {}) as Record<string, { value?: unknown }>)) {
        if (rewritten.has(output)) changedOutputs.add(`${stackName}.${output}`);
        for (const expression of expressions(body.value)) {
          for (const [, type, name, attribute] of expression.matchAll(RESOURCE_REFERENCE)) {
            if (replacedBy(stackName, type, name, attribute)) changedOutputs.add(`${stackName}.${output}`);
          }
        }
      }
    }
    for (const [stackName, stack] of head) {
      const [locals, variables, data] = [changed(stackName, "locals"), changed(stackName, "variable"), changed(stackName, "data")];
      for (const [type, byName] of Object.entries((stack.json.resource ?? {}) as Record<string, Record<string, Record<string, unknown>>>)) {
        for (const [name, config] of Object.entries(byName)) {
          const address = `${type}.${name}`;
          const path = stack.pathOf("resource", type, name);
          const certain: string[] = [];
          const possible: string[] = [];
          for (const argument of ARGUMENTS_FORCING_REPLACEMENT[type] ?? []) {
            if (argument.when) continue;
            for (const expression of expressions(valuesAt(config, argument.path))) {
              for (const [, refType, refName, attribute] of expression.matchAll(RESOURCE_REFERENCE)) {
                const replaced = replacedBy(stackName, refType, refName, attribute);
                if (replaced) certain.push(`${argument.path} reads ${replaced.path}${attribute ? `.${attribute}` : ""}, new once that is replaced`);
              }
              for (const [, dataSource, output] of expression.matchAll(REMOTE_OUTPUT)) {
                const producer = producerOf(dataSource, stackNames);
                if (producer && changedOutputs.has(`${producer}.${output}`)) certain.push(`${argument.path} reads output ${output} of ${producer}, whose value changes`);
              }
              for (const [, kind, valueName] of expression.matchAll(NAMED_VALUE)) {
                if ((kind === "local" ? locals : variables).has(valueName)) certain.push(`${argument.path} reads ${kind}.${valueName}, which changed`);
              }
              for (const [, dataType, dataName] of expression.matchAll(DATA_SOURCE)) {
                if (dataType !== "terraform_remote_state" && data.has(`${dataType}.${dataName}`)) possible.push(`${argument.path} reads data.${dataType}.${dataName}, which changed: its value is known only at plan time`);
              }
            }
          }
          // replace_triggered_by replaces the resource whenever what it names is updated or replaced.
          // Written bare (`aws_x.name`) or as an expression: every reference in it counts.
          for (const expression of [JSON.stringify(block(config.lifecycle)?.replace_triggered_by ?? [])]) {
            for (const [, refType, refName] of expression.matchAll(RESOURCE_REFERENCE)) {
              const named = key(stackName, `${refType}.${refName}`);
              if (touched.has(named) || found.has(named)) certain.push(`lifecycle.replace_triggered_by names ${refType}.${refName}, which changes`);
            }
          }
          if (certain.length > 0) add({ stack: stackName, address, type, path, kind: "replaced", reasons: certain, ownChanged: [] });
          else if (possible.length > 0) add({ stack: stackName, address, type, path, kind: "may be replaced", reasons: possible, ownChanged: [] });
        }
      }
    }
    grew = found.size > before;
  }

  // count and for_each decide at plan time how many copies exist: a change to them can destroy some.
  for (const change of changes) {
    if (change.action === "removed" || !STATEFUL_RESOURCES[change.type]) continue;
    const [was, now] = [change.before ?? {}, change.after ?? {}];
    for (const meta of ["count", "for_each"]) {
      if (meta in now && JSON.stringify(was[meta]) !== JSON.stringify(now[meta])) {
        add({ stack: change.stack, address: change.address, type: change.type, path: change.path, kind: "may be replaced", reasons: [`${meta} = ${JSON.stringify(now[meta])}: Terraform decides at plan time how many copies exist, and destroys the rest`], ownChanged: [] });
      }
    }
  }

  return [...found.values()].map((d) => {
    const config = head.get(d.stack)?.json.resource?.[d.type]?.[d.address.slice(d.type.length + 1)];
    return {
      stack: d.stack,
      address: d.address,
      type: d.type,
      path: d.path,
      kind: d.kind,
      reasons: d.reasons,
      // Left unmanaged loses nothing yet: the resource stays in AWS.
      ...(STATEFUL_RESOURCES[d.type] && d.kind !== "left unmanaged" ? { loses: STATEFUL_RESOURCES[d.type] } : {}),
      preventDestroy: (d.kind === "replaced" || d.kind === "may be replaced") && preventsDestroy(config),
    };
  });
}
