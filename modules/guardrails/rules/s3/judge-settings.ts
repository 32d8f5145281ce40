import { BucketProperty, BucketSetting, bucketSettings, soleSetting } from "../../bucket-parts";
import { check, Evaluation, fail } from "../../rule";
import { SynthesizedStack, SynthResource } from "../../synthesized-stack";

export interface Verdict {
  readonly ok: boolean;
  readonly evidence: string;
}

export interface PropertyJudgement {
  /** When a bucket has no setting of the property: evidence of a violation, or a verdict (no lifecycle loses nothing). */
  readonly missing: string | Verdict;
  /** Judges a bucket's one setting, or an untied part on its own (bucket undefined). */
  readonly judge: (setting: BucketSetting, bucket?: SynthResource) => Verdict;
  /** Decides a bucket without reading its settings (an access log target...). */
  readonly exempt?: (bucket: SynthResource) => Verdict | undefined;
}

/**
 * A property S3 keeps once per bucket: every bucket needs exactly one deployed setting, which must
 * pass `judge`; two settings fail whatever they say (the last applied wins); every part that points
 * at no bucket of this stack is judged on its own, evaluated under its own path.
 */
export function judgeSoleSetting(stack: SynthesizedStack, property: BucketProperty, judgement: PropertyJudgement): Evaluation[] {
  const { buckets, untied } = bucketSettings(stack, property);
  return [
    ...buckets.map(({ bucket, settings }) => {
      const exempt = judgement.exempt?.(bucket);
      if (exempt) return check(bucket.path, exempt.ok, exempt.evidence);
      const outcome = soleSetting(settings);
      if (outcome.kind === "none") {
        const { missing } = judgement;
        return typeof missing === "string" ? fail(bucket.path, missing) : check(bucket.path, missing.ok, missing.evidence);
      }
      if (outcome.kind === "conflict") return fail(bucket.path, outcome.evidence);
      const verdict = judgement.judge(outcome.setting, bucket);
      const inline = outcome.setting.resource === bucket.path;
      return check(bucket.path, verdict.ok, inline ? `${verdict.evidence} (set by ${outcome.setting.from})` : verdict.evidence);
    }),
    ...judgeUntied(untied, (setting) => judgement.judge(setting)),
  ];
}

/** Untied parts, each on its own: several copies of one are two settings of one bucket. */
export function judgeUntied(untied: readonly BucketSetting[], judge: (setting: BucketSetting) => Verdict): Evaluation[] {
  return untied.flatMap((setting) => {
    const outcome = soleSetting([setting]);
    if (outcome.kind === "none") return [];
    const where = `${untiedNote(setting)}; `;
    if (outcome.kind === "conflict") return [fail(setting.resource, where + outcome.evidence)];
    const verdict = judge(setting);
    return [check(setting.resource, verdict.ok, where + verdict.evidence)];
  });
}

/** Evidence that a part is judged alone, naming where it points. */
function untiedNote(setting: BucketSetting): string {
  return `sets a bucket this stack does not define (bucket = ${JSON.stringify(setting.bucket ?? null)}), judged on its own`;
}
