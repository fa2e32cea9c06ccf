/**
 * `VpnClient`: one method per operation of the table in sdk/spec/operations.ts, created at runtime from the
 * table (no per-operation code) and typed by mapped types over it (octokit's endpoint-methods pattern).
 *
 *   const vpn = new VpnClient({ region: "cn-north-4", projectId, accessKey, secretKey });
 *   const { vpn_gateway } = await vpn.createVgw({ body: { vpn_gateway: { ... } } });
 *   for await (const cgw of vpn.paginate("listCgws", {})) { ... }
 *
 * Per call: path and query parameters are validated, the body against the operation's zod schema, all BEFORE
 * anything is sent (a `ValidationError` names field, value and rule, secrets redacted); the caller's ORIGINAL
 * body is serialised (zod defaults are not filled in, so the service applies its own). Every attempt is signed
 * inside the retry loop (sdk/http/executor.ts).
 *
 * Responses are parsed leniently: the response schema's output is merged over the raw JSON, so fields the
 * schema does not know are kept. A response that FAILS its schema is not thrown away: the raw JSON is returned
 * as is (a body that is not JSON is returned as its text), the mismatch is reported to `onResponseMismatch` (and the debug log), and only `strictResponses: true`
 * (for conformance tests) turns it into a `ValidationError`. Rationale: the docs' own examples violate their
 * tables (masked ids, missing fields); failing a successful create because of a cosmetic response difference
 * would lose the id of a resource that now exists.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { resolveConfig, type ResolvedConfig, type VpnConfigOptions } from "./config";
import { ValidationError, type RetryMetadata } from "./errors";
import { RequestExecutor, type Sleep } from "./http/executor";
import { debugEnabled, stderrLogger, type DebugLogger } from "./http/log";
import { isIdempotentOperation, type RetryOptions } from "./http/retry";
import { Transport, type TransportOptions } from "./http/transport";
import { paginateItems } from "./paginate";
import { collectSecretValues } from "./redact";
import { queryParamsToPairs, serializeQuery, urlEncode, type QueryValue } from "./signing";
import { operations as defaultOperations, type Operations } from "./spec/operations";
import type { OperationSpec, Schema, SchemaInput, SchemaOutput } from "./spec/types";
import { describeValue, validate, type FieldIssue } from "./schemas/validate";
import type { Dispatcher } from "undici";

// ---------------------------------------------------------------------------------------------------------------
// Types derived from the table

export type OperationTable = Readonly<Record<string, OperationSpec>>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** No parameters of this kind. */
type Empty = Record<never, never>;

/** `{a}` placeholders of a path template. */
export type PathParamNames<P extends string> = P extends `${string}{${infer N}}${infer Rest}`
  ? N | PathParamNames<Rest>
  : never;

type PathParamsOf<O> = O extends { readonly path: infer P extends string }
  ? { [K in Exclude<PathParamNames<P>, "project_id">]: string }
  : Empty;
type QueryOf<O> = O extends { readonly query: infer Q extends Schema } ? SchemaInput<Q> : Empty;
type BodyOf<O> = O extends { readonly body: infer B extends Schema } ? { body: SchemaInput<B> } : Empty;

/** The single argument of an operation method: path params, query params and `body`. */
export type OperationParams<O> = Simplify<PathParamsOf<O> & QueryOf<O> & BodyOf<O>>;
/** What an operation method resolves to: the response schema's output, `void` for 204 operations. */
export type OperationResult<O> = O extends { readonly response: infer R extends Schema } ? SchemaOutput<R> : void;

type ArgsOf<O> =
  Empty extends OperationParams<O>
    ? [params?: OperationParams<O>, options?: CallOptions]
    : [params: OperationParams<O>, options?: CallOptions];

export type OperationMethods<T extends OperationTable> = {
  -readonly [K in keyof T & string]: (...args: ArgsOf<T[K]>) => Promise<OperationResult<T[K]>>;
};

/** Operation names of the table that declare pagination. */
export type PaginatedOperationName<T extends OperationTable> = {
  [K in keyof T & string]: T[K] extends { readonly pagination: object } ? K : never;
}[keyof T & string];

type ListKeyOf<O> = O extends { readonly pagination: { readonly listKey: infer L extends string } } ? L : never;
/** The item type of a paginated operation's list. */
export type PageItem<O> =
  NonNullable<OperationResult<O>> extends infer R
    ? ListKeyOf<O> extends keyof R
      ? NonNullable<R[ListKeyOf<O>]> extends readonly (infer I)[]
        ? I
        : unknown
      : unknown
    : unknown;
/** Parameters of `paginate`: as the operation's, without `marker`/`offset`. */
export type PaginateParams<O> = Omit<OperationParams<O>, "marker" | "offset"> & { marker?: string; offset?: number };

// ---------------------------------------------------------------------------------------------------------------

export interface CallOptions {
  signal?: AbortSignal;
  /** Per-attempt timeout for this call. */
  timeoutMs?: number;
  /** Override retry settings for this call. */
  retry?: RetryOptions;
  /** `X-Client-Token` to send (operations with `clientToken`); default: a fresh UUID per call, reused on retries. */
  clientToken?: string;
}

export interface ResponseMetadata extends RetryMetadata {
  httpStatus: number;
  requestId: string | undefined;
  /** Schema issues of a response that did not match its schema (the raw JSON was returned). */
  responseIssues?: readonly FieldIssue[];
}

export interface VpnResponse<T> extends ResponseMetadata {
  data: T;
  headers: Record<string, string | string[] | undefined>;
}

export interface VpnClientOptions<T extends OperationTable = Operations> extends VpnConfigOptions {
  retry?: RetryOptions;
  /** Per-attempt timeout in ms (default 60 000; 0 disables). */
  timeoutMs?: number;
  /** An undici dispatcher to send through (default: a keep-alive `Agent` owned by the client). */
  dispatcher?: Dispatcher;
  /** Options of the owned keep-alive Agent. */
  transport?: Omit<TransportOptions, "dispatcher">;
  /** Replace the operation table (tests; a partial table). */
  operations?: T;
  /** Environment to read settings from (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Debug log sink; default: stderr when `HW_VPN_DEBUG=1`. */
  logger?: DebugLogger;
  /** Back-off sleep (tests inject a fake). */
  sleep?: Sleep;
  /** Local clock in ms (tests). */
  clock?: () => number;
  /** Throw a ValidationError when a response fails its schema instead of returning the raw JSON. */
  strictResponses?: boolean;
  /** Called when a response fails its schema (the raw JSON is returned). */
  onResponseMismatch?: (operation: string, issues: readonly FieldIssue[]) => void;
}

/** The unsigned request an operation call would send. */
export interface BuiltRequest {
  operation: string;
  method: string;
  /** Full URL including the query. */
  url: string;
  /** Path (with project id and encoded path params), without the query. */
  path: string;
  /** Query parameters as strings, arrays for repeated keys. */
  query: Record<string, string | string[]>;
  /** Unsigned headers, lower-case names. Signing adds host, x-sdk-date, authorization. */
  headers: Record<string, string>;
  /** The JSON text sent, exactly. */
  body?: string;
}

const METADATA = Symbol.for("huaweicloud-vpn.response-metadata");

/** Retry and status metadata of a value returned by an operation method (undefined for `void` results). */
export function responseMetadata(result: unknown): ResponseMetadata | undefined {
  if (result === null || typeof result !== "object") return undefined;
  return (result as Record<symbol, ResponseMetadata | undefined>)[METADATA];
}

const RESERVED = new Set([
  "call",
  "send",
  "paginate",
  "listAll",
  "buildRequest",
  "close",
  "config",
  "operations",
  "executor",
]);
const PATH_PARAM_RE = /\{([^}]+)\}/g;
const SAFE_PATH_VALUE = /^[^/?#\s]+$/;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Parsed output over raw JSON: keys the schema does not know (or strips) are kept. */
export function mergeKeepingUnknown(raw: unknown, parsed: unknown): unknown {
  if (isPlainObject(raw) && isPlainObject(parsed)) {
    const out: Record<string, unknown> = { ...raw };
    for (const [k, v] of Object.entries(parsed)) out[k] = mergeKeepingUnknown(raw[k], v);
    return out;
  }
  if (Array.isArray(raw) && Array.isArray(parsed) && raw.length === parsed.length) {
    return parsed.map((v, i) => mergeKeepingUnknown(raw[i], v));
  }
  return parsed;
}

function objectShapeKeys(schema: Schema | undefined): ReadonlySet<string> | undefined {
  if (schema instanceof z.ZodObject) return new Set(Object.keys(schema.shape));
  return undefined;
}

class VpnClientImpl<T extends OperationTable = Operations> {
  readonly config: ResolvedConfig;
  readonly operations: T;
  readonly executor: RequestExecutor;
  private readonly transport: Transport;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly strictResponses: boolean;
  private readonly onResponseMismatch: VpnClientOptions<T>["onResponseMismatch"];
  private readonly logger: DebugLogger | undefined;
  private readonly pathParamCache = new Map<string, string[]>();

  constructor(options: VpnClientOptions<T> = {} as VpnClientOptions<T>) {
    this.config = resolveConfig(options, options.env ?? process.env);
    this.operations = (options.operations ?? defaultOperations) as unknown as T;
    const u = new URL(this.config.endpoint);
    this.origin = u.origin;
    this.basePath = u.pathname.replace(/\/+$/, "");
    this.transport = new Transport({
      ...options.transport,
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    });
    this.logger = options.logger ?? (debugEnabled(options.env ?? process.env) ? stderrLogger : undefined);
    this.executor = new RequestExecutor({
      transport: this.transport,
      credentials: this.config.credentials,
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(this.logger ? { logger: this.logger } : {}),
      userAgent: "pulumi-huaweicloud-vpn-sdk/0.1",
    });
    this.strictResponses = options.strictResponses ?? false;
    this.onResponseMismatch = options.onResponseMismatch;

    for (const name of Object.keys(this.operations)) {
      if (RESERVED.has(name) || name in this)
        throw new Error(`operation name "${name}" collides with a VpnClient member`);
      Object.defineProperty(this, name, {
        value: (params?: Record<string, unknown>, callOptions?: CallOptions) =>
          this.call(name as keyof T & string, params as never, callOptions),
        enumerable: false,
      });
    }
  }

  private op(name: string): OperationSpec {
    const op = (this.operations as OperationTable)[name];
    if (!op) throw new TypeError(`unknown VPN operation "${name}"`);
    return op;
  }

  private pathParams(op: OperationSpec): string[] {
    let names = this.pathParamCache.get(op.path);
    if (!names) {
      names = [...op.path.matchAll(PATH_PARAM_RE)].map((m) => m[1]!);
      this.pathParamCache.set(op.path, names);
    }
    return names;
  }

  /** Validates and builds the unsigned request of `name` without any I/O. Throws `ValidationError`. */
  buildRequest<K extends keyof T & string>(
    name: K,
    params?: OperationParams<T[K]>,
    callOptions?: Pick<CallOptions, "clientToken">,
  ): BuiltRequest {
    return this.build(name, this.op(name), (params ?? {}) as Record<string, unknown>, callOptions?.clientToken).request;
  }

  private build(
    name: string,
    op: OperationSpec,
    params: Record<string, unknown>,
    clientToken: string | undefined,
  ): { request: BuiltRequest; bodyValue: unknown; secretValues: string[]; clientToken: string | undefined } {
    if (!isPlainObject(params)) {
      throw new ValidationError([{ field: "(params)", value: describeValue(params), rule: "must be an object" }], {
        operation: name,
      });
    }
    const secretFields = op.secretFields ?? [];
    const issues: FieldIssue[] = [];
    const pathNames = this.pathParams(op);

    let path = op.path;
    for (const p of pathNames) {
      const v = p === "project_id" ? (params[p] ?? this.config.projectId) : params[p];
      if (v === undefined || v === null || v === "") {
        issues.push({ field: p, value: "<missing>", rule: "path parameter is required" });
        continue;
      }
      if ((typeof v !== "string" && typeof v !== "number") || !SAFE_PATH_VALUE.test(String(v))) {
        issues.push({
          field: p,
          value: describeValue(v),
          rule: "path parameter must be a non-empty string without / ? # or spaces",
        });
        continue;
      }
      path = path.replace(`{${p}}`, urlEncode(String(v)));
    }

    const query: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(params)) {
      if (k === "body" || pathNames.includes(k) || v === undefined) continue;
      query[k] = v;
    }
    if (op.query) {
      const known = objectShapeKeys(op.query);
      if (known) {
        for (const k of Object.keys(query)) {
          if (!known.has(k))
            issues.push({ field: k, value: describeValue(query[k]), rule: "is not a parameter of this operation" });
        }
      }
      const r = validate(op.query, query, secretFields);
      if (!r.success) issues.push(...r.issues);
    } else {
      for (const k of Object.keys(query)) {
        issues.push({ field: k, value: describeValue(query[k]), rule: "is not a parameter of this operation" });
      }
    }
    for (const [k, v] of Object.entries(query)) {
      const ok = (x: unknown) => typeof x === "string" || typeof x === "number" || typeof x === "boolean";
      if (!(ok(v) || (Array.isArray(v) && v.every(ok)))) {
        if (!issues.some((i) => i.field === k))
          issues.push({
            field: k,
            value: describeValue(v),
            rule: "query values must be strings, numbers, booleans or arrays of them",
          });
      }
    }

    const bodyValue = params["body"];
    let body: string | undefined;
    if (op.body) {
      const r = validate(op.body, bodyValue, secretFields);
      if (!r.success)
        issues.push(...r.issues.map((i) => ({ ...i, field: i.field === "(body)" ? "body" : `body.${i.field}` })));
      else body = JSON.stringify(bodyValue);
    } else if (bodyValue !== undefined) {
      issues.push({ field: "body", value: "<given>", rule: "this operation takes no request body" });
    }

    if (issues.length > 0) throw new ValidationError(issues, { operation: name });

    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-project-id": this.config.projectId,
    };
    let token: string | undefined;
    if (op.clientToken) {
      token = clientToken ?? randomUUID();
      headers["x-client-token"] = token;
    }
    const q = serializeQuery(query as Record<string, QueryValue | QueryValue[]>);
    const fullPath = this.basePath + path;
    const queryOut: Record<string, string | string[]> = {};
    for (const { key, value } of queryParamsToPairs(query as Record<string, QueryValue | QueryValue[]>)) {
      const prev = queryOut[key];
      queryOut[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    }
    const request: BuiltRequest = {
      operation: name,
      method: op.method,
      url: this.origin + fullPath + (q ? `?${q}` : ""),
      path: fullPath,
      query: queryOut,
      headers,
      ...(body !== undefined ? { body } : {}),
    };
    return { request, bodyValue, secretValues: collectSecretValues(bodyValue, secretFields), clientToken: token };
  }

  /** Calls `name` and returns the body with status and retry metadata. */
  async send<K extends keyof T & string>(
    name: K,
    params?: OperationParams<T[K]>,
    callOptions: CallOptions = {},
  ): Promise<VpnResponse<OperationResult<T[K]>>> {
    const op = this.op(name);
    const built = this.build(name, op, (params ?? {}) as Record<string, unknown>, callOptions.clientToken);
    const req = built.request;
    const res = await this.executor.execute(
      {
        operation: name,
        method: req.method,
        origin: this.origin,
        path: req.url.slice(this.origin.length),
        headers: req.headers,
        ...(req.body !== undefined ? { body: req.body } : {}),
        bodyForLog: built.bodyValue,
        target: {
          method: op.method,
          clientToken: op.clientToken === true,
          idempotent: isIdempotentOperation(name, op.method),
        },
        ...(built.clientToken !== undefined ? { clientToken: built.clientToken } : {}),
        secretFields: op.secretFields ?? [],
        secretValues: built.secretValues,
      },
      callOptions,
    );

    let data: unknown = undefined;
    let responseIssues: FieldIssue[] | undefined;
    if (res.status !== 204 && res.text.trim() !== "") {
      let raw: unknown;
      try {
        raw = JSON.parse(res.text);
      } catch {
        raw = res.text; // not JSON: hand back the text rather than lose it
        responseIssues = [{ field: "(body)", value: describeValue(res.text), rule: "response is not JSON" }];
      }
      data = raw;
      if (!responseIssues && op.response) {
        const r = validate(op.response, raw, op.secretFields ?? []);
        if (r.success) data = mergeKeepingUnknown(raw, r.data);
        else responseIssues = r.issues;
      }
      if (responseIssues) {
        if (this.strictResponses) {
          const e = new ValidationError(responseIssues, { operation: name, what: "response" });
          e.attempts = res.attempts;
          e.totalRetryDelayMs = res.totalRetryDelayMs;
          throw e;
        }
        this.onResponseMismatch?.(name, responseIssues);
        this.logger?.(
          `${name}: response does not match its schema (returned as received): ${responseIssues.map((i) => `${i.field}: ${i.rule}`).join("; ")}`,
        );
      }
    }
    const requestId =
      res.requestId ?? (isPlainObject(data) && typeof data["request_id"] === "string" ? data["request_id"] : undefined);
    return {
      data: data as OperationResult<T[K]>,
      headers: res.headers,
      httpStatus: res.status,
      requestId,
      attempts: res.attempts,
      totalRetryDelayMs: res.totalRetryDelayMs,
      ...(responseIssues ? { responseIssues } : {}),
    };
  }

  /** Calls `name` and returns the parsed body (what the generated methods do). */
  async call<K extends keyof T & string>(
    name: K,
    params?: OperationParams<T[K]>,
    callOptions?: CallOptions,
  ): Promise<OperationResult<T[K]>> {
    const res = await this.send(name, params, callOptions);
    if (res.data !== null && typeof res.data === "object") {
      const { data: _d, headers: _h, ...meta } = res;
      Object.defineProperty(res.data, METADATA, { value: meta, enumerable: false });
    }
    return res.data;
  }

  /** Iterates every item of a paginated operation, fetching pages as needed. */
  paginate<K extends PaginatedOperationName<T>>(
    name: K,
    params?: PaginateParams<T[K]>,
    callOptions?: CallOptions,
  ): AsyncGenerator<PageItem<T[K]>, void, undefined> {
    const op = this.op(name);
    if (!op.pagination) throw new TypeError(`operation "${name}" is not paginated`);
    return paginateItems(op.pagination, (params ?? {}) as Record<string, unknown>, (p) =>
      this.send(name, p as OperationParams<T[K]>, callOptions).then((r) => r.data),
    ) as AsyncGenerator<PageItem<T[K]>, void, undefined>;
  }

  /** Every item of a paginated operation, as an array. */
  async listAll<K extends PaginatedOperationName<T>>(
    name: K,
    params?: PaginateParams<T[K]>,
    callOptions?: CallOptions,
  ): Promise<PageItem<T[K]>[]> {
    const out: PageItem<T[K]>[] = [];
    for await (const item of this.paginate(name, params, callOptions)) out.push(item);
    return out;
  }

  /** Closes the keep-alive connections (when the client created its own dispatcher). */
  close(): Promise<void> {
    return this.transport.close();
  }
}

export type VpnClient<T extends OperationTable = Operations> = VpnClientImpl<T> & OperationMethods<T>;

export const VpnClient = VpnClientImpl as unknown as {
  new <T extends OperationTable = Operations>(options?: VpnClientOptions<T>): VpnClient<T>;
  prototype: VpnClientImpl<OperationTable>;
};
