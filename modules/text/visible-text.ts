/**
 * Text from untrusted sources (config files, file names, construct paths, Terraform values) made
 * visible wherever it is shown: in REVIEW.md, in an error line, in a terminal. Defined once, for
 * every place that shows such text.
 */

/**
 * What a reader cannot see, or what moves, joins or breaks the text around it: control and format
 * characters (bidi controls such as U+202E among them), line and paragraph separators, private-use,
 * unassigned and lone surrogate code points, and the code points Unicode asks renderers to show as
 * nothing (zero-width spaces, joiners, variation selectors, Hangul fillers, tag characters).
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;

/**
 * Combining marks stacked on one letter. Writing uses one or two; a long run draws over the rows
 * above and below it, which can cover other parts of the review.
 */
const STACKED_MARKS = /[\p{Mn}\p{Me}]{3,}/gu;

const SHORT_ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** `\uXXXX` for each UTF-16 unit: how JSON and JavaScript write the character, so it reads the same in the config block. */
const unicodeEscape = (character: string) =>
  Array.from({ length: character.length }, (_, i) => `\\u${character.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0")}`).join("");

/**
 * `text` with every character a reader could not see, or that would act on the text around it,
 * shown as its escape (`\n`, `\u202E`), so the reviewer sees that something was there. Not dropped:
 * a value that needs such a character is odd, and that is what the reviewer should notice.
 */
export function visible(text: string): string {
  return text
    .replace(HIDDEN, (character) => SHORT_ESCAPES[character] ?? unicodeEscape(character))
    .replace(STACKED_MARKS, unicodeEscape);
}

/** Whether `text` holds a character `visible` would escape. */
export function hasHiddenCharacters(text: string): boolean {
  return visible(text) !== text;
}
