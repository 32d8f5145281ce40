import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Construct } from "constructs";

export interface PrivateSubnetSpec {
  readonly cidr: string;
  readonly availabilityZone: string;
}

export interface PrivateNetworkProps {
  /** Prefix of the Name tags. */
  readonly namePrefix: string;
  readonly vpcCidr: string;
  /** MWAA takes exactly two subnets in two Availability Zones. */
  readonly privateSubnets: readonly PrivateSubnetSpec[];
}

/**
 * A VPC with no path to the internet: no internet gateway, no NAT, one private subnet and route
 * table per zone holding only the VPC's local route. AWS services are reached through VPC endpoints.
 * The VPC's default security group is emptied so nothing can fall back to its allow-all rules.
 */
export class PrivateNetwork extends Construct {
  readonly vpc: Vpc;
  readonly subnets: Subnet[];
  readonly routeTables: RouteTable[];
  readonly defaultSecurityGroup: DefaultSecurityGroup;

  constructor(scope: Construct, id: string, props: PrivateNetworkProps) {
    super(scope, id);

    this.vpc = new Vpc(this, "vpc", {
      cidrBlock: props.vpcCidr,
      // Private DNS of interface endpoints needs both.
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { Name: `${props.namePrefix}-vpc` },
    });

    // Adopting the default group with no rules removes AWS's allow-all defaults (CKV2_AWS_12).
    this.defaultSecurityGroup = new DefaultSecurityGroup(this, "default-security-group", {
      vpcId: this.vpc.id,
      ingress: [],
      egress: [],
      tags: { Name: `${props.namePrefix}-default-closed` },
    });

    this.subnets = [];
    this.routeTables = [];
    props.privateSubnets.forEach((spec, index) => {
      const subnet = new Subnet(this, `private-subnet-${index + 1}`, {
        vpcId: this.vpc.id,
        cidrBlock: spec.cidr,
        availabilityZone: spec.availabilityZone,
        mapPublicIpOnLaunch: false,
        tags: { Name: `${props.namePrefix}-private-${spec.availabilityZone}` },
      });
      const routeTable = new RouteTable(this, `private-route-table-${index + 1}`, {
        vpcId: this.vpc.id,
        tags: { Name: `${props.namePrefix}-private-${spec.availabilityZone}` },
      });
      new RouteTableAssociation(this, `private-route-table-association-${index + 1}`, {
        subnetId: subnet.id,
        routeTableId: routeTable.id,
      });
      this.subnets.push(subnet);
      this.routeTables.push(routeTable);
    });
  }
}
