import { AnnotationMetadataEntryType, Manifest } from "cdktf";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CDKTF_LAYOUT, foreignTerraformFiles } from "../../../modules/synthesis/output-folder";

describe("the output folder", () => {
  it("is laid out where cdktf writes and `cdktf deploy` reads, errors marked as cdktf marks them", () => {
    expect(CDKTF_LAYOUT).toEqual({
      manifest: Manifest.fileName,
      stacks: Manifest.stacksFolder,
      stackMetadata: Manifest.stackMetadataPath,
      errorAnnotation: AnnotationMetadataEntryType.ERROR,
    });
  });
});

describe("Terraform files found in a stack's folder", () => {
  it("include links, which Terraform follows, and leave out what Terraform does not load", () => {
    const outdir = mkdtempSync(join(tmpdir(), "mwaa-foreign-"));
    const folder = join(outdir, "stacks", "s");
    mkdirSync(join(folder, ".terraform"), { recursive: true });
    writeFileSync(join(outdir, "elsewhere.tf"), "");
    for (const file of ["extra.tf", "x_override.tf.json", "notes.md", ".terraform.lock.hcl"]) writeFileSync(join(folder, file), "");
    symlinkSync(join(outdir, "elsewhere.tf"), join(folder, "linked.tf"));
    expect(foreignTerraformFiles(outdir, "s")).toEqual(["extra.tf", "linked.tf", "x_override.tf.json"]);
  });
});
