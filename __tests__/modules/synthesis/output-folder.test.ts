import { Manifest } from "cdktf";
import { CDKTF_LAYOUT } from "../../../modules/synthesis/output-folder";

describe("the output folder", () => {
  it("is laid out where cdktf writes and `cdktf deploy` reads", () => {
    expect(CDKTF_LAYOUT).toEqual({ manifest: Manifest.fileName, stacks: Manifest.stacksFolder, stackMetadata: Manifest.stackMetadataPath });
  });
});
