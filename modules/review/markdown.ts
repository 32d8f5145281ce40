/**
 * How a value that is not the report's own wording (a config value, a stack or construct name, a
 * Terraform argument, a rule's evidence) is written into `cdktf.out/REVIEW.md`. Config and code
 * come from untrusted pull requests, and the review is read rendered, on GitHub or GitLab: a value
 * written as it is could open an HTML comment or a `<details>` that hides every later section, close
 * a code fence, end a table cell or a line, draw a link or an image, restyle text, or reorder what a
 * reviewer reads with bidi controls. Each function here is for one place a value can stand.
 */

import { visible } from "../text/visible-text";

export { visible };

/** Characters that stand for what they are only outside Markdown syntax and HTML. */
const SPECIAL = /[\\`*_[\]~|#<>&$]/g;

/** Written as HTML entities: a backslash does not stop HTML, and GitHub's math ignores `\$`. */
const AS_HTML: Readonly<Record<string, string>> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", $: "<span>$</span>" };

const ALPHANUMERIC = /^[\p{L}\p{N}]$/u;
const SPACE = /^\p{Zs}$/u;
/** Punctuation to every renderer: ASCII punctuation and Unicode's P categories. */
const PUNCTUATION = /^[\p{P}!-/:-@\[-`{-~]$/u;

/**
 * Whether the character at `at` of `text` is a `_` or `*` no Markdown renderer can take for
 * emphasis: `_` inside a word (`retention_in_days`), and `*` that ends a word before punctuation
 * (`s3:GetObject*,`) or is followed by a space (CommonMark's flanking rules: such a `*` could only
 * close emphasis, and every `*` that could open one is escaped). Kept so ordinary values read as they are.
 */
function inertEmphasis(text: string, at: number): boolean {
  const [before, after] = [text[at - 1] ?? "", text[at + 1] ?? ""];
  if (text[at] === "_") return ALPHANUMERIC.test(before) && ALPHANUMERIC.test(after);
  return SPACE.test(after) || (ALPHANUMERIC.test(before) && PUNCTUATION.test(after));
}

/**
 * A value as Markdown text: in a table cell, a heading or a paragraph, after the report's own words
 * on the line (never at its start). Renders as the value's characters and nothing else: no HTML,
 * comment, link, image, emphasis, strikethrough, math, code span or cell break, no line break.
 */
export function markdownText(value: unknown): string {
  const text = visible(String(value ?? ""));
  return text.replace(SPECIAL, (character, at: number) => {
    if ((character === "_" || character === "*") && inertEmphasis(text, at)) return character;
    return AS_HTML[character] ?? `\\${character}`;
  });
}

const longestBacktickRun = (text: string) => Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));

/**
 * A value as an inline code span, after the report's own words on a line; not in a table cell
 * (GFM splits cells at `|` even inside code). Its delimiter is longer than any run of backticks in
 * the value, so the value cannot end it.
 */
export function codeSpan(value: unknown): string {
  const text = visible(String(value ?? "")) || " ";
  const delimiter = "`".repeat(longestBacktickRun(text) + 1);
  // CommonMark strips one space from each end when both ends have one; a backtick at an end would join the delimiter.
  const padded = /^`|`$/.test(text) || /^ [^]*[^ ][^]* $/.test(text) ? ` ${text} ` : text;
  return `${delimiter}${padded}${delimiter}`;
}

/**
 * A fenced code block of `content`, whose lines are shown as they are (nothing in a fence is
 * Markdown) but with hidden characters visible. The fence is longer than any run of backticks in
 * the content, so no line of it can close the block early.
 */
export function codeBlock(language: string, content: string): string {
  const lines = content.split("\n").map(visible);
  const fence = "`".repeat(Math.max(3, longestBacktickRun(content) + 1));
  return [`${fence}${language}`, ...lines, fence].join("\n");
}

/**
 * What Mermaid shows as written inside a quoted label. Everything else is written as a Mermaid
 * entity code (`#60;`): a quote would end the label, `<` is HTML, `#` and `;` make entity codes,
 * a backtick a Markdown label, `%%{` a directive that restyles the whole diagram, `fa:` an icon,
 * and Mermaid's own entity placeholders are non-ASCII characters.
 */
const MERMAID_PLAIN = /^[A-Za-z0-9 .,/_*=+@()-]$/;

/** A value as text of a Mermaid label (`node["..."]`): shown as its characters, never as markup. */
export function mermaidText(value: unknown): string {
  return Array.from(visible(String(value ?? "")), (character) => (MERMAID_PLAIN.test(character) ? character : `#${character.codePointAt(0)};`)).join("");
}
