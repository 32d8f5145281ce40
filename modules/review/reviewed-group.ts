import { createHash } from "node:crypto";
import { Acknowledgement, ACKNOWLEDGEMENTS_MATCH, Finding, Status } from "../guardrails/evaluate";
import { NotCheckedRow } from "../guardrails/not-checked";
import { SynthesizedStack } from "../guardrails/synthesized-stack";
import type { KeyPolicyReviewRow } from "../encryption/external-key-policy";
import { REVIEW_FOLDER } from "../synthesis/output-folder";

/**
 * What the review knows of one environment, or of one stack outside every environment: the unit
 * the summary gives a verdict for and the detail gives a file of its own.
 */
export interface ReviewedGroup {
  /** The environment's name, or the stack's. */
  readonly name: string;
  readonly kind: "environment" | "stack";
  /** The resolved config the stacks were built from; none for a stack outside the environments. */
  readonly config?: object;
  /**
   * The environment's config file as the synth was given it (e.g. `config/example.json`): where
   * code scanning points its findings. @default none (a stack outside the environments)
   */
  readonly configFile?: string;
  /** The environment's acknowledgements; none for a stack outside the environments. */
  readonly acknowledgements?: readonly Acknowledgement[];
  /** Its stacks in deployment order. */
  readonly stacks: readonly SynthesizedStack[];
  /** Every finding of its stacks, then one per acknowledgement (GUARDRAILS.ACKNOWLEDGEMENT_MATCHES). */
  readonly findings: readonly Finding[];
  /**
   * The environment's startup.sh as uploaded: shell code that runs on every scheduler, worker and
   * webserver before pip installs requirements.txt. No rule can judge what it does, so the review
   * shows it whole for a person to read. @default none
   */
  readonly startupScript?: { readonly text: string; readonly sha256: string };
  /**
   * What the config says is someone else's and no rule saw (a network team's VPC, its endpoints
   * and security groups): shown NOT CHECKED, never PASS, and the controls of those rules with it.
   * @default none
   */
  readonly notChecked?: readonly NotCheckedRow[];
  /**
   * A key the stacks do not own (encryption.keyArn): the statements its administrators must add to
   * its policy, and the file the synth wrote them to. @default none (the stacks create the key)
   */
  readonly externalKey?: { readonly keyArn: string; readonly file: string; readonly rows: readonly KeyPolicyReviewRow[] };
}

/** The group's detail file, relative to the output folder: `review/environments/<env>.md`, `review/stacks/<stack>.md`. */
export function detailFile(group: Pick<ReviewedGroup, "name" | "kind">): string {
  // Environment names ([a-zA-Z][0-9a-zA-Z_-]*) are file names as they are. A stack's name comes from
  // code and may hold any character but `/`: anything else is replaced, and a hash of the name keeps
  // two such names apart. The kinds get folders of their own, as a stack may share an environment's name.
  if (group.kind === "environment") return `${REVIEW_FOLDER}/environments/${group.name}.md`;
  const plain = group.name.replace(/[^A-Za-z0-9_-]/g, "_");
  const name = plain === group.name ? plain : `${plain}-${createHash("sha256").update(group.name).digest("hex").slice(0, 12)}`;
  return `${REVIEW_FOLDER}/stacks/${name}.md`;
}

export const countOf = (findings: readonly Finding[], status: Status): number => findings.filter((f) => f.status === status).length;

/** The guardrails' verdict on a group: FAIL when any finding fails, else PASS (with its exceptions counted). */
export function verdict(group: ReviewedGroup): string {
  const failed = countOf(group.findings, "FAIL");
  if (failed > 0) return "FAIL";
  const acknowledged = countOf(group.findings, "ACKNOWLEDGED");
  return acknowledged > 0 ? `PASS with ${acknowledged} acknowledged` : "PASS";
}

/** Whole days from `today` to `expires` (both `YYYY-MM-DD`, UTC): 0 on the day it expires. */
export function daysLeft(expires: string, today: string): number {
  return Math.round((Date.parse(`${expires}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** What an acknowledgement waives today, in words: a count, or why it waives nothing. */
export function acknowledgementEffect(group: ReviewedGroup, ack: Acknowledgement, index: number): string {
  const checks = group.findings.filter((f) => f.rule === ACKNOWLEDGEMENTS_MATCH);
  const waived = group.findings.filter((f) => f.acknowledgement === ack).length;
  const expired = group.findings.filter((f) => f.expiredAcknowledgement === ack).length;
  if (checks[index]?.status === "FAIL") return "nothing: FAIL (GUARDRAILS.ACKNOWLEDGEMENT_MATCHES)";
  if (expired > 0) return `nothing: expired, ${expired} violation(s) FAIL again`;
  return `${waived} violation(s)`;
}
