import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { App, TerraformStack } from "cdktf";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addDays, todayUtc } from "../../../config/acknowledgements";
import { readAirflowFolders } from "../../../config/airflow-folder";
import { EnvironmentConfig } from "../../../config/environment-config";
import { codeSpan } from "../../../modules/review/markdown";
import { EnvironmentStacks } from "../../../stacks/environment-app";
import { SynthesisOptions, synthesizeEnvironments } from "../../../stacks/synthesize";
import { exampleConfig } from "../../helpers/config-fixtures";
import { readReviewFiles } from "../../helpers/review-files";
import { TODAY } from "../../helpers/synth";

/*
 * REVIEW.md is read rendered, on GitHub or GitLab, and config and code come from untrusted pull
 * requests. Here hostile values reach the report the way a pull request would bring them (a config
 * file, a stack a user adds) and the report is read as a Markdown renderer reads it.
 */

/** Within the maximum the config allows today, and after the day the synth judges against. */
const EXPIRES = addDays(todayUtc(), 30);

/** What an author writes into an acknowledgement's reason to hide, forge or restyle the review. */
const HOSTILE_REASON = [
  "Sandbox\r<!-- the rest of the page is a comment",
  "| PASS | forged cell |",
  "</details><details><summary>all PASS</summary>",
  "<img src=x onerror=alert(1)> `PASS` [PASS](javascript:alert(1)) ![logo](https://example.com/x.png)",
  "**bold** _italic_ ~~struck~~ $\\color{white}{hidden}$ &#x202E;",
  "# not a heading > not a quote",
  "\u202Eright-to-left\u2066isolated\u2069 ``` ~~~ \\| \\",
].join("\n");

/** How the reason reads in its cell: every character as itself, hidden ones as their escapes. */
const ESCAPED_REASON = [
  "Sandbox\\\\r&lt;!-- the rest of the page is a comment\\\\n",
  "\\| PASS \\| forged cell \\|\\\\n",
  "&lt;/details&gt;&lt;details&gt;&lt;summary&gt;all PASS&lt;/summary&gt;\\\\n",
  "&lt;img src=x onerror=alert(1)&gt; \\`PASS\\` \\[PASS\\](javascript:alert(1)) !\\[logo\\](https://example.com/x.png)\\\\n",
  "*\\*bold** \\_italic\\_ \\~\\~struck\\~\\~ <span>$</span>\\\\color{white}{hidden}<span>$</span> &amp;\\#x202E;\\\\n",
  "\\# not a heading &gt; not a quote\\\\n",
  "\\\\u202Eright-to-left\\\\u2066isolated\\\\u2069 \\`\\`\\` \\~\\~\\~ \\\\\\| \\\\",
].join("");

/** A tag value the config accepts (letters, spaces, `_` `@` and any Unicode separator) that would restyle and break a line. */
const HOSTILE_OWNER = "_restyled_ owner\u2028@team";

/** A stack name cdktf accepts (no whitespace, no glob character) that would end a code span and carry HTML. */
const HOSTILE_STACK = "shared`<img>|\u202E$x$_y_";

/** A construct id and a bucket name from code, for the tables, the text and the diagram. */
const HOSTILE_ID = "<!-- |`x`";
const HOSTILE_BUCKET = 'evil"]-->#8238;<img src=x>%%{init}%%';

function hostileConfig(): EnvironmentConfig {
  return exampleConfig((raw) => {
    raw.$schema = `\`\`\`\n## Forged section\n${HOSTILE_REASON}`;
    raw.logging.retentionDays = 30;
    raw.tags.Owner = HOSTILE_OWNER;
    raw.guardrails = {
      acknowledgements: [
        { rule: "LOGS.RETENTION", resource: "example-mwaa/log-groups/*", reason: HOSTILE_REASON, expires: EXPIRES },
        { rule: "LOGS.RETENTION", resource: `example-mwaa/${HOSTILE_ID}\u202E`, reason: "Matches nothing: shown as a FAIL", expires: EXPIRES },
      ],
    };
  });
}

/** What code in the same pull request adds: a stack of its own, a gateway and an override in the environment's. */
function hostileCode(app: App, [environment]: EnvironmentStacks[]): void {
  const stack = new TerraformStack(app, HOSTILE_STACK);
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  new S3Bucket(stack, HOSTILE_ID, { bucket: HOSTILE_BUCKET });
  new InternetGateway(environment.network, `igw${HOSTILE_ID}`, { vpcId: "vpc-0123" });
  environment.network.node.findAll().find((c): c is Vpc => c instanceof Vpc)!.addOverride("enable_dns_support", HOSTILE_ID);
}

/** The summary, then every detail file: all a reviewer reads, rendered. */
async function review(config: EnvironmentConfig, options: SynthesisOptions = {}): Promise<string> {
  const result = await synthesizeEnvironments([config], { outdir: mkdtempSync(join(tmpdir(), "mwaa-review-")), today: TODAY, ...options });
  const { summary, detail } = readReviewFiles(result.outdir);
  return `${summary}\n${detail}`;
}

interface Fence {
  readonly info: string;
  readonly lines: string[];
}

/**
 * The report as a Markdown renderer splits it: fenced blocks (closed only by a line of at least
 * as many of the same fence characters), and, outside them, headings, table rows (cells split at
 * pipes no backslash escapes, as GFM does) and the text left.
 */
function outline(markdown: string) {
  const headings: string[] = [];
  const fences: Fence[] = [];
  const tables: string[][][] = [];
  const outside: string[] = [];
  let fence: (Fence & { closing: RegExp }) | undefined;
  let table: string[][] | undefined;
  for (const line of markdown.split("\n")) {
    if (fence) {
      if (fence.closing.test(line)) {
        fences.push(fence);
        fence = undefined;
      } else fence.lines.push(line);
      continue;
    }
    const opening = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (opening) {
      fence = { info: opening[2], lines: [], closing: new RegExp(`^ {0,3}${opening[1][0]}{${opening[1].length},}\\s*$`) };
      continue;
    }
    outside.push(line);
    if (!line.startsWith("|")) table = undefined;
    else {
      if (!table) tables.push((table = []));
      table.push(line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim()));
    }
    if (/^#{1,6} /.test(line)) headings.push(line);
  }
  return { headings, fences, tables, outside: outside.join("\n"), unclosed: fence };
}

const SUMMARY_HEADINGS = [
  "# Review of the synthesized MWAA stacks",
  "## Environments",
  "## Violations (FAIL)",
  "## Acknowledged exceptions",
  "## Data-loss protection",
  "## Controls not met or not checked",
  "## Passing checks",
];
const SECTION_HEADINGS = ["## Architecture", "## Security playbook controls", "## Controls", "## IAM"];

describe("REVIEW.md with hostile values from config and code", () => {
  let report: string;
  let parts: ReturnType<typeof outline>;
  beforeAll(async () => {
    report = await review(hostileConfig(), { extend: hostileCode });
    parts = outline(report);
  });

  it("keeps every section, each heading outside any fence or comment", () => {
    expect(parts.unclosed).toBeUndefined();
    expect(parts.headings).toEqual([
      ...SUMMARY_HEADINGS,
      "# Review of environment `example`",
      "## Acknowledged exceptions",
      ...SECTION_HEADINGS,
      "### `example-state`",
      "### `example-network`",
      "### `example-mwaa`",
      "## Network",
      "### `example-network`",
      "## Where state lives",
      "## Configuration used",
      "# Review of stack ``shared`<img>|\\u202E$x$_y_``",
      ...SECTION_HEADINGS,
      "### ``shared`<img>|\\u202E$x$_y_``",
      "## Network",
      "## Where state lives",
    ]);
  });

  it("holds no HTML but its own dollar-sign spans and folded passing checks, and no character a reader cannot see", () => {
    const text = parts.outside.replaceAll(codeSpan(HOSTILE_STACK), "code span");
    const own = ["<span>", "</span>", "<details>", "<summary>", "</summary>", "</details>"];
    expect(text.match(/<[^>]*>/g)?.filter((tag) => !own.includes(tag)) ?? []).toEqual([]);
    expect(text.match(/<details>/g)).toHaveLength(1);
    // Control characters but the line feeds that end the report's own lines, format characters, separators.
    expect(report).not.toMatch(/[\0-\t\v-\x1F\x7F-\x9F\p{Cf}\p{Zl}\p{Zp}]/u);
  });

  it("shows an acknowledgement's reason in its table cell as text, hidden characters as escapes", () => {
    const row = parts.tables.flat().find((cells) => cells[2] === "example-mwaa/log-groups/Task" && cells[3] === "ACKNOWLEDGED");
    expect(row).toEqual([
      "LOGS.RETENTION: Log groups keep logs for at least a year, with the retention set explicitly",
      "checkov CKV_AWS_66, checkov CKV_AWS_338",
      "example-mwaa/log-groups/Task",
      "ACKNOWLEDGED",
      `retention_in_days = 30. Acknowledged until ${EXPIRES}: ${ESCAPED_REASON}`,
    ]);
  });

  it("keeps the column count of every table, whatever its cells hold", () => {
    expect(parts.tables.length).toBeGreaterThan(10);
    for (const [header, , ...rows] of parts.tables) {
      for (const row of rows) expect(row).toHaveLength(header.length);
    }
  });

  it("shows a tag value the config accepts as text where the evidence quotes it", () => {
    expect(report).toContain("| PASS | default_tags: Owner=\\_restyled\\_ owner\\\\u2028@team, CostCenter=cc-1234, DataClassification=internal |");
  });

  it("shows construct paths and Terraform values from code as text, in tables and in sentences", () => {
    expect(report).toContain("| example: guardrails.acknowledgements\\[1\\] (LOGS.RETENTION for example-mwaa/&lt;!-- \\|\\`x\\`\\\\u202E) | FAIL |");
    expect(report).toContain("\nGateways: example-network/igw&lt;!-- \\|\\`x\\`.\n");
    expect(report).toContain("\nVPC `10.40.0.0/16`, DNS support &lt;!-- \\|\\`x\\`, DNS hostnames true.\n");
  });

  it("writes a stack name in code spans its backticks cannot end", () => {
    expect(report).toContain("\nStacks: ``shared`<img>|\\u202E$x$_y_``. Guardrails:");
    expect(report).toContain("# Review of stack ``shared`<img>|\\u202E$x$_y_``\n");
  });

  it("shows the configuration used in a fence no value can close, holding exactly the config", () => {
    const json = parts.fences.filter((f) => f.info === "json");
    expect(json).toHaveLength(1);
    expect(JSON.parse(json[0].lines.join("\n"))).toEqual(JSON.parse(JSON.stringify(hostileConfig())));
    expect(json[0].lines.join("\n")).toContain('"reason": "Sandbox\\r<!-- the rest of the page is a comment\\n');
    expect(json[0].lines.join("\n")).toContain("\\u202Eright-to-left\\u2066isolated\\u2069 ``` ~~~");
  });

  it("draws names in the diagram as label text: no quote, HTML, entity, directive or icon of theirs", () => {
    const diagrams = parts.fences.filter((f) => f.info === "mermaid");
    expect(diagrams).toHaveLength(2);
    expect(diagrams[1].lines).toEqual([
      "flowchart LR",
      '  subgraph s0["shared#96;#60;img#62;#124;#92;u202E#36;x#36;_y_"]',
      '    s0n0["S3 evil#34;#93;--#62;#35;8238#59;#60;img src=x#62;#37;#37;#123;init#125;#37;#37;"]',
      "  end",
    ]);
    for (const line of diagrams.flatMap((d) => d.lines)) {
      expect(line).toMatch(/^(flowchart LR|  subgraph s\d+\["[^"<`%]*"\]|    s\d+n\d+\["([^"<`%]|<br\/>)*"\]|  end|  s\d+ --> s\d+)$/);
    }
  });
});

describe("REVIEW.md with ordinary values", () => {
  it("shows an ordinary reason and tag as they are written", async () => {
    const report = await review(
      exampleConfig((raw) => {
        raw.logging.retentionDays = 30;
        raw.guardrails = { acknowledgements: [{ rule: "LOGS.RETENTION", resource: "example-mwaa/log-groups/*", reason: "Sandbox: logs are not kept past a month (ticket OPS-1234, owner's call)", expires: EXPIRES }] };
      }),
    );
    expect(report).toContain(`| example-mwaa/log-groups/Task | ACKNOWLEDGED | retention_in_days = 30. Acknowledged until ${EXPIRES}: Sandbox: logs are not kept past a month (ticket OPS-1234, owner's call) |`);
    expect(report).toContain("| PASS | default_tags: Owner=data-platform, CostCenter=cc-1234, DataClassification=internal |");
    expect(report).toContain("| kms:Decrypt, kms:DescribeKey, kms:GenerateDataKey*, kms:Encrypt |");
    expect(outline(report).fences.map((f) => f.info)).toEqual(["mermaid", "json"]);
    expect(report).toContain("\n## Configuration used\n\n```json\n{\n");
  });
});

describe("REVIEW.md of an environment with a startup script", () => {
  it("shows the script whole, with its SHA-256, in a fence its text cannot close", async () => {
    const script = "#!/bin/bash\n# ```\n## Forged section\nexport PIP_NO_CACHE_DIR=1 # shown for a person to read\n";
    const airflow = mkdtempSync(join(tmpdir(), "mwaa-review-airflow-"));
    mkdirSync(join(airflow, "example"));
    writeFileSync(join(airflow, "example", "startup.sh"), script.replace("export PIP_NO_CACHE_DIR=1", "echo starting"));
    const configs = [exampleConfig()];
    const { folders } = readAirflowFolders(airflow, configs, airflow);
    const outdir = mkdtempSync(join(tmpdir(), "mwaa-review-"));
    await synthesizeEnvironments(configs, { outdir, today: TODAY, airflowFolders: folders });
    const review = readReviewFiles(outdir).detail;
    const section = review.slice(review.indexOf("## Startup script"), review.indexOf("## Configuration used"));
    expect(section).toMatch(/^## Startup script\n\n`startup\.sh` \(SHA-256 `[0-9a-f]{64}`\) runs as shell code on every container before pip installs `requirements\.txt`/);
    expect(section).toContain("````bash\n#!/bin/bash\n# ```\n## Forged section\necho starting # shown for a person to read\n\n````");
  });
});
