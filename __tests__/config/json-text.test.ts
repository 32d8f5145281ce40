import { MAX_NESTING_DEPTH, parseJsonText } from "../../config/json-text";

const problemsOf = (text: string) => {
  const result = parseJsonText(text);
  return result.ok ? [] : result.problems;
};

describe("reading JSON text strictly", () => {
  it.each([
    ["an object of every kind of value", '{"s":"text","n":-12.5e-3,"i":0,"t":true,"f":false,"z":null,"l":[1,[2,{}]],"o":{"p":[]}}'],
    ["escapes of every kind", '{"e":"\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00"}'],
    ["text outside ASCII", '{"café":"☕ 😀"}'],
    ["whitespace of every kind JSON allows", ' \t\r\n{ "a" :\r\n [ 1 ,\t2 ] }\n'],
    ["a top-level list", "[1, 2]"],
  ])("reads %s as JSON.parse does", (_, text) => {
    expect(parseJsonText(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it("keeps a __proto__ key as a key, never as the object's prototype", () => {
    const result = parseJsonText('{"__proto__": {"polluted": true}}');
    if (!result.ok) throw new Error("refused");
    const value = result.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("accepts a UTF-8 byte-order mark, and counts columns as if it were not there", () => {
    expect(parseJsonText('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(problemsOf('\uFEFF{"a" 1}')[0]).toMatchObject({ line: 1, column: 6 });
  });
});

describe("duplicate keys", () => {
  it("accepts one key in several objects", () => {
    expect(parseJsonText('{"a": {"name": 1}, "b": {"name": 2}}').ok).toBe(true);
  });

  it("refuses a key given twice in one object, naming the key and both lines", () => {
    const text = '{\n  "webserverAccessMode": "PRIVATE_ONLY",\n  "name": "x",\n  "webserverAccessMode": "PUBLIC_ONLY"\n}';
    expect(problemsOf(text)).toEqual([
      {
        line: 4,
        column: 3,
        message:
          'the key "webserverAccessMode" appears twice in one object (lines 2 and 4); JSON readers keep only the last, so a diff can hide a change: keep one',
      },
    ]);
  });

  it("compares keys after unescaping, so an escape cannot disguise a second key", () => {
    expect(problemsOf('{"name": "a",\n"n\\u0061me": "b"}')).toEqual([
      expect.objectContaining({ line: 2, column: 1, message: expect.stringMatching(/^the key "name" appears twice in one object \(lines 1 and 2\)/) }),
    ]);
  });

  it("finds duplicates in nested objects, and all of them", () => {
    const problems = problemsOf('{"tags": {"Owner": "a", "Owner": "b"}, "x": 1, "x": 2}');
    expect(problems.map((p) => p.message.split(";")[0])).toEqual([
      'the key "Owner" appears twice in one object (both on line 1)',
      'the key "x" appears twice in one object (both on line 1)',
    ]);
  });

  it("lists twenty duplicates and counts the rest in one line", () => {
    const keys = Array.from({ length: 25 }, (_, i) => `"k${i}": 1, "k${i}": 2`).join(", ");
    const problems = problemsOf(`{${keys}}`);
    expect(problems).toHaveLength(21);
    expect(problems[20].message).toBe("and 5 more duplicate keys; keep each key once");
  });
});

describe("syntax errors", () => {
  it.each([
    ["a trailing comma in an object", '{\n  "a": 1,\n}', 3, 1, "expected a key in double quotes after ',', found '}' (JSON allows no ',' before a closing bracket)"],
    ["a trailing comma in a list", '{"a": [1,\n]}', 2, 1, "expected a value (an object, a list, a string, a number, true, false or null) after ',', found ']' (JSON allows no ',' before a closing bracket)"],
    ["a missing comma", '{"a": 1\n "b": 2}', 2, 2, "expected ',' or '}' after the value of \"a\", found '\"'"],
    ["a missing colon", '{"a" 1}', 1, 6, "expected ':' after the key \"a\", found '1'"],
    ["a comment", '{\n  // the name\n  "a": 1}', 2, 3, "expected a key in double quotes, or '}', found '/' (JSON has no comments)"],
    ["single quotes", "{'a': 1}", 1, 2, "expected a key in double quotes, or '}', found ''' (JSON strings and keys take double quotes)"],
    ["an unquoted key", "{a: 1}", 1, 2, "expected a key in double quotes, or '}', found 'a'"],
    ["a string broken by a line break", '{"a": "one\ntwo"}', 1, 11, "a string does not continue past the end of a line: close it with '\"', or write a line break as \\n"],
    ["a tab inside a string", '{"a": "x\ty"}', 1, 9, "control character U+0009 is not allowed in a string; write it as \\u0009"],
    ["an unknown escape", '{"a": "\\x41"}', 1, 8, "expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX), found 'x'"],
    ["a short \\u escape", '{"a": "\\u12"}', 1, 8, "expected four hexadecimal digits after \\u"],
    ["an unterminated string", '{"a": "x', 1, 9, "expected '\"' to close the string that starts at line 1, column 7, found the end of the file"],
    ["a leading zero", '{"a": 007}', 1, 7, "a number does not start with 0 unless it is 0: remove the leading zero"],
    ["a bare minus", '{"a": -}', 1, 8, "expected a digit, found '}'"],
    ["NaN", '{"a": NaN}', 1, 7, "expected a value (an object, a list, a string, a number, true, false or null), found 'N'"],
    ["True in capitals", '{"a": True}', 1, 7, "expected a value (an object, a list, a string, a number, true, false or null), found 'T'"],
    ["an unclosed object", '{"a": 1', 1, 8, "expected ',' or '}' after the value of \"a\", found the end of the file"],
    ["a second top-level value", '{}\n{}', 2, 1, "expected the end of the file after the top-level value, found '{'"],
    ["an empty file", "", 1, 1, "the file is empty; it must hold one JSON object, the environment's settings"],
    ["an invisible character where a value belongs", '{"a": \u200b1}', 1, 7, "expected a value (an object, a list, a string, a number, true, false or null), found character U+200B"],
  ])("refuses %s, with the line, the column and what was expected", (_, text, line, column, message) => {
    expect(problemsOf(text)).toEqual([{ line, column, message: `not valid JSON: ${message}` }]);
  });

  it("counts lines ended by CR LF or by CR alone as editors do, and columns in characters", () => {
    expect(problemsOf('{\r\n"a": 1,\r\n"b" 2}')[0]).toMatchObject({ line: 3, column: 5 });
    expect(problemsOf('{\r"a": 1,\r"b" 2}')[0]).toMatchObject({ line: 3, column: 5 });
    expect(problemsOf('{"😀é": 1 "b": 2}')[0]).toMatchObject({ line: 1, column: 10 });
  });

  it("reports the duplicates found before a syntax error, then the error", () => {
    expect(problemsOf('{"a": 1, "a": 2,}').map((p) => p.message.slice(0, 30))).toEqual(['the key "a" appears twice in o', "not valid JSON: expected a key"]);
  });
});

describe("nesting", () => {
  const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

  it(`accepts objects and lists nested ${MAX_NESTING_DEPTH} deep`, () => {
    expect(parseJsonText(nested(MAX_NESTING_DEPTH)).ok).toBe(true);
  });

  it(`refuses nesting deeper than ${MAX_NESTING_DEPTH}, where it starts`, () => {
    expect(problemsOf(`{"a":\n${nested(MAX_NESTING_DEPTH)}}`)).toEqual([
      {
        line: 2,
        column: MAX_NESTING_DEPTH,
        message: `objects and lists are nested more than ${MAX_NESTING_DEPTH} deep; no setting is nested more than a few levels: remove the extra nesting`,
      },
    ]);
  });

  it("refuses a file nested a million deep with one line, not a stack overflow", () => {
    expect(problemsOf(nested(1_000_000))).toEqual([expect.objectContaining({ line: 1, column: MAX_NESTING_DEPTH + 1 })]);
  });
});
