/**
 * Whether a host name (as in a URL's `hostname`, IPv6 with or without brackets) names this machine: `localhost`
 * and its subdomains, 127.0.0.0/8, ::1, and the unspecified addresses 0.0.0.0 and ::, which connect locally. One
 * rule for the emulator's admin API (answers such hosts only) and the provider's remembered durations (never kept
 * for them).
 */
export function isLoopbackHostname(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h.endsWith(".localhost") || h === "::1" || h === "0.0.0.0" || h === "::" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
