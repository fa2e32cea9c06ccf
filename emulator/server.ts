/**
 * The HTTP side of the emulator (node:http, no framework): routing from the operation table, authentication
 * (AK/SK `SDK-HMAC-SHA256` via sdk/signing, or `X-Auth-Token`), project checks, fault injection, request
 * validation with the shared zod schemas, dispatch to the thin handlers, and the one error writer that turns an
 * `EmulatorError` into Huawei's `{error_code, error_msg, request_id}` body.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { operations } from "../sdk/spec/operations";
import type { OperationSpec } from "../sdk/spec/types";
import { verifyRequest } from "../sdk/signing";
import { parseRawQuery } from "../sdk/signing/canonical-query";
import { percentDecode } from "../sdk/signing/encode";
import { splitUrl } from "../sdk/signing/url";
import { validate } from "../sdk/schemas/validate";
import { Router } from "./routes";
import { apiError, EmulatorError, isEmulatorError, validationError } from "./errors";
import type { EmulatorContext } from "./context";
import type { Handler, HandlerResult, RequestContext } from "./handlers/types";
import { summarize } from "./history";
import { handleAdmin, isLoopback } from "./admin";
import { newRequestId, isPlainObject } from "./util";
import { MAX_ADMIN_BODY_BYTES, MAX_BODY_BYTES, parseJsonBody } from "./body";

export { MAX_BODY_BYTES } from "./body";
export const ADMIN_PREFIX = "/__emulator";

function isAdminPath(path: string): boolean {
  return path === ADMIN_PREFIX || path.startsWith(ADMIN_PREFIX + "/");
}

const JSON_TYPE = "application/json;charset=UTF-8";
function decodePath(path: string): string | undefined {
  const out: string[] = [];
  for (const seg of path.split("/")) {
    const d = percentDecode(seg);
    if (d === undefined) return undefined;
    out.push(d);
  }
  return out.join("/");
}

function queryObject(raw: string): Record<string, string | string[]> | undefined {
  const pairs = parseRawQuery(raw);
  if (!pairs) return undefined;
  const out: Record<string, string | string[]> = {};
  for (const { key, value } of pairs) {
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export interface ServerOptions {
  /** Handlers by operation name. */
  readonly handlers: Readonly<Record<string, Handler>>;
}

/** How many idempotent (X-Client-Token) results are remembered. */
const MAX_REPLAYS = 10_000;

export class EmulatorServer {
  readonly router = new Router(operations as Readonly<Record<string, OperationSpec>>);
  /**
   * Results of successful requests that carried `X-Client-Token` on operations that accept it ("幂等性标识"):
   * a retry with the same token gets the same answer instead of a second resource.
   */
  private readonly replays = new Map<string, { status: number; body: unknown }>();
  readonly http: Server;
  private readonly sockets = new Set<import("node:net").Socket>();

  constructor(
    readonly emu: EmulatorContext,
    private readonly options: ServerOptions,
  ) {
    this.http = createServer({ keepAliveTimeout: 30_000 }, (req, res) => this.onRequest(req, res));
    this.http.on("connection", (s) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
  }

  listen(port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.http.once("error", reject);
      this.http.listen(port, host, () => {
        this.http.off("error", reject);
        resolve(this.http.address() as AddressInfo);
      });
    });
  }

  /** Forgets the remembered X-Client-Token results (admin reset). */
  forgetReplays(): void {
    this.replays.clear();
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.http.close(() => resolve());
      for (const s of this.sockets) s.destroy();
    });
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    // Bytes beyond the limit are counted, not kept: an oversized body is refused without holding it.
    const limit = isAdminPath(splitUrl(req.url ?? "/").path) ? MAX_ADMIN_BODY_BYTES : MAX_BODY_BYTES;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
      else chunks.length = 0;
    });
    // A client that goes away mid-request is not an error of the emulator (and an unhandled 'error' would end it).
    req.on("error", () => res.destroy());
    res.on("error", () => undefined);
    req.on("end", () => {
      const body = size > limit ? null : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      this.dispatch(req, res, body, size).catch((e) => {
        // Last resort: a bug in the emulator. Answer like the service's internal error.
        if (!res.headersSent) this.writeError(res, newRequestId(), apiError("VPN.0002", (e as Error)?.message ?? String(e)));
        else res.destroy();
      });
    });
  }

  /** `rawBody` is null when the body exceeded the limit (`size` bytes were sent). */
  private async dispatch(req: IncomingMessage, res: ServerResponse, rawBody: Buffer | null, size: number): Promise<void> {
    const started = performance.now();
    const requestId = newRequestId();
    const method = (req.method ?? "GET").toUpperCase();
    const target = splitUrl(req.url ?? "/");

    if (isAdminPath(target.path)) {
      if (!isLoopback(req.socket.remoteAddress)) {
        this.writeJson(res, 403, { error_code: "EMU.0403", error_msg: "the admin API answers loopback clients only" });
        return;
      }
      this.withProjectsCleanedUp(() =>
        handleAdmin(this, req, res, method, target.path.slice(ADMIN_PREFIX.length) || "/", target.query, rawBody, size),
      );
      return;
    }

    const history = {
      time: new Date().toISOString(),
      method,
      path: target.path,
      query: target.query,
      requestId,
    };
    let operation: string | undefined;
    let projectId: string | undefined;
    let accessKey: string | undefined;
    let recordedBody: unknown;
    const knownProjects = new Set(this.emu.state.projects.keys());
    let faultIds: string[] | undefined;
    let dropped: "before" | "after" | undefined;
    const finish = (status: number, errorCode?: string) => {
      this.emu.history.record({
        ...history,
        ...(operation ? { operation } : {}),
        ...(projectId ? { projectId } : {}),
        ...(accessKey ? { accessKey } : {}),
        ...(recordedBody !== undefined ? { body: recordedBody } : {}),
        status,
        ...(errorCode ? { errorCode } : {}),
        durationMs: Math.round((performance.now() - started) * 1000) / 1000,
        ...(faultIds ? { faults: faultIds } : {}),
        ...(dropped ? { dropped } : {}),
      });
    };

    try {
      const path = decodePath(target.path);
      if (path === undefined) throw apiError("APIGW.0101");
      const m = this.router.match(method, path);
      if (m === undefined || m === "method") throw apiError("APIGW.0101");
      operation = m.route.operation;
      const op = m.route.spec;
      projectId = m.params.project_id;

      if (rawBody === null) throw apiError("VPN.0001", `the request body exceeds ${MAX_BODY_BYTES / (1024 * 1024)} MB`);
      accessKey = this.authenticate(req, rawBody);

      const headerProject = header(req, "x-project-id");
      if (headerProject !== undefined && projectId !== undefined && headerProject !== projectId) {
        throw apiError("VPN.0003", "the project id in the request path does not match the X-Project-Id header");
      }

      const body = parseJsonBody(rawBody, MAX_BODY_BYTES);
      if (!body.ok) throw apiError("VPN.0001", body.reason);
      const parsed = body.value;
      if (parsed !== undefined) recordedBody = summarize(parsed, op.secretFields ?? []);

      const decision = this.emu.faults.active
        ? this.emu.faults.decide({ operation, path, method, ...(projectId ? { projectId } : {}) })
        : undefined;
      if (decision) {
        faultIds = decision.rules.map((r) => r.id);
        if (decision.latencyMs > 0) await sleep(decision.latencyMs);
        if (decision.drop === "before") {
          dropped = "before";
          finish(0);
          res.destroy();
          return;
        }
        if (decision.error) {
          const e = decision.error;
          throw new EmulatorError(e.status, e.code, e.message, e.headers);
        }
      }

      const clientToken = op.clientToken ? header(req, "x-client-token") : undefined;
      const replayKey = clientToken ? `${projectId ?? ""}|${operation}|${clientToken}` : undefined;
      const replay = replayKey ? this.replays.get(replayKey) : undefined;
      let result: HandlerResult;
      if (replay) {
        result = { status: replay.status, body: replay.body };
      } else {
        const handler = this.options.handlers[operation];
        if (!handler) throw apiError("VPN.0002", `operation ${operation} is not implemented by the emulator`);
        const ctx = this.requestContext(op, operation, m.params, target.query, parsed, req, requestId, handler.validatesBody === true);
        result = handler(ctx);
        if (replayKey) {
          this.replays.set(replayKey, { status: result.status ?? op.successStatus, body: result.body });
          if (this.replays.size > MAX_REPLAYS) this.replays.delete(this.replays.keys().next().value!);
        }
      }

      if (decision?.drop === "after") {
        dropped = "after";
        finish(0);
        res.destroy();
        return;
      }
      const status = result.status ?? op.successStatus;
      if (status === 204) {
        res.writeHead(204, { "x-request-id": requestId, ...(result.headers ?? {}) });
        res.end();
      } else {
        let body = result.body ?? {};
        if (isPlainObject(body) && !result.noRequestId && body.request_id === undefined) body = { ...body, request_id: requestId };
        this.writeJson(res, status, body, { "x-request-id": requestId, ...(result.headers ?? {}) });
      }
      finish(status);
    } catch (e) {
      const err = isEmulatorError(e) ? e : apiError("VPN.0002", (e as Error)?.message ?? String(e));
      this.writeError(res, requestId, err);
      finish(err.status, err.code);
    } finally {
      this.forgetNewEmptyProjects(knownProjects);
    }
  }

  /**
   * Project state is created by writes only: a project that a request touched for the first time and left
   * without a resource, an inventory or a quota (a read, a refused write, an admin call that found nothing) is
   * forgotten again, so unknown project ids do not accumulate state.
   */
  private forgetNewEmptyProjects(known: ReadonlySet<string>): void {
    for (const [id, p] of this.emu.state.projects) if (!known.has(id) && p.isEmpty()) this.emu.state.projects.delete(id);
  }

  private withProjectsCleanedUp(run: () => void): void {
    const known = new Set(this.emu.state.projects.keys());
    try {
      run();
    } finally {
      this.forgetNewEmptyProjects(known);
    }
  }

  /** AK/SK or token authentication; returns the access key (or `token`). */
  private authenticate(req: IncomingMessage, body: Buffer): string {
    const token = header(req, "x-auth-token");
    if (token !== undefined) {
      if (this.emu.config.authToken && token === this.emu.config.authToken) return "token";
      throw apiError("APIGW.0301", "the token is invalid or expired");
    }
    const r = verifyRequest(
      { method: (req.method ?? "GET").toUpperCase(), rawTarget: req.url ?? "/", headers: req.headers, body },
      (ak) => this.emu.config.credentials.get(ak),
      { now: new Date(this.emu.clock.now()) },
    );
    if (!r.ok) throw new EmulatorError(401, r.code, `Incorrect IAM authentication information: ${r.reason}`);
    return r.accessKey;
  }

  private requestContext(
    op: OperationSpec,
    operation: string,
    params: Readonly<Record<string, string>>,
    rawQuery: string,
    parsed: unknown,
    req: IncomingMessage,
    requestId: string,
    handlerValidatesBody = false,
  ): RequestContext {
    const q = queryObject(rawQuery);
    if (!q) throw apiError("VPN.0001", "malformed percent-escape in the query string");
    let query: Record<string, unknown> = q;
    if (op.query) {
      const v = validate(op.query, q);
      if (!v.success) throw validationError(v.issues);
      query = (v.data ?? {}) as Record<string, unknown>;
    }
    let body: unknown = parsed;
    if (op.body && !handlerValidatesBody) {
      const v = validate(op.body, parsed, op.secretFields ?? []);
      if (!v.success) throw validationError(v.issues);
      body = v.data;
    }
    const projectId = params.project_id ?? this.emu.config.projectId;
    return {
      emu: this.emu,
      operation,
      op,
      project: this.emu.state.project(projectId),
      params,
      query,
      body,
      rawBody: parsed,
      headers: req.headers,
      requestId,
    };
  }

  writeJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": JSON_TYPE, "content-length": Buffer.byteLength(text), ...headers });
    res.end(text);
  }

  writeError(res: ServerResponse, requestId: string, err: EmulatorError): void {
    this.writeJson(
      res,
      err.status,
      { error_code: err.code, error_msg: err.message, request_id: requestId },
      { "x-request-id": requestId, ...err.headers },
    );
  }
}
