import { exampleConfig } from "../helpers/config-fixtures";
import { addressOf, at, attack, failedRules, stackOf } from "./attack";

/**
 * Findings name a resource by the `//` metadata of the JSON a stack wrote, and acknowledgements
 * match that name. Code can write that metadata: a stack-level override, or a raw resource, can
 * give one resource another's path, so an acknowledgement reviewed for the one waives the other.
 */
const ACCESS_LOG_BUCKET = "example-mwaa/access-log-bucket/bucket";
const DAG_BUCKET = "example-mwaa/dag-bucket/bucket";

/** Reviewed: the access-log bucket may be destroyed. Nothing else. */
const accessLogsMayBeLost = exampleConfig((raw) => {
  raw.guardrails = {
    acknowledgements: [{ rule: "DATA.PREVENT_DESTROY", resource: ACCESS_LOG_BUCKET, reason: "access logs are copied to the SIEM; losing the bucket is accepted", expires: "2027-01-15" }],
  };
});

const bothUnprotected = (app: Parameters<NonNullable<Parameters<typeof attack>[0]>>[0]) => {
  at(app, ACCESS_LOG_BUCKET).addOverride("lifecycle.prevent_destroy", false);
  at(app, DAG_BUCKET).addOverride("lifecycle.prevent_destroy", false);
};

describe("red team: an acknowledgement waives only the resource it was reviewed for", () => {
  it("a stack override that renames the DAG bucket's metadata path does not let the access-log bucket's acknowledgement waive it", async () => {
    const outcome = await attack((app) => {
      bothUnprotected(app);
      stackOf(app, "example-mwaa").addOverride(`resource.${addressOf(app, DAG_BUCKET)}.//.metadata.path`, ACCESS_LOG_BUCKET);
    }, [accessLogsMayBeLost]);
    expect(failedRules(outcome)).toContain("DATA.PREVENT_DESTROY");
  });

  it("a raw resource whose metadata claims another resource's path is not waived by that resource's acknowledgement", async () => {
    const outcome = await attack((app) => {
      at(app, ACCESS_LOG_BUCKET).addOverride("lifecycle.prevent_destroy", false);
      stackOf(app, "example-mwaa").addOverride("resource.aws_s3_bucket.extra", {
        "//": { metadata: { path: ACCESS_LOG_BUCKET, uniqueId: "extra" } },
        bucket: "example-extra-111122223333",
      });
    }, [accessLogsMayBeLost]);
    expect(outcome.violations.some((v) => v.startsWith("[DATA.PREVENT_DESTROY]"))).toBe(true);
  });

  it("a metadata path that does not start with its own stack's name cannot claim a path of another stack", async () => {
    const outcome = await attack((app) => {
      at(app, DAG_BUCKET).addOverride("lifecycle.prevent_destroy", false);
      stackOf(app, "example-mwaa").addOverride(`resource.${addressOf(app, DAG_BUCKET)}.//.metadata.path`, "example-network/network/vpc");
    });
    expect(outcome.violations.join("\n")).toContain("example-mwaa/");
  });

  // Correctly refused today: a construct's own addOverride cannot rewrite its `//` metadata.
  it("refused: the construct's own addOverride of //.metadata.path leaves the finding on the DAG bucket", async () => {
    const outcome = await attack((app) => {
      bothUnprotected(app);
      at(app, DAG_BUCKET).addOverride("//.metadata.path", ACCESS_LOG_BUCKET);
    }, [accessLogsMayBeLost]);
    expect(outcome.violations).toEqual([expect.stringMatching(/^\[DATA\.PREVENT_DESTROY\] example-mwaa\/dag-bucket\/bucket:/)]);
  });
});
