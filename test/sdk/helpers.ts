/**
 * Test helpers: a real node:http server on 127.0.0.1 (port 0) whose behaviour is chosen per request by a handler
 * (typically switching on a call counter), which records every request and checks every signature with
 * `verifyRequest`; and a small local operation table used when the shared table is still being written.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { z } from "zod";
import { verifyRequest, type VerifyResult } from "../../sdk/signing";
import { defineOperations } from "../../sdk/spec/types";

export const AK = "HWTESTAKCLIENT000001";
export const SK = "TestClientSecretKey000000000000000000001";
export const PROJECT = "0123456789abcdef0123456789abcdef";

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  verify: VerifyResult;
}

export type Handler = (req: Recorded, res: ServerResponse, n: number) => unknown;

export interface TestServer {
  url: string;
  requests: Recorded[];
  handler: Handler;
  /** Server clock used for signature verification (default: the real clock). */
  now?: () => Date;
  close(): Promise<void>;
}

export async function startServer(handler: Handler = (_r, res) => json(res, 200, {})): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const state: TestServer = {
    url: "",
    requests: [],
    handler,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const rec: Recorded = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: body.toString("utf8"),
        verify: verifyRequest(
          { method: req.method ?? "", rawTarget: req.url ?? "/", headers: req.headers, body },
          (ak) => (ak === AK ? SK : undefined),
          state.now ? { now: state.now() } : {},
        ),
      };
      state.requests.push(rec);
      void Promise.resolve(state.handler(rec, res, state.requests.length)).catch((e: unknown) => {
        res.destroy(e instanceof Error ? e : new Error(String(e)));
      });
    });
  });
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(text);
}

/**
 * The page a marker-paged list request asks for: `limit` items after the one whose `created_at` is `marker`
 * (from the start without a marker), as the service pages its newest-first lists.
 */
export function markerPageOf<T extends { created_at: string }>(items: readonly T[], url: string): T[] {
  const u = new URL(url, "http://x");
  const limit = Number(u.searchParams.get("limit"));
  const marker = u.searchParams.get("marker");
  const start = marker ? items.findIndex((t) => t.created_at === marker) + 1 : 0;
  return items.slice(start, start + limit);
}

/** Kills the connection without a response (after the request was received). */
export function dropConnection(res: ServerResponse): void {
  res.socket?.destroy();
}

export function apiError(
  res: ServerResponse,
  status: number,
  code: string,
  msg: string,
  headers: Record<string, string> = {},
): void {
  json(res, status, { error_code: code, error_msg: msg, request_id: "rid-" + code }, headers);
}

const thingOut = z.looseObject({ id: z.string(), name: z.string(), size: z.number().optional() });

/** A small table exercising every feature the client must handle generically. */
export const testOperations = defineOperations({
  createThing: {
    name: "CreateThing",
    method: "POST",
    path: "/v5/{project_id}/things",
    successStatus: 201,
    body: z.strictObject({
      thing: z.strictObject({
        name: z.string().min(1, { message: "must be 1-64 characters" }).max(64),
        psk: z.string().min(8, { message: "must be 8-128 characters" }),
        size: z.number().int().min(1).max(10).default(1),
        tags: z.array(z.strictObject({ key: z.string(), value: z.string() })).optional(),
      }),
    }),
    response: z.looseObject({ thing: thingOut, request_id: z.string().optional() }),
    secretFields: ["thing.psk"],
    documented: "both",
    doc: "test",
  },
  createTokenedThing: {
    name: "CreateTokenedThing",
    method: "POST",
    path: "/v5/{project_id}/tokened-things",
    successStatus: 201,
    body: z.looseObject({ thing: z.looseObject({ name: z.string() }) }),
    response: z.looseObject({ thing: thingOut }),
    clientToken: true,
    documented: "both",
    doc: "test",
  },
  showThing: {
    name: "ShowThing",
    method: "GET",
    path: "/v5/{project_id}/things/{thing_id}",
    successStatus: 200,
    response: z.looseObject({ thing: thingOut }),
    documented: "both",
    doc: "test",
  },
  updateThing: {
    name: "UpdateThing",
    method: "PUT",
    path: "/v5/{project_id}/things/{thing_id}",
    successStatus: 200,
    body: z.strictObject({ thing: z.strictObject({ name: z.string().min(1) }) }),
    response: z.looseObject({ thing: thingOut }),
    documented: "both",
    doc: "test",
  },
  deleteThing: {
    name: "DeleteThing",
    method: "DELETE",
    path: "/v5/{project_id}/things/{thing_id}",
    successStatus: 204,
    documented: "both",
    doc: "test",
  },
  listThings: {
    name: "ListThings",
    method: "GET",
    path: "/v5/{project_id}/things",
    successStatus: 200,
    query: z.object({
      limit: z.number().int().min(0).max(3).optional(),
      marker: z.string().optional(),
      name: z.union([z.string(), z.array(z.string())]).optional(),
    }),
    response: z.looseObject({
      things: z.array(thingOut),
      page_info: z.looseObject({ next_marker: z.string().nullish(), current_count: z.number() }).optional(),
      total_count: z.number().optional(),
    }),
    pagination: { style: "marker", listKey: "things", maxLimit: 3 },
    documented: "both",
    doc: "test",
  },
  listThingConnections: {
    name: "ListThingConnections",
    method: "GET",
    path: "/v5/{project_id}/things/{thing_id}/connections",
    successStatus: 200,
    query: z.object({ limit: z.number().int().min(1).max(3).optional(), offset: z.number().int().min(0).optional() }),
    response: z.looseObject({ connections: z.array(z.looseObject({ id: z.string() })), total_count: z.number() }),
    pagination: { style: "offset", listKey: "connections", maxLimit: 3, totalKey: "total_count" },
    documented: "both",
    doc: "test",
  },
  listThingsByTags: {
    name: "ListThingsByTags",
    method: "POST",
    path: "/v5/{project_id}/things/resource-instances/filter",
    successStatus: 200,
    body: z.looseObject({ tags: z.array(z.looseObject({ key: z.string() })).optional() }),
    response: z.looseObject({ resources: z.array(z.unknown()) }),
    documented: "both",
    doc: "test",
  },
});

export const baseOptions = (url: string) => ({
  region: "cn-north-4",
  projectId: PROJECT,
  accessKey: AK,
  secretKey: SK,
  endpoint: url,
  env: {},
  operations: testOperations,
});

/** A sleep that records the requested delays and returns at once (honouring an already-aborted signal). */
export function recordingSleep(): { delays: number[]; sleep: (ms: number, signal?: AbortSignal) => Promise<void> } {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      delays.push(ms);
    },
  };
}
