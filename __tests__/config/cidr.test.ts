import { cidrContains, cidrsOverlap, Ipv4Cidr, parseCidr } from "../../config/cidr";

const cidr = (text: string) => parseCidr(text) as Ipv4Cidr;

describe("CIDR parsing", () => {
  it("reads a network address and its prefix", () => {
    expect(parseCidr("10.40.16.0/20")).toEqual({ text: "10.40.16.0/20", network: 0x0a281000, prefix: 20 });
  });

  it.each([
    ["10.0.0.0", "is not an IPv4 CIDR block like 10.0.0.0/16"],
    ["10.0.0.0/33", "has a prefix length above 32"],
    ["256.0.0.0/8", "has an octet above 255"],
    ["10.0.0.5/24", "has host bits set; the network address is 10.0.0.0/24"],
    ["fd00::/8", "is not an IPv4 CIDR block like 10.0.0.0/16"],
  ])("explains why %s is not a network CIDR", (text, reason) => {
    expect(parseCidr(text)).toBe(reason);
  });
});

describe("CIDR containment and overlap", () => {
  it("sees a subnet inside its VPC, up to the last address", () => {
    expect(cidrContains(cidr("10.0.0.0/16"), cidr("10.0.255.0/24"))).toBe(true);
    expect(cidrContains(cidr("10.0.0.0/16"), cidr("10.1.0.0/24"))).toBe(false);
    expect(cidrContains(cidr("10.0.0.0/24"), cidr("10.0.0.0/16"))).toBe(false);
  });

  it("sees overlap both ways and none between neighbours", () => {
    expect(cidrsOverlap(cidr("10.0.0.0/20"), cidr("10.0.8.0/24"))).toBe(true);
    expect(cidrsOverlap(cidr("10.0.8.0/24"), cidr("10.0.0.0/20"))).toBe(true);
    expect(cidrsOverlap(cidr("10.0.0.0/20"), cidr("10.0.16.0/20"))).toBe(false);
  });
});
