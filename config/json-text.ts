/**
 * A strict JSON reader for config files (RFC 8259, nothing more), written for what JSON.parse does
 * not say:
 *
 * - a key given twice in one object is refused with both lines. JSON.parse keeps the last, so a
 *   pull request can add a second `"webserverAccessMode"` far below the first and the diff shows
 *   only an innocent-looking line. Keys are compared after unescaping (`"n\u0061me"` is `"name"`).
 * - a syntax error says where (line and column, as editors count them) and what was expected,
 *   where JSON.parse gives a character offset.
 * - nesting is bounded (MAX_NESTING_DEPTH), so no later recursive walk over the value can run out
 *   of stack on a hostile file.
 *
 * Objects are built as JSON.parse builds them: plain objects whose keys are own properties, so a
 * `"__proto__"` key is a key (the schema refuses it), never a prototype.
 */

/**
 * Deepest nesting of objects and lists a config file may have. The deepest setting today is four
 * levels down (`guardrails.acknowledgements[0].rule`); 32 leaves room for any setting to come and
 * stays far below the stack the validators' recursive walks can take.
 */
export const MAX_NESTING_DEPTH = 32;

/** Duplicate keys reported per file; past that, one line says how many more there are. */
const MAX_DUPLICATES_SHOWN = 20;

export interface JsonTextProblem {
  /** 1-based line; a line ends at LF, CR LF or CR. */
  readonly line: number;
  /** 1-based column, in characters (code points) from the start of the line. */
  readonly column: number;
  readonly message: string;
}

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; problems: JsonTextProblem[] };

/** A UTF-8 byte-order mark some editors write at the start of a file; it is not part of the JSON. */
const BYTE_ORDER_MARK = "\uFEFF";

export function parseJsonText(source: string): JsonTextResult {
  const text = source.startsWith(BYTE_ORDER_MARK) ? source.slice(1) : source;
  const reader = new StrictJsonReader(text);
  try {
    const value = reader.document();
    if (reader.duplicates.length > 0) return { ok: false, problems: reader.duplicateProblems() };
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof JsonTextError)) throw error;
    // Duplicates found before the syntax error are worth fixing too; they come first, in file order.
    return { ok: false, problems: [...reader.duplicateProblems(), reader.problemAt(error.offset, error.message)] };
  }
}

class JsonTextError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

interface Duplicate {
  readonly key: string;
  readonly firstOffset: number;
  readonly offset: number;
}

const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
/** RFC 8259's number, read where the reader stands. */
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const VALUE_EXPECTED = "a value (an object, a list, a string, a number, true, false or null)";

class StrictJsonReader {
  private offset = 0;
  private depth = 0;
  private lineStarts?: number[];
  readonly duplicates: Duplicate[] = [];

  constructor(private readonly text: string) {}

  document(): unknown {
    this.skipWhitespace();
    if (this.offset >= this.text.length) this.syntax(this.offset, "the file is empty; it must hold one JSON object, the environment's settings");
    const value = this.value();
    this.skipWhitespace();
    if (this.offset < this.text.length) this.fail("the end of the file after the top-level value");
    return value;
  }

  duplicateProblems(): JsonTextProblem[] {
    const shown = this.duplicates.slice(0, MAX_DUPLICATES_SHOWN).map(({ key, firstOffset, offset }) => {
      const first = this.position(firstOffset).line;
      const again = this.position(offset).line;
      const lines = first === again ? `both on line ${first}` : `lines ${first} and ${again}`;
      return this.problemAt(
        offset,
        `the key ${quote(key)} appears twice in one object (${lines}); JSON readers keep only the last, so a diff can hide a change: keep one`,
      );
    });
    const more = this.duplicates.length - shown.length;
    if (more <= 0) return shown;
    const last = this.duplicates[this.duplicates.length - 1];
    return [...shown, this.problemAt(last.offset, `and ${more} more duplicate key${more === 1 ? "" : "s"}; keep each key once`)];
  }

  problemAt(offset: number, message: string): JsonTextProblem {
    return { ...this.position(offset), message };
  }

  private value(): unknown {
    const char = this.text[this.offset];
    if (char === "{") return this.object();
    if (char === "[") return this.list();
    if (char === '"') return this.string();
    if (char === "-" || isDigit(char)) return this.number();
    for (const [literal, value] of [["true", true], ["false", false], ["null", null]] as const) {
      if (this.text.startsWith(literal, this.offset)) {
        this.offset += literal.length;
        return value;
      }
    }
    return this.fail(VALUE_EXPECTED);
  }

  private enter(): void {
    this.depth += 1;
    if (this.depth > MAX_NESTING_DEPTH) {
      throw new JsonTextError(
        this.offset,
        `objects and lists are nested more than ${MAX_NESTING_DEPTH} deep; no setting is nested more than a few levels: remove the extra nesting`,
      );
    }
    this.offset += 1;
    this.skipWhitespace();
  }

  private object(): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    const seen = new Map<string, number>();
    this.enter();
    if (this.text[this.offset] === "}") {
      this.offset += 1;
      this.depth -= 1;
      return object;
    }
    for (;;) {
      if (this.text[this.offset] !== '"') {
        this.fail(seen.size === 0 ? "a key in double quotes, or '}'" : "a key in double quotes after ','");
      }
      const keyOffset = this.offset;
      const key = this.string();
      this.skipWhitespace();
      if (this.text[this.offset] !== ":") this.fail(`':' after the key ${quote(key)}`);
      this.offset += 1;
      this.skipWhitespace();
      const value = this.value();
      const firstOffset = seen.get(key);
      if (firstOffset === undefined) seen.set(key, keyOffset);
      else this.duplicates.push({ key, firstOffset, offset: keyOffset });
      Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      this.skipWhitespace();
      const next = this.text[this.offset];
      if (next === "}") break;
      if (next !== ",") this.fail(`',' or '}' after the value of ${quote(key)}`);
      this.offset += 1;
      this.skipWhitespace();
    }
    this.offset += 1;
    this.depth -= 1;
    return object;
  }

  private list(): unknown[] {
    const list: unknown[] = [];
    this.enter();
    if (this.text[this.offset] === "]") {
      this.offset += 1;
      this.depth -= 1;
      return list;
    }
    for (;;) {
      if (list.length > 0 && this.text[this.offset] === "]") this.fail(`${VALUE_EXPECTED} after ','`);
      list.push(this.value());
      this.skipWhitespace();
      const next = this.text[this.offset];
      if (next === "]") break;
      if (next !== ",") this.fail("',' or ']' after a list item");
      this.offset += 1;
      this.skipWhitespace();
    }
    this.offset += 1;
    this.depth -= 1;
    return list;
  }

  private string(): string {
    const start = this.offset;
    this.offset += 1;
    let result = "";
    let runStart = this.offset;
    for (;;) {
      if (this.offset >= this.text.length) {
        const { line, column } = this.position(start);
        this.fail(`'"' to close the string that starts at line ${line}, column ${column}`);
      }
      const char = this.text[this.offset];
      if (char === '"') break;
      if (char < " ") {
        const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
        const lineBreak = char === "\n" || char === "\r";
        this.syntax(
          this.offset,
          lineBreak
            ? `a string does not continue past the end of a line: close it with '"', or write a line break as \\n`
            : `control character ${code} is not allowed in a string; write it as \\u${code.slice(2)}`,
        );
      }
      if (char !== "\\") {
        this.offset += 1;
        continue;
      }
      result += this.text.slice(runStart, this.offset);
      const escape = this.text[this.offset + 1];
      if (escape === "u") {
        const hex = this.text.slice(this.offset + 2, this.offset + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          this.syntax(this.offset, "expected four hexadecimal digits after \\u");
        }
        result += String.fromCharCode(parseInt(hex, 16));
        this.offset += 6;
      } else if (escape !== undefined && escape in ESCAPES) {
        result += ESCAPES[escape];
        this.offset += 2;
      } else {
        this.syntax(this.offset, `expected an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX), found ${this.describe(this.offset + 1)}`);
      }
      runStart = this.offset;
    }
    result += this.text.slice(runStart, this.offset);
    this.offset += 1;
    return result;
  }

  private number(): number {
    NUMBER.lastIndex = this.offset;
    const match = NUMBER.exec(this.text);
    if (!match) {
      this.offset += this.text[this.offset] === "-" ? 1 : 0;
      return this.fail("a digit");
    }
    if (match[1] === "0" && isDigit(this.text[this.offset + match[0].length])) {
      this.syntax(this.offset, "a number does not start with 0 unless it is 0: remove the leading zero");
    }
    this.offset += match[0].length;
    return Number(match[0]);
  }

  private skipWhitespace(): void {
    while (this.offset < this.text.length) {
      const char = this.text[this.offset];
      if (char !== " " && char !== "\t" && char !== "\n" && char !== "\r") return;
      this.offset += 1;
    }
  }

  /** Throws: expected `what` where the reader stands, found what is there. */
  private fail(what: string): never {
    const found = this.text[this.offset];
    let hint = "";
    if (found === "/") hint = " (JSON has no comments)";
    else if (found === "'") hint = " (JSON strings and keys take double quotes)";
    else if ((found === "}" || found === "]") && this.previousNonBlank() === ",") hint = " (JSON allows no ',' before a closing bracket)";
    this.syntax(this.offset, `expected ${what}, found ${this.describe(this.offset)}${hint}`);
  }

  private syntax(offset: number, message: string): never {
    throw new JsonTextError(offset, `not valid JSON: ${message}`);
  }

  private previousNonBlank(): string | undefined {
    let at = this.offset - 1;
    while (at >= 0 && /[ \t\n\r]/.test(this.text[at])) at -= 1;
    return this.text[at];
  }

  /** One character of the file, shown so that no control or invisible character reaches a terminal raw. */
  private describe(offset: number): string {
    const char = this.text.codePointAt(offset);
    if (char === undefined) return "the end of the file";
    const shown = String.fromCodePoint(char);
    if (/[\p{L}\p{N}\p{P}\p{S}]/u.test(shown)) return `'${shown}'`;
    return `character U+${char.toString(16).toUpperCase().padStart(4, "0")}`;
  }

  /** Line and column of an offset, as an editor shows them. */
  private position(offset: number): { line: number; column: number } {
    const starts = (this.lineStarts ??= lineStarts(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    const column = [...this.text.slice(starts[low], offset)].length + 1;
    return { line: low + 1, column };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\r" && text[i + 1] === "\n") continue;
    if (char === "\n" || char === "\r") starts.push(i + 1);
  }
  return starts;
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= "0" && char <= "9";
}

/** A key as it appears in a message: quoted, escaped as JSON escapes it, shortened. */
function quote(key: string): string {
  const text = JSON.stringify(key);
  return text.length > 60 ? `${text.slice(0, 57)}..."` : text;
}
