import { SynthesizedStack } from "../guardrails/synthesized-stack";
import { codeBlock, mermaidText } from "./markdown";

/** A quoted Mermaid label: each line plain text, escaped, one under the other. */
const label = (...lines: unknown[]) => `"${lines.map(mermaidText).join("<br/>")}"`;

/** A Mermaid flowchart of what the environment's stacks create, drawn from the synthesized JSON. */
export function architectureDiagram(stacks: readonly SynthesizedStack[]): string {
  const lines = ["flowchart LR"];
  const count = (s: SynthesizedStack, type: string) => s.resources(type).length;
  stacks.forEach((stack, i) => {
    // Nodes are numbered: ids made from resource names could coincide and draw two resources as one.
    let nodes = 0;
    const node = (...text: unknown[]) => lines.push(`    s${i}n${nodes++}[${label(...text)}]`);
    lines.push(`  subgraph s${i}[${label(stack.name)}]`);
    for (const vpc of stack.resources("aws_vpc")) {
      node(`VPC ${vpc.config.cidr_block}`, ...stack.resources("aws_subnet").map((s) => `${s.config.cidr_block} ${s.config.availability_zone}`));
    }
    const endpoints = stack.resources("aws_vpc_endpoint").map((e) => String(e.config.service_name).split(".").slice(3).join("."));
    if (endpoints.length > 0) node("VPC endpoints:", endpoints.join(", "));
    if (count(stack, "aws_security_group") > 0) node(`${count(stack, "aws_security_group")} security groups`);
    if (count(stack, "aws_flow_log") > 0) node("VPC flow logs");
    for (const key of stack.resources("aws_kms_alias")) node(`KMS key ${key.config.name}`);
    for (const bucket of stack.resources("aws_s3_bucket")) node(`S3 ${bucket.config.bucket}`);
    const groups = stack.resources("aws_cloudwatch_log_group").filter((g) => String(g.config.name).startsWith("airflow-"));
    if (groups.length > 0) node(`${groups.length} log groups airflow-*`);
    for (const role of stack.resources("aws_iam_role")) node(`IAM role ${role.config.name}`);
    for (const env of stack.resources("aws_mwaa_environment")) {
      node(`MWAA ${env.config.name}`, `${env.config.environment_class}, Airflow ${env.config.airflow_version}`, env.config.webserver_access_mode);
    }
    lines.push("  end");
  });
  for (let i = 1; i < stacks.length; i++) lines.push(`  s${i - 1} --> s${i}`);
  return codeBlock("mermaid", lines.join("\n"));
}
