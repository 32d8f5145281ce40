import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { partitionOf } from "../../config/names";
import { allow, forPrincipals, fromSource } from "../iam/policy-statements";
import { projectRole, RoleSettings } from "../iam/project-role";
import { VPC_FLOW_LOGS_SERVICE_PRINCIPALS } from "../iam/service-principals";

export interface VpcFlowLogsProps {
  readonly account: string;
  readonly region: string;
  readonly vpcId: string;
  readonly logGroupName: string;
  /** ARN of a key whose policy lets CloudWatch Logs encrypt `logGroupName`. */
  readonly kmsKeyArn: string;
  readonly retentionInDays: number;
  readonly roleName: string;
  /** The organisation's boundary and path for the delivery role. @default none: IAM's defaults */
  readonly roleSettings?: RoleSettings;
  /** @default true */
  readonly preventDestroy?: boolean;
}

/** All traffic of the VPC, accepted and rejected, to a KMS-encrypted CloudWatch log group. */
export class VpcFlowLogs extends Construct {
  readonly logGroup: CloudwatchLogGroup;
  readonly role: IamRole;
  readonly flowLog: FlowLog;

  constructor(scope: Construct, id: string, props: VpcFlowLogsProps) {
    super(scope, id);
    const partition = partitionOf(props.region);

    this.logGroup = new CloudwatchLogGroup(this, "log-group", {
      name: props.logGroupName,
      kmsKeyId: props.kmsKeyArn,
      retentionInDays: props.retentionInDays,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });

    const trust = new DataAwsIamPolicyDocument(this, "trust-policy", {
      statement: [
        forPrincipals(
          allow(
            "VpcFlowLogsOfThisAccount",
            ["sts:AssumeRole"],
            [],
            fromSource(props.account, `arn:${partition}:ec2:${props.region}:${props.account}:vpc-flow-log/*`),
          ),
          "Service",
          [...VPC_FLOW_LOGS_SERVICE_PRINCIPALS],
        ),
      ],
    });
    this.role = projectRole(this, "role", props.roleSettings ?? {}, {
      name: props.roleName,
      description: "Lets VPC Flow Logs deliver to its one log group",
      assumeRolePolicy: trust.json,
    });

    const delivery = new DataAwsIamPolicyDocument(this, "delivery-policy", {
      statement: [
        allow(
          "WriteThisLogGroup",
          ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
          [this.logGroup.arn, `${this.logGroup.arn}:log-stream:*`],
        ),
        allow("FindLogGroups", ["logs:DescribeLogGroups"], [
          `arn:${partition}:logs:${props.region}:${props.account}:log-group:*`,
        ]),
      ],
    });
    new IamRolePolicy(this, "delivery", {
      name: "deliver-flow-logs",
      role: this.role.name,
      policy: delivery.json,
    });

    this.flowLog = new FlowLog(this, "flow-log", {
      vpcId: props.vpcId,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: this.logGroup.arn,
      iamRoleArn: this.role.arn,
      maxAggregationInterval: 60,
    });
  }
}
