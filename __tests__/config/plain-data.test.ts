import { Token } from "cdktf";
import { plainDataProblems } from "../../config/plain-data";
import { problemsAfter } from "../helpers/config-fixtures";

const resolvable = { resolve: () => "x" };

describe("config as plain data", () => {
  it("recognises every kind of token cdktf encodes: string, list, map and number", () => {
    const tokens = { s: Token.asString(resolvable), l: Token.asList(resolvable)[0], m: Object.keys(Token.asStringMap(resolvable))[0], n: Token.asNumber(resolvable) };
    expect(plainDataProblems(tokens).map((p) => p.path)).toEqual(["s", "l", "m", "n"]);
  });

  it("refuses a token marker in any string or key of a config file, naming the field", () => {
    expect(problemsAfter((raw) => (raw.airflow.dagS3Path = "${TfToken[TOKEN.2]}"))).toContainEqual(
      "airflow.dagS3Path: got \"${TfToken[TOKEN.2]}\"; holds '${TfToken[', cdktf's marker of a token; config text is data, never a reference: remove it",
    );
    expect(problemsAfter((raw) => (raw.airflow.configurationOptions["core.x"] = "a #{TfToken[TOKEN.1]}"))).toHaveLength(1);
    expect(problemsAfter((raw) => (raw.guardrails = { acknowledgements: [{ rule: "LOGS.RETENTION", resource: "example-mwaa/log-groups/Task", reason: "&{TfToken[TOKEN.3]}", expires: "2027-01-01" }] }))).toHaveLength(1);
    expect(problemsAfter((raw) => (raw.tags["${TfToken[TOKEN.9]}"] = "x")).join("\n")).toContain("key holds '${TfToken['");
  });

  it("refuses a number no setting takes, which could be an encoded token", () => {
    expect(problemsAfter((raw) => (raw.airflow.workerQuota = -8.109562212591381e298)).join("\n")).toContain("airflow.workerQuota: got -8.109562212591381e+298; is beyond 9007199254740991");
  });

  it("accepts the text escaped or ordinary config holds", () => {
    expect(plainDataProblems({ a: "${x}", b: "{TfToken}", c: 25, d: ["dags"] })).toEqual([]);
  });
});
