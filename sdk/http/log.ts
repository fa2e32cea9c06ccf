/**
 * Debug logging (env `HW_VPN_DEBUG=1`, to stderr, or a `logger` option): method, path, status, attempt and
 * timing, with bodies redacted by the operation's `secretFields`. Headers are never logged, so `Authorization`
 * and `X-Security-Token` cannot leak.
 */
import { describeBody } from "../redact";

export type DebugLogger = (line: string) => void;

export function debugEnabled(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const v = env["HW_VPN_DEBUG"];
  return v === "1" || v === "true";
}

export function stderrLogger(line: string): void {
  process.stderr.write(`[huaweicloud-vpn] ${line}\n`);
}

export interface AttemptLog {
  operation: string;
  method: string;
  path: string;
  attempt: number;
  maxAttempts: number;
}

export function logRequest(log: DebugLogger, a: AttemptLog, body: unknown, secretFields: readonly string[]): void {
  const b = body === undefined ? "" : ` body=${describeBody(body, secretFields)}`;
  log(`${a.operation} ${a.method} ${a.path} attempt ${a.attempt}${Number.isFinite(a.maxAttempts) ? `/${a.maxAttempts}` : ""}${b}`);
}

export function logResponse(
  log: DebugLogger,
  a: AttemptLog,
  outcome: { status?: number; error?: string; ms: number; requestId?: string },
  body: unknown,
  secretFields: readonly string[],
): void {
  const what = outcome.status !== undefined ? `-> ${outcome.status}` : `-> ${outcome.error ?? "error"}`;
  const rid = outcome.requestId ? ` request_id=${outcome.requestId}` : "";
  const b = body === undefined ? "" : ` body=${describeBody(body, secretFields)}`;
  log(
    `${a.operation} ${a.method} ${a.path} attempt ${a.attempt}${Number.isFinite(a.maxAttempts) ? `/${a.maxAttempts}` : ""} ${what} in ${outcome.ms}ms${rid}${b}`,
  );
}
