/**
 * Python package versions as PEP 440 defines them ("Version specifiers", the normalised form and
 * version matching), so `Foo==1.0` in requirements.txt and `foo-1.0.0-py3-none-any.whl` in
 * plugins/ are seen as the same version, the way pip sees them.
 */

/** PEP 440 appendix B's pattern (the one packaging.version uses), case-insensitive. */
const VERSION_PATTERN =
  /^\s*v?(?:(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?(\d+)?)?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d+)?)?(?:[-_.]?(dev)[-_.]?(\d+)?)?)(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?\s*$/i;

export interface Pep440Version {
  /** Epoch, release, pre, post and dev in normalised form, trailing zero release parts dropped. */
  readonly public: string;
  /** The local label, lower case, separators as `.`; empty when there is none. */
  readonly local: string;
}

const number = (digits: string | undefined) => (digits ?? "0").replace(/^0+(?=\d)/, "");
const PRE_LABELS: Readonly<Record<string, string>> = { alpha: "a", a: "a", beta: "b", b: "b", c: "rc", pre: "rc", preview: "rc", rc: "rc" };

/** `text` as a PEP 440 version, or undefined when it is not one. */
export function parseVersion(text: string): Pep440Version | undefined {
  const m = VERSION_PATTERN.exec(text);
  if (!m) return undefined;
  const [, epoch, release, preLabel, preNumber, postImplicit, postLabel, postNumber, devLabel, devNumber, local] = m;
  const parts = release.split(".").map(number);
  while (parts.length > 1 && parts[parts.length - 1] === "0") parts.pop();
  let key = `${number(epoch)}!${parts.join(".")}`;
  if (preLabel) key += `${PRE_LABELS[preLabel.toLowerCase()]}${number(preNumber)}`;
  if (postImplicit !== undefined || postLabel) key += `.post${number(postImplicit ?? postNumber)}`;
  if (devLabel) key += `.dev${number(devNumber)}`;
  return { public: key, local: (local ?? "").toLowerCase().replace(/[-_]/g, ".") };
}

/**
 * Whether `candidate` satisfies `==pinned` (PEP 440 "Version matching"): release parts compared
 * with zero padding; a pin without a local label ignores the candidate's local label.
 */
export function versionMatches(pinned: Pep440Version, candidate: Pep440Version): boolean {
  if (pinned.public !== candidate.public) return false;
  return pinned.local === "" || pinned.local === candidate.local;
}
