import { Rule } from "../../../modules/guardrails/rule";
import { sgNoInternetEgress } from "../../../modules/guardrails/rules/security-groups/no-internet-egress";
import { sgNoOpenIngress } from "../../../modules/guardrails/rules/security-groups/no-open-ingress";
import { SynthesizedStack } from "../../../modules/guardrails/synthesized-stack";

/** A VPC, the MWAA group in it and the S3 gateway endpoint, as the network stack declares them. */
const NETWORK = {
  aws_vpc: { vpc: { cidr_block: "10.40.0.0/16" } },
  aws_security_group: { mwaa: { vpc_id: "${aws_vpc.vpc.id}", description: "MWAA" } },
  aws_vpc_endpoint: { s3: { service_name: "com.amazonaws.eu-west-1.s3", vpc_endpoint_type: "Gateway", vpc_id: "${aws_vpc.vpc.id}" } },
};

const GROUP = "${aws_security_group.mwaa.id}";

type Resources = Record<string, Record<string, Record<string, any>>>;

const stackOf = (resource: Resources, name = "example-network") => new SynthesizedStack(name, { resource });

/** Standalone rules of the MWAA group, of one direction. */
const standalone = (direction: "ingress" | "egress", rules: Record<string, Record<string, any>>, extra: Resources = {}) =>
  stackOf({
    ...NETWORK,
    ...extra,
    [`aws_vpc_security_group_${direction}_rule`]: Object.fromEntries(Object.entries(rules).map(([id, r]) => [id, { security_group_id: GROUP, ip_protocol: "-1", description: id, ...r }])),
  });

const results = (rule: Rule, stack: SynthesizedStack) => rule.evaluate(stack).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.resource}: ${e.evidence}`);
const failures = (rule: Rule, stack: SynthesizedStack) => results(rule, stack).filter((r) => r.startsWith("FAIL"));

describe("security group egress, judged by address space", () => {
  it("passes the VPC, private networks, another group and the S3 gateway endpoint's prefix list", () => {
    const stack = standalone("egress", {
      "to-vpc": { cidr_ipv4: "10.40.0.0/16" },
      "to-vpc-by-reference": { cidr_ipv4: "${aws_vpc.vpc.cidr_block}" },
      "to-onprem": { cidr_ipv4: "172.16.0.0/12" },
      "to-ula": { cidr_ipv6: "FD00::/8" },
      "to-group": { referenced_security_group_id: GROUP },
      "to-s3": { prefix_list_id: "${aws_vpc_endpoint.s3.prefix_list_id}", ip_protocol: "tcp", from_port: 443, to_port: 443 },
    });
    expect(results(sgNoInternetEgress, stack)).toEqual([
      "PASS example-network/to-vpc: to 10.40.0.0/16",
      "PASS example-network/to-vpc-by-reference: to ${aws_vpc.vpc.cidr_block} (10.40.0.0/16)",
      "PASS example-network/to-onprem: to 172.16.0.0/12",
      "PASS example-network/to-ula: to FD00::/8",
      "PASS example-network/to-group: to security group ${aws_security_group.mwaa.id}",
      "PASS example-network/to-s3: to ${aws_vpc_endpoint.s3.prefix_list_id} (the S3 gateway endpoint's prefix list)",
    ]);
  });

  it("fails a single public host, naming it", () => {
    expect(failures(sgNoInternetEgress, standalone("egress", { exfil: { cidr_ipv4: "203.0.114.7/32" } }))).toEqual([
      "FAIL example-network/exfil: to 203.0.114.7/32: public address space 203.0.114.7/32",
    ]);
  });

  it("fails IPv4 halves that add up to the internet, each saying the group now reaches all of it", () => {
    expect(failures(sgNoInternetEgress, standalone("egress", { low: { cidr_ipv4: "0.0.0.0/1" }, high: { cidr_ipv4: "128.0.0.0/1" } }))).toEqual([
      "FAIL example-network/low: to 0.0.0.0/1: public address space 32.0.0.0/3, 64.0.0.0/3, 16.0.0.0/4 and 16 more blocks; with this rule, the group's egress reaches the whole public IPv4 internet",
      "FAIL example-network/high: to 128.0.0.0/1: public address space 128.0.0.0/3, 176.0.0.0/4, 208.0.0.0/4 and 81 more blocks; with this rule, the group's egress reaches the whole public IPv4 internet",
    ]);
  });

  it("adds up rules of one group whatever resource or block declares them, but not rules of another group", () => {
    const stack = stackOf({
      ...NETWORK,
      aws_security_group: { ...NETWORK.aws_security_group, mwaa: { ...NETWORK.aws_security_group.mwaa, egress: [{ cidr_blocks: ["0.0.0.0/2", "192.0.0.0/2"] }] }, other: { vpc_id: "${aws_vpc.vpc.id}", egress: { cidr_blocks: ["192.0.0.0/2"] } } },
      aws_vpc_security_group_egress_rule: { quarter: { security_group_id: GROUP, cidr_ipv4: "64.0.0.0/2" } },
      aws_security_group_rule: { last: { type: "egress", security_group_id: GROUP, cidr_blocks: ["128.0.0.0/2"] } },
    });
    const found = failures(sgNoInternetEgress, stack);
    expect(found).toHaveLength(4);
    expect(found.filter((f) => f.includes("whole public IPv4 internet")).map((f) => f.split(":")[0])).toEqual([
      "FAIL example-network/quarter",
      "FAIL example-network/last",
      "FAIL example-network/mwaa (egress block 1)",
    ]);
    expect(found.find((f) => f.startsWith("FAIL example-network/other"))).not.toContain("whole public");
  });

  it("fails an expression, a looked-up prefix list and a whole list given as one expression as unverifiable", () => {
    const stack = stackOf({
      ...NETWORK,
      aws_vpc_security_group_egress_rule: {
        variable: { security_group_id: GROUP, cidr_ipv4: "${var.egress_cidr}" },
        computed: { security_group_id: GROUP, cidr_ipv4: '${cidrsubnet("0.0.0.0/0", 1, 0)}' },
        looked_up: { security_group_id: GROUP, prefix_list_id: "${data.aws_prefix_list.s3.id}" },
        literal_list: { security_group_id: GROUP, prefix_list_id: "pl-6da54004" },
        no_peer: { security_group_id: GROUP },
      },
      aws_security_group_rule: { whole_list: { type: "egress", security_group_id: GROUP, cidr_blocks: "${var.cidrs}" } },
    });
    expect(failures(sgNoInternetEgress, stack)).toEqual([
      "FAIL example-network/variable: to cidr_ipv4 = ${var.egress_cidr}: unverifiable: cidr_ipv4 = ${var.egress_cidr} is an expression known only at plan time",
      'FAIL example-network/computed: to cidr_ipv4 = ${cidrsubnet("0.0.0.0/0", 1, 0)}: unverifiable: cidr_ipv4 = ${cidrsubnet("0.0.0.0/0", 1, 0)} is an expression known only at plan time',
      "FAIL example-network/looked_up: to prefix_list_id = ${data.aws_prefix_list.s3.id}: unverifiable: prefix_list_id = ${data.aws_prefix_list.s3.id} is a prefix list whose entries the rules cannot read",
      "FAIL example-network/literal_list: to prefix_list_id = pl-6da54004: unverifiable: prefix_list_id = pl-6da54004 is a prefix list whose entries the rules cannot read",
      "FAIL example-network/no_peer: to nothing readable: unverifiable: no peer the rules can read (no CIDR block, prefix list or security group)",
      "FAIL example-network/whole_list: to cidr_blocks = ${var.cidrs}: unverifiable: cidr_blocks = ${var.cidrs} is not a list the rules can read",
    ]);
  });

  it("fails a CIDR block written in a form it cannot parse", () => {
    expect(failures(sgNoInternetEgress, standalone("egress", { octal: { cidr_ipv4: "010.0.0.0/8" }, bare: { cidr_ipv6: "2001:db8::1" } }))).toEqual([
      "FAIL example-network/octal: to cidr_ipv4 = 010.0.0.0/8: unverifiable: cidr_ipv4 = 010.0.0.0/8 is not an IPv4 or IPv6 address in a form AWS accepts",
      "FAIL example-network/bare: to cidr_ipv6 = 2001:db8::1: unverifiable: cidr_ipv6 = 2001:db8::1 has no prefix length (/n)",
    ]);
  });

  it("judges a customer-managed prefix list of the stack by its entries, inline and standalone", () => {
    const lists = (extraEntry: string): Resources => ({
      aws_ec2_managed_prefix_list: { onprem: { address_family: "IPv4", max_entries: 5, entry: [{ cidr: "10.0.0.0/8" }] } },
      aws_ec2_managed_prefix_list_entry: { added: { prefix_list_id: "${aws_ec2_managed_prefix_list.onprem.id}", cidr: extraEntry } },
    });
    const rule = { "to-list": { prefix_list_id: "${aws_ec2_managed_prefix_list.onprem.id}" } };
    expect(results(sgNoInternetEgress, standalone("egress", rule, lists("192.168.0.0/16")))).toEqual([
      "PASS example-network/to-list: to ${aws_ec2_managed_prefix_list.onprem.id} (prefix list of 10.0.0.0/8, 192.168.0.0/16)",
    ]);
    expect(failures(sgNoInternetEgress, standalone("egress", rule, lists("1.1.1.1/32")))).toEqual([
      "FAIL example-network/to-list: to ${aws_ec2_managed_prefix_list.onprem.id} (prefix list of 10.0.0.0/8, 1.1.1.1/32): public address space 1.1.1.1/32",
    ]);
    expect(failures(sgNoInternetEgress, standalone("egress", rule, lists("${var.partner}")))).toEqual([
      "FAIL example-network/to-list: to prefix_list_id = ${aws_ec2_managed_prefix_list.onprem.id}: unverifiable: prefix_list_id = ${aws_ec2_managed_prefix_list.onprem.id} has an entry ${var.partner} that is an expression known only at plan time",
    ]);
  });

  it("judges entries added to another stack's prefix list where they are declared", () => {
    const stack = stackOf(
      { aws_ec2_managed_prefix_list_entry: { private: { prefix_list_id: "${data.terraform_remote_state.network.outputs.list_id}", cidr: "10.9.0.0/16" }, partner: { prefix_list_id: "pl-0123", cidr: "8.8.8.0/24" } } },
      "example-mwaa",
    );
    expect(results(sgNoInternetEgress, stack)).toEqual([
      "PASS example-mwaa/private: prefix list entry 10.9.0.0/16",
      "FAIL example-mwaa/partner: prefix list entry 8.8.8.0/24 is public address space 8.8.8.0/24; a rule that uses prefix list pl-0123 sends to it",
    ]);
  });

  it("passes public address space inside the group's own VPC, which the local route keeps in the VPC", () => {
    const stack = stackOf({
      aws_vpc: { vpc: { cidr_block: "11.40.0.0/16" }, elsewhere: { cidr_block: "12.0.0.0/16" } },
      aws_security_group: { mwaa: { vpc_id: "${aws_vpc.vpc.id}" } },
      aws_vpc_security_group_egress_rule: { "to-vpc": { security_group_id: GROUP, cidr_ipv4: "${aws_vpc.vpc.cidr_block}" }, "to-other-vpc": { security_group_id: GROUP, cidr_ipv4: "12.0.0.0/16" } },
    });
    expect(results(sgNoInternetEgress, stack)).toEqual([
      "PASS example-network/to-vpc: to ${aws_vpc.vpc.cidr_block} (11.40.0.0/16)",
      "FAIL example-network/to-other-vpc: to 12.0.0.0/16: public address space 12.0.0.0/16",
    ]);
  });

  it("reads inline blocks of the default security group, and fails a block given as an expression", () => {
    const stack = stackOf({ aws_default_security_group: { default: { vpc_id: "${aws_vpc.vpc.id}", egress: [{ cidr_blocks: ["0.0.0.0/0"], ipv6_cidr_blocks: ["::/0"] }, "${local.rule}"] } } });
    expect(failures(sgNoInternetEgress, stack)).toEqual([
      "FAIL example-network/default (egress block 1): to 0.0.0.0/0, ::/0: public address space 32.0.0.0/3, 64.0.0.0/3, 128.0.0.0/3 and 473 more blocks; with this rule, the group's egress reaches the whole public IPv4 internet and the whole public IPv6 internet",
      "FAIL example-network/default (egress block 2): to egress = ${local.rule}: unverifiable: egress = ${local.rule} is an expression known only at plan time",
    ]);
  });
});

describe("security group ingress, judged by address space", () => {
  it("passes the listed private networks and the group itself", () => {
    const stack = standalone("ingress", { "from-network": { cidr_ipv4: "10.0.0.0/16" }, "from-self": { referenced_security_group_id: GROUP } });
    expect(failures(sgNoOpenIngress, stack)).toEqual([]);
  });

  it("fails 0::0/0 and IPv6 halves, which are the IPv6 internet", () => {
    expect(failures(sgNoOpenIngress, standalone("ingress", { all: { cidr_ipv6: "0::0/0" } }))[0]).toMatch(/^FAIL example-network\/all: from 0::0\/0: public address space .*; with this rule, the group's ingress admits the whole public IPv6 internet$/);
    const halves = failures(sgNoOpenIngress, standalone("ingress", { low: { cidr_ipv6: "::/1" }, high: { cidr_ipv6: "8000::/1" } }));
    expect(halves).toHaveLength(2);
    for (const f of halves) expect(f).toMatch(/the group's ingress admits the whole public IPv6 internet$/);
  });

  it("fails IPv4-mapped IPv6 blocks by the IPv4 space they stand for", () => {
    expect(failures(sgNoOpenIngress, standalone("ingress", { mapped: { cidr_ipv6: "::ffff:0:0/96" }, "mapped-private": { cidr_ipv6: "::ffff:10.0.0.0/104" } })).map((f) => f.split(":")[0])).toEqual(["FAIL example-network/mapped"]);
  });

  it("fails a legacy rule whose type cannot be read in both directions", () => {
    const stack = stackOf({ ...NETWORK, aws_security_group_rule: { either: { type: "${var.direction}", security_group_id: GROUP, cidr_blocks: ["10.0.0.0/8"] } } });
    const expected = (word: string) => `FAIL example-network/either: ${word} 10.0.0.0/8: unverifiable: type = \${var.direction}: neither ingress nor egress`;
    expect(failures(sgNoOpenIngress, stack)).toEqual([expected("from")]);
    expect(failures(sgNoInternetEgress, stack)).toEqual([expected("to")]);
  });

  it("reads blocks written as HCL writes them (every block a list)", () => {
    const stack = new SynthesizedStack("example-network", { resource: [{ aws_security_group: { web: [{ ingress: [{ cidr_blocks: ["0.0.0.0/1", "128.0.0.0/1"], self: false }] }] } }] });
    expect(failures(sgNoOpenIngress, stack)).toEqual([expect.stringMatching(/^FAIL example-network\/web \(ingress block 1\): from 0\.0\.0\.0\/1, 128\.0\.0\.0\/1: .*the whole public IPv4 internet$/)]);
  });
});
