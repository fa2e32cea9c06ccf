import { canonicalUri } from "./canonical-uri";
import { canonicalQueryFromRaw } from "./canonical-query";
import { canonicalHeaders } from "./canonical-headers";
import { payloadHash } from "./payload-hash";
import {
  authorizationHeader,
  canonicalRequest,
  computeSignature,
  formatSdkDate,
  parseSdkDate,
  stringToSign,
} from "./string-to-sign";
import { splitUrl } from "./url";
import { compareCodeUnits } from "./encode";

export interface Credentials {
  accessKey: string;
  secretKey: string;
  /** Temporary credentials: sent and signed as `x-security-token`. */
  securityToken?: string;
}

export interface SignableRequest {
  method: string;
  /** Full URL including the query, e.g. `https://vpn.cn-north-4.myhuaweicloud.com/v5/{pid}/vpn-gateways?limit=10`. */
  url: string;
  headers: Record<string, string>;
  /** The exact bytes that will be sent; a string is hashed as UTF-8. */
  body?: string | Uint8Array;
}

/**
 * Headers that HTTP stacks add, rewrite or drop in transit. They are passed through but never signed
 * (signing.md §15.7): signing them would make a correct request fail verification.
 */
export const UNSIGNED_HEADERS: ReadonlySet<string> = new Set([
  "authorization",
  "connection",
  "content-length",
  "expect",
  "keep-alive",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "user-agent",
  "accept-encoding",
]);

/**
 * The intermediate values of one signature, for tests and debugging. None contains the SK, but the canonical
 * request carries the `x-security-token` value when there is one: never log it.
 */
export interface SigningDetails {
  readonly headers: Record<string, string>;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signedHeaders: string;
  readonly signature: string;
  readonly sdkDate: string;
}

/**
 * Signs a request with `SDK-HMAC-SHA256` (signing.md §1) and returns the headers to send: the given ones with
 * lower-cased names and trimmed values, plus `host`, `x-sdk-date`, `x-security-token` (temporary credentials)
 * and `authorization`.
 *
 * - Every given header is signed except {@link UNSIGNED_HEADERS}, which are returned unsigned.
 * - `host` comes from a given `host` header, else from the URL's authority as written (an explicit port,
 *   `:443` included, is kept): send the returned `host` header so what is signed is what arrives.
 * - `x-sdk-date` comes from a given `x-sdk-date` header (it must be `YYYYMMDDTHHmmssZ`), else from `opts.now`,
 *   else the current clock.
 * - The payload hash is that of `body`, or the value of a given `x-sdk-content-sha256` header
 *   (`UNSIGNED-PAYLOAD`).
 * - The query is taken from the URL, decoded and re-canonicalised, exactly as a verifier does.
 *
 * Pure apart from reading the clock when `opts.now` is absent; never mutates its inputs.
 */
export function signRequest(req: SignableRequest, creds: Credentials, opts?: { now?: Date }): Record<string, string> {
  return signRequestDetailed(req, creds, opts).headers;
}

export function signRequestDetailed(req: SignableRequest, creds: Credentials, opts?: { now?: Date }): SigningDetails {
  if (!creds.accessKey || !creds.secretKey) throw new TypeError("signRequest: accessKey and secretKey are required");
  const method = req.method.toUpperCase();
  const url = splitUrl(req.url);

  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = String(value).trim();
  }
  delete out["authorization"];
  if (!out["host"]) {
    if (!url.host) throw new TypeError("signRequest: the URL has no host and no host header was given");
    out["host"] = url.host;
  }
  let sdkDate = out["x-sdk-date"];
  if (sdkDate !== undefined) {
    if (!parseSdkDate(sdkDate)) throw new TypeError("signRequest: x-sdk-date must be YYYYMMDDTHHmmssZ (UTC)");
  } else {
    sdkDate = formatSdkDate(opts?.now ?? new Date());
    out["x-sdk-date"] = sdkDate;
  }
  if (creds.securityToken) out["x-security-token"] = creds.securityToken;

  const names = Object.keys(out)
    .filter((n) => !UNSIGNED_HEADERS.has(n))
    .sort(compareCodeUnits);
  const headerBlock = canonicalHeaders(out, names);
  const query = canonicalQueryFromRaw(url.query);
  if (query === undefined) throw new URIError("signRequest: malformed percent-escape in the query string");
  const cr = canonicalRequest({
    method,
    canonicalUri: canonicalUri(url.path),
    canonicalQuery: query,
    canonicalHeaders: headerBlock.canonical,
    signedHeaders: headerBlock.signedHeaders,
    payloadHash: payloadHash(req.body, out),
  });
  const sts = stringToSign(sdkDate, cr);
  const signature = computeSignature(creds.secretKey, sts);
  out["authorization"] = authorizationHeader(creds.accessKey, headerBlock.signedHeaders, signature);
  return {
    headers: out,
    canonicalRequest: cr,
    stringToSign: sts,
    signedHeaders: headerBlock.signedHeaders,
    signature,
    sdkDate,
  };
}
