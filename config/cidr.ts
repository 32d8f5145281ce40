/** IPv4 CIDR arithmetic for config validation: parse, containment, overlap. */

export interface Ipv4Cidr {
  readonly text: string;
  /** First address as an unsigned 32-bit number. */
  readonly network: number;
  readonly prefix: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/**
 * Parses `a.b.c.d/n`. Returns a reason string when the text is not a network address in CIDR form
 * (AWS rejects host bits set, e.g. 10.0.0.1/16).
 */
export function parseCidr(text: string): Ipv4Cidr | string {
  const match = CIDR_PATTERN.exec(text);
  if (!match) return "is not an IPv4 CIDR block like 10.0.0.0/16";
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255)) return "has an octet above 255";
  if (prefix > 32) return "has a prefix length above 32";
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  if (address % size !== 0) {
    const network = address - (address % size);
    return `has host bits set; the network address is ${formatAddress(network)}/${prefix}`;
  }
  return { text, network: address, prefix };
}

function formatAddress(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join(".");
}

function lastAddress(cidr: Ipv4Cidr): number {
  return cidr.network + 2 ** (32 - cidr.prefix) - 1;
}

export function cidrContains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  return inner.network >= outer.network && lastAddress(inner) <= lastAddress(outer);
}

export function cidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  return a.network <= lastAddress(b) && b.network <= lastAddress(a);
}

/**
 * The private IPv4 networks (RFC 1918 and RFC 6598's shared space): the only networks the Airflow UI
 * may be opened to, and where a network team's shared endpoints may live.
 */
export const PRIVATE_NETWORKS = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"].map((text) => parseCidr(text) as Ipv4Cidr);

/** Whether `cidr` lies inside one of PRIVATE_NETWORKS. */
export const isPrivateCidr = (cidr: Ipv4Cidr) => PRIVATE_NETWORKS.some((range) => cidrContains(range, cidr));
