import { check, Rule } from "../../rule";

export const mwaaPrivateWebserver: Rule = {
  id: "MWAA.PRIVATE_WEBSERVER",
  title: "The Airflow UI is reachable only from private networks",
  evaluates: "webserver_access_mode of every aws_mwaa_environment (unset means PRIVATE_ONLY)",
  sources: ["checkov CKV2_AWS_66", "Playbook 2 (CS0012300: public access disabled)"],
  explanation: "A PUBLIC_ONLY webserver puts the Airflow UI on the internet, guarded only by IAM sign-in.",
  fix: "Set airflow.webserverAccessMode to PRIVATE_ONLY and reach the UI over VPN, peering or Transit Gateway (network.webserverIngressCidrs).",
  evaluate: (stack) =>
    stack.resources("aws_mwaa_environment").map((env) => {
      const mode = env.config.webserver_access_mode ?? "PRIVATE_ONLY (default)";
      return check(env.path, String(mode).startsWith("PRIVATE_ONLY"), `webserver_access_mode = ${mode}`);
    }),
};
