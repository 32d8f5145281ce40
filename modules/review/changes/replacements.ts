import { STATEFUL_RESOURCES } from "../../guardrails/stateful-resources";
import { SynthesizedStack } from "../../guardrails/synthesized-stack";
import { block } from "../../guardrails/terraform-document";
import { ARGUMENTS_FORCING_REPLACEMENT, ReplacementArgument } from "../replacement-arguments";
import { ResourceChange, valuesAt } from "./resource-changes";

/**
 * Which changes destroy a resource: a removal (no `moved` block, no `removed` block keeping it), an
 * argument the AWS provider forces a new resource for (replacement-arguments.ts, read from its
 * source), or a reference in such an argument to a resource that is itself replaced (its id or ARN
 * is new, in this stack or through another stack's outputs). A replaced resource that holds data
 * loses it; `prevent_destroy` turns that into a failed plan.
 */
export interface Destruction {
  readonly stack: string;
  readonly address: string;
  readonly type: string;
  readonly path: string;
  /** `replaced`: certain from the arguments; `may be replaced`: an argument forces it only under a condition the config alone does not settle. */
  readonly kind: "destroyed" | "replaced" | "may be replaced";
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

function conditionOf(type: string, argument: ReplacementArgument) {
  return CONDITIONS[`${type}.${argument.path}`] ?? CONDITIONS[argument.path];
}

const show = (values: unknown[]) => (values.length === 0 ? "unset" : values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", "));

/** Why `change` replaces its resource, argument by argument; `certain` false when only a condition could. */
function argumentReasons(change: ResourceChange): { reasons: string[]; certain: boolean } {
  const table = ARGUMENTS_FORCING_REPLACEMENT[change.type] ?? [];
  const reasons: string[] = [];
  let certain = false;
  for (const argument of table) {
    const changed = change.arguments.filter((p) => p === argument.path || p.startsWith(`${argument.path}.`));
    if (changed.length === 0) continue;
    const before = valuesAt(change.before, argument.path);
    const after = valuesAt(change.after, argument.path);
    const fromTo = `${argument.path}: ${show(before)} → ${show(after)}`;
    if (!argument.when) {
      reasons.push(`${fromTo} forces a new resource`);
      certain = true;
      continue;
    }
    const condition = conditionOf(change.type, argument);
    const verdict = condition?.(before[0], after[0]);
    if (verdict === false) continue;
    reasons.push(`${fromTo} forces a new resource ${argument.when}`);
    if (verdict === true) certain = true;
  }
  return { reasons, certain };
}

/** `${aws_x.name.attr…}` references in a value, and remote-state outputs it reads. */
const RESOURCE_REFERENCE = /(?<![\w.-])(aws_[a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)/g;
const REMOTE_OUTPUT = /data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g;

function expressions(value: unknown): string[] {
  return (JSON.stringify(value ?? null).match(/\$\{[^}]*\}/g) ?? []);
}

/** Which stack a remote-state data source reads: the stack whose name ends its name (`state-of-<stack>`, cdktf's `…-input-<stack>`). */
function producerOf(dataSource: string, stacks: readonly string[]): string | undefined {
  return stacks.filter((s) => dataSource.endsWith(s)).sort((a, b) => b.length - a.length)[0];
}

/**
 * Every resource the change from `base` to `head` destroys or replaces, with why; `changes` are the
 * resource changes of every stack (resource-changes.ts).
 */
export function destructions(changes: readonly ResourceChange[], head: ReadonlyMap<string, SynthesizedStack>): Destruction[] {
  const found = new Map<string, { change: ResourceChange | undefined; stack: string; address: string; type: string; path: string; kind: Destruction["kind"]; reasons: string[]; ownChanged: readonly string[] }>();
  const key = (stack: string, address: string) => `${stack}\u0000${address}`;

  for (const change of changes) {
    if (change.action === "removed") {
      if (change.movedTo || change.forgotten) continue;
      found.set(key(change.stack, change.address), { change, stack: change.stack, address: change.address, type: change.type, path: change.path, kind: "destroyed", reasons: ["removed from the configuration, with no moved block giving it a new address and no removed block keeping it: Terraform destroys it, and its prevent_destroy went with it"], ownChanged: [] });
      continue;
    }
    if (change.action !== "changed") continue;
    const { reasons, certain } = argumentReasons(change);
    if (reasons.length > 0) {
      found.set(key(change.stack, change.address), { change, stack: change.stack, address: change.address, type: change.type, path: change.path, kind: certain ? "replaced" : "may be replaced", reasons, ownChanged: change.arguments });
    }
  }

  // A replaced resource gets a new id and ARN; an argument forcing replacement that reads one is new too.
  const stackNames = [...head.keys()];
  for (let grew = true; grew; ) {
    grew = false;
    const changing = (stack: string, type: string, name: string, attribute: string) => {
      const replaced = found.get(key(stack, `${type}.${name}`));
      if (!replaced || replaced.kind === "destroyed") return undefined;
      const config = head.get(stack)?.json.resource?.[type]?.[name];
      // An argument of its own keeps its value across the replacement unless it is what changed.
      const kept = config && attribute in config && !replaced.ownChanged.some((p) => p === attribute || p.startsWith(`${attribute}.`));
      return kept ? undefined : replaced;
    };
    const changedOutputs = new Set<string>();
    for (const [stackName, stack] of head) {
      for (const [output, body] of Object.entries((stack.json.output ?? {}) as Record<string, { value?: unknown }>)) {
        for (const expression of expressions(body.value)) {
          for (const [, type, name, attribute] of expression.matchAll(RESOURCE_REFERENCE)) {
            if (changing(stackName, type, name, attribute)) changedOutputs.add(`${stackName}.${output}`);
          }
        }
      }
    }
    for (const [stackName, stack] of head) {
      for (const [type, byName] of Object.entries((stack.json.resource ?? {}) as Record<string, Record<string, Record<string, unknown>>>)) {
        for (const [name, config] of Object.entries(byName)) {
          const address = `${type}.${name}`;
          if (found.has(key(stackName, address))) continue;
          const reasons: string[] = [];
          for (const argument of ARGUMENTS_FORCING_REPLACEMENT[type] ?? []) {
            if (argument.when) continue;
            for (const expression of expressions(valuesAt(config, argument.path))) {
              for (const [, refType, refName, attribute] of expression.matchAll(RESOURCE_REFERENCE)) {
                const replaced = changing(stackName, refType, refName, attribute);
                if (replaced) reasons.push(`${argument.path} reads ${replaced.path}.${attribute}, new once that is replaced`);
              }
              for (const [, dataSource, output] of expression.matchAll(REMOTE_OUTPUT)) {
                const producer = producerOf(dataSource, stackNames);
                if (producer && changedOutputs.has(`${producer}.${output}`)) reasons.push(`${argument.path} reads output ${output} of ${producer}, new once what it names is replaced`);
              }
            }
          }
          if (reasons.length > 0) {
            found.set(key(stackName, address), { change: undefined, stack: stackName, address, type, path: stack.pathOf("resource", type, name), kind: "replaced", reasons: [...new Set(reasons)], ownChanged: [] });
            grew = true;
          }
        }
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
      ...(STATEFUL_RESOURCES[d.type] ? { loses: STATEFUL_RESOURCES[d.type] } : {}),
      preventDestroy: d.kind !== "destroyed" && block(config?.lifecycle)?.prevent_destroy === true,
    };
  });
}
