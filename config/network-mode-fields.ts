import { ec2IdAllowed } from "./aws-resource-ids";
import { ENDPOINT_MANAGEMENT_MODES } from "./mwaa-limits";
import { PROVIDABLE_ENDPOINT_SERVICES } from "../modules/network/mwaa-endpoint-services";

/**
 * What the fields of a network team's VPC mean (network.mode existing) and airflow.endpointManagement:
 * defined once, for the schema's `.meta` and the config reference (reference.ts).
 */
export const NETWORK_MODE_FIELDS = {
  "airflow.endpointManagement": {
    description:
      "Who creates the VPC endpoints of the environment's database and webserver. SERVICE: MWAA, in the environment's subnets. CUSTOMER: the VPC's owner (a network team; a shared VPC requires it): the MWAA stack outputs the two endpoint services they connect to (`database_vpc_endpoint_service`, `webserver_vpc_endpoint_service`), the environment waits in PENDING until they exist and fails after 72 hours, and the deployer needs no endpoint permissions. Changing it replaces the environment.",
    allowed: `one of ${ENDPOINT_MANAGEMENT_MODES.join(", ")}; CUSTOMER needs network.mode existing`,
    default: "SERVICE",
  },
  "network.mode": {
    description:
      "create: the network stack creates the VPC, two private subnets and route tables, the endpoints, the security groups and flow logs. existing: a network team owns the VPC, the subnets, their routes and flow logs; the network stack creates only the security groups, interface endpoints and S3 gateway endpoint the config does not say they provide, and the review shows what no rule of these stacks could check (the VPC's routes and flow logs, the provided endpoints and groups) as NOT CHECKED.",
    allowed: "create or existing",
    default: "create",
  },
  "network.vpcId": {
    description: "existing only: the network team's VPC.",
    allowed: `${ec2IdAllowed("vpc")}; required when mode is existing`,
    default: "none",
  },
  "network.privateSubnets[].subnetId": {
    description: "existing only: one of the network team's two private subnets MWAA runs in (give its zone in availabilityZone).",
    allowed: `${ec2IdAllowed("subnet")}; required when mode is existing, the two different`,
    default: "none",
  },
  "network.routeTableIds": {
    description:
      "existing only: the route tables of the two subnets, which get the route of the S3 gateway endpoint the network stack creates (the ids cannot be derived offline). Not used when the network team provides the S3 gateway (s3 in providedEndpoints).",
    allowed: `a list of ${ec2IdAllowed("rtb")}, no id twice; required when mode is existing unless s3 is in providedEndpoints`,
    default: "none",
  },
  "network.securityGroupIds": {
    description: "existing only: the network team's security groups to use instead of creating them; the review shows their rules as not checked.",
    allowed: "an object with mwaa and endpoints, each optional",
    default: "{} (both created)",
  },
  "network.securityGroupIds.mwaa": {
    description:
      "existing only: the group MWAA runs with. Needed when the network team provides the S3 gateway: the egress to its prefix list is judged only for a gateway the network stack creates.",
    allowed: ec2IdAllowed("sg"),
    default: "created: admits itself and webserverIngressCidrs on 443, egresses to vpcCidr, providedEndpointCidrs on 443 and the S3 gateway",
  },
  "network.securityGroupIds.endpoints": {
    description: "existing only: the group of the interface endpoints the network stack creates; it must admit the MWAA group on 443.",
    allowed: `${ec2IdAllowed("sg")}; not when every interface endpoint is provided`,
    default: "created, admitting the MWAA group on 443 (none when every interface endpoint is provided)",
  },
  "network.providedEndpoints": {
    description:
      "existing only: the endpoint services the network team already provides to the VPC (in it, or shared centrally, e.g. through a Route 53 profile): the network stack does not create them (an endpoint with private DNS beside a shared one would clash), and VPC.MWAA_ENDPOINTS counts them as provided by the network team, not checked.",
    allowed: `a list of ${PROVIDABLE_ENDPOINT_SERVICES.join(", ")}, none twice (secretsmanager with secrets.backend secretsmanager)`,
    default: "[] (the network stack creates every endpoint)",
  },
  "network.providedEndpointCidrs": {
    description:
      "existing only: private networks outside the VPC where the network team's provided interface endpoints live (a shared-services VPC): the MWAA group the network stack creates may reach them on 443.",
    allowed: "a list of private IPv4 CIDR blocks (inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10); not with securityGroupIds.mwaa",
    default: "[] (provided endpoints are inside vpcCidr)",
  },
} as const;
