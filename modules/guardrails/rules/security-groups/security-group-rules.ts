import { AddressSet, Cidr, parseCidr } from "../../address-space";
import { CidrValue, readCidr, readCidrList } from "../../cidr-values";
import { literalBool } from "../../literal-bool";
import { publicPart, PUBLIC } from "../../non-public-address-space";
import { check, Evaluation } from "../../rule";
import { SynthesizedStack } from "../../synthesized-stack";
import { blocks } from "../../terraform-document";
import { isRemoteStateOutput, ownResource, shown } from "../../own-references";
import { isS3Gateway } from "../../vpc-endpoint-services";
import { networkTeamId } from "../../network-team";

export type Direction = "ingress" | "egress";

/** Whom a rule lets traffic come from or go to. */
export type Peer =
  /** CIDR blocks, or a customer-managed prefix list whose entries the rules read. */
  | { readonly kind: "addresses"; readonly text: string; readonly space: AddressSet }
  /** Another security group, or the group itself. */
  | { readonly kind: "group"; readonly text: string }
  /** The prefix list of the S3 gateway endpoint: S3 over the endpoint, never over the internet. */
  | { readonly kind: "s3-gateway"; readonly text: string }
  | { readonly kind: "unverifiable"; readonly text: string; readonly reason: string };

/** One security group rule, whatever resource or block declares it. */
export interface GroupRule {
  readonly resource: string;
  /** The group it belongs to, as written (`${aws_security_group.x.id}`): rules of one group add up. */
  readonly group: string;
  /** Its direction; both when the rule's `type` cannot be read. */
  readonly directions: readonly Direction[];
  /** Why the direction cannot be read, if it cannot. */
  readonly unreadableType?: string;
  readonly peers: readonly Peer[];
  readonly description?: unknown;
}

const DIRECTIONS: readonly Direction[] = ["ingress", "egress"];
const INLINE_GROUPS = ["aws_security_group", "aws_default_security_group"];

const isSet = (value: unknown) => value !== undefined && value !== null;

function cidrPeer(field: string, value: CidrValue): Peer {
  return value.kind === "cidr"
    ? { kind: "addresses", text: value.text, space: AddressSet.of([value.cidr]) }
    : { kind: "unverifiable", text: `${field} = ${value.text}`, reason: value.reason };
}

const cidrPeers = (stack: SynthesizedStack, field: string, value: unknown): Peer[] => readCidrList(stack, value).map((v) => cidrPeer(field, v));

/**
 * The peer a prefix list id stands for: the S3 gateway endpoint's list, or a customer-managed list
 * of this stack judged by its entries (inline and `aws_ec2_managed_prefix_list_entry`). Any other
 * list (AWS-managed, looked up, another stack's) holds addresses the rules cannot see.
 */
function prefixListPeer(stack: SynthesizedStack, field: string, value: unknown): Peer {
  const text = `${field} = ${shown(value)}`;
  const target = stack.referenced(value);
  if (target?.resource.type === "aws_vpc_endpoint" && target.attribute === "prefix_list_id") {
    if (isS3Gateway(target.resource.config)) {
      return { kind: "s3-gateway", text: `${shown(value)} (the S3 gateway endpoint's prefix list)` };
    }
    return { kind: "unverifiable", text, reason: "is the prefix list of an endpoint other than the S3 gateway endpoint" };
  }
  if (target?.resource.type === "aws_ec2_managed_prefix_list" && target.attribute === "id") {
    const entries = [
      ...inlineEntries(stack, target.resource.config.entry),
      ...stack.resources("aws_ec2_managed_prefix_list_entry").filter((e) => e.config.prefix_list_id === value).map((e) => readCidr(stack, e.config.cidr)),
    ];
    const unreadable = entries.find((e) => e.kind === "unverifiable");
    if (unreadable) return { kind: "unverifiable", text, reason: `has an entry ${unreadable.text} that ${unreadable.reason}` };
    const space = AddressSet.of(entries.flatMap((e) => (e.kind === "cidr" ? [e.cidr] : [])));
    return { kind: "addresses", text: `${shown(value)} (prefix list of ${space.describe()})`, space };
  }
  return { kind: "unverifiable", text, reason: "is a prefix list whose entries the rules cannot read" };
}

/** The `entry` blocks of an `aws_ec2_managed_prefix_list`; an expression in their place cannot be read. */
function inlineEntries(stack: SynthesizedStack, entry: unknown): CidrValue[] {
  if (!isSet(entry)) return [];
  if (typeof entry === "string" || (Array.isArray(entry) && entry.some((e) => typeof e !== "object" || e === null))) {
    return [{ kind: "unverifiable", text: `entry = ${shown(entry)}`, reason: "is an expression known only at plan time" }];
  }
  return blocks(entry).map((e) => readCidr(stack, e.cidr));
}

/**
 * A security group peer is judged only when it is a group of this stack (whose own rules are read
 * here) or a remote-state output (another stack of the environment, judged there). A literal id, or
 * `<account>/sg-...` naming another account's group, is a group no rule has seen, unless it is a
 * network team's group the environment's config declares (network.securityGroupIds).
 */
function groupPeer(stack: SynthesizedStack, field: string, value: unknown): Peer {
  const text = `${field} ${shown(value)}`;
  if (ownResource(stack, value, INLINE_GROUPS, "id") || isRemoteStateOutput(stack, value)) return { kind: "group", text };
  // A group of the network team's VPC the config declares: its members are the team's to choose.
  const team = networkTeamId(stack.networkTeam, value);
  if (team?.kind === "security-group") return { kind: "group", text: `${field} ${team.text}, not checked` };
  return { kind: "unverifiable", text, reason: "is neither a security group of this stack nor a remote-state output (a literal id, or another account's group)" };
}

const groupPeers = (stack: SynthesizedStack, field: string, value: unknown): Peer[] =>
  !isSet(value) ? [] : Array.isArray(value) ? value.map((v) => groupPeer(stack, field, v)) : [groupPeer(stack, field, value)];

const listOf = (value: unknown): unknown[] => (!isSet(value) ? [] : Array.isArray(value) ? value : [value]);

/** Peers of an `aws_security_group_rule` or of an inline block: the two share argument names. */
function legacyPeers(stack: SynthesizedStack, config: Record<string, any>, groupsField: string): Peer[] {
  return [
    ...cidrPeers(stack, "cidr_blocks", config.cidr_blocks),
    ...cidrPeers(stack, "ipv6_cidr_blocks", config.ipv6_cidr_blocks),
    ...listOf(config.prefix_list_ids).map((id) => prefixListPeer(stack, "prefix_list_ids", id)),
    ...groupPeers(stack, groupsField, config[groupsField]),
    ...selfPeer(config.self),
  ];
}

function selfPeer(value: unknown): Peer[] {
  const self = literalBool(value);
  if (self === "unreadable") return [{ kind: "unverifiable", text: `self = ${shown(value)}`, reason: "is an expression known only at plan time" }];
  return self ? [{ kind: "group", text: "self" }] : [];
}

/**
 * Rules from `aws_vpc_security_group_*_rule`, `aws_security_group_rule` and the inline `ingress`
 * and `egress` blocks of `aws_security_group` and `aws_default_security_group`.
 */
export function securityGroupRules(stack: SynthesizedStack): GroupRule[] {
  const standalone = DIRECTIONS.flatMap((direction) =>
    stack.resources(`aws_vpc_security_group_${direction}_rule`).map(
      (r): GroupRule => ({
        resource: r.path,
        group: shown(r.config.security_group_id),
        directions: [direction],
        peers: [
          ...(isSet(r.config.cidr_ipv4) ? [cidrPeer("cidr_ipv4", readCidr(stack, r.config.cidr_ipv4))] : []),
          ...(isSet(r.config.cidr_ipv6) ? [cidrPeer("cidr_ipv6", readCidr(stack, r.config.cidr_ipv6))] : []),
          ...(isSet(r.config.prefix_list_id) ? [prefixListPeer(stack, "prefix_list_id", r.config.prefix_list_id)] : []),
          ...groupPeers(stack, "security group", r.config.referenced_security_group_id),
        ],
        description: r.config.description,
      }),
    ),
  );
  const legacy = stack.resources("aws_security_group_rule").map((r): GroupRule => {
    const known = DIRECTIONS.find((d) => d === r.config.type);
    return {
      resource: r.path,
      group: shown(r.config.security_group_id),
      directions: known ? [known] : DIRECTIONS,
      unreadableType: known ? undefined : `type = ${shown(r.config.type)}: neither ingress nor egress`,
      peers: legacyPeers(stack, r.config, "source_security_group_id"),
      description: r.config.description,
    };
  });
  const inline = INLINE_GROUPS.flatMap((type) =>
    stack.resources(type).flatMap((group) => {
      const key = SynthesizedStack.reference(group, "id");
      return DIRECTIONS.flatMap((direction): GroupRule[] => {
        const value = group.config[direction];
        if (!isSet(value)) return [];
        const items = Array.isArray(value) ? value : [value];
        return items.map((item, index) => {
          const resource = `${group.path} (${direction} block ${index + 1})`;
          if (typeof item !== "object" || item === null) {
            return { resource, group: key, directions: [direction], peers: [{ kind: "unverifiable", text: `${direction} = ${shown(item)}`, reason: "is an expression known only at plan time" }] };
          }
          return { resource, group: key, directions: [direction], peers: legacyPeers(stack, item, "security_groups"), description: item.description };
        });
      });
    }),
  );
  return [...standalone, ...legacy, ...inline];
}

/**
 * The addresses of the VPC a group belongs to, when group, VPC and literal CIDR blocks are all in
 * this stack: traffic to them follows the VPC's local route and never reaches the internet, even
 * where the VPC was given public address space.
 */
function ownVpcSpace(stack: SynthesizedStack, group: string): AddressSet {
  const owner = stack.referenced(group);
  if (!owner || !INLINE_GROUPS.includes(owner.resource.type) || owner.attribute !== "id") return AddressSet.EMPTY;
  const vpcId = owner.resource.config.vpc_id;
  const vpc = stack.referenced(vpcId);
  if (!vpc || vpc.resource.type !== "aws_vpc" || vpc.attribute !== "id") return AddressSet.EMPTY;
  const blocksOfVpc = [
    vpc.resource.config.cidr_block,
    ...stack.resources("aws_vpc_ipv4_cidr_block_association").filter((a) => a.config.vpc_id === vpcId).map((a) => a.config.cidr_block),
  ];
  // AWS gives a VPC IPv4 blocks from /16 to /28 only.
  const cidrs = blocksOfVpc.flatMap((b): Cidr[] => {
    const cidr = typeof b === "string" ? parseCidr(b) : undefined;
    return cidr && !("error" in cidr) && cidr.family === 4 && cidr.prefix >= 16 && cidr.prefix <= 28 ? [cidr] : [];
  });
  return AddressSet.of(cidrs);
}

const addressesOf = (rule: GroupRule) => rule.peers.reduce((space, p) => (p.kind === "addresses" ? space.union(p.space) : space), AddressSet.EMPTY);

/**
 * One evaluation per rule of `direction`. A rule fails when a peer cannot be read, or when it
 * reaches public address space at all: this environment has no internet path, so a public range is
 * a mistake or a hidden one in waiting. Where the rules of one group together cover the public
 * IPv4 or IPv6 internet, their evidence says so.
 */
export function evaluateAddressSpace(stack: SynthesizedStack, direction: Direction): Evaluation[] {
  const word = direction === "ingress" ? "from" : "to";
  const rules = securityGroupRules(stack).filter((r) => r.directions.includes(direction));
  const publicOf = new Map(rules.map((r) => [r, publicPart(addressesOf(r).minus(ownVpcSpace(stack, r.group)))]));
  const verb = direction === "ingress" ? "admits" : "reaches";
  const openByGroup = new Map<string, string[]>();
  for (const group of new Set(rules.map((r) => r.group))) {
    const together = rules.filter((r) => r.group === group).reduce((space, r) => space.union(publicOf.get(r)!), AddressSet.EMPTY);
    openByGroup.set(group, ([4, 6] as const).filter((family) => together.covers(PUBLIC[family])).map((family) => `the whole public IPv${family} internet`));
  }
  return [
    ...rules.map((rule) => {
      const problems: string[] = [];
      if (rule.unreadableType) problems.push(`unverifiable: ${rule.unreadableType}`);
      if (rule.peers.length === 0) problems.push("unverifiable: no peer the rules can read (no CIDR block, prefix list or security group)");
      for (const peer of rule.peers) if (peer.kind === "unverifiable") problems.push(`unverifiable: ${peer.text} ${peer.reason}`);
      const reached = publicOf.get(rule)!;
      if (!reached.isEmpty) {
        problems.push(`public address space ${reached.describe()}`);
        const open = openByGroup.get(rule.group)!;
        if (open.length > 0) problems.push(`with this rule, the group's ${direction} ${verb} ${open.join(" and ")}`);
      }
      const peers = `${word} ${rule.peers.map((p) => p.text).join(", ") || "nothing readable"}`;
      return check(rule.resource, problems.length === 0, problems.length === 0 ? peers : `${peers}: ${problems.join("; ")}`);
    }),
    ...strayPrefixListEntries(stack, direction),
  ];
}

/**
 * Entries added to a prefix list that is not in this stack (by its id from remote state, say): the
 * rules that use the list cannot see them, so each is judged where it is declared.
 */
function strayPrefixListEntries(stack: SynthesizedStack, direction: Direction): Evaluation[] {
  const verb = direction === "ingress" ? "admits" : "sends to";
  return stack
    .resources("aws_ec2_managed_prefix_list_entry")
    .filter((e) => stack.referenced(e.config.prefix_list_id)?.resource.type !== "aws_ec2_managed_prefix_list")
    .map((e) => {
      const value = readCidr(stack, e.config.cidr);
      if (value.kind === "unverifiable") return check(e.path, false, `unverifiable: cidr = ${value.text} ${value.reason}; a rule that uses prefix list ${shown(e.config.prefix_list_id)} ${verb} it`);
      const reached = publicPart(AddressSet.of([value.cidr]));
      return check(e.path, reached.isEmpty, reached.isEmpty ? `prefix list entry ${value.text}` : `prefix list entry ${value.text} is public address space ${reached.describe()}; a rule that uses prefix list ${shown(e.config.prefix_list_id)} ${verb} it`);
    });
}
