import { createHmac } from "node:crypto";
import { sha256Hex } from "./payload-hash";

export const ALGORITHM = "SDK-HMAC-SHA256";
export const SDK_DATE_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** `YYYYMMDDTHHmmssZ` in UTC, to the second (signing.md §3). */
export function formatSdkDate(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

/** Parses an `X-Sdk-Date` value; undefined unless it is exactly `YYYYMMDDTHHmmssZ` and a real instant. */
export function parseSdkDate(s: string): Date | undefined {
  const m = SDK_DATE_RE.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, se] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, se);
  const date = new Date(ms);
  if (Number.isNaN(ms) || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || se > 59) {
    return undefined;
  }
  return date;
}

export interface CanonicalRequestParts {
  readonly method: string;
  readonly canonicalUri: string;
  readonly canonicalQuery: string;
  readonly canonicalHeaders: string;
  readonly signedHeaders: string;
  readonly payloadHash: string;
}

/** Method, URI, query, header block (each line ends in `\n`), SignedHeaders and payload hash, joined by `\n`. */
export function canonicalRequest(p: CanonicalRequestParts): string {
  return [p.method, p.canonicalUri, p.canonicalQuery, p.canonicalHeaders, p.signedHeaders, p.payloadHash].join("\n");
}

/** `SDK-HMAC-SHA256\n{date}\n{hex(sha256(canonicalRequest))}`. */
export function stringToSign(sdkDate: string, canonicalRequestText: string): string {
  return `${ALGORITHM}\n${sdkDate}\n${sha256Hex(canonicalRequestText)}`;
}

/** One HMAC-SHA256 keyed with the SK text itself; lower-case hex. */
export function computeSignature(secretKey: string, stringToSignText: string): string {
  return createHmac("sha256", secretKey).update(stringToSignText).digest("hex");
}

export function authorizationHeader(accessKey: string, signedHeaders: string, signature: string): string {
  return `${ALGORITHM} Access=${accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

export const AUTHORIZATION_RE = /^SDK-HMAC-SHA256 Access=([^,\s]+), SignedHeaders=([^,\s]+), Signature=([0-9a-f]{64})$/;

export interface ParsedAuthorization {
  readonly accessKey: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

export function parseAuthorization(value: string): ParsedAuthorization | undefined {
  const m = AUTHORIZATION_RE.exec(value);
  if (!m) return undefined;
  return { accessKey: m[1]!, signedHeaders: m[2]!.split(";"), signature: m[3]! };
}
