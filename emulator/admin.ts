/**
 * The control plane, under `/__emulator/` (unsigned, loopback clients only), after moto's `/moto-api/` and
 * undici's MockAgent (STYLE.md moto 7, undici 8, item 10).
 *
 * Loopback is not enough against a web page the developer opens (a page can POST to 127.0.0.1, or rebind its
 * own name to it), so every route but `GET /health` also needs the per-start admin token in
 * `X-Emulator-Admin-Token` (printed by the CLI with the credentials, held by `startEmulator(...).admin`); a
 * request must name a loopback host in `Host`, carry no foreign `Origin`, and send its body as
 * `application/json` (a page cannot send that without a CORS preflight, which is refused). Bodies are limited
 * in size and depth (`body.ts`).
 *
 *
 *   GET    /health                              liveness, URL-independent facts
 *   POST   /reset            {projectId?}       forget resources (of one project, or all), faults, history,
 *                                               transition overrides and the clock offset
 *   GET    /state?projectId=                    dump of the state (records keep no secret, only digests, and
 *                                               those are left out of the dump)
 *   POST   /seed             {projectId?, inventory?, quotas?}
 *                                               external resources (VPCs, subnets, EIPs, ERs, enterprise
 *                                               projects, CCM certificates); once a list is seeded, unknown ids
 *                                               in it are refused with the documented errors
 *   POST   /resources/{kind} {projectId?, parents?, body, id?, ready?}
 *                                               create a resource directly (e.g. a P2C gateway, which the
 *                                               documented API cannot create), optionally with a chosen id and
 *                                               already at the end of its create phase
 *   POST   /resources/{kind}/{id}/status {status, projectId?}
 *                                               force a status (FREEZED, FAULT, ERROR…)
 *   POST   /connections/{id}/peer {up, projectId?}
 *                                               the customer side of a VPN connection comes up / goes down
 *   POST   /eips/{id}/unbind {projectId?}      unbind an EIP from its gateway (the EIP service's job)
 *   POST   /p2c-vpn-gateways/{id}/connections {userName?, projectId?}
 *                                               a client connects to a P2C gateway (G5/G6 list and tear down)
 *   GET    /transitions                         defaults and overrides
 *   PUT    /transitions      {kind, phase?, progression, failWith?}
 *   DELETE /transitions?kind=&phase=
 *   PUT    /delay-scale      {delayScale}
 *   POST   /clock            {advanceMs}        move the emulator clock forward
 *   GET    /faults   POST /faults {…rule}   DELETE /faults   DELETE /faults/{id}
 *   GET    /requests?operation=&projectId=&since=&limit=   DELETE /requests
 *   PUT    /quotas           {projectId?, type, quota}
 */
import { isLoopbackHostname } from "../sdk/util/loopback";
import type { IncomingMessage, ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { MAX_ADMIN_BODY_BYTES, parseJsonBody } from "./body";
import type { EmulatorServer } from "./server";
import { FaultError, type FaultRuleInput } from "./faults";
import { parseTransitionConfig, type Phase } from "./lifecycle";
import { isEmulatorError } from "./errors";
import { isPlainObject } from "./util";
import type { Inventory, ProjectState } from "./models/state";
import { parseRawQuery } from "../sdk/signing/canonical-query";
import { operations } from "../sdk/spec/operations";
import type { OperationSpec } from "../sdk/spec/types";
import { setPeer } from "./models/vpnConnection";
import { unbindEip } from "./models/vpnGateway";
import { addClientConnection } from "./models/p2cVpnGateway";

export function isLoopback(addr: string | undefined): boolean {
  if (!addr) return false;
  return addr === "::1" || addr.startsWith("127.") || addr.startsWith("::ffff:127.");
}

class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The header that carries the per-start admin token. */
export const ADMIN_TOKEN_HEADER = "x-emulator-admin-token";

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** `localhost`, `127.x.y.z` or `[::1]`, with or without a port. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.replace(/:\d*$/, "");
  return isLoopbackHostname(name);
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Refuses what a web page could send: a foreign Host or Origin, a body that is not JSON, a missing token. */
function guard(req: IncomingMessage, method: string, path: string, hasBody: boolean, adminToken: string): void {
  const host = headerOf(req, "host");
  if (!isLoopbackHost(host)) throw new AdminError(403, `the admin API answers requests to a loopback host only (Host: ${host ?? "missing"})`);
  const origin = headerOf(req, "origin");
  if (origin !== undefined && origin !== `http://${host}`)
    throw new AdminError(403, `the admin API does not answer web pages (Origin: ${origin})`);
  if (hasBody) {
    const type = (headerOf(req, "content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "application/json") throw new AdminError(415, "an admin request body must be sent as application/json");
  }
  if (method === "GET" && path === "/health") return;
  if (!sameSecret(headerOf(req, ADMIN_TOKEN_HEADER), adminToken))
    throw new AdminError(401, `the admin API needs the emulator's admin token in ${ADMIN_TOKEN_HEADER} (printed at start as HW_EMULATOR_ADMIN_TOKEN)`);
}

const PHASES: readonly Phase[] = ["create", "update", "delete"];

/** `POST /resources/vpnGateway/abc/status` → `POST /resources/:kind/:id/status`. */
function routeKey(method: string, segs: readonly string[]): string {
  const s = [...segs];
  if (s[0] === "resources") {
    if (s[1] !== undefined) s[1] = ":kind";
    if (s[2] !== undefined) s[2] = ":id";
  } else if (["connections", "eips", "faults", "p2c-vpn-gateways"].includes(s[0] ?? "") && s[1] !== undefined) s[1] = ":id";
  return `${method} /${s.join("/")}`;
}

function stripSecrets(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripSecrets);
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== "secrets") out[k] = stripSecrets(x);
    return out;
  }
  return v;
}

function mergeInventory(into: Inventory, add: Inventory): void {
  for (const key of ["vpcs", "eips", "enterpriseRouters", "enterpriseProjects", "serverCertificates"] as const) {
    const list = add[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new AdminError(400, `inventory.${key} must be an array`);
    const cur = (into[key] ?? []) as unknown[];
    (into as Record<string, unknown>)[key] = [...cur, ...list];
  }
}

/** `rawBody` is null when the body was larger than the admin limit. */
export function handleAdmin(
  server: EmulatorServer,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  path: string,
  rawQuery: string,
  rawBody: Buffer | null,
  size: number,
): void {
  const emu = server.emu;
  const query: Record<string, string> = {};
  for (const p of parseRawQuery(rawQuery) ?? []) query[p.key] = p.value;
  const send = (status: number, body?: unknown) => {
    if (body === undefined) {
      res.writeHead(status);
      res.end();
    } else server.writeJson(res, status, body);
  };
  try {
    guard(req, method, path, size > 0, emu.config.adminToken);
    if (rawBody === null) throw new AdminError(413, `an admin request body must be at most ${MAX_ADMIN_BODY_BYTES / (1024 * 1024)} MB`);
    const parsed = parseJsonBody(rawBody, MAX_ADMIN_BODY_BYTES);
    if (!parsed.ok) throw new AdminError(400, parsed.reason);
    const value = parsed.value ?? {};
    if (!isPlainObject(value)) throw new AdminError(400, "an admin request body must be a JSON object");
    const body: any = value;
    const projectOf = (id: unknown): ProjectState =>
      emu.state.project(typeof id === "string" && id ? id : (query.projectId ?? emu.config.projectId));
    const segs = path.split("/").filter(Boolean).map(decodeURIComponent);
    const route = routeKey(method, segs);

    switch (route) {
      case "GET /health":
        return send(200, {
          ok: true,
          region: emu.config.region,
          projectId: emu.config.projectId,
          delayScale: emu.transitions.scale,
          clockOffsetMs: emu.clock.offset,
          projects: [...emu.state.projects.keys()],
        });
      case "POST /reset": {
        const pid = typeof body.projectId === "string" ? body.projectId : query.projectId;
        emu.state.reset(pid);
        server.forgetReplays();
        if (!pid) {
          emu.faults.clear();
          emu.history.clear();
          emu.transitions.unset();
          emu.clock.advance(-emu.clock.offset);
        }
        emu.changed();
        return send(200, { ok: true });
      }
      case "GET /state": {
        const all = emu.state.toJSON() as { projects: Array<{ id: string }> };
        const projects = query.projectId ? all.projects.filter((p) => p.id === query.projectId) : all.projects;
        return send(200, stripSecrets({ projects, transitions: emu.transitions.toJSON(), clockOffsetMs: emu.clock.offset }));
      }
      case "POST /seed": {
        const p = projectOf(body.projectId);
        if (body.inventory !== undefined) {
          if (!isPlainObject(body.inventory)) throw new AdminError(400, "inventory must be an object");
          mergeInventory(p.inventory, body.inventory as Inventory);
        }
        if (body.quotas !== undefined) {
          if (!isPlainObject(body.quotas)) throw new AdminError(400, "quotas must be an object of type → number");
          for (const [t, q] of Object.entries(body.quotas)) {
            if (!Number.isInteger(q) || (q as number) < 0) throw new AdminError(400, `quota ${t} must be a non-negative integer`);
            p.quotas[t] = q as number;
          }
        }
        emu.changed();
        return send(200, { ok: true, inventory: p.inventory, quotas: p.quotas });
      }
      case "PUT /quotas": {
        const p = projectOf(body.projectId);
        if (typeof body.type !== "string" || !Number.isInteger(body.quota) || body.quota < 0)
          throw new AdminError(400, "expected {type, quota}");
        p.quotas[body.type] = body.quota;
        emu.changed();
        return send(200, { ok: true, quotas: emu.models.quotaUsage(p) });
      }
      case "POST /resources/:kind": {
        const kind = segs[1]!;
        if (!emu.models.has(kind)) throw new AdminError(404, `unknown kind ${kind}`);
        const model = emu.models.get(kind);
        const p = projectOf(body.projectId);
        const given = isPlainObject(body.body) ? body.body : {};
        // The kind's create schema fills the documented defaults when it accepts the body; a body it refuses
        // (a state the API cannot create, e.g. a P2C gateway without an EIP) is stored as given.
        const createOp = (operations as Record<string, OperationSpec>)[model.spec.ops.create];
        const parsed = createOp?.body?.safeParse({ [model.spec.wrapper]: given });
        const input = parsed?.success ? ((parsed.data as Record<string, Record<string, unknown>>)[model.spec.wrapper] ?? given) : given;
        const parents = isPlainObject(body.parents) ? (body.parents as Record<string, string>) : {};
        if (body.id !== undefined && (typeof body.id !== "string" || !/^[0-9A-Za-z-]{36}$/.test(body.id)))
          throw new AdminError(400, "id must be 36 letters, digits or dashes");
        const rec = model.create(p, input, given, parents, {
          ...(typeof body.id === "string" ? { id: body.id } : {}),
          ...(body.ready === true ? { ready: true } : {}),
        });
        return send(201, { [model.spec.wrapper]: model.view(p, rec, "show") });
      }
      case "POST /resources/:kind/:id/status": {
        const kind = segs[1]!;
        if (!emu.models.has(kind)) throw new AdminError(404, `unknown kind ${kind}`);
        if (typeof body.status !== "string" || !body.status) throw new AdminError(400, "expected {status}");
        const model = emu.models.get(kind);
        const p = projectOf(body.projectId);
        const rec = model.find(p, segs[2]!);
        if (!rec) throw new AdminError(404, `no ${kind} ${segs[2]} in project ${p.id}`);
        model.forceStatus(rec, body.status, p);
        return send(200, { [model.spec.wrapper]: model.view(p, rec, "show") });
      }
      case "POST /connections/:id/peer": {
        if (typeof body.up !== "boolean") throw new AdminError(400, "expected {up: boolean}");
        const p = projectOf(body.projectId);
        const model = emu.models.get("vpnConnection");
        const rec = model.find(p, segs[1]!);
        if (!rec) throw new AdminError(404, `no VPN connection ${segs[1]} in project ${p.id}`);
        setPeer(model.hookContext(p), rec, body.up);
        return send(200, { vpn_connection: model.view(p, rec, "show") });
      }
      case "POST /eips/:id/unbind": {
        const p = projectOf(body.projectId);
        const eipId = segs[1]!;
        const gatewayId = unbindEip(emu.models.get("vpnGateway").hookContext(p), eipId);
        if (!gatewayId) throw new AdminError(404, `EIP ${eipId} is not bound to a gateway in project ${p.id}`);
        return send(200, { ok: true, gatewayId });
      }
      case "POST /p2c-vpn-gateways/:id/connections": {
        const p = projectOf(body.projectId);
        const model = emu.models.get("p2cVpnGateway");
        const rec = model.find(p, segs[1]!);
        if (!rec) throw new AdminError(404, `no P2C gateway ${segs[1]} in project ${p.id}`);
        const c = addClientConnection(model.hookContext(p), rec, typeof body.userName === "string" ? body.userName : "user001");
        return send(201, { connection: c });
      }
      case "GET /transitions":
        return send(200, {
          delayScale: emu.transitions.scale,
          overrides: emu.transitions.list(),
          defaults: Object.fromEntries(
            emu.models.all().map((m) => [m.kind, Object.fromEntries(PHASES.map((ph) => [ph, emu.transitions.defaultFor(m.kind, ph)]))]),
          ),
        });
      case "PUT /transitions": {
        const kinds: string[] = body.kind === "*" ? emu.models.all().map((m) => m.kind) : [body.kind];
        for (const k of kinds) if (typeof k !== "string" || !emu.models.has(k)) throw new AdminError(400, `unknown kind ${String(k)}`);
        if (body.phase !== undefined && !PHASES.includes(body.phase)) throw new AdminError(400, "phase must be create, update or delete");
        const cfg = parseTransitionConfig(body);
        if (!cfg)
          throw new AdminError(
            400,
            'expected {kind, phase?, progression: {mode: "immediate"} | {mode: "reads", reads} | {mode: "time", ms}, failWith?}',
          );
        for (const k of kinds) emu.transitions.set(k, cfg, body.phase);
        emu.changed();
        return send(200, { ok: true, overrides: emu.transitions.list() });
      }
      case "DELETE /transitions":
        emu.transitions.unset(query.kind, query.phase as Phase | undefined);
        emu.changed();
        return send(200, { ok: true, overrides: emu.transitions.list() });
      case "PUT /delay-scale":
        if (typeof body.delayScale !== "number" || !(body.delayScale >= 0)) throw new AdminError(400, "expected {delayScale >= 0}");
        emu.transitions.setDelayScale(body.delayScale);
        return send(200, { ok: true, delayScale: body.delayScale });
      case "POST /clock":
        if (typeof body.advanceMs !== "number" || !(body.advanceMs >= 0)) throw new AdminError(400, "expected {advanceMs >= 0}");
        emu.clock.advance(body.advanceMs);
        emu.changed();
        return send(200, { ok: true, offsetMs: emu.clock.offset, now: new Date(emu.clock.now()).toISOString() });
      case "GET /faults":
        return send(200, { faults: emu.faults.list() });
      case "POST /faults": {
        if (!isPlainObject(body)) throw new AdminError(400, "expected a fault rule object");
        const rule = emu.faults.add(body as FaultRuleInput);
        return send(201, { fault: rule });
      }
      case "DELETE /faults":
        emu.faults.clear();
        return send(200, { ok: true });
      case "DELETE /faults/:id":
        if (!emu.faults.remove(segs[1]!)) throw new AdminError(404, `no fault ${segs[1]}`);
        return send(200, { ok: true });
      case "GET /requests": {
        const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
        return send(200, {
          requests: emu.history.list({
            ...(query.operation ? { operation: query.operation } : {}),
            ...(query.projectId ? { projectId: query.projectId } : {}),
            ...(query.since ? { since: num(query.since)! } : {}),
            ...(query.limit ? { limit: num(query.limit)! } : {}),
          }),
        });
      }
      case "DELETE /requests":
        emu.history.clear();
        return send(200, { ok: true });
      default:
        throw new AdminError(404, `no admin route ${method} ${path}`);
    }
  } catch (e) {
    if (e instanceof AdminError) return send(e.status, { error_code: "EMU.ADMIN", error_msg: e.message });
    if (e instanceof FaultError) return send(400, { error_code: "EMU.ADMIN", error_msg: e.message });
    if (isEmulatorError(e)) return send(e.status, { error_code: e.code, error_msg: e.message });
    return send(500, { error_code: "EMU.ADMIN", error_msg: (e as Error).message });
  }
}

