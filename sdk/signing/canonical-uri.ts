import { percentDecode, urlEncode } from "./encode";

/**
 * Canonical URI (signing.md §4, §14 step 4): split the path on `/`, percent-decode each segment, re-encode it
 * with {@link urlEncode}, join, and append `/` when the result does not end in one. `""` becomes `/`.
 *
 * Decoding first is what a verifier must do with a received path, so the client does the same and both sides
 * share one function. For paths made of unreserved characters (every VPN v5 path: ids are UUIDs or hex) this
 * equals the official Node signer, which skips the decoding step and so double-encodes characters that
 * `url.parse` had already escaped (signing.md §4 "Quirk").
 *
 * Throws a `URIError` for a segment with a malformed escape; {@link tryCanonicalUri} returns undefined instead.
 */
export function canonicalUri(path: string): string {
  const out = tryCanonicalUri(path);
  if (out === undefined) throw new URIError("malformed percent-escape in request path");
  return out;
}

export function tryCanonicalUri(path: string): string | undefined {
  const segments = (path === "" ? "/" : path).split("/");
  const encoded: string[] = [];
  for (const seg of segments) {
    const decoded = percentDecode(seg);
    if (decoded === undefined) return undefined;
    encoded.push(urlEncode(decoded));
  }
  const joined = encoded.join("/");
  return joined.endsWith("/") ? joined : joined + "/";
}
