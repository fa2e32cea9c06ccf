import { describe, expect, it } from "vitest";
import {
  addressOf,
  cidrContains,
  cidrSize,
  cidrsOverlap,
  formatIpv4,
  hostsOf30,
  isCidr,
  isHostOf30,
  isIpv4,
  isLinkLocal30,
  isNetworkCidr,
  normalizeCidr,
  overlappingPairs,
  parseCidr,
  parseIpv4,
  prefixMask,
  sameBlock30,
} from "../../sdk/rules/net";

describe("IPv4 parsing", () => {
  it("parses dotted decimal and rejects malformed addresses", () => {
    expect(parseIpv4("192.168.45.7")).toBe(0xc0a82d07);
    expect(parseIpv4("0.0.0.0")).toBe(0);
    expect(parseIpv4("255.255.255.255")).toBe(0xffffffff);
    for (const bad of ["256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "a.b.c.d", "10.***.***.21", "", " 1.2.3.4"])
      expect(isIpv4(bad), bad).toBe(false);
  });
  it("formats back", () => {
    expect(formatIpv4(0xc0a82d07)).toBe("192.168.45.7");
    expect(formatIpv4(0xffffffff)).toBe("255.255.255.255");
  });
  it("computes masks", () => {
    expect(prefixMask(0)).toBe(0);
    expect(prefixMask(30)).toBe(0xfffffffc);
    expect(prefixMask(32)).toBe(0xffffffff);
  });
});

describe("CIDR parsing", () => {
  it("parses blocks with or without host bits", () => {
    const c = parseCidr("169.254.56.225/30");
    expect(c?.prefix).toBe(30);
    expect(formatIpv4(c!.network)).toBe("169.254.56.224");
    expect(formatIpv4(c!.broadcast)).toBe("169.254.56.227");
    expect(isNetworkCidr("192.168.1.0/24")).toBe(true);
    expect(isNetworkCidr("192.168.1.5/24")).toBe(false);
    expect(normalizeCidr("192.168.1.5/24")).toBe("192.168.1.0/24");
    expect(addressOf("169.254.56.225/30")).toBe("169.254.56.225");
  });
  it("rejects malformed CIDRs", () => {
    for (const bad of ["10.0.0.0", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/08", "10.0.0/8", "x/8"]) expect(isCidr(bad), bad).toBe(false);
  });
  it("sizes", () => {
    expect(cidrSize("10.0.0.0/8")).toBe(2 ** 24);
    expect(cidrSize("0.0.0.0/0")).toBe(2 ** 32);
    expect(cidrSize("bad")).toBe(0);
  });
});

describe("containment and overlap", () => {
  it("contains blocks and bare addresses", () => {
    expect(cidrContains("169.254.0.0/16", "169.254.56.225/30")).toBe(true);
    expect(cidrContains("169.254.0.0/16", "169.253.0.1")).toBe(false);
    expect(cidrContains("10.0.0.0/8", "10.0.0.0/7")).toBe(false);
    expect(cidrContains("0.0.0.0/0", "1.2.3.4/32")).toBe(true);
  });
  it("detects overlaps", () => {
    expect(cidrsOverlap("100.64.0.0/10", "100.100.0.0/16")).toBe(true);
    expect(cidrsOverlap("100.0.0.0/8", "100.64.0.0/10")).toBe(true);
    expect(cidrsOverlap("192.168.1.0/24", "192.168.2.0/24")).toBe(false);
    expect(overlappingPairs(["10.0.0.0/24", "10.0.1.0/24", "10.0.0.128/25", "bad"])).toEqual([[0, 2]]);
  });
});

describe("/30 tunnel helpers", () => {
  it("recognises /30 link-local addresses", () => {
    expect(isLinkLocal30("169.254.56.225/30")).toBe(true);
    expect(isLinkLocal30("169.254.56.225/29")).toBe(false);
    expect(isLinkLocal30("10.0.0.1/30")).toBe(false);
  });
  it("gives the two usable hosts", () => {
    expect(hostsOf30("169.254.56.226/30")).toEqual(["169.254.56.225", "169.254.56.226"]);
    expect(hostsOf30("169.254.56.0/24")).toBeUndefined();
    expect(isHostOf30("169.254.56.225/30")).toBe(true);
    expect(isHostOf30("169.254.56.226/30")).toBe(true);
    expect(isHostOf30("169.254.56.224/30")).toBe(false);
    expect(isHostOf30("169.254.56.227/30")).toBe(false);
  });
  it("compares blocks", () => {
    expect(sameBlock30("169.254.56.225/30", "169.254.56.226/30")).toBe(true);
    expect(sameBlock30("169.254.56.225/30", "169.254.56.229/30")).toBe(false);
  });
});
