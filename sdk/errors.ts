/**
 * The SDK's error taxonomy. Every error is a `VpnSdkError` with a stable `code`; match on `code` (or use the
 * helpers at the bottom), not on messages. Each class carries a `Symbol.for` brand so `instanceof` works across
 * duplicate copies of this package (the undici pattern). Messages never contain a secret: request values at
 * the operation's `secretFields` are scrubbed from any server message before it is used.
 */
import { codesMeaning } from "./spec/errors";
import type { FieldIssue } from "./schemas/validate";
import { formatIssues } from "./schemas/validate";

export type VpnErrorCode =
  | "HWC_ERR_API"
  | "HWC_ERR_NETWORK"
  | "HWC_ERR_TIMEOUT"
  | "HWC_ERR_VALIDATION"
  | "HWC_ERR_CONFIG"
  | "HWC_ERR_OUTCOME_UNKNOWN"
  | "HWC_ERR_WAIT_TIMEOUT"
  | "HWC_ERR_RESOURCE_FAILED";

/** Retry bookkeeping attached to results and errors of a sent request. */
export interface RetryMetadata {
  /** Attempts made, including the first (0 when the request was never sent, e.g. a validation error). */
  attempts: number;
  /** Sum of the back-off delays slept between attempts. */
  totalRetryDelayMs: number;
}

export interface VpnSdkErrorOptions {
  cause?: unknown;
  /** The operation name (`createVgw`), when the error concerns one. */
  operation?: string;
}

const BRAND = Symbol.for("huaweicloud-vpn.error");

function branded(instance: unknown, brand: symbol): boolean {
  return typeof instance === "object" && instance !== null && (instance as Record<symbol, unknown>)[brand] === true;
}

export class VpnSdkError extends Error implements RetryMetadata {
  readonly code: VpnErrorCode;
  readonly operation: string | undefined;
  attempts = 0;
  totalRetryDelayMs = 0;

  constructor(code: VpnErrorCode, message: string, options: VpnSdkErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "VpnSdkError";
    this.code = code;
    this.operation = options.operation;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static override [Symbol.hasInstance](instance: unknown): boolean {
    return branded(instance, BRAND);
  }
}

const API_BRAND = Symbol.for("huaweicloud-vpn.error.api");

export interface ApiErrorInit {
  httpStatus: number;
  errorCode?: string;
  errorMsg?: string;
  requestId?: string;
  operation?: string;
  method?: string;
  path?: string;
  /** `Retry-After`, already converted to milliseconds from now. */
  retryAfterMs?: number;
  /** The parsed error body (or raw text when it was not JSON). */
  body?: unknown;
}

/** The service answered with a non-success status. */
export class ApiError extends VpnSdkError {
  readonly httpStatus: number;
  /** `VPN.0001`, `APIGW.0301`, …; "" when the body carried none. */
  readonly errorCode: string;
  readonly errorMsg: string;
  readonly requestId: string | undefined;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly body: unknown;

  constructor(init: ApiErrorInit) {
    const code = init.errorCode ?? "";
    const msg = init.errorMsg ?? "";
    const where = init.operation ? `${init.operation}: ` : "";
    const detail = [code, msg].filter(Boolean).join(": ") || "no error body";
    const rid = init.requestId ? ` (request id ${init.requestId})` : "";
    super("HWC_ERR_API", `${where}HTTP ${init.httpStatus} ${detail}${rid}`, { operation: init.operation });
    this.name = "ApiError";
    this.httpStatus = init.httpStatus;
    this.errorCode = code;
    this.errorMsg = msg;
    this.requestId = init.requestId;
    this.method = init.method;
    this.path = init.path;
    this.retryAfterMs = init.retryAfterMs;
    this.body = init.body;
    Object.defineProperty(this, API_BRAND, { value: true });
  }

  static override [Symbol.hasInstance](instance: unknown): boolean {
    return branded(instance, API_BRAND);
  }
}

const NETWORK_BRAND = Symbol.for("huaweicloud-vpn.error.network");

/** Connection-level failure (refused, reset, DNS, socket closed). */
export class NetworkError extends VpnSdkError {
  /** The system or undici code (`ECONNRESET`, `ECONNREFUSED`, `UND_ERR_SOCKET`, …), when known. */
  readonly syscallCode: string | undefined;
  /** True when the request certainly never reached the server (refused, DNS, connect failure). */
  readonly notSent: boolean;

  constructor(message: string, options: VpnSdkErrorOptions & { syscallCode?: string; notSent?: boolean } = {}) {
    super("HWC_ERR_NETWORK", message, options);
    this.name = "NetworkError";
    this.syscallCode = options.syscallCode;
    this.notSent = options.notSent ?? false;
    Object.defineProperty(this, NETWORK_BRAND, { value: true });
  }

  static override [Symbol.hasInstance](instance: unknown): boolean {
    return branded(instance, NETWORK_BRAND);
  }
}

const TIMEOUT_BRAND = Symbol.for("huaweicloud-vpn.error.timeout");

/** The per-attempt timeout elapsed (connect, headers or body). */
export class TimeoutError extends VpnSdkError {
  readonly timeoutMs: number | undefined;
  /** True for a connect timeout: the request was never sent. */
  readonly notSent: boolean;

  constructor(message: string, options: VpnSdkErrorOptions & { timeoutMs?: number; notSent?: boolean } = {}) {
    super("HWC_ERR_TIMEOUT", message, options);
    this.name = "TimeoutError";
    this.timeoutMs = options.timeoutMs;
    this.notSent = options.notSent ?? false;
    Object.defineProperty(this, TIMEOUT_BRAND, { value: true });
  }

  static override [Symbol.hasInstance](instance: unknown): boolean {
    return branded(instance, TIMEOUT_BRAND);
  }
}

const VALIDATION_BRAND = Symbol.for("huaweicloud-vpn.error.validation");

/** Input (or, with `strictResponses`, a response) failed its schema. Nothing was sent. */
export class ValidationError extends VpnSdkError {
  readonly issues: readonly FieldIssue[];

  constructor(issues: readonly FieldIssue[], options: VpnSdkErrorOptions & { what?: string } = {}) {
    const where = options.operation ? `${options.operation}: ` : "";
    super("HWC_ERR_VALIDATION", `${where}invalid ${options.what ?? "request"}: ${formatIssues(issues)}`, options);
    this.name = "ValidationError";
    this.issues = issues;
    Object.defineProperty(this, VALIDATION_BRAND, { value: true });
  }

  static override [Symbol.hasInstance](instance: unknown): boolean {
    return branded(instance, VALIDATION_BRAND);
  }
}

const CONFIG_BRAND = Symbol.for("huaweicloud-vpn.error.config");

/** Missing or malformed client settings; `missing` lists every missing setting at once. */
export class ConfigError extends VpnSdkError {
  readonly missing: readonly string[];
  readonly invalid: readonly string[];

  constructor(message: string, options: { missing?: readonly string[]; invalid?: readonly string[] } = {}) {
    super("HWC_ERR_CONFIG", message);
    this.name = "ConfigError";
    this.missing = options.missing ?? [];
    this.invalid = options.invalid ?? [];
    Object.defineProperty(this, CONFIG_BRAND, { value: true });
  }

  static override [Symbol.hasInstance](instance: unknown): boolean {
    return branded(instance, CONFIG_BRAND);
  }
}

const OUTCOME_BRAND = Symbol.for("huaweicloud-vpn.error.outcome-unknown");

/**
 * A non-idempotent request (a POST without an idempotency token, or whose retries ran out) may or may not have
 * taken effect: the connection dropped after sending, the attempt timed out, or the service answered 5xx. It
 * was not retried, because a blind retry could create a duplicate. The caller must reconcile (e.g. list by
 * name); `cause` holds the underlying error, `clientToken` the `X-Client-Token` sent, if any, so a retry with
 * the same token stays idempotent.
 */
export class OutcomeUnknownError extends VpnSdkError {
  readonly clientToken: string | undefined;

  constructor(message: string, options: VpnSdkErrorOptions & { clientToken?: string } = {}) {
    super("HWC_ERR_OUTCOME_UNKNOWN", message, options);
    this.name = "OutcomeUnknownError";
    this.clientToken = options.clientToken;
    Object.defineProperty(this, OUTCOME_BRAND, { value: true });
  }

  static override [Symbol.hasInstance](instance: unknown): boolean {
    return branded(instance, OUTCOME_BRAND);
  }
}

const WAIT_BRAND = Symbol.for("huaweicloud-vpn.error.wait-timeout");

/** A wait for a resource status did not finish in time (used by the provider's waiters). */
export class WaitTimeoutError extends VpnSdkError {
  readonly lastStatus: string | undefined;
  readonly waitedMs: number;

  constructor(message: string, options: VpnSdkErrorOptions & { lastStatus?: string; waitedMs?: number } = {}) {
    super("HWC_ERR_WAIT_TIMEOUT", message, options);
    this.name = "WaitTimeoutError";
    this.lastStatus = options.lastStatus;
    this.waitedMs = options.waitedMs ?? 0;
    Object.defineProperty(this, WAIT_BRAND, { value: true });
  }

  static override [Symbol.hasInstance](instance: unknown): boolean {
    return branded(instance, WAIT_BRAND);
  }
}

const FAILED_BRAND = Symbol.for("huaweicloud-vpn.error.resource-failed");

/** A resource reached a failed status (`FAULT`, `ERROR`) while being waited on. */
export class ResourceFailedError extends VpnSdkError {
  readonly status: string;
  readonly resourceId: string | undefined;

  constructor(message: string, options: VpnSdkErrorOptions & { status: string; resourceId?: string }) {
    super("HWC_ERR_RESOURCE_FAILED", message, options);
    this.name = "ResourceFailedError";
    this.status = options.status;
    this.resourceId = options.resourceId;
    Object.defineProperty(this, FAILED_BRAND, { value: true });
  }

  static override [Symbol.hasInstance](instance: unknown): boolean {
    return branded(instance, FAILED_BRAND);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Error body parsing

export interface ParsedErrorBody {
  errorCode?: string;
  errorMsg?: string;
  requestId?: string;
  body: unknown;
}

function str(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  return undefined;
}

/**
 * Parses the documented error body shapes: `{error_code, error_msg, request_id}` (VPN examples),
 * `{code, message}` (the error appendix) and `{error: {code, message}}` (IAM / gateway). `x-request-id`
 * fills a missing request id. Non-JSON text becomes the message (shortened).
 */
export function parseErrorBody(
  text: string,
  headers?: Readonly<Record<string, string | string[] | undefined>>,
): ParsedErrorBody {
  const headerRid = headers?.["x-request-id"];
  const fromHeader = Array.isArray(headerRid) ? headerRid[0] : headerRid;
  let body: unknown = text;
  let errorCode: string | undefined;
  let errorMsg: string | undefined;
  let requestId: string | undefined;
  if (text.trim() !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  } else {
    body = undefined;
  }
  if (body !== null && typeof body === "object" && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    const nested =
      b["error"] !== null && typeof b["error"] === "object" ? (b["error"] as Record<string, unknown>) : undefined;
    errorCode = str(b["error_code"]) ?? str(b["code"]) ?? str(nested?.["code"]) ?? str(nested?.["error_code"]);
    errorMsg =
      str(b["error_msg"]) ??
      str(b["message"]) ??
      str(nested?.["message"]) ??
      str(nested?.["error_msg"]) ??
      (typeof b["error"] === "string" ? (b["error"] as string) : undefined);
    requestId = str(b["request_id"]) ?? str(nested?.["request_id"]);
  } else if (typeof body === "string" && body !== "") {
    errorMsg = body.length > 200 ? body.slice(0, 199) + "…" : body;
  }
  requestId ??= fromHeader;
  const out: ParsedErrorBody = { body };
  if (errorCode !== undefined) out.errorCode = errorCode;
  if (errorMsg !== undefined) out.errorMsg = errorMsg;
  if (requestId !== undefined) out.requestId = requestId;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Classification (one module, so the provider, waiters and retry agree)

/** HTTP statuses that are transient by definition. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);
/** "The system is busy, please try later." (`VPN.0030`, HTTP 400): the request was not processed. */
export const RETRYABLE_CODES: ReadonlySet<string> = codesMeaning("busy");
/** "The resource does not exist", including the P2C access policy's, which the docs answer with HTTP 400. */
export const NOT_FOUND_CODES: ReadonlySet<string> = codesMeaning("notFound");
/**
 * "Not ready / operation in progress": try again later, after the resource settles. `VPN.0003` counts only when
 * its message says "not ready" (the same code also means "Authentication failed").
 */
export const CONFLICT_CODES: ReadonlySet<string> = codesMeaning("notReady");

/** Connection error codes after which the request certainly was not sent. */
export const NOT_SENT_NETWORK_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "UND_ERR_CONNECT_TIMEOUT",
]);

export function isVpnSdkError(err: unknown): err is VpnSdkError {
  return err instanceof VpnSdkError;
}

/** 404, or a documented "does not exist" code (`NOT_FOUND_CODES`). */
export function isNotFound(err: unknown): boolean {
  return err instanceof ApiError && (err.httpStatus === 404 || NOT_FOUND_CODES.has(err.errorCode));
}

/** A resource is busy or not ready (`VPN.0003 … not ready`, `VPN.0506/0507/0508`, `VPN.0031`, `VPN.1801`, 409 …). */
export function isConflict(err: unknown, extraCodes: readonly string[] = []): boolean {
  if (!(err instanceof ApiError)) return false;
  if (err.httpStatus === 409) return true;
  if (CONFLICT_CODES.has(err.errorCode) || extraCodes.includes(err.errorCode)) return true;
  return err.errorCode === "VPN.0003" && /not ready|currently (creating|updating|deleting|pending)/i.test(err.errorMsg);
}

/** A definite "not processed, try again" answer: 429 or `VPN.0030`. Safe to retry even for a POST. */
export function isThrottle(err: unknown): boolean {
  return err instanceof ApiError && (err.httpStatus === 429 || RETRYABLE_CODES.has(err.errorCode));
}

/** Transient: 429, 500/502/503/504, `VPN.0030`, connection failures and timeouts. Ignores the method. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof ApiError) return RETRYABLE_STATUSES.has(err.httpStatus) || RETRYABLE_CODES.has(err.errorCode);
  return err instanceof NetworkError || err instanceof TimeoutError;
}

/** True when the failed attempt certainly did not reach the service (so even a create can be retried). */
export function isDefinitelyNotProcessed(err: unknown): boolean {
  if (isThrottle(err)) return true;
  if (err instanceof NetworkError || err instanceof TimeoutError) return err.notSent;
  return false;
}
