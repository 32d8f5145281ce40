import { AddressSet, parseCidr } from "../../../modules/guardrails/address-space";
import { NON_PUBLIC, NON_PUBLIC_IPV4, NON_PUBLIC_IPV6, PUBLIC, publicPart } from "../../../modules/guardrails/non-public-address-space";

const publicOf = (...texts: string[]) => publicPart(AddressSet.of(texts.map((t) => parseCidr(t) as any))).describe();

describe("public address space", () => {
  it("excludes private, shared, link-local and unique local ranges", () => {
    for (const text of ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.169.254/32", "fc00::/7", "fd12:3456::/32", "fe80::/10"]) {
      expect(publicOf(text)).toBe("no address");
    }
  });

  it("includes any other address, a single host included", () => {
    expect(publicOf("8.8.8.8/32")).toBe("8.8.8.8/32");
    expect(publicOf("172.32.0.0/16")).toBe("172.32.0.0/16");
    expect(publicOf("2600:1f18::/32")).toBe("2600:1f18::/32");
    expect(publicOf("64:ff9b::/96")).toBe("64:ff9b::/96");
  });

  it("names the public part of a block that is partly private", () => {
    expect(publicOf("0.0.0.0/1")).toBe("32.0.0.0/3, 64.0.0.0/3, 16.0.0.0/4 and 16 more blocks");
    expect(publicOf("172.0.0.0/11")).toBe("172.0.0.0/12");
  });

  it("judges IPv4-mapped IPv6 blocks by the IPv4 block they map", () => {
    expect(publicOf("::ffff:10.0.0.0/104")).toBe("no address");
    expect(publicOf("::ffff:8.8.8.8/128")).toBe("::ffff:8.8.8.8/128");
    expect(publicOf("::ffff:0:0/96")).toBe("::ffff:32.0.0.0/99, ::ffff:64.0.0.0/99, ::ffff:128.0.0.0/99 and 100 more blocks");
  });

  it("is everything outside the documented list, in each family", () => {
    const all = (family: 4 | 6) => AddressSet.all(family);
    expect(PUBLIC[4].union(NON_PUBLIC.only(4)).covers(all(4))).toBe(true);
    expect(PUBLIC[6].union(NON_PUBLIC.only(6)).covers(all(6))).toBe(true);
    expect(PUBLIC[4].intersect(NON_PUBLIC).isEmpty).toBe(true);
    for (const range of [...NON_PUBLIC_IPV4, ...NON_PUBLIC_IPV6]) {
      expect(range.source).toMatch(/^RFC \d+/);
      expect(parseCidr(range.cidr)).not.toHaveProperty("error");
    }
  });
});
