import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { templateExpressions, terraformLiteral } from "../../../modules/terraform/template-syntax";

const TEXTS = [
  '${file("/etc/passwd")}',
  "%{ if true }x%{ endif }",
  "$${already escaped}",
  "%%{already escaped}",
  "price: $5, 100% {braces}",
  "trailing $",
  "trailing %",
  "${${nested}}",
  "$$${three}",
  "ünïcode ${x} ✓",
];

const hasTerraform = spawnSync("terraform", ["version"], { encoding: "utf8" }).status === 0;
if (!hasTerraform) console.warn("terraform is not on PATH: skipping the check that Terraform reads escaped config text literally");

describe("a config value made literal", () => {
  it("has no interpolation or directive left", () => {
    for (const text of TEXTS) expect(templateExpressions(terraformLiteral(text))).toEqual([]);
  });

  it("leaves text without ${ or %{ unchanged", () => {
    expect(terraformLiteral("dags/team-a")).toBe("dags/team-a");
    expect(terraformLiteral("100% $5 {x}")).toBe("100% $5 {x}");
  });

  (hasTerraform ? it : it.skip)("is read back by Terraform as exactly the original text, as a value and as a key", () => {
    const dir = mkdtempSync(join(tmpdir(), "mwaa-literal-"));
    const locals = Object.fromEntries(TEXTS.map((text, i) => [`v${i}`, terraformLiteral(text)]));
    locals.keys = Object.fromEntries(TEXTS.map((text, i) => [terraformLiteral(text), `k${i}`])) as unknown as string;
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ locals }));
    writeFileSync(join(dir, "terraformrc"), "");
    const input = `jsonencode([${TEXTS.map((_, i) => `local.v${i}`).join(", ")}, local.keys])\n`;
    const run = spawnSync("terraform", ["console"], { cwd: dir, input, encoding: "utf8", timeout: 60_000, env: { PATH: process.env.PATH, TF_CLI_CONFIG_FILE: join(dir, "terraformrc"), CHECKPOINT_DISABLE: "1" } });
    expect(run.stderr).toBe("");
    const read: unknown[] = JSON.parse(JSON.parse(run.stdout.trim()));
    const [values, keys] = [read.slice(0, TEXTS.length), read[TEXTS.length] as Record<string, string>];
    expect(values).toEqual(TEXTS);
    expect(Object.keys(keys).sort()).toEqual([...TEXTS].sort());
  });
});
