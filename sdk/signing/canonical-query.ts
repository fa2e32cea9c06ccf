import { compareCodeUnits, percentDecode, urlEncode } from "./encode";

export type QueryValue = string | number | boolean;
export type QueryParams = Readonly<Record<string, QueryValue | readonly QueryValue[] | undefined>>;

/** One decoded `key=value` pair, in the order it appears. */
export interface QueryPair {
  readonly key: string;
  readonly value: string;
}

/**
 * Canonical query from decoded pairs (signing.md §5): keys sorted by UTF-16 code units on their raw (unencoded)
 * form, a repeated key's values sorted the same way as strings, each emitted as `enc(k)=enc(v)`, joined by `&`.
 * Pure: the input is not mutated (the official SDK sorts the caller's arrays in place; we copy).
 */
export function canonicalQueryFromPairs(pairs: readonly QueryPair[]): string {
  const grouped = new Map<string, string[]>();
  for (const { key, value } of pairs) {
    const list = grouped.get(key);
    if (list) list.push(value);
    else grouped.set(key, [value]);
  }
  const keys = [...grouped.keys()].sort(compareCodeUnits);
  const parts: string[] = [];
  for (const k of keys) {
    const ek = urlEncode(k);
    const values = [...(grouped.get(k) ?? [])].sort(compareCodeUnits);
    for (const v of values) parts.push(`${ek}=${urlEncode(v)}`);
  }
  return parts.join("&");
}

/**
 * Turns a parameter object into pairs, skipping `undefined` values and emitting one pair per array element
 * (an empty array emits nothing). Numbers and booleans are stringified.
 */
export function queryParamsToPairs(params: QueryParams): QueryPair[] {
  const pairs: QueryPair[] = [];
  for (const [key, v] of Object.entries(params)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const item of v as readonly QueryValue[]) pairs.push({ key, value: String(item) });
    else pairs.push({ key, value: String(v) });
  }
  return pairs;
}

/** Canonical query for a parameter object. */
export function canonicalQuery(params: QueryParams): string {
  return canonicalQueryFromPairs(queryParamsToPairs(params));
}

/**
 * Parses a raw query string as received on the wire (without the leading `?`): split on `&`, split each pair at
 * the first `=` (no `=` means an empty value), percent-decode both sides keeping `+` literal. Empty pieces
 * (`a=1&&b=2`) are skipped. Returns undefined when an escape is malformed.
 */
export function parseRawQuery(raw: string): QueryPair[] | undefined {
  const pairs: QueryPair[] = [];
  if (raw === "") return pairs;
  for (const piece of raw.split("&")) {
    if (piece === "") continue;
    const eq = piece.indexOf("=");
    const rawKey = eq < 0 ? piece : piece.slice(0, eq);
    const rawValue = eq < 0 ? "" : piece.slice(eq + 1);
    const key = percentDecode(rawKey);
    const value = percentDecode(rawValue);
    if (key === undefined || value === undefined) return undefined;
    pairs.push({ key, value });
  }
  return pairs;
}

/** Canonical query of a raw wire query string (signing.md §14 step 5); undefined when it cannot be decoded. */
export function canonicalQueryFromRaw(raw: string): string | undefined {
  const pairs = parseRawQuery(raw);
  return pairs === undefined ? undefined : canonicalQueryFromPairs(pairs);
}

/**
 * The wire form we send: parameters in insertion order, arrays as repeated keys, encoded with the same strict
 * encoder as the canonical form (so `! ' ( ) *` are escaped too; any server decodes them identically).
 */
export function serializeQuery(params: QueryParams): string {
  return queryParamsToPairs(params)
    .map(({ key, value }) => `${urlEncode(key)}=${urlEncode(value)}`)
    .join("&");
}
