/**
 * Redaction of secret request/response fields for logs and error messages, driven by an operation's
 * `secretFields` (dotted wire paths, `[]` walks an array: `vpn_connection.psk`, `users[].password`).
 * A secret path covers everything below it.
 */
import { isSecretPath } from "./schemas/validate";

export const REDACTED = "<redacted>";

/** Header names whose values are credentials; never logged. */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  "authorization",
  "x-security-token",
  "x-auth-token",
  "proxy-authorization",
  "cookie",
  "set-cookie",
]);

/** A deep copy of `value` with every value at a secret path replaced by `<redacted>`. */
export function redactSecrets(value: unknown, secretFields: readonly string[], path: PropertyKey[] = []): unknown {
  if (secretFields.length === 0) return value;
  if (path.length > 0 && isSecretPath(path, secretFields)) return value === undefined ? undefined : REDACTED;
  if (Array.isArray(value)) return value.map((v, i) => redactSecrets(v, secretFields, [...path, i]));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      out[k] = redactSecrets(v, secretFields, [...path, k]);
    return out;
  }
  return value;
}

/** Every string or number found at a secret path (for scrubbing text that might echo them). */
export function collectSecretValues(value: unknown, secretFields: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: PropertyKey[], inSecret: boolean): void => {
    const secret = inSecret || (path.length > 0 && isSecretPath(path, secretFields));
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i], secret));
    else if (v !== null && typeof v === "object")
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, [...path, k], secret);
    else if (secret && (typeof v === "string" || typeof v === "number") && String(v) !== "") out.push(String(v));
  };
  if (secretFields.length > 0) walk(value, [], false);
  return out;
}

/** Replaces every occurrence of each secret (longest first) in `text` with `<redacted>`. */
export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
    if (s.length < 3) continue; // too short to scrub without mangling the message; such a secret is invalid anyway
    out = out.split(s).join(REDACTED);
  }
  return out;
}

/** A copy of the headers without credential headers (names compared case-insensitively). */
export function redactHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? REDACTED : Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}

/** A log-safe rendering of a JSON body: secret paths redacted, shortened to `maxChars`. */
export function describeBody(body: unknown, secretFields: readonly string[], maxChars = 2000): string {
  if (body === undefined) return "";
  let s: string;
  try {
    s = JSON.stringify(redactSecrets(body, secretFields)) ?? "";
  } catch {
    s = "<unserialisable>";
  }
  return s.length > maxChars ? s.slice(0, maxChars - 1) + "…" : s;
}
