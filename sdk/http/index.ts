export {
  Transport,
  toTransportError,
  type TransportOptions,
  type TransportRequest,
  type TransportResponse,
} from "./transport";
export {
  DEFAULT_RETRY_OPTIONS,
  delayFor,
  isIdempotentOperation,
  isOutcomeUnknown,
  isSafeToRepeat,
  parseRetryAfter,
  resolveRetryOptions,
  shouldRetry,
  type ResolvedRetryOptions,
  type RetryOptions,
  type RetryTarget,
} from "./retry";
export {
  CLOCK_SKEW_THRESHOLD_MS,
  RequestExecutor,
  defaultSleep,
  type ExecCallOptions,
  type ExecRequest,
  type ExecResult,
  type ExecutorOptions,
  type Sleep,
} from "./executor";
export { AdaptiveRateLimiter, sharedRateLimiter, type RateLimiterOptions, type RateLimiterStats } from "./limiter";
export { debugEnabled, stderrLogger, type DebugLogger } from "./log";
