import { SynthesizedStack } from "../guardrails/synthesized-stack";

const label = (text: string) => `"${text.replace(/"/g, "'")}"`;

/** A Mermaid flowchart of what the environment's stacks create, drawn from the synthesized JSON. */
export function architectureDiagram(stacks: readonly SynthesizedStack[]): string {
  const lines = ["```mermaid", "flowchart LR"];
  const count = (s: SynthesizedStack, type: string) => s.resources(type).length;
  stacks.forEach((stack, i) => {
    lines.push(`  subgraph s${i}[${label(stack.name)}]`);
    for (const vpc of stack.resources("aws_vpc")) {
      const subnets = stack.resources("aws_subnet").map((s) => `${s.config.cidr_block} ${s.config.availability_zone}`).join("<br/>");
      lines.push(`    s${i}vpc[${label(`VPC ${vpc.config.cidr_block}<br/>${subnets}`)}]`);
    }
    const endpoints = stack.resources("aws_vpc_endpoint").map((e) => String(e.config.service_name).split(".").slice(3).join("."));
    if (endpoints.length > 0) lines.push(`    s${i}ep[${label(`VPC endpoints:<br/>${endpoints.join(", ")}`)}]`);
    if (count(stack, "aws_security_group") > 0) lines.push(`    s${i}sg[${label(`${count(stack, "aws_security_group")} security groups`)}]`);
    if (count(stack, "aws_flow_log") > 0) lines.push(`    s${i}fl[${label("VPC flow logs")}]`);
    for (const key of stack.resources("aws_kms_alias")) lines.push(`    s${i}${key.logicalId.replace(/\W/g, "")}[${label(`KMS key ${key.config.name}`)}]`);
    for (const bucket of stack.resources("aws_s3_bucket")) lines.push(`    s${i}${bucket.logicalId.replace(/\W/g, "")}[${label(`S3 ${bucket.config.bucket}`)}]`);
    const groups = stack.resources("aws_cloudwatch_log_group").filter((g) => String(g.config.name).startsWith("airflow-"));
    if (groups.length > 0) lines.push(`    s${i}lg[${label(`${groups.length} log groups airflow-*`)}]`);
    for (const role of stack.resources("aws_iam_role")) lines.push(`    s${i}${role.logicalId.replace(/\W/g, "")}[${label(`IAM role ${role.config.name}`)}]`);
    for (const env of stack.resources("aws_mwaa_environment")) {
      lines.push(`    s${i}mwaa[${label(`MWAA ${env.config.name}<br/>${env.config.environment_class}, Airflow ${env.config.airflow_version}<br/>${env.config.webserver_access_mode}`)}]`);
    }
    lines.push("  end");
  });
  for (let i = 1; i < stacks.length; i++) lines.push(`  s${i - 1} --> s${i}`);
  lines.push("```");
  return lines.join("\n");
}
