import { check, Rule } from "../../rule";
import { backendPath, isStateBootstrap } from "./backend";

export const stateLocked: Rule = {
  id: "STATE.LOCKED",
  title: "Remote state is locked with S3 lock files",
  evaluates: "the s3 backend's use_lockfile, and no deprecated dynamodb_table",
  sources: ["Project rule: locked state", "Terraform 1.10+: use_lockfile (dynamodb_table is deprecated)"],
  explanation: "Two unlocked applies at once corrupt state. S3-native lock files need no DynamoDB table.",
  fix: "Set use_lockfile = true on the s3 backend and drop dynamodb_table (state-backend.ts does).",
  evaluate: (stack) => {
    const backend = stack.backend;
    if (backend?.type === "s3") {
      const ok = backend.config.use_lockfile === true && backend.config.dynamodb_table === undefined;
      return [check(backendPath(stack), ok, `use_lockfile = ${backend.config.use_lockfile ?? "unset"}${backend.config.dynamodb_table ? `, dynamodb_table = ${backend.config.dynamodb_table} (deprecated)` : ""}`)];
    }
    if (backend?.type === "cloud") return [check(backendPath(stack), true, "HCP Terraform locks each workspace")];
    return [check(backendPath(stack), backend?.type === "local" && isStateBootstrap(stack), "local file lock (bootstrap only)")];
  },
};
