import { check, Rule } from "../../rule";

export const vpcFlowLogs: Rule = {
  id: "VPC.FLOW_LOGS",
  title: "Every VPC records its traffic in flow logs",
  evaluates: "every aws_vpc has an aws_flow_log with traffic_type ALL",
  sources: ["checkov CKV2_AWS_11", "Security Hub EC2.6"],
  explanation: "Flow logs show which connections were made or refused when something goes wrong.",
  fix: "Add an aws_flow_log for the VPC with traffic_type ALL (VpcFlowLogs does).",
  evaluate: (stack) =>
    stack.resources("aws_vpc").map((vpc) => {
      const logs = stack.attachedTo(vpc, "aws_flow_log", "vpc_id", ["id"]).filter((f) => f.config.traffic_type === "ALL");
      return check(vpc.path, logs.length > 0, logs.length > 0 ? `flow log of ALL traffic to ${logs[0].config.log_destination_type ?? "cloud-watch-logs"}` : "no flow log of ALL traffic");
    }),
};
