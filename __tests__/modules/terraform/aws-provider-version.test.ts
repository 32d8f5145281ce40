import { findingsDocument } from "../../../modules/review/findings-document";
import { renderSummary } from "../../../modules/review/review-summary";
import { AWS_PROVIDER_VERSION } from "../../../modules/terraform/aws-provider-version";

describe("the AWS provider version the review was checked against", () => {
  it("is one exact version", () => {
    expect(AWS_PROVIDER_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("is named in REVIEW.md's opening paragraph", () => {
    const opening = renderSummary([], "2026-01-15").split("\n\n")[1];
    expect(opening).toContain(`checked against the AWS provider \`hashicorp/aws\` ${AWS_PROVIDER_VERSION} (the version every stack pins)`);
  });

  it("is a field of findings.json", () => {
    expect(findingsDocument([], "2026-01-15").awsProvider).toEqual({ source: "hashicorp/aws", version: AWS_PROVIDER_VERSION });
  });
});
