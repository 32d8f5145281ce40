/**
 * A requirements file read line by line the way pip reads it (pip's src/pip/_internal/req/
 * req_file.py: `preprocess` = splitlines, `join_lines`, `ignore_comments`, then
 * `break_args_options` and `shlex.split` of the options), so what is judged is what pip acts on.
 * The callers refuse, before this runs, the characters where a reader and pip could disagree
 * (non-ASCII text, control characters that Python's splitlines takes as line breaks).
 */

export interface LogicalLine {
  /** The number pip reports: the first physical line of a `\`-continued line, counted from 1. */
  readonly lineNumber: number;
  /** The line as pip parses it: continuations joined, the comment removed, spaces trimmed. */
  readonly text: string;
}

/** Python's str.splitlines separators (\r\n counts once). */
const LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]/;
/** pip's COMMENT_RE, `(^|\s+)#.*$`, as `re.match` applies it: a line that starts with a comment. */
const STARTS_WITH_COMMENT = /^\s*#/;
/** pip's COMMENT_RE as `re.sub` applies it: from the first `#` at the start or after whitespace. */
const COMMENT = /(^|\s+)#.*$/;

function pythonSplitLines(content: string): string[] {
  const lines = content.split(LINE_BREAK);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Python's `str.strip(chars)` for one character. */
const stripChar = (text: string, char: string) => {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === char) start++;
  while (end > start && text[end - 1] === char) end--;
  return text.slice(start, end);
};

/** The non-empty lines pip would parse, each with the line number pip would give it. */
export function logicalLines(content: string): LogicalLine[] {
  const joined: { lineNumber: number; text: string }[] = [];
  let pending: string[] = [];
  let pendingNumber = 0;
  pythonSplitLines(content).forEach((physical, index) => {
    let line = physical;
    if (!line.endsWith("\\") || STARTS_WITH_COMMENT.test(line)) {
      if (STARTS_WITH_COMMENT.test(line)) line = " " + line;
      if (pending.length > 0) {
        joined.push({ lineNumber: pendingNumber, text: pending.join("") + line });
        pending = [];
      } else {
        joined.push({ lineNumber: index + 1, text: line });
      }
    } else {
      if (pending.length === 0) pendingNumber = index + 1;
      pending.push(stripChar(line, "\\"));
    }
  });
  if (pending.length > 0) joined.push({ lineNumber: pendingNumber, text: pending.join("") });
  return joined.map((l) => ({ lineNumber: l.lineNumber, text: l.text.replace(COMMENT, "").trim() })).filter((l) => l.text !== "");
}

/**
 * pip's break_args_options: words (split on single spaces) up to the first that starts with `-`
 * are the requirement; the rest are options.
 */
export function splitArgsAndOptions(line: string): { args: string; options: string } {
  const tokens = line.split(" ");
  const first = tokens.findIndex((token) => token.startsWith("-"));
  if (first === -1) return { args: line, options: "" };
  return { args: tokens.slice(0, first).join(" "), options: tokens.slice(first).join(" ") };
}

/**
 * Python's shlex.split (POSIX mode, whitespace_split, no comments): quotes group, a backslash
 * escapes outside quotes and, inside double quotes, only `"` and `\`. Undefined where shlex raises
 * (an unclosed quote, a trailing backslash), as pip then refuses the line.
 */
export function shlexSplit(text: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\r" || c === "\n") {
      if (word !== undefined) words.push(word);
      word = undefined;
      i++;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end === -1) return undefined;
      word = (word ?? "") + text.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      let value = "";
      i++;
      for (;;) {
        if (i >= text.length) return undefined;
        if (text[i] === '"') break;
        if (text[i] === "\\" && (text[i + 1] === '"' || text[i + 1] === "\\")) i++;
        if (i >= text.length) return undefined;
        value += text[i];
        i++;
      }
      word = (word ?? "") + value;
      i++;
    } else if (c === "\\") {
      if (i + 1 >= text.length) return undefined;
      word = (word ?? "") + text[i + 1];
      i += 2;
    } else {
      word = (word ?? "") + c;
      i++;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}
