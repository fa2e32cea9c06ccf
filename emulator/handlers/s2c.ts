/**
 * S2C operations beyond plain CRUD: flavor change, AZ queries, route table, batch create, connection logs,
 * connection reset, gateway upgrade jobs. Thin: validated input in, model call, body out.
 */
import { apiError } from "../errors";
import { enforceS2cRules } from "../models/rules";
import { GATEWAY, availabilityZonesFor, connectionNumberOf, gatewayFacts } from "../models/vpnGateway";
import { CONNECTION, prepareConnection, setPeer } from "../models/vpnConnection";
import type { Wire } from "../models/base";
import { findTarget, viewBody } from "./crud";
import type { Handler, RequestContext } from "./types";
import { isoTime, newId, isPlainObject } from "../util";

/** AZ keys as the ZH example spells them (lower case, except the two NonFixedIP keys). */
const AZ_KEYS: ReadonlyArray<[string, string]> = [
  ["basic", "Basic"],
  ["professional1", "Professional1"],
  ["Professional1-NonFixedIP", "Professional1-NonFixedIP"],
  ["professional2", "Professional2"],
  ["Professional2-NonFixedIP", "Professional2-NonFixedIP"],
  ["gm", "GM"],
];

function hookCtx(ctx: RequestContext) {
  return ctx.emu.models.get(GATEWAY).hookContext(ctx.project);
}

const updateSpecification: Handler = (ctx) => {
  const model = ctx.emu.models.get(GATEWAY);
  const rec = findTarget(model, ctx);
  const raw = ((ctx.rawBody as Wire)?.vpn_gateway ?? {}) as Wire;
  const flavor = String((ctx.body as Wire & { vpn_gateway: Wire }).vpn_gateway.flavor);
  model.mutate(ctx.project, rec, "update", (h) => {
    enforceS2cRules(GATEWAY, raw, { operation: "updatePostpaidVgwSpecification", gateway: gatewayFacts(h, rec) });
    rec.data.flavor = flavor;
    rec.data.connection_number = connectionNumberOf(flavor);
  });
  return viewBody(model, ctx, rec, "update");
};

const listAvailabilityZones: Handler = (ctx) => {
  const h = hookCtx(ctx);
  const out: Record<string, { vpc: string[]; er: string[] }> = {};
  for (const [key, flavor] of AZ_KEYS) out[key] = { vpc: availabilityZonesFor(h, flavor, "vpc"), er: availabilityZonesFor(h, flavor, "er") };
  return { body: { availability_zones: out } };
};

/** v5.1 (undocumented): the same answer per flavor, as a list. */
const listExtendedAvailabilityZones: Handler = (ctx) => {
  const h = hookCtx(ctx);
  return {
    body: {
      availability_zones: AZ_KEYS.map(([, flavor]) => ({
        flavor,
        vpc: availabilityZonesFor(h, flavor, "vpc"),
        er: availabilityZonesFor(h, flavor, "er"),
      })),
    },
  };
};

/** [EN 4.1.1.8] Routes learnt through the gateway's connections: each peer subnet via the tunnel peer. */
const showRoutingTable: Handler = (ctx) => {
  const gw = findTarget(ctx.emu.models.get(GATEWAY), ctx, true);
  const conns = ctx.emu.models.get(CONNECTION).records(ctx.project).filter((c) => c.data.vgw_id === gw.id);
  const routes: Wire[] = [];
  for (const c of conns) {
    const peer = String(c.data.tunnel_peer_address ?? "").split("/")[0] ?? "";
    const local = String(c.data.tunnel_local_address ?? "").split("/")[0] ?? "";
    const cgw = ctx.emu.models.get("customerGateway").find(ctx.project, String(c.data.cgw_id));
    for (const dest of (c.data.peer_subnets as string[] | undefined) ?? []) {
      routes.push({
        destination: dest,
        nexthop: peer,
        outbound_interface_ip: local,
        origin: "igp",
        as_path: cgw?.data.bgp_asn !== undefined ? String(cgw.data.bgp_asn) : "",
        med: 0,
        nexthop_resource: { id: c.id, type: "vpn_connection" },
      });
    }
  }
  return { body: { routing_table: routes, total_count: routes.length, page_info: { current_count: routes.length } } };
};

/** [EN 4.1.3.2] One or two connections of one gateway, all or nothing. */
const batchCreateConnections: Handler = (ctx) => {
  const model = ctx.emu.models.get(CONNECTION);
  const items = ((ctx.body as Wire).vpn_connections ?? []) as Wire[];
  const raws = (((ctx.rawBody as Wire)?.vpn_connections ?? []) as Wire[]).map((r) => (isPlainObject(r) ? r : {}));
  const h = model.hookContext(ctx.project);
  model.checkQuota(ctx.project, items.length);
  const prepared = items.map((item, i) => prepareConnection(h, item, raws[i] ?? {}, "createVpnConnection", i));
  const recs = prepared.map((p) => model.insert(ctx.project, p));
  return { body: { vpn_connections: recs.map((r) => model.view(ctx.project, r, "create")) } };
};

const showConnectionLog: Handler = (ctx) => {
  const rec = findTarget(ctx.emu.models.get(CONNECTION), ctx, true);
  return { body: { logs: (rec.ext.logs as unknown[] | undefined) ?? [] } };
};

/** Undocumented reset: renegotiates the tunnel (the peer has to come up again). */
const resetConnection: Handler = (ctx) => {
  const model = ctx.emu.models.get(CONNECTION);
  const rec = findTarget(model, ctx);
  model.guardNotPending(ctx.project, rec, "update");
  setPeer(model.hookContext(ctx.project), rec, false);
  return { body: {} };
};

interface Job {
  id: string;
  resource_id: string;
  job_type: string;
  status: string;
  created_at: string;
  finished_at: string;
  sub_jobs: unknown[];
}

function jobs(ctx: RequestContext, key: string): Job[] {
  const all = (ctx.project.extra[key] as Job[] | undefined) ?? [];
  ctx.project.extra[key] = all;
  return all;
}

/** Undocumented upgrade jobs (gateway and P2C gateway): start/finish/rollback, recorded as finished jobs. */
export function upgradeHandler(kind: string, jobKey: string): Handler {
  return (ctx) => {
    const rec = findTarget(ctx.emu.models.get(kind), ctx);
    const action = String((ctx.body as Wire | undefined)?.action ?? "start");
    const now = isoTime(ctx.emu.clock.now());
    const job: Job = {
      id: newId(),
      resource_id: rec.id,
      job_type: `upgrade_${action}`,
      status: action === "start" ? "pending_upgrade_confirm" : action === "rollback" ? "rollback_success" : "success",
      created_at: now,
      finished_at: now,
      sub_jobs: [],
    };
    jobs(ctx, jobKey).push(job);
    ctx.emu.changed();
    return { body: { job_id: job.id } };
  };
}

export function listJobsHandler(jobKey: string): Handler {
  return (ctx) => {
    const rid = ctx.query.resource_id;
    return { body: { jobs: jobs(ctx, jobKey).filter((j) => rid === undefined || j.resource_id === rid) } };
  };
}

export function deleteJobHandler(jobKey: string): Handler {
  return (ctx) => {
    const list = jobs(ctx, jobKey);
    const i = list.findIndex((j) => j.id === ctx.params.job_id);
    if (i < 0) throw apiError("VPN.0004");
    list.splice(i, 1);
    ctx.emu.changed();
    return {};
  };
}

export const s2cHandlers: Record<string, Handler> = {
  updatePostpaidVgwSpecification: updateSpecification,
  listAvailabilityZones,
  listExtendedAvailabilityZones,
  showVpnGatewayRoutingTable: showRoutingTable,
  batchCreateVpnConnection: batchCreateConnections,
  showVpnConnectionLog: showConnectionLog,
  resetVpnConnection: resetConnection,
  upgradeVpnGateway: upgradeHandler(GATEWAY, "vpnGatewayJobs"),
  listVpnGatewayJobs: listJobsHandler("vpnGatewayJobs"),
  deleteVpnGatewayJob: deleteJobHandler("vpnGatewayJobs"),
};
