import { AddressSet, Cidr, formatCidr, parseCidr } from "../../../modules/guardrails/address-space";

const cidr = (text: string): Cidr => {
  const parsed = parseCidr(text);
  if ("error" in parsed) throw new Error(`${text} ${parsed.error}`);
  return parsed;
};
const canonical = (text: string) => formatCidr(cidr(text));
const set = (...texts: string[]) => AddressSet.of(texts.map(cidr));

describe("parseCidr", () => {
  it("reads IPv4 blocks, a prefix with leading zeros included", () => {
    expect(canonical("10.40.0.0/16")).toBe("10.40.0.0/16");
    expect(canonical("0.0.0.0/0")).toBe("0.0.0.0/0");
    expect(canonical("8.8.8.8/32")).toBe("8.8.8.8/32");
    expect(canonical("10.0.0.0/08")).toBe("10.0.0.0/8");
  });

  it("reads IPv6 in every notation: compressed, expanded, uppercase, zero groups written out", () => {
    expect(canonical("::/0")).toBe("::/0");
    expect(canonical("0::0/0")).toBe("::/0");
    expect(canonical("0:0:0:0:0:0:0:0/0")).toBe("::/0");
    expect(canonical("8000::/1")).toBe("8000::/1");
    expect(canonical("2001:DB8::/32")).toBe("2001:db8::/32");
    expect(canonical("2001:0db8:0000:0000:0000:0000:0000:0001/128")).toBe("2001:db8::1/128");
    expect(canonical("fe80::1:0:0:0/64")).toBe("fe80::/64");
  });

  it("reads IPv4-mapped and embedded-IPv4 IPv6 addresses", () => {
    expect(canonical("::ffff:0:0/96")).toBe("::ffff:0.0.0.0/96");
    expect(canonical("::FFFF:0.0.0.0/96")).toBe("::ffff:0.0.0.0/96");
    expect(canonical("::ffff:10.0.0.0/104")).toBe("::ffff:10.0.0.0/104");
    expect(canonical("64:ff9b::192.0.2.1/128")).toBe("64:ff9b::c000:201/128");
  });

  it("widens a block with host bits set to the whole network it names", () => {
    expect(canonical("8.8.8.8/0")).toBe("0.0.0.0/0");
    expect(canonical("10.0.0.1/8")).toBe("10.0.0.0/8");
    expect(canonical("2001:db8::1/0")).toBe("::/0");
  });

  it("refuses what is not a CIDR block, with the reason", () => {
    for (const text of ["10.0.0.0", "10.0.0.0/33", "::/129", "010.0.0.0/8", "256.0.0.0/8", "1.2.3/24", "fe80::1%eth0/64", "1:2:3:4:5:6:7:8:9/128", "1::2::3/64", "12345::/16", "1.2.3.4::/64", " 0.0.0.0/0", "0.0.0.0/-1", "${var.cidr}", ""]) {
      expect(parseCidr(text)).toEqual({ error: expect.any(String) });
    }
  });
});

describe("AddressSet", () => {
  it("adds split halves up to the whole space, in IPv4 and IPv6", () => {
    expect(set("0.0.0.0/1", "128.0.0.0/1").covers(AddressSet.all(4))).toBe(true);
    expect(set("::/1", "8000::/1").covers(AddressSet.all(6))).toBe(true);
    expect(set("0.0.0.0/1").covers(AddressSet.all(4))).toBe(false);
    expect(set("0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/2").cidrs().map(formatCidr)).toEqual(["0.0.0.0/0"]);
  });

  it("keeps the families apart", () => {
    expect(set("::/0").covers(AddressSet.all(4))).toBe(false);
    expect(set("0.0.0.0/0", "::/0").only(6).cidrs().map(formatCidr)).toEqual(["::/0"]);
  });

  it("subtracts and intersects, and describes the result as the fewest CIDR blocks, largest first", () => {
    expect(set("10.0.0.0/8").minus(set("10.0.0.0/9")).cidrs().map(formatCidr)).toEqual(["10.128.0.0/9"]);
    expect(set("0.0.0.0/0").minus(set("0.0.0.0/1")).describe()).toBe("128.0.0.0/1");
    expect(set("10.0.0.0/8").intersect(set("10.1.0.0/16", "11.0.0.0/8")).describe()).toBe("10.1.0.0/16");
    expect(set("8.8.8.8/32").minus(set("8.8.8.8/32")).isEmpty).toBe(true);
    expect(set("0.0.0.0/0").minus(set("10.0.0.0/8", "172.16.0.0/12")).describe(2)).toBe("64.0.0.0/2, 192.0.0.0/2 and 16 more blocks");
  });
});
