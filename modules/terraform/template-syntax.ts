/**
 * Terraform's template syntax, which applies to every string of a configuration (JSON and HCL
 * alike): `${ ... }` interpolates an expression, `%{ ... }` is a directive, and `$${` and `%%{`
 * stand for the literal text `${` and `%{`.
 */

/**
 * `text` as a string Terraform reads literally: every `${` and `%{` escaped. For values that come
 * from config files, which are data: a config value must never run as an expression on the
 * machine that plans (`${file("~/.aws/credentials")}`).
 */
export function terraformLiteral(text: string): string {
  return text.replace(/\$\{/g, "$$${").replace(/%\{/g, "%%{");
}

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
