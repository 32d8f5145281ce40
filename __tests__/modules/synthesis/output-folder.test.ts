import { AnnotationMetadataEntryType, Manifest } from "cdktf";
import { CDKTF_LAYOUT } from "../../../modules/synthesis/output-folder";

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
