import { Problem } from "./rules";

/**
 * How cdktf marks a value as a token (a placeholder it replaces at synth: a resource attribute,
 * another stack's output). A config string that holds one would be resolved by cdktf as if code
 * had written it: it could point one environment's stack at another's state. A test holds these
 * equal to what cdktf encodes.
 */
const CDKTF_TOKEN_MARKERS = ["${TfToken[", "#{TfToken[", "&{TfToken["] as const;

/** cdktf encodes number tokens as doubles far outside any count or size a config holds. */
const LARGEST_CONFIG_NUMBER = Number.MAX_SAFE_INTEGER;

/**
 * Everything in a config file that is not plain data to cdktf: strings and keys holding a token
 * marker, numbers that may be encoded tokens. Every field, whatever the schema makes of it.
 */
export function plainDataProblems(value: unknown, path = ""): Problem[] {
  if (typeof value === "string") {
    const marker = CDKTF_TOKEN_MARKERS.find((m) => value.includes(m));
    return marker ? [{ path, value, message: `holds '${marker}', cdktf's marker of a token; config text is data, never a reference: remove it` }] : [];
  }
  if (typeof value === "number") {
    return Math.abs(value) > LARGEST_CONFIG_NUMBER ? [{ path, value, message: `is beyond ${LARGEST_CONFIG_NUMBER}, larger than any setting takes` }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => plainDataProblems(item, `${path}[${index}]`));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => {
      const at = path ? `${path}.${key}` : key;
      return [...plainDataProblems(key, at).map((p) => ({ ...p, message: `key ${p.message}` })), ...plainDataProblems(item, at)];
    });
  }
  return [];
}
