/**
 * Pure IPv4 / CIDR helpers. No dependencies, no I/O; used by the schemas, the rules and the policy pack.
 * Addresses are handled as unsigned 32-bit numbers.
 */

export interface Cidr {
  /** The address as written (host bits possibly set), as an unsigned 32-bit number. */
  readonly address: number;
  /** Prefix length 0-32. */
  readonly prefix: number;
  /** First address of the block (address with host bits cleared). */
  readonly network: number;
  /** Last address of the block. */
  readonly broadcast: number;
}

const OCTET = /^(0|[1-9][0-9]{0,2})$/;

/** Parses a dotted-decimal IPv4 address (no leading zeros) into an unsigned 32-bit number. */
export function parseIpv4(s: string): number | undefined {
  if (typeof s !== "string") return undefined;
  const parts = s.split(".");
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!OCTET.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

export function isIpv4(s: string): boolean {
  return parseIpv4(s) !== undefined;
}

/** Formats an unsigned 32-bit number as dotted decimal. */
export function formatIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

/** Netmask of a prefix length as an unsigned 32-bit number. */
export function prefixMask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Parses `a.b.c.d/n`. Host bits may be set (the tunnel addresses `169.254.56.225/30` are written that way). */
export function parseCidr(s: string): Cidr | undefined {
  if (typeof s !== "string") return undefined;
  const slash = s.indexOf("/");
  if (slash < 0) return undefined;
  const address = parseIpv4(s.slice(0, slash));
  const p = s.slice(slash + 1);
  if (address === undefined || !/^(0|[1-9][0-9]?)$/.test(p)) return undefined;
  const prefix = Number(p);
  if (prefix > 32) return undefined;
  const mask = prefixMask(prefix);
  const network = (address & mask) >>> 0;
  const broadcast = (network | (~mask >>> 0)) >>> 0;
  return { address, prefix, network, broadcast };
}

export function isCidr(s: string): boolean {
  return parseCidr(s) !== undefined;
}

/** True when the CIDR has no host bits set (`192.168.1.0/24`, not `192.168.1.5/24`). */
export function isNetworkCidr(s: string): boolean {
  const c = parseCidr(s);
  return c !== undefined && c.address === c.network;
}

/** Canonical form: network address and prefix (`192.168.1.5/24` → `192.168.1.0/24`). */
export function normalizeCidr(s: string): string | undefined {
  const c = parseCidr(s);
  return c && `${formatIpv4(c.network)}/${c.prefix}`;
}

function toCidr(x: string | Cidr): Cidr | undefined {
  return typeof x === "string" ? parseCidr(x) : x;
}

/** True when `inner` (a CIDR or a bare address) lies entirely inside `outer`. */
export function cidrContains(outer: string | Cidr, inner: string | Cidr): boolean {
  const o = toCidr(outer);
  if (!o) return false;
  let lo: number, hi: number;
  if (typeof inner === "string" && !inner.includes("/")) {
    const a = parseIpv4(inner);
    if (a === undefined) return false;
    lo = hi = a;
  } else {
    const i = toCidr(inner);
    if (!i) return false;
    lo = i.network;
    hi = i.broadcast;
  }
  return lo >= o.network && hi <= o.broadcast;
}

/** True when the two blocks share at least one address. */
export function cidrsOverlap(a: string | Cidr, b: string | Cidr): boolean {
  const x = toCidr(a);
  const y = toCidr(b);
  if (!x || !y) return false;
  return x.network <= y.broadcast && y.network <= x.broadcast;
}

/** Pairs of indexes `[i, j]` (i < j) of overlapping CIDRs in a list; unparsable entries are skipped. */
export function overlappingPairs(list: readonly string[]): Array<[number, number]> {
  const parsed = list.map((s) => parseCidr(s));
  const out: Array<[number, number]> = [];
  for (let i = 0; i < parsed.length; i++)
    for (let j = i + 1; j < parsed.length; j++) {
      const a = parsed[i];
      const b = parsed[j];
      if (a && b && a.network <= b.broadcast && b.network <= a.broadcast) out.push([i, j]);
    }
  return out;
}

/** Number of addresses in the block. */
export function cidrSize(s: string | Cidr): number {
  const c = toCidr(s);
  return c ? 2 ** (32 - c.prefix) : 0;
}

export const LINK_LOCAL = "169.254.0.0/16";
/** Reserved by the service for tunnel interfaces: "不能使用169.254.195.xxx". */
export const TUNNEL_RESERVED = "169.254.195.0/24";

/** True for an address written as `/30` inside 169.254.0.0/16 (tunnel interface address form). */
export function isLinkLocal30(s: string): boolean {
  const c = parseCidr(s);
  return c !== undefined && c.prefix === 30 && cidrContains(LINK_LOCAL, c);
}

/** The two usable host addresses of the /30 containing `s` (`169.254.56.225/30` → `.225`, `.226`). */
export function hostsOf30(s: string): [string, string] | undefined {
  const c = parseCidr(s);
  if (!c || c.prefix !== 30) return undefined;
  return [formatIpv4(c.network + 1), formatIpv4(c.network + 2)];
}

/** True when the address part of a /30 is one of its two usable hosts (last two bits 01 or 10). */
export function isHostOf30(s: string): boolean {
  const c = parseCidr(s);
  if (!c || c.prefix !== 30) return false;
  const low = c.address & 3;
  return low === 1 || low === 2;
}

/** True when the two CIDRs are the same /30 block. */
export function sameBlock30(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  return !!x && !!y && x.prefix === 30 && y.prefix === 30 && x.network === y.network;
}

/** The address part of a CIDR (`169.254.56.225/30` → `169.254.56.225`). */
export function addressOf(s: string): string | undefined {
  const c = parseCidr(s);
  return c && formatIpv4(c.address);
}
