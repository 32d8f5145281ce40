/*
 * Hostile pull requests: what a contributor whose change must synthesize with exit 0 and a REVIEW.md
 * of PASS, while the deployment is unsafe, has tried. Each attack asserts that the synth fails (or the
 * config is refused). One file per class of attack (`*.attack.ts`), run in one test file so that cdktf
 * and the provider's classes load once for all of them.
 */
import "./acknowledgement-scope.attack";
import "./airflow-uploads.attack";
import "./config-files.attack";
import "./config-options.attack";
import "./cross-account-grants.attack";
import "./data-loss.attack";
import "./environment-collisions.attack";
import "./foreign-destinations.attack";
import "./iam-conditions.attack";
import "./mwaa-environment-arguments.attack";
import "./network-paths.attack";
import "./provider-accounts.attack";
import "./resource-copies.attack";
import "./route-and-endpoint-paths.attack";
import "./terminal-output.attack";
import "./unverifiable-policies.attack";
