import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";

/*
 * Rules are separate `aws_vpc_security_group_*_rule` resources, each with a description
 * (CKV_AWS_23), instead of inline blocks that Terraform rewrites wholesale. A group created by
 * Terraform starts with no egress rule: AWS's allow-all default is removed.
 */

export interface MwaaSecurityGroupProps {
  readonly name: string;
  readonly vpcId: string;
  readonly vpcCidr: string;
  /** Private networks that may open the Airflow UI (HTTPS). @default [] */
  readonly webserverIngressCidrs?: string[];
  /**
   * Private networks outside the VPC that hold interface endpoints a network team shares with it
   * (a shared-services VPC behind a Route 53 profile): reached on HTTPS. @default []
   */
  readonly sharedEndpointCidrs?: string[];
}

/**
 * The environment's security group. MWAA's schedulers, workers, webserver and the endpoints MWAA
 * creates for its database and webserver all carry it, so it admits itself. Egress stays inside the
 * VPC (where the interface endpoints are) plus S3 through the gateway endpoint's prefix list.
 */
export class MwaaSecurityGroup extends Construct {
  readonly group: SecurityGroup;
  readonly id: string;

  constructor(scope: Construct, id: string, props: MwaaSecurityGroupProps) {
    super(scope, id);
    this.group = new SecurityGroup(this, "group", {
      name: props.name,
      description: "Amazon MWAA environment: its own components, VPC endpoints and S3",
      vpcId: props.vpcId,
      tags: { Name: props.name },
    });
    this.id = this.group.id;

    new VpcSecurityGroupIngressRule(this, "from-self", {
      securityGroupId: this.id,
      description: "MWAA components and MWAA-managed endpoints talk to each other",
      ipProtocol: "-1",
      referencedSecurityGroupId: this.id,
    });
    (props.webserverIngressCidrs ?? []).forEach((cidr, index) => {
      new VpcSecurityGroupIngressRule(this, `webserver-from-network-${index + 1}`, {
        securityGroupId: this.id,
        description: `Airflow UI over HTTPS from ${cidr}`,
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrIpv4: cidr,
      });
    });
    new VpcSecurityGroupEgressRule(this, "to-vpc", {
      securityGroupId: this.id,
      description: "Inside the VPC only: interface endpoints, MWAA database and webserver endpoints",
      ipProtocol: "-1",
      cidrIpv4: props.vpcCidr,
    });
    (props.sharedEndpointCidrs ?? []).forEach((cidr, index) => {
      new VpcSecurityGroupEgressRule(this, `to-shared-endpoints-${index + 1}`, {
        securityGroupId: this.id,
        description: `HTTPS to the VPC endpoints the network team shares from ${cidr}`,
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrIpv4: cidr,
      });
    });
  }

  /** HTTPS to S3 through the gateway endpoint: DAGs, requirements and ECR image layers. */
  allowHttpsToPrefixList(prefixListId: string, description: string): void {
    new VpcSecurityGroupEgressRule(this, "to-s3-gateway", {
      securityGroupId: this.id,
      description,
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      prefixListId,
    });
  }
}

export interface EndpointSecurityGroupProps {
  readonly name: string;
  readonly vpcId: string;
  /** The only group whose members may call the endpoints. */
  readonly clientSecurityGroupId: string;
}

/** Security group of the interface endpoints: HTTPS from the MWAA group, nothing else. */
export class EndpointSecurityGroup extends Construct {
  readonly group: SecurityGroup;
  readonly id: string;

  constructor(scope: Construct, id: string, props: EndpointSecurityGroupProps) {
    super(scope, id);
    this.group = new SecurityGroup(this, "group", {
      name: props.name,
      description: "Interface VPC endpoints used by the MWAA environment",
      vpcId: props.vpcId,
      tags: { Name: props.name },
    });
    this.id = this.group.id;
    new VpcSecurityGroupIngressRule(this, "https-from-mwaa", {
      securityGroupId: this.id,
      description: "HTTPS from the MWAA environment's security group",
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      referencedSecurityGroupId: props.clientSecurityGroupId,
    });
  }
}
