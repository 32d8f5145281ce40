/**
 * IPv4 and IPv6 address arithmetic for the network rules. CIDR blocks are read in every notation
 * Terraform and AWS accept (`0::0/0`, `::FFFF:0:0/96`, `::ffff:10.0.0.0/104`, `10.0.0.0/08`), and
 * sets of addresses are kept as sorted, disjoint ranges of bigints, so that rules compare address
 * space rather than text: `0.0.0.0/1` and `128.0.0.0/1` together are `0.0.0.0/0`.
 */

export type Family = 4 | 6;

const BITS: Record<Family, number> = { 4: 32, 6: 128 };

/** A CIDR block: its family, its first address and its prefix length. */
export interface Cidr {
  readonly family: Family;
  readonly first: bigint;
  readonly prefix: number;
}

/** An inclusive range of addresses of one family. */
interface Range {
  readonly first: bigint;
  readonly last: bigint;
}

const OCTET = /^(0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** A dotted IPv4 address as a number, or undefined. Leading zeros are refused: some parsers read them as octal. */
function parseIpv4(text: string): bigint | undefined {
  const octets = text.split(".");
  if (octets.length !== 4 || !octets.every((o) => OCTET.test(o) && Number(o) <= 255)) return undefined;
  return octets.reduce((acc, o) => (acc << 8n) | BigInt(o), 0n);
}

/**
 * An IPv6 address as a number, or undefined: hex groups in either case, at most one `::`, and an
 * IPv4 address in dotted form as the last 32 bits (`::ffff:192.0.2.1`). Zone indexes are refused.
 */
function parseIpv6(text: string): bigint | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const groups = (half: string): bigint[] | undefined => {
    if (half === "") return [];
    const parts = half.split(":");
    const out: bigint[] = [];
    for (const [index, part] of parts.entries()) {
      if (HEX_GROUP.test(part)) {
        out.push(BigInt(`0x${part}`));
      } else if (index === parts.length - 1 && part.includes(".")) {
        const v4 = parseIpv4(part);
        if (v4 === undefined) return undefined;
        out.push(v4 >> 16n, v4 & 0xffffn);
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (head === undefined || tail === undefined) return undefined;
  if (halves.length === 1 && head.length !== 8) return undefined;
  if (halves.length === 2 && head.length + tail.length > 7) return undefined;
  // A dotted IPv4 part is only allowed at the very end of the address.
  if (halves.length === 2 && halves[0].includes(".")) return undefined;
  const all = [...head, ...Array<bigint>(8 - head.length - tail.length).fill(0n), ...tail];
  return all.reduce((acc, g) => (acc << 16n) | g, 0n);
}

/**
 * Parses a CIDR block, IPv4 or IPv6. Host bits set (`10.0.0.1/8`) are cleared: the block then
 * stands for the whole network it names, the widest reading. Anything else that is not a CIDR
 * block (a bare address, a zone index, an octet with a leading zero) is an error with the reason.
 */
export function parseCidr(text: string): Cidr | { error: string } {
  const slash = text.indexOf("/");
  if (slash < 0) return { error: "has no prefix length (/n)" };
  const address = text.slice(0, slash);
  const length = text.slice(slash + 1);
  const family: Family | undefined = address.includes(":") ? 6 : address.includes(".") ? 4 : undefined;
  const value = family === 6 ? parseIpv6(address) : family === 4 ? parseIpv4(address) : undefined;
  if (family === undefined || value === undefined) return { error: "is not an IPv4 or IPv6 address in a form AWS accepts" };
  if (!/^\d{1,3}$/.test(length) || Number(length) > BITS[family]) return { error: `has no prefix length from 0 to ${BITS[family]}` };
  const prefix = Number(length);
  return { family, first: value & ~hostMask(family, prefix), prefix };
}

const hostMask = (family: Family, prefix: number): bigint => (1n << BigInt(BITS[family] - prefix)) - 1n;

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => ((value >> shift) & 0xffn).toString()).join(".");
}

/** RFC 5952 text: lowercase, the longest run of two or more zero groups as `::`, IPv4-mapped addresses dotted. */
function formatIpv6(value: bigint): string {
  if (value >> 32n === 0xffffn) return `::ffff:${formatIpv4(value & 0xffffffffn)}`;
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = { start: -1, length: 1 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(":");
  return `${hex.slice(0, best.start).join(":")}::${hex.slice(best.start + best.length).join(":")}`;
}

/** A CIDR block in canonical text (`0::0/0` is `::/0`). */
export function formatCidr(cidr: Cidr): string {
  return `${cidr.family === 4 ? formatIpv4(cidr.first) : formatIpv6(cidr.first)}/${cidr.prefix}`;
}

const rangeOf = (cidr: Cidr): Range => ({ first: cidr.first, last: cidr.first | hostMask(cidr.family, cidr.prefix) });

/** Sorted, with overlapping and adjacent ranges merged. */
function normalize(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.first <= last.last + 1n) {
      if (r.last > last.last) out[out.length - 1] = { first: last.first, last: r.last };
    } else {
      out.push(r);
    }
  }
  return out;
}

function subtract(from: readonly Range[], remove: readonly Range[]): Range[] {
  let pieces = [...from];
  for (const cut of remove) {
    pieces = pieces.flatMap((p) => {
      if (cut.last < p.first || cut.first > p.last) return [p];
      const left = cut.first > p.first ? [{ first: p.first, last: cut.first - 1n }] : [];
      const right = cut.last < p.last ? [{ first: cut.last + 1n, last: p.last }] : [];
      return [...left, ...right];
    });
  }
  return pieces;
}

/** The fewest CIDR blocks that cover exactly `range`. */
function cidrsOfRange(family: Family, range: Range): Cidr[] {
  const out: Cidr[] = [];
  let first = range.first;
  while (first <= range.last) {
    let prefix = BITS[family];
    // Widen the block while it stays aligned on `first` and inside the range.
    while (prefix > 0 && (first & hostMask(family, prefix - 1)) === 0n && (first | hostMask(family, prefix - 1)) <= range.last) prefix--;
    out.push({ family, first, prefix });
    first = (first | hostMask(family, prefix)) + 1n;
  }
  return out;
}

/** A set of IPv4 and IPv6 addresses. Immutable. */
export class AddressSet {
  private constructor(
    private readonly v4: readonly Range[],
    private readonly v6: readonly Range[],
  ) {}

  static readonly EMPTY = new AddressSet([], []);

  static of(cidrs: readonly Cidr[]): AddressSet {
    return new AddressSet(
      normalize(cidrs.filter((c) => c.family === 4).map(rangeOf)),
      normalize(cidrs.filter((c) => c.family === 6).map(rangeOf)),
    );
  }

  /** Every address of `family`: `0.0.0.0/0` or `::/0`. */
  static all(family: Family): AddressSet {
    return AddressSet.of([{ family, first: 0n, prefix: 0 }]);
  }

  union(other: AddressSet): AddressSet {
    return new AddressSet(normalize([...this.v4, ...other.v4]), normalize([...this.v6, ...other.v6]));
  }

  minus(other: AddressSet): AddressSet {
    return new AddressSet(subtract(this.v4, other.v4), subtract(this.v6, other.v6));
  }

  intersect(other: AddressSet): AddressSet {
    return this.minus(this.minus(other));
  }

  /** The addresses of one family only. */
  only(family: Family): AddressSet {
    return family === 4 ? new AddressSet(this.v4, []) : new AddressSet([], this.v6);
  }

  get isEmpty(): boolean {
    return this.v4.length === 0 && this.v6.length === 0;
  }

  /** Whether every address of `other` is in this set. */
  covers(other: AddressSet): boolean {
    return other.minus(this).isEmpty;
  }

  /** The set as the fewest CIDR blocks, IPv4 first, in address order. */
  cidrs(): Cidr[] {
    return [...this.v4.flatMap((r) => cidrsOfRange(4, r)), ...this.v6.flatMap((r) => cidrsOfRange(6, r))];
  }

  /** The set in CIDR text: its `max` largest blocks, and how many more there are. */
  describe(max = 3): string {
    const all = this.cidrs()
      .sort((a, b) => a.family - b.family || a.prefix - b.prefix || (a.first < b.first ? -1 : 1))
      .map(formatCidr);
    if (all.length === 0) return "no address";
    return all.length <= max ? all.join(", ") : `${all.slice(0, max).join(", ")} and ${all.length - max} more blocks`;
  }
}
