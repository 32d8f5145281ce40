import { createHash } from "node:crypto";
import { ACKNOWLEDGEMENTS_MATCH } from "../guardrails/evaluate";
import { RULES } from "../guardrails/rules";
import { FindingRecord, FindingsDocument } from "./findings-document";

/**
 * `review/findings.sarif`: the findings as SARIF 2.1.0, the format GitHub code scanning (and most
 * other scanners' dashboards) reads. One result per violation (level error) and per acknowledged
 * exception (suppressed, with its reason as justification): a PASS is not an alert. Each result points
 * at the environment's config file, what a pull request changes, and names the resource logically.
 */

export const SARIF_VERSION = "2.1.0";
const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const SARIF_TOOL_NAME = "secure-mwaa-cdktf guardrails";

/** Where a finding of a stack outside every environment points: the app's entry, as code added it. */
const APP_FILE = "cdktf.json";

/** The same violation of the same resource keeps its fingerprint, so code scanning tracks one alert across commits. */
function fingerprint(finding: FindingRecord): string {
  return createHash("sha256").update(JSON.stringify([finding.rule, finding.group, finding.stack, finding.resource])).digest("hex");
}

export function sarifLog(document: FindingsDocument): object {
  const rules = [...RULES, ACKNOWLEDGEMENTS_MATCH];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  // Code scanning places a result only at a file of the repository: a config folder outside it
  // (MWAA_CONFIG_DIR naming a private config repository) gives the app's entry instead.
  const inRepository = (file: string | undefined) => file !== undefined && !file.startsWith("../") && !file.startsWith("/") && file !== "..";
  const configFiles = new Map(document.groups.map((g) => [g.name, inRepository(g.configFile) ? g.configFile! : APP_FILE]));
  const results = document.findings
    .filter((f) => f.status !== "PASS")
    .map((f) => ({
      ruleId: f.rule,
      // A rule outside the pack (a test's) has no descriptor to index.
      ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
      level: "error",
      message: {
        text: `${f.resource}: ${f.title}. Found: ${f.evidence}${f.expiredAcknowledgement ? ` (its acknowledgement expired on ${f.expiredAcknowledgement.expires})` : ""}. Fix: ${f.fix}`,
      },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: configFiles.get(f.group) ?? APP_FILE }, region: { startLine: 1 } },
          logicalLocations: [{ fullyQualifiedName: f.resource, kind: "resource" }],
        },
      ],
      partialFingerprints: { "mwaaFinding/v1": fingerprint(f) },
      ...(f.acknowledgement
        ? { suppressions: [{ kind: "external", status: "accepted", justification: `${f.acknowledgement.reason} (acknowledged until ${f.acknowledgement.expires})` }] }
        : {}),
    }));
  return {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: SARIF_TOOL_NAME,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.explanation },
              help: { text: `${rule.fix}\n\nEvaluates: ${rule.evaluates}\n\nSources: ${rule.sources.join("; ")}` },
              defaultConfiguration: { level: "error" },
              properties: { tags: ["security", "terraform", "mwaa"] },
            })),
          },
        },
        automationDetails: { id: "mwaa-guardrails/" },
        results,
      },
    ],
  };
}
