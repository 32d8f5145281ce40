import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, loadEnvironmentConfigs } from "../../config/load";
import { exampleRaw } from "../helpers/config-fixtures";

/** Hostile config files the loader refuses today, kept as regression tests. */
const folderWith = (content: string | Buffer) => {
  const dir = mkdtempSync(join(tmpdir(), "mwaa-redteam-config-"));
  writeFileSync(join(dir, "example.json"), content);
  return dir;
};
const example = JSON.stringify(exampleRaw());

describe("red team: hostile config files are refused with a clear error", () => {
  it("refused: a duplicate key spelled with a JSON escape (\"re\\u0067ion\") is a duplicate", () => {
    const dir = folderWith(example.replace('"region":"eu-west-1"', '"region":"eu-west-1","re\\u0067ion":"us-east-1"'));
    expect(() => loadEnvironmentConfigs(dir)).toThrow(/the key "region" appears twice/);
  });

  it("refused: a __proto__ key is an unknown setting, not a prototype", () => {
    const dir = folderWith(example.replace(/^\{/, '{"__proto__":{"account":"999999999999"},'));
    expect(() => loadEnvironmentConfigs(dir)).toThrow(ConfigError);
  });

  it("refused: UTF-16 text with its byte-order mark is refused, naming the encoding", () => {
    const dir = folderWith(Buffer.from(`\ufeff${example}`, "utf16le"));
    expect(() => loadEnvironmentConfigs(dir)).toThrow(/UTF-16/);
  });
});
