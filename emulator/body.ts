/**
 * Limits on what a request body may be, checked before anything parses, stores or serialises it: a size limit
 * (the signed API's 12 MB of AK/SK signing, less for the admin API) and a nesting-depth limit. A documented VPN
 * request nests six levels at most (`vpn_connection.policy_rules[].destination[]`); an unbounded depth would let
 * one request exhaust the stack of every recursive walk after it (validation, redaction, the state file).
 */

/** AK/SK signing is limited to bodies up to 12 MB (api-p2c-common.md §2.3). */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;
/** The admin API takes small control bodies (rules, seeds, one resource). */
export const MAX_ADMIN_BODY_BYTES = 1024 * 1024;
/** Deepest nesting of objects and arrays accepted in a JSON body. */
export const MAX_JSON_DEPTH = 32;

export type ParsedBody = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * Whether the JSON text nests objects/arrays deeper than `max`. One linear scan of the text, no recursion and
 * no allocation, so it is safe on any input (strings and escapes are skipped; malformed text is left to
 * `JSON.parse`).
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

/** Parses a JSON body within the limits; an empty body is `undefined`. */
export function parseJsonBody(raw: Buffer, maxBytes: number): ParsedBody {
  if (raw.length > maxBytes) return { ok: false, reason: `the request body exceeds ${formatBytes(maxBytes)}` };
  if (raw.length === 0) return { ok: true, value: undefined };
  const text = raw.toString("utf8");
  if (nestsDeeperThan(text, MAX_JSON_DEPTH))
    return { ok: false, reason: `the request body nests objects or arrays deeper than ${MAX_JSON_DEPTH} levels` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: "the request body is not valid JSON" };
  }
}

function formatBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MB` : `${n} bytes`;
}
