/**
 * Huawei Cloud AK/SK request signing (`SDK-HMAC-SHA256`), client and server side, as small pure functions.
 * See /work/shared/spec/signing.md; the official Node signer is the test oracle (test/sdk/signing.test.ts).
 */
export { urlEncode, percentDecode, compareCodeUnits } from "./encode";
export { canonicalUri, tryCanonicalUri } from "./canonical-uri";
export {
  canonicalQuery,
  canonicalQueryFromPairs,
  canonicalQueryFromRaw,
  parseRawQuery,
  queryParamsToPairs,
  serializeQuery,
  type QueryPair,
  type QueryParams,
  type QueryValue,
} from "./canonical-query";
export { canonicalHeaders, type CanonicalHeaders } from "./canonical-headers";
export { payloadHash, sha256Hex, EMPTY_BODY_SHA256, UNSIGNED_PAYLOAD, CONTENT_SHA256_HEADER } from "./payload-hash";
export {
  ALGORITHM,
  authorizationHeader,
  canonicalRequest,
  computeSignature,
  formatSdkDate,
  parseAuthorization,
  parseSdkDate,
  stringToSign,
  type CanonicalRequestParts,
  type ParsedAuthorization,
} from "./string-to-sign";
export { splitUrl, type SplitUrl } from "./url";
export {
  signRequest,
  signRequestDetailed,
  UNSIGNED_HEADERS,
  type Credentials,
  type SignableRequest,
  type SigningDetails,
} from "./sign";
export {
  verifyRequest,
  DEFAULT_MAX_SKEW_MS,
  SIGNATURE_ERROR_CODE,
  type ReceivedRequest,
  type VerifyResult,
} from "./verify";
