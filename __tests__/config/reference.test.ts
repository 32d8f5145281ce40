import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_FIELDS, renderConfigReference } from "../../config/reference";
import { environmentConfigSchema } from "../../config/schema";
import { REPO_ROOT } from "../helpers/config-fixtures";

/** Every field path of a zod schema: objects recurse, arrays as `[]`, records and scalars are leaves. */
function fieldPaths(schema: any, prefix = ""): string[] {
  const def = schema._zod.def;
  switch (def.type) {
    case "optional":
    case "default":
    case "nullable":
      return fieldPaths(def.innerType, prefix);
    case "object":
      return Object.entries(def.shape).flatMap(([key, child]) => {
        const path = prefix ? `${prefix}.${key}` : key;
        const inner = fieldPaths(child, path);
        return inner.length > 0 ? inner : [path];
      });
    case "array": {
      const items = fieldPaths(def.element, `${prefix}[]`);
      return items.length > 0 && items[0] !== `${prefix}[]` ? [prefix, ...items] : [prefix];
    }
    default:
      return [prefix];
  }
}

describe("the config reference", () => {
  it("describes every field of the schema, and no field the schema lacks", () => {
    const paths = fieldPaths(environmentConfigSchema).filter((p) => p !== "");
    expect(Object.keys(CONFIG_FIELDS).sort()).toEqual([...new Set(paths)].sort());
  });

  it("is what README.md shows (run `npm run docs` after changing it)", () => {
    const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
    const section = readme.split("<!-- config-reference:start -->")[1]?.split("<!-- config-reference:end -->")[0];
    expect(section?.trim()).toBe(renderConfigReference());
  });
});
