import { AIRFLOW_3_INVALID_VALUES, AIRFLOW_3_OPTION_CHANGES, Airflow3OptionChange, AirflowRelease } from "./airflow-3-option-changes";
import { MWAA_MANAGED_OPTIONS } from "./mwaa-managed-options";

/**
 * What an `airflow.configurationOptions` key means on the environment's Airflow version: an option
 * that version no longer reads (Airflow 3 removed or renamed it), an Airflow 3 name on Airflow 2,
 * an option MWAA overrides, or a value Airflow 3 refuses. MWAA passes unknown options on as
 * environment variables without complaint, so each of these would deploy and silently do nothing.
 */

export interface Release {
  readonly text: string;
  readonly major: number;
  readonly minor: number;
}

/** `2.11.0` → major 2, minor 11; undefined for anything else (the schema names a bad version). */
export function parseRelease(version: string): Release | undefined {
  const match = /^(\d+)\.(\d+)(\.\d+)?$/.exec(version);
  return match ? { text: version, major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

function reached(release: Release, since: AirflowRelease): boolean {
  const [major, minor] = since.split(".").map(Number);
  return release.major > major || (release.major === major && release.minor >= minor);
}

/** The newest change `release` applies to `option`. */
function changeOf(option: string, release: Release): Airflow3OptionChange | undefined {
  return AIRFLOW_3_OPTION_CHANGES.filter((change) => change.option === option && reached(release, change.since)).at(-1);
}

type Outcome = { readonly renamedTo: string } | { readonly removed: Airflow3OptionChange };

/**
 * Where a rename leads on `release`: Airflow renamed some options twice, or renamed then removed
 * them (core.load_default_connections → database.load_default_connections, removed).
 */
function outcome(change: Airflow3OptionChange, release: Release): Outcome {
  const seen = new Set([change.option]);
  let current = change;
  while (current.renamedTo !== undefined) {
    const next = changeOf(current.renamedTo, release);
    if (next === undefined || seen.has(next.option)) return { renamedTo: current.renamedTo };
    seen.add(next.option);
    current = next;
  }
  return { removed: current };
}

/**
 * Airflow 3 names of options Airflow 2 reads under `[webserver]`: the table's webserver → api moves.
 * Only these are refused on Airflow 2; other new names (`fab.*`, `database.*`, `metrics.*`...)
 * also exist in later Airflow 2 releases or its providers, so the table cannot tell.
 */
const AIRFLOW_2_NAMES = new Map(
  AIRFLOW_3_OPTION_CHANGES.flatMap(({ option, renamedTo }) =>
    option.startsWith("webserver.") && renamedTo?.startsWith("api.") ? [[renamedTo, option] as const] : [],
  ),
);

/** The problem of `option` (lowercase `section.option`) set to `value` on `release`, as a message. */
export function versionOptionMessage(option: string, value: string, release: Release): string | undefined {
  const major = release.major === 2 || release.major === 3 ? release.major : undefined;
  if (major !== undefined && MWAA_MANAGED_OPTIONS[major].includes(option)) {
    return `is set by MWAA itself on Airflow ${major}, which overrides the value given here; remove it`;
  }
  if (major === 2) {
    const old = AIRFLOW_2_NAMES.get(option);
    return old && `is the Airflow 3 name of ${old} and does not exist in Airflow ${release.text}; use airflow.configurationOptions.${old} instead, or leave it out`;
  }
  const change = changeOf(option, release);
  if (change) {
    const result = outcome(change, release);
    if ("renamedTo" in result) {
      const name = result.renamedTo;
      return major !== undefined && MWAA_MANAGED_OPTIONS[major].includes(name)
        ? `is not read by Airflow ${release.text}: Airflow 3 renamed it to ${name}, which MWAA sets itself; remove it`
        : `is not read by Airflow ${release.text}: Airflow 3 renamed it to ${name}; use airflow.configurationOptions.${name} instead`;
    }
    const gone = result.removed;
    const how = gone.option === option ? `Airflow ${gone.since} removed it` : `Airflow 3 renamed it to ${gone.option}, then removed that`;
    return `does not exist in Airflow ${release.text}: ${how}; remove it${gone.instead ? ` (${gone.instead})` : ""}`;
  }
  const invalid = AIRFLOW_3_INVALID_VALUES.find((entry) => entry.option === option && reached(release, entry.since) && entry.value === value.trim());
  return invalid && `is not accepted by Airflow ${release.text}: ${invalid.fix}`;
}
