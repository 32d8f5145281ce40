/**
 * Terraform expressions inside the strings of a configuration. In Terraform's JSON syntax every
 * string is a template: `${ ... }` interpolates and `%{ ... }` is a directive, while `$${` and `%%{`
 * stand for the literal text.
 */

/** The bodies of the interpolations and directives of a template, escapes skipped. */
export function templateExpressions(template: string): string[] {
  const bodies: string[] = [];
  let i = 0;
  while (i < template.length) {
    if (template.startsWith("$${", i) || template.startsWith("%%{", i)) {
      i += 3;
    } else if (template.startsWith("${", i) || template.startsWith("%{", i)) {
      const end = closingBrace(template, i + 2);
      bodies.push(template.slice(i + 2, end));
      i = end + 1;
    } else {
      i++;
    }
  }
  return bodies;
}

/** Index of the `}` that closes an expression starting at `from` (quoted strings skipped). */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "{") {
      depth++;
    } else if (c === "}" && --depth === 0) {
      return i;
    }
  }
  return text.length;
}

/**
 * Functions whose result comes from the machine that runs `terraform plan` (its files, or a
 * template read from a string), or from provider code: what they yield is unknown at synth.
 */
const UNREADABLE_CALL = /(^|[^\w.:-])(file|fileexists|fileset|filebase64|filebase64sha256|filebase64sha512|filemd5|filesha1|filesha256|filesha512|templatefile|templatestring|provider::[\w-]+::[\w-]+)\s*\(/;

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
