import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exampleConfig, exampleRaw, loadProblems, problemsAfter } from "../helpers/config-fixtures";

const withSecrets = (secrets: object) => problemsAfter((raw) => (raw.secrets = secrets));

describe("the secrets backend", () => {
  it("is none by default: Airflow keeps reading its metadata database", () => {
    expect(exampleConfig().secrets).toEqual({ backend: "none" });
  });

  it("reads Secrets Manager under prefixes of the environment's own by default", () => {
    expect(exampleConfig((raw) => (raw.secrets = { backend: "secretsmanager" })).secrets).toEqual({
      backend: "secretsmanager",
      connectionsPrefix: "airflow/example/connections",
      variablesPrefix: "airflow/example/variables",
    });
  });

  it("takes prefixes and another key of the environment's account and Region", () => {
    const key = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    expect(exampleConfig((raw) => (raw.secrets = { backend: "secretsmanager", connectionsPrefix: "data/conn", variablesPrefix: "data/var", kmsKeyArn: key })).secrets).toEqual({
      backend: "secretsmanager",
      connectionsPrefix: "data/conn",
      variablesPrefix: "data/var",
      kmsKeyArn: key,
    });
  });

  it.each(["connectionsPrefix", "variablesPrefix", "kmsKeyArn"])("refuses %s without the secretsmanager backend", (field) => {
    expect(withSecrets({ [field]: field === "kmsKeyArn" ? "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" : "a/b" })).toEqual([
      expect.stringMatching(new RegExp(`^secrets\\.${field}: got .*; applies only to the secretsmanager backend; remove it or set secrets\\.backend to secretsmanager$`)),
    ]);
  });

  it.each([["airflow/connections/"], ["/airflow"], ["airflow//x"], ["airflow/*"], ["airflow/${path.cwd}"], ["a b"]])("refuses the prefix %s, which is no secret name prefix", (prefix) => {
    expect(withSecrets({ backend: "secretsmanager", connectionsPrefix: prefix })).toEqual([expect.stringMatching(/^secrets\.connectionsPrefix: got .*; is not allowed; allowed: a secret name prefix/)]);
  });

  it.each([
    ["equal", "airflow/x", "airflow/x"],
    ["one inside the other", "airflow/x", "airflow/x/variables"],
  ])("refuses connections and variables prefixes that are %s", (_, connectionsPrefix, variablesPrefix) => {
    expect(withSecrets({ backend: "secretsmanager", connectionsPrefix, variablesPrefix })).toEqual([
      expect.stringMatching(/^secrets\.variablesPrefix: got .*; overlaps the connections prefix 'airflow\/x'/),
    ]);
  });

  it("accepts prefixes that only share a start", () => {
    expect(withSecrets({ backend: "secretsmanager", connectionsPrefix: "airflow/x", variablesPrefix: "airflow/xy" })).toEqual([]);
  });

  it.each([
    ["another Region's key", "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", /is a key of us-east-1 in 111122223333; Secrets Manager encrypts a secret only with a key of the secret's account and Region \(111122223333, eu-west-1\)/],
    ["another account's key", "arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab", /is a key of eu-west-1 in 444455556666/],
    ["an alias", "arn:aws:kms:eu-west-1:111122223333:alias/secrets", /^secrets\.kmsKeyArn: got .*; is not allowed; allowed: a KMS key ARN/],
  ])("refuses %s", (_, kmsKeyArn, message) => {
    expect(withSecrets({ backend: "secretsmanager", kmsKeyArn })).toEqual([expect.stringMatching(message)]);
  });
});

describe("secrets prefixes of two environments", () => {
  function loadBoth(a: object, b: object, bAccount = "111122223333"): readonly string[] {
    const dir = mkdtempSync(join(tmpdir(), "mwaa-secrets-"));
    for (const [name, secrets, account] of [["a", a, "111122223333"], ["b", b, bAccount]] as const) {
      writeFileSync(join(dir, `${name}.json`), JSON.stringify({ ...exampleRaw(), name, account, secrets }));
    }
    return loadProblems(dir);
  }

  it("are each environment's own by default", () => {
    expect(loadBoth({ backend: "secretsmanager" }, { backend: "secretsmanager" })).toEqual([]);
  });

  it("may not overlap in one account and Region: each role would read the other's secrets", () => {
    expect(loadBoth({ backend: "secretsmanager" }, { backend: "secretsmanager", connectionsPrefix: "airflow/a" })).toEqual([
      "b.json: secrets.connectionsPrefix: got \"airflow/a\"; overlaps secrets.connectionsPrefix 'airflow/a/connections' of a.json, in the same account and Region: each environment's execution role would read the other's secrets; give each environment its own prefixes (the default is airflow/<name>/connections and airflow/<name>/variables)",
      "b.json: secrets.connectionsPrefix: got \"airflow/a\"; overlaps secrets.variablesPrefix 'airflow/a/variables' of a.json, in the same account and Region: each environment's execution role would read the other's secrets; give each environment its own prefixes (the default is airflow/<name>/connections and airflow/<name>/variables)",
    ]);
  });

  it("may be the same in two accounts", () => {
    const shared = { backend: "secretsmanager", connectionsPrefix: "airflow/connections", variablesPrefix: "airflow/variables" };
    expect(loadBoth(shared, shared, "444455556666")).toEqual([]);
  });
});
