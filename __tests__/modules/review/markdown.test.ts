import { codeBlock, codeSpan, markdownText, mermaidText, visible } from "../../../modules/review/markdown";

/*
 * The escaping on its own, with characters the config refuses today (control characters in
 * Terraform text, `<` or a backtick in a tag) as well as those it lets through: a later field, or a
 * value from code, may carry any of them. review-report.test.ts shows the same through a synth.
 */

describe("hidden characters", () => {
  it("shows bidi controls, line breaks and other invisible characters as their escapes", () => {
    expect(visible("a\u202Eb\u2066c\u2069d\u200Ee\u200Ff\u061Cg")).toBe("a\\u202Eb\\u2066c\\u2069d\\u200Ee\\u200Ff\\u061Cg");
    expect(visible("one\rtwo\nthree\r\nfour\tfive\u2028six\u2029seven\u0085eight")).toBe("one\\rtwo\\nthree\\r\\nfour\\tfive\\u2028six\\u2029seven\\u0085eight");
    expect(visible("zero\u200Bwidth\u200Djoin\uFEFFbom\u00ADsoft\u3164filler")).toBe("zero\\u200Bwidth\\u200Djoin\\uFEFFbom\\u00ADsoft\\u3164filler");
  });

  it("writes characters beyond the first plane, such as tag characters, as JSON writes them", () => {
    expect(visible("x\u{E0041}\u{E007F}")).toBe("x\\uDB40\\uDC41\\uDB40\\uDC7F");
    expect(JSON.parse(`"${visible("x\u{E0041}")}"`)).toBe("x\u{E0041}");
  });

  it("shows a run of combining marks that would draw over the lines around it", () => {
    expect(visible("P\u0336\u0336\u0336ASS")).toBe("P\\u0336\\u0336\\u0336ASS");
  });

  it("leaves visible text as it is, in any script", () => {
    const text = "Zürich, São Paulo, 東京, Ελλάδα, Tiếng Việt ✅ 10.40.0.0/16";
    expect(visible(text)).toBe(text);
  });
});

describe("Markdown text (table cells, headings, paragraphs)", () => {
  it.each([
    ["an HTML comment that hides the rest of the page", "<!-- x", "&lt;!-- x"],
    ["a collapsed section", "<details><summary>ok</summary>", "&lt;details&gt;&lt;summary&gt;ok&lt;/summary&gt;"],
    ["an image", "<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"],
    ["a Markdown link and image", "[PASS](javascript:alert(1)) ![i](https://x/y.png)", "\\[PASS\\](javascript:alert(1)) !\\[i\\](https://x/y.png)"],
    ["a cell break", "a | b", "a \\| b"],
    ["a code span", "`PASS`", "\\`PASS\\`"],
    ["emphasis, strong and strikethrough", "*a* **b** _c_ __d__ ~~e~~", "\\*a* \\*\\*b** \\_c\\_ \\_\\_d\\_\\_ \\~\\~e\\~\\~"],
    ["math", "$\\color{white}x$", "<span>$</span>\\\\color{white}x<span>$</span>"],
    ["an entity that makes a bidi control", "&#x202E;", "&amp;\\#x202E;"],
    ["a leading heading or quote marker", "# H > q", "\\# H &gt; q"],
    ["a backslash that would escape the cell's end", "x\\", "x\\\\"],
    ["a line break", "a\r\nb", "a\\\\r\\\\nb"],
    ["a bidi control", "a\u202Eb", "a\\\\u202Eb"],
  ])("escapes %s", (_, value, escaped) => {
    expect(markdownText(value)).toBe(escaped);
  });

  it.each([
    "retention_in_days = 30. Acknowledged until 2027-01-31: Sandbox: logs are not kept past a month",
    "kms:Encrypt*, kms:Decrypt*, kms:GenerateDataKey*, kms:Describe* on the environment's key",
    "example-mwaa/log-groups/Task",
    "encrypt = true, kms_key_id = arn:aws:kms:eu-west-1:111122223333:alias/example-tfstate",
    "Owner=data-platform, CostCenter=cc-1234 (it's \"internal\"), 50% @team + ops",
  ])("leaves an ordinary value as it reads: %s", (value) => {
    expect(markdownText(value)).toBe(value);
  });

  it("escapes a * that could open emphasis, and one that ends the value, where what follows is not known", () => {
    expect(markdownText("s3:*,x")).toBe("s3:\\*,x");
    expect(markdownText("a*b")).toBe("a\\*b");
    expect(markdownText("kms:Describe*")).toBe("kms:Describe\\*");
    expect(markdownText("*")).toBe("\\*");
  });

  it("writes a missing value as nothing", () => {
    expect(markdownText(undefined)).toBe("");
    expect(markdownText(null)).toBe("");
  });
});

describe("inline code spans", () => {
  it("writes an ordinary value between single backticks", () => {
    expect(codeSpan("example-mwaa")).toBe("`example-mwaa`");
  });

  it("uses a delimiter longer than any run of backticks in the value, so the value cannot end it", () => {
    expect(codeSpan("a`b")).toBe("``a`b``");
    expect(codeSpan("a``b```c")).toBe("````a``b```c````");
  });

  it("pads a value that starts or ends with a backtick or a space, so the value keeps them", () => {
    expect(codeSpan("`x")).toBe("`` `x ``");
    expect(codeSpan("x`")).toBe("`` x` ``");
    expect(codeSpan(" x ")).toBe("`  x  `");
  });

  it("shows hidden characters, which a code span would otherwise render", () => {
    expect(codeSpan("a\u202Eb\nc")).toBe("`a\\u202Eb\\nc`");
  });

  it("writes an empty value as an empty-looking span, not as two backticks", () => {
    expect(codeSpan("")).toBe("` `");
  });
});

describe("fenced code blocks", () => {
  it("fences with three backticks when the content has none", () => {
    expect(codeBlock("json", '{\n  "a": 1\n}')).toBe('```json\n{\n  "a": 1\n}\n```');
  });

  it("uses a fence longer than any run of backticks in the content, so no line of it closes the block", () => {
    expect(codeBlock("json", "```\n# not a heading\n`````")).toBe("``````json\n```\n# not a heading\n`````\n``````");
  });

  it("keeps the content's lines and shows the characters that would reorder or break them", () => {
    expect(codeBlock("json", '"\u202Eevil"\n"a\rb\u2028c"')).toBe('```json\n"\\u202Eevil"\n"a\\rb\\u2028c"\n```');
  });
});

describe("Mermaid labels", () => {
  it("leaves names, addresses and counts as they are", () => {
    expect(mermaidText("S3 example-dags-111122223333-eu-west-1")).toBe("S3 example-dags-111122223333-eu-west-1");
    expect(mermaidText("10.40.0.0/20 eu-west-1a, 5 log groups airflow-*")).toBe("10.40.0.0/20 eu-west-1a, 5 log groups airflow-*");
  });

  it.each([
    ["a quote that ends the label", 'a"]-->b', "a#34;#93;--#62;b"],
    ["HTML", "<img src=x>", "#60;img src=x#62;"],
    ["an entity code that makes a bidi control", "#8238;", "#35;8238#59;"],
    ["a Markdown label", "`**x**`", "#96;**x**#96;"],
    ["a directive that restyles the diagram", "%%{init: {}}%%", "#37;#37;#123;init#58; #123;#125;#125;#37;#37;"],
    ["an icon", "fa:fa-check", "fa#58;fa-check"],
    ["Mermaid's own entity placeholders", "\uFB02\u00B0\u00B08238\u00B6\u00DF", "#64258;#176;#176;8238#182;#223;"],
    ["a bidi control", "a\u202Eb", "a#92;u202Eb"],
  ])("writes %s as entity codes", (_, value, escaped) => {
    expect(mermaidText(value)).toBe(escaped);
  });
});
