import { check, Rule } from "../../rule";
import { backendPath, isStateBootstrap } from "./backend";

export const stateEncrypted: Rule = {
  id: "STATE.ENCRYPTED",
  title: "Remote state is encrypted with the state key",
  evaluates: "the s3 backend's encrypt and kms_key_id",
  sources: ["Project rule: encrypted state", "Playbook 1"],
  explanation: "State holds every attribute of every resource, secrets included, in clear text.",
  fix: "Set encrypt = true and kms_key_id to the state key's alias or ARN on the s3 backend (state-backend.ts does).",
  evaluate: (stack) => {
    const backend = stack.backend;
    if (backend?.type === "s3") {
      const ok = backend.config.encrypt === true && typeof backend.config.kms_key_id === "string";
      return [check(backendPath(stack), ok, `encrypt = ${backend.config.encrypt ?? "unset"}, kms_key_id = ${backend.config.kms_key_id ?? "unset"}`)];
    }
    if (backend?.type === "cloud") return [check(backendPath(stack), true, "HCP Terraform encrypts state at rest")];
    return [check(backendPath(stack), backend?.type === "local" && isStateBootstrap(stack), "local file (bootstrap only)")];
  },
};
