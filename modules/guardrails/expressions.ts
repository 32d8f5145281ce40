import { templateExpressions } from "../terraform/template-syntax";

/**
 * Functions whose result comes from the machine that runs `terraform plan` (its files, or a
 * template read from a string), or from provider code: what they yield is unknown at synth.
 */
const UNREADABLE_CALL = /(^|[^\w.])((?:core::)?(?:file|fileexists|fileset|filebase64|filebase64sha256|filebase64sha512|filemd5|filesha1|filesha256|filesha512|templatefile|templatestring)|provider::[\w-]+::[\w-]+)\s*\(/;

/** The name of the first call in `template` whose value the rules cannot know, if any. */
export function unreadableCall(template: string): string | undefined {
  if (!template.includes("(")) return undefined;
  for (const body of templateExpressions(template)) {
    const match = UNREADABLE_CALL.exec(body);
    if (match) return match[2];
  }
  return undefined;
}

/**
 * Every string of a JSON value for which `keep` holds, object keys included, with where it sits.
 * `//` is not skipped: Terraform ignores it as a comment in a block body but evaluates it as a key
 * in an expression. Paths are built only for what is kept (a stack holds thousands of strings).
 */
export function stringsOf(value: unknown, keep: (text: string) => boolean = () => true): { path: string; text: string }[] {
  const found: { path: string; text: string }[] = [];
  const trail: (string | number)[] = [];
  const at = () => trail.map((s) => (typeof s === "number" ? `[${s}]` : `.${s}`)).join("");
  const walk = (node: unknown): void => {
    if (typeof node === "string") {
      if (keep(node)) found.push({ path: at(), text: node });
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => {
        trail.push(index);
        walk(item);
        trail.pop();
      });
    } else if (typeof node === "object" && node !== null) {
      for (const [key, item] of Object.entries(node)) {
        trail.push(key);
        if (keep(key)) found.push({ path: at(), text: key });
        walk(item);
        trail.pop();
      }
    }
  };
  walk(value);
  return found;
}
