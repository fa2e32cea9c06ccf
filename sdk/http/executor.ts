/**
 * The retry loop. Each attempt is signed afresh inside the loop (new `X-Sdk-Date`, corrected by the clock
 * offset learned from response `Date` headers), sent, classified and either returned, retried after a back-off
 * or turned into an error carrying `attempts` and `totalRetryDelayMs`.
 */
import { setTimeout as sleepTimer } from "node:timers/promises";
import { ApiError, OutcomeUnknownError, VpnSdkError, isThrottle, parseErrorBody } from "../errors";
import { scrubText } from "../redact";
import { signRequest, type Credentials } from "../signing";
import { logRequest, logResponse, type DebugLogger } from "./log";
import {
  delayFor,
  isOutcomeUnknown,
  isSafeToRepeat,
  parseRetryAfter,
  resolveRetryOptions,
  shouldRetry,
  type RetryOptions,
  type RetryTarget,
} from "./retry";
import type { Transport, TransportResponse } from "./transport";

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const defaultSleep: Sleep = async (ms, signal) => {
  await sleepTimer(ms, undefined, signal ? { signal } : undefined);
};

/** Skew below this is ignored (the `Date` header has one-second resolution; the gateway allows 15 min). */
export const CLOCK_SKEW_THRESHOLD_MS = 30_000;

export interface ExecutorOptions {
  transport: Transport;
  credentials: Credentials;
  retry?: RetryOptions;
  /** Per-attempt timeout (default 60 s; 0 disables). */
  timeoutMs?: number;
  sleep?: Sleep;
  /** Local clock in ms (default `Date.now`). */
  clock?: () => number;
  logger?: DebugLogger;
  userAgent?: string;
}

/** One logical request; the executor signs and sends it up to `maxAttempts` times. */
export interface ExecRequest {
  operation: string;
  method: string;
  origin: string;
  /** Path and query as sent. */
  path: string;
  /** Unsigned headers (content-type, x-project-id, x-client-token …), lower-case names. */
  headers: Record<string, string>;
  body?: string;
  /** The body object, for the debug log (redacted). */
  bodyForLog?: unknown;
  target: RetryTarget;
  clientToken?: string;
  secretFields: readonly string[];
  /** Secret values of this request, scrubbed from any server message. */
  secretValues: readonly string[];
}

export interface ExecCallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  retry?: RetryOptions;
}

export interface ExecResult extends TransportResponse {
  attempts: number;
  totalRetryDelayMs: number;
  requestId: string | undefined;
}

function header(headers: TransportResponse["headers"], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export class RequestExecutor {
  /** Server time minus local time, learned from response `Date` headers. */
  clockOffsetMs = 0;
  private readonly sleep: Sleep;
  private readonly clock: () => number;

  constructor(private readonly opts: ExecutorOptions) {
    this.sleep = opts.sleep ?? defaultSleep;
    this.clock = opts.clock ?? Date.now;
  }

  /** Updates the clock offset from a `Date` header; true when it changed by more than the threshold. */
  learnClock(dateHeader: string | undefined): boolean {
    if (!dateHeader) return false;
    const server = Date.parse(dateHeader);
    if (Number.isNaN(server)) return false;
    const local = this.clock();
    if (Math.abs(server - (local + this.clockOffsetMs)) <= CLOCK_SKEW_THRESHOLD_MS) return false;
    this.clockOffsetMs = server - local;
    return true;
  }

  async execute(req: ExecRequest, call: ExecCallOptions = {}): Promise<ExecResult> {
    const retry = resolveRetryOptions(this.opts.retry, call.retry);
    const timeoutMs = call.timeoutMs ?? this.opts.timeoutMs ?? 60_000;
    const started = this.clock();
    const log = this.opts.logger;
    let totalRetryDelayMs = 0;
    let skewRetried = false;

    const limiter = retry.rateLimiter || undefined;

    for (let attempt = 1; ; attempt++) {
      // The process's rate limiter paces the attempt into its slot (no wait unless the service has throttled).
      const slot = limiter?.reserve(req.origin) ?? 0;
      if (slot > 0) {
        try {
          await defaultSleep(slot, call.signal);
        } catch (abortErr) {
          if (call.signal?.aborted) throw call.signal.reason;
          throw abortErr;
        }
      }
      const a = {
        operation: req.operation,
        method: req.method,
        path: req.path,
        attempt,
        maxAttempts: retry.maxAttempts,
      };
      const headers = signRequest(
        {
          method: req.method,
          url: req.origin + req.path,
          headers: req.headers,
          ...(req.body !== undefined ? { body: req.body } : {}),
        },
        this.opts.credentials,
        { now: new Date(this.clock() + this.clockOffsetMs) },
      );
      if (this.opts.userAgent) headers["user-agent"] = this.opts.userAgent;
      if (log) logRequest(log, a, req.bodyForLog, req.secretFields);

      const t0 = this.clock();
      let err: VpnSdkError;
      let skewCorrected = false;
      try {
        const res = await this.opts.transport.send({
          method: req.method,
          origin: req.origin,
          path: req.path,
          headers,
          ...(req.body !== undefined ? { body: req.body } : {}),
          timeoutMs,
          ...(call.signal ? { signal: call.signal } : {}),
        });
        const serverDate = header(res.headers, "date");
        skewCorrected = this.learnClock(serverDate);
        if (res.status >= 200 && res.status < 300) {
          let parsedForLog: unknown;
          if (log) {
            try {
              parsedForLog = res.text ? JSON.parse(res.text) : undefined;
            } catch {
              parsedForLog = undefined;
            }
          }
          limiter?.onSuccess(req.origin);
          const requestId = header(res.headers, "x-request-id") ?? requestIdFromBody(res.text);
          if (log)
            logResponse(
              log,
              a,
              { status: res.status, ms: this.clock() - t0, ...(requestId ? { requestId } : {}) },
              parsedForLog,
              req.secretFields,
            );
          return { ...res, attempts: attempt, totalRetryDelayMs, requestId };
        }
        // Scrub this request's secret values (raw and JSON-escaped) from the error body before anything keeps it.
        const parsed = parseErrorBody(scrubText(res.text, req.secretValues.flatMap(jsonForms)), res.headers);
        const serverNow = serverDate && !Number.isNaN(Date.parse(serverDate)) ? Date.parse(serverDate) : this.clock();
        const retryAfterMs = parseRetryAfter(header(res.headers, "retry-after"), serverNow);
        err = new ApiError({
          httpStatus: res.status,
          ...(parsed.errorCode !== undefined ? { errorCode: parsed.errorCode } : {}),
          ...(parsed.errorMsg !== undefined ? { errorMsg: parsed.errorMsg } : {}),
          ...(parsed.requestId !== undefined ? { requestId: parsed.requestId } : {}),
          operation: req.operation,
          method: req.method,
          path: req.path.split("?")[0]!,
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
          body: parsed.body,
        });
        if (log) {
          logResponse(
            log,
            a,
            { status: res.status, ms: this.clock() - t0, ...(parsed.requestId ? { requestId: parsed.requestId } : {}) },
            undefined,
            req.secretFields,
          );
        }
      } catch (e) {
        if (!(e instanceof VpnSdkError)) throw e; // the caller's abort reason, or a programming error
        err = e;
        if (log) logResponse(log, a, { error: e.message, ms: this.clock() - t0 }, undefined, req.secretFields);
      }

      err.attempts = attempt;
      err.totalRetryDelayMs = totalRetryDelayMs;
      if (limiter) {
        if (isThrottle(err)) limiter.onThrottle(req.origin);
        else if (err instanceof ApiError) limiter.onSuccess(req.origin);
      }

      // A 401 that came with a Date header far from our clock: re-sign once with the corrected time.
      if (
        err instanceof ApiError &&
        err.httpStatus === 401 &&
        skewCorrected &&
        !skewRetried &&
        attempt < retry.maxAttempts
      ) {
        skewRetried = true;
        continue;
      }

      if (!shouldRetry(err, attempt, req.target, retry)) throw this.finalError(err, req);
      const delay = delayFor(attempt, err, retry);
      // The budget is time: the clock, or the back-offs slept so far when an injected sleep does not pass time.
      const spent = Math.max(this.clock() - started, totalRetryDelayMs);
      if (spent + delay > retry.maxTotalMs) throw this.finalError(err, req);
      if (delay > 0) {
        try {
          await this.sleep(delay, call.signal);
        } catch (abortErr) {
          if (call.signal?.aborted) throw call.signal.reason;
          throw abortErr;
        }
      }
      totalRetryDelayMs += delay;
    }
  }

  /** The error to surface once we stop: a possibly-processed non-idempotent request becomes OutcomeUnknownError. */
  private finalError(err: VpnSdkError, req: ExecRequest): VpnSdkError {
    const nonIdempotent = req.method === "POST" && req.target.idempotent !== true;
    if (!nonIdempotent || !isOutcomeUnknown(err)) return err;
    const safe = isSafeToRepeat(req.target);
    const why = safe
      ? `retries exhausted; repeat with the same X-Client-Token to stay idempotent`
      : `not retried because the operation has no idempotency token`;
    const out = new OutcomeUnknownError(
      `${req.operation}: the request may or may not have taken effect (${err.message}); ${why}`,
      {
        cause: err,
        operation: req.operation,
        ...(req.clientToken !== undefined ? { clientToken: req.clientToken } : {}),
      },
    );
    out.attempts = err.attempts;
    out.totalRetryDelayMs = err.totalRetryDelayMs;
    return out;
  }
}

/** A secret as it appears raw and inside a JSON string literal. */
function jsonForms(secret: string): string[] {
  const escaped = JSON.stringify(secret).slice(1, -1);
  return escaped === secret ? [secret] : [secret, escaped];
}

function requestIdFromBody(text: string): string | undefined {
  const m = /"request_id"\s*:\s*"([^"]*)"/.exec(text);
  return m?.[1];
}
