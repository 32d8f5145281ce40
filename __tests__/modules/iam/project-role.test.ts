import { Testing, TerraformStack } from "cdktf";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { projectRole, roleArnOf } from "../../../modules/iam/project-role";
import { REPO_ROOT } from "../../helpers/config-fixtures";

/** Every TypeScript file of the app (not its tests), relative to the repository. */
function appSources(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : path.endsWith(".ts") ? [relative(REPO_ROOT, path)] : [];
    });
  return [...walk(join(REPO_ROOT, "modules")), ...walk(join(REPO_ROOT, "stacks")), ...walk(join(REPO_ROOT, "config")), "main.ts"];
}

/** The aws_iam_role the helper writes with `settings`. */
function roleWith(settings: Parameters<typeof projectRole>[2]): Record<string, unknown> {
  const app = Testing.app();
  const stack = new TerraformStack(app, "s");
  projectRole(stack, "role", settings, { name: "r", assumeRolePolicy: "{}" });
  return Object.values<Record<string, unknown>>(JSON.parse(Testing.synth(stack)).resource.aws_iam_role)[0];
}

describe("the roles of the stacks", () => {
  it("are all made by projectRole, so none misses the organisation's boundary and path", () => {
    const makers = appSources().filter((file) => /new\s+IamRole\b/.test(readFileSync(join(REPO_ROOT, file), "utf8")));
    expect(makers).toEqual(["modules/iam/project-role.ts"]);
  });

  it("carry the boundary and the path when the organisation sets them", () => {
    const role = roleWith({ permissionsBoundaryArn: "arn:aws:iam::111122223333:policy/boundary", path: "/mwaa/" });
    expect([role.permissions_boundary, role.path]).toEqual(["arn:aws:iam::111122223333:policy/boundary", "/mwaa/"]);
  });

  it("leave IAM's defaults out of the Terraform otherwise", () => {
    const role = roleWith({});
    expect(["permissions_boundary", "path"].filter((argument) => argument in role)).toEqual([]);
  });

  it("have ARNs under their path", () => {
    expect(roleArnOf("aws", "111122223333", "x-mwaa-execution", "/mwaa/")).toBe("arn:aws:iam::111122223333:role/mwaa/x-mwaa-execution");
    expect(roleArnOf("aws-cn", "111122223333", "x")).toBe("arn:aws-cn:iam::111122223333:role/x");
  });
});
