import { Acknowledgement, Finding } from "../guardrails/evaluate";
import { acknowledgementsTable } from "./acknowledgements-table";
import { SynthesizedStack } from "../guardrails/synthesized-stack";
import { block } from "../guardrails/terraform-document";
import { architectureDiagram } from "./architecture-diagram";
import { iamTable } from "./iam-summary";
import { codeBlock, codeSpan } from "./markdown";
import { networkSummary } from "./network-summary";
import { humanize, table } from "./references";
import { SEED_CONTROLS, worstStatus } from "./seed-controls";

/** What the review report needs of one environment, or of a stack outside every environment. */
export interface StacksReview {
  /** Markdown: any name in it written with markdown.ts (`codeSpan`, `markdownText`). */
  readonly heading: string;
  /** The resolved config the stacks were built from; none for a stack outside the environments. */
  readonly config?: object;
  /** The environment's acknowledgements; none for a stack outside the environments. */
  readonly acknowledgements?: readonly Acknowledgement[];
  /** Its stacks in deployment order. */
  readonly stacks: readonly SynthesizedStack[];
  readonly findings: readonly Finding[];
  /**
   * The environment's startup.sh as uploaded: shell code that runs on every scheduler, worker and
   * webserver before pip installs requirements.txt. No rule can judge what it does, so the review
   * shows it whole for a person to read. @default none
   */
  readonly startupScript?: { readonly text: string; readonly sha256: string };
}

/** The most of a startup script the review shows; MWAA's own scripts are a few lines. */
const STARTUP_SCRIPT_SHOWN_CHARACTERS = 64 * 1024;

function startupScriptSection(script: { text: string; sha256: string }): string[] {
  const shown = script.text.slice(0, STARTUP_SCRIPT_SHOWN_CHARACTERS);
  return [
    "### Startup script",
    `\`startup.sh\` (SHA-256 ${codeSpan(script.sha256)}) runs as shell code on every container before pip installs \`requirements.txt\`. No guardrail can judge what a script does: it can change how pip installs (an index, find-links) or anything else the environment runs. Read it${shown.length < script.text.length ? ` (the first ${STARTUP_SCRIPT_SHOWN_CHARACTERS} characters of ${script.text.length} are shown)` : ""}:`,
    codeBlock("bash", shown),
  ];
}

function stateSummary(stacks: readonly SynthesizedStack[]): string {
  return table(
    ["stack", "backend", "where", "encryption", "locking"],
    stacks.map((stack) => {
      const backend = stack.backend;
      if (!backend) return [stack.name, "none (implicit local)", "", "", ""];
      const c = backend.config;
      switch (backend.type) {
        case "s3":
          return [stack.name, "s3", `s3://${c.bucket}/${c.key} (${c.region})`, `encrypt = ${c.encrypt}, kms_key_id = ${c.kms_key_id}`, c.use_lockfile ? "S3 lock file" : "none"];
        case "cloud":
          return [stack.name, "HCP Terraform", `${c.hostname ?? "app.terraform.io"}, organization ${c.organization}, workspace ${block(c.workspaces)?.name}`, "HCP Terraform", "workspace lock"];
        default:
          return [stack.name, backend.type, c.path ?? "", "none (local file)", "local file lock"];
      }
    }),
  );
}

function controlsTable(findings: readonly Finding[], stacks: readonly SynthesizedStack[]): string {
  const readable = (f: Finding) => {
    const stack = stacks.find((s) => s.name === f.stack);
    return stack ? humanize(stack, f.evidence) : f.evidence;
  };
  return table(
    ["rule", "source ids", "resource", "status", "evidence"],
    findings.map((f) => [
      `${f.rule.id}: ${f.rule.title}`,
      f.rule.sources.join(", "),
      f.resource,
      f.status,
      f.acknowledgement
        ? `${readable(f)}. Acknowledged until ${f.acknowledgement.expires}: ${f.acknowledgement.reason}`
        : f.expiredAcknowledgement
          ? `${readable(f)}. Acknowledgement expired on ${f.expiredAcknowledgement.expires}`
          : readable(f),
    ]),
  );
}

/** The report's section of one environment (or of one stack outside the environments). */
export function renderStacksSection(env: StacksReview): string {
  const counts = (status: string) => env.findings.filter((f) => f.status === status).length;
  return [
    `## ${env.heading}`,
    `Stacks: ${env.stacks.map((s) => codeSpan(s.name)).join(", ")}. Guardrails: ${counts("PASS")} pass, ${counts("FAIL")} fail, ${counts("ACKNOWLEDGED")} acknowledged.`,
    // Exceptions first: what is waived is what a reviewer must weigh before trusting any PASS below.
    ...(env.acknowledgements ? ["### Acknowledged exceptions", acknowledgementsTable(env.acknowledgements, env.findings)] : []),
    "### Architecture",
    architectureDiagram(env.stacks),
    "### Security playbook controls",
    table(
      ["control", "how it is met", "rules", "status"],
      SEED_CONTROLS.map((c) => [c.control, c.how, c.rules.join(", "), worstStatus(env.findings, c.rules)]),
    ),
    "### Controls",
    controlsTable(env.findings, env.stacks),
    "### IAM",
    ...env.stacks.flatMap((s) => [`#### ${codeSpan(s.name)}`, iamTable(s)]),
    "### Network",
    ...env.stacks.flatMap((s) => {
      const summary = networkSummary(s);
      return summary ? [`#### ${codeSpan(s.name)}`, summary] : [];
    }),
    "### Where state lives",
    stateSummary(env.stacks),
    ...(env.startupScript ? startupScriptSection(env.startupScript) : []),
    ...(env.config ? ["### Configuration used", codeBlock("json", JSON.stringify(env.config, null, 2))] : []),
  ].join("\n\n");
}

/**
 * `cdktf.out/REVIEW.md`: what the platform team reads in the pull request before a deploy, from
 * the environments' sections (in config order) and the number of violations among them.
 */
export function renderReview(sections: readonly string[], violations: number): string {
  return [
    "# Review of the synthesized MWAA stacks",
    "Generated by `cdktf synth` from the environment configs; do not edit. Every table is read from the Terraform configuration each stack wrote (`cdk.tf.json`, or `cdk.tf` with `--hcl`); with a violation, no stack is left in `cdktf.out/stacks/` to deploy.",
    violations === 0 ? "**No guardrail violation.**" : `**${violations} guardrail violation(s): the synth failed.**`,
    ...sections,
  ].join("\n\n") + "\n";
}
