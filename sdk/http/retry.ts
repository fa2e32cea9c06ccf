/**
 * Retry policy as small pure deciders (aws-sdk `retryDecider`/`delayDecider`, undici's retry defaults):
 * `shouldRetry(err, attempt, op)` says whether to try again, `delayFor(attempt, err)` how long to wait, and
 * `isOutcomeUnknown(err)` whether a failed non-idempotent request may nevertheless have taken effect.
 *
 * Retries are bounded by time (`maxTotalMs`), not by a count of attempts: a throttled run slows down instead of
 * failing. Every back-off is full jitter above a floor, and a server's `Retry-After` is a minimum that the
 * jitter is added to, so parallel clients told "1 s" do not all come back at the same instant.
 */
import { ApiError, NetworkError, TimeoutError, isConflict, isDefinitelyNotProcessed, isRetryable } from "../errors";
import { sharedRateLimiter, type AdaptiveRateLimiter } from "./limiter";

export interface RetryOptions {
  /** Attempts in total, the first included (default unlimited: the time budget decides; 1 disables retries). */
  maxAttempts?: number;
  /**
   * Back-off base: attempt n waits `minDelayMs` plus a random part of `min(maxDelayMs, baseDelayMs * 2^(n-1))`
   * above it (default 500).
   */
  baseDelayMs?: number;
  /** Floor of every computed back-off (default 100). */
  minDelayMs?: number;
  /** Cap of one computed back-off (default 20 000). */
  maxDelayMs?: number;
  /** Cap of a server-sent `Retry-After` (default 60 000). */
  maxRetryAfterMs?: number;
  /** Give up rather than sleep past this much time since the first attempt started (default 120 000). */
  maxTotalMs?: number;
  /** Random source in [0, 1) for the jitter (default `Math.random`); inject for deterministic tests. */
  random?: () => number;
  /** The rate limiter the requests go through (default: the process's shared one); `false` for none. */
  rateLimiter?: AdaptiveRateLimiter | false;
}

export type ResolvedRetryOptions = Required<RetryOptions>;

export const DEFAULT_RETRY_OPTIONS: ResolvedRetryOptions = Object.freeze({
  maxAttempts: Number.POSITIVE_INFINITY,
  baseDelayMs: 500,
  minDelayMs: 100,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 60_000,
  maxTotalMs: 120_000,
  random: Math.random,
  rateLimiter: sharedRateLimiter as AdaptiveRateLimiter | false,
});

export function resolveRetryOptions(...layers: (RetryOptions | undefined)[]): ResolvedRetryOptions {
  const out: ResolvedRetryOptions = { ...DEFAULT_RETRY_OPTIONS };
  for (const l of layers) {
    if (!l) continue;
    for (const [k, v] of Object.entries(l)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  out.maxAttempts = Math.max(1, Math.floor(out.maxAttempts));
  return out;
}

/** What the deciders need to know about the operation. */
export interface RetryTarget {
  readonly method: string;
  /** The operation sends an `X-Client-Token`: repeating it with the same token is safe. */
  readonly clientToken?: boolean;
  /** The operation has no side effect even though it is a POST (list/count/check by POST). */
  readonly idempotent?: boolean;
}

/**
 * GET, PUT and DELETE are idempotent by HTTP semantics. A POST is idempotent only when it is a read that
 * happens to use POST, which the operation table shows by its name (`listResourcesByTags`, `countResourcesByTags`,
 * `checkClientCaCertificate`, `exportClientConfig`, `show…`): generic over the table, no per-operation list.
 */
export function isIdempotentOperation(name: string, method: string): boolean {
  return method !== "POST" || /^(list|show|count|check|export)[A-Z]/.test(name);
}

/** May repeat the request: idempotent method or read, or an idempotency token. */
export function isSafeToRepeat(op: RetryTarget): boolean {
  return op.method !== "POST" || op.idempotent === true || op.clientToken === true;
}

/**
 * Retry after attempt number `attempt` (1-based) failed with `err`? Transient failures (429, 500/502/503/504,
 * `VPN.0030`, connection resets/refusals, timeouts) are retried for requests that are safe to repeat; a POST
 * without an idempotency token only when the failure proves the request was not processed (429, `VPN.0030`,
 * connection refused, connect timeout).
 */
export function shouldRetry(err: unknown, attempt: number, op: RetryTarget, options?: RetryOptions): boolean {
  const maxAttempts = Math.max(1, Math.floor(options?.maxAttempts ?? DEFAULT_RETRY_OPTIONS.maxAttempts));
  if (attempt >= maxAttempts) return false;
  if (!isRetryable(err)) return false;
  // A 5xx that names a not-ready state ("VPN.0511 the gateway is not ready") is not a blip: the caller decides
  // (the provider waits for the resource, and stops at once when a dependency is frozen).
  if (isConflict(err)) return false;
  return isSafeToRepeat(op) || isDefinitelyNotProcessed(err);
}

/**
 * Milliseconds to wait before the attempt after `attempt`: capped full jitter above a floor,
 * `minDelayMs + random() * (ceiling - minDelayMs)` with `ceiling = min(maxDelayMs, baseDelayMs * 2^(attempt-1))`;
 * when the server sent `Retry-After` (capped by `maxRetryAfterMs`), that much plus
 * `random() * max(minDelayMs, min(ceiling, Retry-After))`.
 */
export function delayFor(attempt: number, err: unknown, options?: RetryOptions): number {
  const opts = resolveRetryOptions(options);
  const ceiling = Math.max(opts.minDelayMs, Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** Math.max(0, attempt - 1)));
  if (err instanceof ApiError && err.retryAfterMs !== undefined) {
    // The server said when: spread the returns over up to as long again (not the ever-growing ceiling, whose
    // tail after a run of throttled answers would dwarf what the server asked for).
    const after = Math.min(Math.max(0, err.retryAfterMs), opts.maxRetryAfterMs);
    return after + Math.floor(opts.random() * Math.max(opts.minDelayMs, Math.min(ceiling, after)));
  }
  return opts.minDelayMs + Math.floor(opts.random() * (ceiling - opts.minDelayMs));
}

/**
 * True when a failed attempt may have been processed: the connection dropped after the request could have been
 * sent, the attempt timed out after connecting, or the service answered 502/503/504 or a generic 500
 * (`VPN.0002` or no code). A 500 with a specific code (`VPN.0510` gateway abnormal, `VPN.0511` not ready) is a
 * definite refusal.
 */
export function isOutcomeUnknown(err: unknown): boolean {
  if (err instanceof NetworkError || err instanceof TimeoutError) return !err.notSent;
  if (err instanceof ApiError) {
    if (err.httpStatus === 502 || err.httpStatus === 503 || err.httpStatus === 504) return true;
    if (err.httpStatus === 500) return err.errorCode === "" || err.errorCode === "VPN.0002";
  }
  return false;
}

/**
 * Parses `Retry-After`: delta-seconds or an HTTP date. `nowMs` is the reference time for a date (use the
 * response's `Date` header when present, so clock skew does not distort it). Undefined when unparseable.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!/[A-Za-z]/.test(v)) return undefined; // an HTTP date has a day or month name; "-1" is not a date
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
