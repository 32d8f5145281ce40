import { templateExpressions } from "../terraform/template-syntax";

/**
 * Functions whose result comes from the machine that runs `terraform plan` (its files, or a
 * template read from a string), or from provider code: what they yield is unknown at synth.
 */
const UNREADABLE_CALL = /(^|[^\w.])((?:core::)?(?:file|fileexists|fileset|filebase64|filebase64sha256|filebase64sha512|filemd5|filesha1|filesha256|filesha512|templatefile|templatestring)|provider::[\w-]+::[\w-]+)\s*\(/;

/** The name of the first call in `template` whose value the rules cannot know, if any. */
export function unreadableCall(template: string): string | undefined {
  for (const body of templateExpressions(template)) {
    const match = UNREADABLE_CALL.exec(body);
    if (match) return match[2];
  }
  return undefined;
}

/**
 * Every string of a JSON value, object keys included, with where it sits. `//` is not skipped:
 * Terraform ignores it as a comment in a block body but evaluates it as a key in an expression.
 */
export function* stringsOf(value: unknown, path = ""): Generator<{ path: string; text: string }> {
  if (typeof value === "string") {
    yield { path, text: value };
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* stringsOf(item, `${path}[${index}]`);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      yield { path: `${path}.${key}`, text: key };
      yield* stringsOf(item, `${path}.${key}`);
    }
  }
}
