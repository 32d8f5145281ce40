import { check, Rule } from "../../rule";
import { backendPath, isStateBootstrap } from "./backend";

export const stateRemoteBackend: Rule = {
  id: "STATE.REMOTE",
  title: "State lives in the state bucket or in HCP Terraform, not on a laptop",
  evaluates: "the stack's terraform backend or cloud block: s3 or HCP Terraform (local only for the bootstrap stack)",
  sources: ["Project rule: remote state", "REFERENCES: no scanner reads terraform.backend"],
  explanation: "Local state is lost with the machine, cannot be shared or locked across a team, and sits unencrypted on disk.",
  fix: "Use state.backend s3 (the default) or hcp; only the <env>-state bootstrap keeps local state, until bootstrapStateInBucket is set.",
  evaluate: (stack) => {
    const backend = stack.backend;
    const remote = backend?.type === "s3" || backend?.type === "cloud";
    const bootstrapLocal = backend?.type === "local" && isStateBootstrap(stack);
    return [check(backendPath(stack), remote || bootstrapLocal, backend ? (bootstrapLocal ? "local, bootstrap stack until its state moves into its bucket" : `${backend.type} backend`) : "implicit local backend")];
  },
};
