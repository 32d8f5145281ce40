import { AddressSet, Cidr, Family, parseCidr } from "./address-space";

/**
 * Address space that is never an internet host: private, shared, loopback, link-local,
 * documentation, benchmarking, multicast and reserved ranges, from IANA's IPv4 and IPv6
 * Special-Purpose Address Registries (RFC 6890) and the RFCs they cite. Everything else counts as
 * public. Ranges the registry marks as globally reachable in part (192.0.0.0/24, 2001::/23) or
 * that translate to the IPv4 internet (NAT64's 64:ff9b::/96 and 64:ff9b:1::/48, 6to4's 2002::/16)
 * are left out on purpose: they count as public.
 */
export interface NonPublicRange {
  readonly cidr: string;
  readonly use: string;
  readonly source: string;
}

export const NON_PUBLIC_IPV4: readonly NonPublicRange[] = [
  { cidr: "0.0.0.0/8", use: "this network", source: "RFC 791" },
  { cidr: "10.0.0.0/8", use: "private use", source: "RFC 1918" },
  { cidr: "100.64.0.0/10", use: "shared address space (carrier-grade NAT)", source: "RFC 6598" },
  { cidr: "127.0.0.0/8", use: "loopback", source: "RFC 1122" },
  { cidr: "169.254.0.0/16", use: "link-local (the instance metadata service and DNS resolver included)", source: "RFC 3927" },
  { cidr: "172.16.0.0/12", use: "private use", source: "RFC 1918" },
  { cidr: "192.0.2.0/24", use: "documentation (TEST-NET-1)", source: "RFC 5737" },
  { cidr: "192.168.0.0/16", use: "private use", source: "RFC 1918" },
  { cidr: "198.18.0.0/15", use: "benchmarking", source: "RFC 2544" },
  { cidr: "198.51.100.0/24", use: "documentation (TEST-NET-2)", source: "RFC 5737" },
  { cidr: "203.0.113.0/24", use: "documentation (TEST-NET-3)", source: "RFC 5737" },
  { cidr: "224.0.0.0/4", use: "multicast", source: "RFC 5771" },
  { cidr: "240.0.0.0/4", use: "reserved, and the limited broadcast address", source: "RFC 1112, RFC 919" },
];

export const NON_PUBLIC_IPV6: readonly NonPublicRange[] = [
  { cidr: "::/128", use: "unspecified address", source: "RFC 4291" },
  { cidr: "::1/128", use: "loopback", source: "RFC 4291" },
  { cidr: "100::/64", use: "discard-only", source: "RFC 6666" },
  { cidr: "2001:2::/48", use: "benchmarking", source: "RFC 5180" },
  { cidr: "2001:db8::/32", use: "documentation", source: "RFC 3849" },
  { cidr: "3fff::/20", use: "documentation", source: "RFC 9637" },
  { cidr: "fc00::/7", use: "unique local addresses", source: "RFC 4193" },
  { cidr: "fe80::/10", use: "link-local", source: "RFC 4291" },
  { cidr: "fec0::/10", use: "site-local (deprecated)", source: "RFC 3879" },
  { cidr: "ff00::/8", use: "multicast", source: "RFC 4291" },
];

const parsed = (ranges: readonly NonPublicRange[]): Cidr[] =>
  ranges.map((r) => {
    const cidr = parseCidr(r.cidr);
    if ("error" in cidr) throw new Error(`non-public range ${r.cidr} ${cidr.error}`);
    return cidr;
  });

/**
 * IPv4-mapped IPv6 addresses (`::ffff:0:0/96`, RFC 4291) stand for IPv4 addresses: a mapped block
 * is public exactly where the IPv4 block it maps is.
 */
const mapped = (cidrs: readonly Cidr[]): Cidr[] =>
  cidrs.map((c) => ({ family: 6 as const, first: (0xffffn << 32n) | c.first, prefix: 96 + c.prefix }));

const ipv4 = parsed(NON_PUBLIC_IPV4);

/** Every address no internet host has, IPv4 and IPv6. */
export const NON_PUBLIC = AddressSet.of([...ipv4, ...mapped(ipv4), ...parsed(NON_PUBLIC_IPV6)]);

/** The internet's address space: every address of the family outside {@link NON_PUBLIC}. */
export const PUBLIC: Record<Family, AddressSet> = {
  4: AddressSet.all(4).minus(NON_PUBLIC),
  6: AddressSet.all(6).minus(NON_PUBLIC),
};

const ALL_PUBLIC = PUBLIC[4].union(PUBLIC[6]);

/** The part of `space` that is public address space. */
export function publicPart(space: AddressSet): AddressSet {
  return space.intersect(ALL_PUBLIC);
}
