import { compareCodeUnits } from "./encode";

export interface CanonicalHeaders {
  /** `name:value\n` per signed header, in SignedHeaders order. */
  readonly canonical: string;
  /** Lower-cased names joined by `;`. */
  readonly signedHeaders: string;
}

/**
 * Canonical headers (signing.md §7) of a map whose names are already lower-case. Names are sorted by UTF-16
 * code units and the lines follow the same order. Values are used verbatim (the caller trims them: HTTP strips
 * surrounding whitespace in transit, so a value with some could never verify).
 *
 * The official Node signer orders the lines with `localeCompare` but SignedHeaders by code units; the two orders
 * differ only for names containing `_` (signing.md §15.15), which we never sign.
 */
export function canonicalHeaders(
  headers: Readonly<Record<string, string>>,
  names?: readonly string[],
): CanonicalHeaders {
  const list = names ? [...names] : Object.keys(headers).sort(compareCodeUnits);
  let canonical = "";
  for (const n of list) canonical += `${n}:${headers[n] ?? ""}\n`;
  return { canonical, signedHeaders: list.join(";") };
}
