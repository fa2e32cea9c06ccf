import { createHash } from "node:crypto";

export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
export const CONTENT_SHA256_HEADER = "x-sdk-content-sha256";

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Payload hash line (signing.md §8): the value of `x-sdk-content-sha256` when present (normally the literal
 * `UNSIGNED-PAYLOAD`), else the lower-case hex SHA-256 of the exact body bytes (strings as UTF-8); no body
 * hashes as the empty string. Hash the bytes you send: serialise once, then hash and send the same bytes.
 */
export function payloadHash(body: string | Uint8Array | undefined, headers?: Readonly<Record<string, string>>): string {
  const declared = headers?.[CONTENT_SHA256_HEADER];
  if (declared) return declared;
  if (body === undefined || body.length === 0) return EMPTY_BODY_SHA256;
  return sha256Hex(body);
}
