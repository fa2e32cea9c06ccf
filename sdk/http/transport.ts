/**
 * The HTTP transport: one keep-alive undici `Agent` (a `Pool` per origin) shared by every request of a client,
 * a per-attempt timeout and caller cancellation through `AbortSignal`. Failures become `NetworkError` or
 * `TimeoutError` with a flag saying whether the request certainly never left; the caller's abort is rethrown
 * as its own `signal.reason`.
 */
import type { Dispatcher } from "undici";
import { NOT_SENT_NETWORK_CODES, NetworkError, TimeoutError } from "../errors";

export interface TransportOptions {
  /** Use this dispatcher (an undici `Agent`, `Pool`, `MockAgent`, …) instead of creating one. */
  dispatcher?: Dispatcher;
  /** Sockets per origin (default 32). */
  connections?: number;
  /** Idle keep-alive time (default 30 s). */
  keepAliveTimeoutMs?: number;
  /** TCP/TLS connect timeout (default 10 s). */
  connectTimeoutMs?: number;
}

export interface TransportRequest {
  method: string;
  /** `scheme://host[:port]` */
  origin: string;
  /** Path and query as sent. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Whole-attempt timeout: connect, headers and body (0 or absent: none). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export class Transport {
  private agent: Dispatcher | undefined;
  private readonly owned: boolean;

  constructor(private readonly options: TransportOptions = {}) {
    this.agent = options.dispatcher;
    this.owned = !options.dispatcher;
  }

  /**
   * The dispatcher, created at the first request: undici takes 100–170 ms to load, which a provider process that
   * only checks and diffs (a preview) never needs.
   */
  get dispatcher(): Dispatcher {
    if (!this.agent) {
      const { Agent } = require("undici") as typeof import("undici");
      this.agent = new Agent({
        connections: this.options.connections ?? 32,
        keepAliveTimeout: this.options.keepAliveTimeoutMs ?? 30_000,
        connect: { timeout: this.options.connectTimeoutMs ?? 10_000 },
      });
    }
    return this.agent;
  }

  async send(req: TransportRequest): Promise<TransportResponse> {
    const userSignal = req.signal;
    if (userSignal?.aborted) throw userSignal.reason;
    const controller = new AbortController();
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    if (req.timeoutMs && req.timeoutMs > 0) {
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort(new Error("attempt timed out"));
      }, req.timeoutMs);
      timer.unref?.();
    }
    const onAbort = () => controller.abort(userSignal?.reason);
    userSignal?.addEventListener("abort", onAbort, { once: true });
    try {
      const res = await this.dispatcher.request({
        origin: req.origin,
        path: req.path,
        method: req.method as Dispatcher.HttpMethod,
        headers: req.headers,
        body: req.body ?? null,
        signal: controller.signal,
      });
      const text = await res.body.text();
      return { status: res.statusCode, headers: res.headers as Record<string, string | string[] | undefined>, text };
    } catch (err) {
      if (userSignal?.aborted && !timedOut) throw userSignal.reason;
      if (timedOut) {
        throw new TimeoutError(`request timed out after ${req.timeoutMs} ms`, {
          cause: err,
          timeoutMs: req.timeoutMs!,
        });
      }
      throw toTransportError(err);
    } finally {
      if (timer) clearTimeout(timer);
      userSignal?.removeEventListener("abort", onAbort);
    }
  }

  /** Closes the dispatcher if this transport created it. */
  async close(): Promise<void> {
    if (this.owned && this.agent) await this.agent.close();
  }
}

function errorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === "object"; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps a Node/undici failure onto the taxonomy. */
export function toTransportError(err: unknown): NetworkError | TimeoutError {
  const code = errorCode(err);
  const text = err instanceof Error ? err.message : String(err);
  if (code === "UND_ERR_CONNECT_TIMEOUT")
    return new TimeoutError(`connect timeout: ${text}`, { cause: err, notSent: true });
  if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT" || code === "ETIMEDOUT") {
    return new TimeoutError(`${code}: ${text}`, { cause: err });
  }
  return new NetworkError(`${code ?? "network error"}: ${text}`, {
    cause: err,
    ...(code !== undefined ? { syscallCode: code } : {}),
    notSent: code !== undefined && NOT_SENT_NETWORK_CODES.has(code),
  });
}
