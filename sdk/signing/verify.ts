import { timingSafeEqual } from "node:crypto";
import { tryCanonicalUri } from "./canonical-uri";
import { canonicalQueryFromRaw } from "./canonical-query";
import { canonicalHeaders } from "./canonical-headers";
import { CONTENT_SHA256_HEADER, UNSIGNED_PAYLOAD, payloadHash, sha256Hex } from "./payload-hash";
import { canonicalRequest, computeSignature, parseAuthorization, parseSdkDate, stringToSign } from "./string-to-sign";
import { splitUrl } from "./url";

export interface ReceivedRequest {
  method: string;
  /** Path and query exactly as received (`IncomingMessage.url`). */
  rawTarget: string;
  /** Node `IncomingMessage.headers`: lower-case names. */
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

/** `APIGW.0301` is API Gateway's "Incorrect IAM authentication information" (HTTP 401). */
export type VerifyResult =
  { ok: true; accessKey: string } | { ok: false; code: "APIGW.0301" | "APIGW.0101" | string; reason: string };

export const SIGNATURE_ERROR_CODE = "APIGW.0301";
export const DEFAULT_MAX_SKEW_MS = 15 * 60 * 1000;

function fail(reason: string): VerifyResult {
  return { ok: false, code: SIGNATURE_ERROR_CODE, reason };
}

function headerValue(headers: ReceivedRequest["headers"], name: string): string | undefined {
  const v = headers[name];
  if (v === undefined) return undefined;
  return (Array.isArray(v) ? v.join(", ") : v).trim();
}

/**
 * Verifies an `SDK-HMAC-SHA256` request the way API Gateway does (signing.md §14):
 * 1. `Authorization` must parse; the AK must be known.
 * 2. `x-sdk-date` must be `YYYYMMDDTHHmmssZ`, signed, and within `maxSkewMs` (default 15 min) of `now`; `host`
 *    must be signed.
 * 3. Signed header values are taken from the received headers (trimmed) in SignedHeaders order; a missing
 *    one fails. Unsigned headers are ignored.
 * 4. The path and the query are decoded and canonicalised again (never the raw wire text), the URI gets its
 *    trailing `/`.
 * 5. The payload hash is `x-sdk-content-sha256` when received (it must then be signed; `UNSIGNED-PAYLOAD` skips
 *    the body, a hex value must match the body), else the SHA-256 of the raw body bytes.
 * 6. The signature is compared in constant time.
 * Failure reasons name what was wrong, never the secret or the expected signature.
 */
export function verifyRequest(
  req: ReceivedRequest,
  lookupSecret: (accessKey: string) => string | undefined,
  opts?: { now?: Date; maxSkewMs?: number },
): VerifyResult {
  const authorization = headerValue(req.headers, "authorization");
  if (!authorization) return fail("missing Authorization header");
  const auth = parseAuthorization(authorization);
  if (!auth)
    return fail("malformed Authorization header: expected 'SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…'");

  const signed = auth.signedHeaders;
  if (signed.some((n) => n === "" || n !== n.toLowerCase())) return fail("SignedHeaders must be lower-case names");
  if (!signed.includes("host")) return fail("host must be a signed header");
  if (!signed.includes("x-sdk-date")) return fail("x-sdk-date must be a signed header");

  const sdkDate = headerValue(req.headers, "x-sdk-date");
  if (!sdkDate) return fail("missing X-Sdk-Date header");
  const date = parseSdkDate(sdkDate);
  if (!date) return fail("X-Sdk-Date must be YYYYMMDDTHHmmssZ (UTC)");
  const now = (opts?.now ?? new Date()).getTime();
  const maxSkew = opts?.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  const skew = date.getTime() - now;
  if (Math.abs(skew) > maxSkew) {
    return fail(
      `request expired: X-Sdk-Date is ${Math.round(Math.abs(skew) / 1000)}s ${skew < 0 ? "behind" : "ahead of"} the server clock (limit ${Math.round(maxSkew / 1000)}s)`,
    );
  }

  const secret = lookupSecret(auth.accessKey);
  if (secret === undefined || secret === "") return fail("unknown access key");

  const values: Record<string, string> = {};
  for (const name of signed) {
    const v = headerValue(req.headers, name);
    if (v === undefined) return fail(`signed header "${name}" is missing from the request`);
    values[name] = v;
  }

  const declared = headerValue(req.headers, CONTENT_SHA256_HEADER);
  if (declared !== undefined) {
    if (!signed.includes(CONTENT_SHA256_HEADER)) return fail("x-sdk-content-sha256 must be a signed header when sent");
    if (declared !== UNSIGNED_PAYLOAD) {
      if (!/^[0-9a-f]{64}$/.test(declared))
        return fail("x-sdk-content-sha256 must be UNSIGNED-PAYLOAD or a lower-case hex SHA-256");
      if (declared !== sha256Hex(req.body)) return fail("x-sdk-content-sha256 does not match the body");
    }
  }

  const target = splitUrl(req.rawTarget);
  const uri = tryCanonicalUri(target.path);
  if (uri === undefined) return fail("malformed percent-escape in the request path");
  const query = canonicalQueryFromRaw(target.query);
  if (query === undefined) return fail("malformed percent-escape in the query string");

  const block = canonicalHeaders(values, signed);
  const cr = canonicalRequest({
    method: req.method,
    canonicalUri: uri,
    canonicalQuery: query,
    canonicalHeaders: block.canonical,
    signedHeaders: block.signedHeaders,
    payloadHash: declared !== undefined ? declared : payloadHash(req.body),
  });
  const expected = Buffer.from(computeSignature(secret, stringToSign(sdkDate, cr)), "utf8");
  const given = Buffer.from(auth.signature, "utf8");
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return fail("signature mismatch: verify aksk signature fail");
  }
  return { ok: true, accessKey: auth.accessKey };
}
