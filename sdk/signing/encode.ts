/**
 * Percent-encoding as Huawei's signer does it (signing.md §6): RFC 3986 unreserved characters
 * (`A-Z a-z 0-9 - . _ ~`) stay as they are; every other UTF-8 byte becomes `%XY` with upper-case hex.
 * Space is `%20` (never `+`), and `! ' ( ) *` are escaped, unlike `encodeURIComponent`.
 */
export function urlEncode(s: string): string {
  // encodeURIComponent already produces upper-case UTF-8 escapes and throws URIError on a lone surrogate;
  // it leaves exactly `! ' ( ) *` of the non-unreserved ASCII set alone, so escape those five afterwards.
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/**
 * Decodes `%XY` escapes (UTF-8) and keeps `+` literal: the SDK never sends `+` for a space.
 * Returns undefined when the input has a malformed escape or invalid UTF-8.
 */
export function percentDecode(s: string): string | undefined {
  if (!s.includes("%")) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** JS default sort order: compares UTF-16 code units (so "B" < "a" and "10" < "9"). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
