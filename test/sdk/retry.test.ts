/** The pure retry deciders (no I/O): which failures are retried for which operations, and for how long. */
import { describe, expect, it } from "vitest";
import { ApiError, NetworkError, TimeoutError } from "../../sdk/errors";
import { delayFor, isIdempotentOperation, isOutcomeUnknown, parseRetryAfter, shouldRetry } from "../../sdk/http/retry";

const api = (s: number, code?: string, retryAfterMs?: number) =>
  new ApiError({
    httpStatus: s,
    ...(code ? { errorCode: code } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
const reset = () => new NetworkError("reset", { syscallCode: "ECONNRESET" });
const refused = () => new NetworkError("refused", { syscallCode: "ECONNREFUSED", notSent: true });
const timeout = () => new TimeoutError("timed out");
const connectTimeout = () => new TimeoutError("connect", { notSent: true });

const GET = { method: "GET" };
const PUT = { method: "PUT" };
const DELETE = { method: "DELETE" };
const POST = { method: "POST" };
const POST_TOKEN = { method: "POST", clientToken: true };
const POST_READ = { method: "POST", idempotent: true };

describe("shouldRetry", () => {
  it.each<[string, unknown, object, boolean]>([
    ["GET 503", api(503), GET, true],
    ["GET 500", api(500), GET, true],
    ["GET 502", api(502), GET, true],
    ["GET 504", api(504), GET, true],
    ["GET 429", api(429), GET, true],
    ["GET VPN.0030", api(400, "VPN.0030"), GET, true],
    ["GET reset", reset(), GET, true],
    ["GET timeout", timeout(), GET, true],
    ["GET 400", api(400, "VPN.0001"), GET, false],
    ["GET 404", api(404), GET, false],
    ["GET 401", api(401, "APIGW.0301"), GET, false],
    ["GET 501", api(501), GET, false],
    ["GET 500 VPN.0511 (gateway not ready: a state, not a blip)", api(500, "VPN.0511"), GET, false],
    ["PUT 500 VPN.0511", api(500, "VPN.0511"), PUT, false],
    ["GET 500 VPN.0002 (generic)", api(500, "VPN.0002"), GET, true],
    ["PUT 503", api(503), PUT, true],
    ["DELETE reset", reset(), DELETE, true],
    ["POST 503", api(503), POST, false],
    ["POST 500", api(500), POST, false],
    ["POST reset", reset(), POST, false],
    ["POST timeout", timeout(), POST, false],
    ["POST 429", api(429), POST, true],
    ["POST VPN.0030", api(400, "VPN.0030"), POST, true],
    ["POST refused", refused(), POST, true],
    ["POST connect timeout", connectTimeout(), POST, true],
    ["POST+token 503", api(503), POST_TOKEN, true],
    ["POST+token reset", reset(), POST_TOKEN, true],
    ["POST+token 400", api(400, "VPN.0001"), POST_TOKEN, false],
    ["POST read 503", api(503), POST_READ, true],
    ["a plain Error", new Error("bug"), GET, false],
  ])("%s -> %s", (_what, err, op, want) => {
    expect(shouldRetry(err, 1, op as { method: string })).toBe(want);
  });

  it("counts no attempts by default (the time budget decides), and stops at maxAttempts when one is set", () => {
    expect(shouldRetry(api(503), 50, GET)).toBe(true);
    expect(shouldRetry(api(503), 5, GET, { maxAttempts: 5 })).toBe(false);
    expect(shouldRetry(api(503), 1, GET, { maxAttempts: 1 })).toBe(false);
    expect(shouldRetry(api(503), 2, GET, { maxAttempts: 3 })).toBe(true);
  });
});

describe("delayFor", () => {
  it("is capped full jitter above a floor, the ceiling doubling per attempt", () => {
    const at = (attempt: number, r: number, extra = {}) =>
      delayFor(attempt, api(503), { random: () => r, baseDelayMs: 100, maxDelayMs: 1000, ...extra });
    expect([1, 2, 3, 4, 5, 6].map((a) => at(a, 0.999999))).toEqual([100, 199, 399, 799, 999, 999]);
    expect(at(3, 0)).toBe(100);
    expect(at(3, 0.5)).toBe(250);
    expect(at(3, 0, { minDelayMs: 0 })).toBe(0);
    // Spread: many clients failing together come back at many different times.
    const spread = new Set(Array.from({ length: 200 }, () => delayFor(4, api(503))));
    expect(spread.size).toBeGreaterThan(150);
  });

  it("waits at least Retry-After, plus full jitter on top (capped by maxRetryAfterMs)", () => {
    expect(delayFor(1, api(429, undefined, 3000), { random: () => 0 })).toBe(3000);
    expect(delayFor(1, api(429, undefined, 3000), { random: () => 0.5 })).toBe(3250);
    // The jitter spans at most Retry-After again (here 1 s, below the third attempt's 2 s ceiling).
    expect(delayFor(3, api(429, undefined, 1000), { random: () => 0.999999 })).toBe(1999);
    expect(delayFor(1, api(429, undefined, 0), { random: () => 0.999999 })).toBe(99);
    expect(delayFor(1, api(429, undefined, 3_600_000), { maxRetryAfterMs: 60_000, random: () => 0 })).toBe(60_000);
    const zero = delayFor(1, api(429, undefined, 0));
    expect(zero).toBeGreaterThanOrEqual(0);
    expect(zero).toBeLessThan(500);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2024-01-02T03:04:05Z");
  it.each<[string | undefined, number | undefined]>([
    ["5", 5000],
    [" 0 ", 0],
    ["Tue, 02 Jan 2024 03:04:15 GMT", 10_000],
    ["Tue, 02 Jan 2024 03:00:00 GMT", 0],
    ["soon", undefined],
    ["-1", undefined],
    [undefined, undefined],
  ])("%j -> %j", (v, want) => {
    expect(parseRetryAfter(v, now)).toBe(want);
  });
});

describe("isOutcomeUnknown / isIdempotentOperation", () => {
  it.each<[string, unknown, boolean]>([
    ["reset after sending", reset(), true],
    ["refused", refused(), false],
    ["timeout", timeout(), true],
    ["connect timeout", connectTimeout(), false],
    ["502", api(502), true],
    ["503", api(503), true],
    ["504", api(504), true],
    ["500 without code", api(500), true],
    ["500 VPN.0002", api(500, "VPN.0002"), true],
    ["500 VPN.0511 gateway not ready", api(500, "VPN.0511"), false],
    ["429", api(429), false],
    ["400", api(400, "VPN.0001"), false],
  ])("%s -> %s", (_w, err, want) => expect(isOutcomeUnknown(err)).toBe(want));

  it.each<[string, string, boolean]>([
    ["showVgw", "GET", true],
    ["updateVgw", "PUT", true],
    ["deleteVgw", "DELETE", true],
    ["createVgw", "POST", false],
    ["listResourcesByTags", "POST", true],
    ["countResourcesByTags", "POST", true],
    ["checkClientCaCertificate", "POST", true],
    ["exportClientConfig", "POST", true],
    ["resetVpnConnection", "POST", false],
    ["batchCreateResourceTags", "POST", false],
    ["listing", "POST", false],
  ])("%s %s -> %s", (name, method, want) => expect(isIdempotentOperation(name, method)).toBe(want));
});
