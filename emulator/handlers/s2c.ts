/**
 * S2C operations beyond plain CRUD: flavor change, AZ queries, route table, batch create, connection logs,
 * connection reset, gateway upgrade jobs, and the Node SDK 3.1.202 additions (IPsec SAs, peer configuration
 * export, supported devices, the certificate list). Thin: validated input in, model call, body out.
 */
import { enforceS2cRules } from "../models/rules";
import { GATEWAY, availabilityZonesFor, connectionNumberOf, gatewayFacts } from "../models/vpnGateway";
import { CONNECTION, gatewayAddress, prepareConnection, setPeer } from "../models/vpnConnection";
import { CUSTOMER_GATEWAY } from "../models/customerGateway";
import { GATEWAY_CERTIFICATE } from "../models/gatewayCertificate";
import { deleteJob, JOB_LISTS, listJobs, runUpgrade, type JobList } from "../models/jobs";
import { connectionFacts, ipsecSas, peerConfiguration, supportedDevices } from "../models/peerConfig";
import type { Wire } from "../models/base";
import type { ResourceRecord } from "../models/state";
import type { UpgradeAction } from "../../sdk/schemas/common/jobs";
import { MAX_PAGE_LIMIT } from "../../sdk/schemas/shared";
import { findTarget, viewBody } from "./crud";
import type { Handler, RequestContext } from "./types";
import { isPlainObject } from "../util";

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

/** Undocumented upgrade jobs (gateway and P2C gateway): start/finish/rollback move a job (models/jobs.ts). */
export function upgradeHandler(kind: string, list: JobList): Handler {
  return (ctx) => {
    const model = ctx.emu.models.get(kind);
    const rec = findTarget(model, ctx);
    const action = (ctx.body as { action: UpgradeAction }).action;
    return { body: { job_id: runUpgrade(model.hookContext(ctx.project), list, rec.id, action) } };
  };
}

export function listJobsHandler(list: JobList): Handler {
  return (ctx) => ({ body: listJobs(ctx.emu.models.get(GATEWAY).hookContext(ctx.project), list, ctx.query) });
}

export function deleteJobHandler(list: JobList): Handler {
  return (ctx) => {
    deleteJob(ctx.emu.models.get(GATEWAY).hookContext(ctx.project), list, ctx.params.job_id ?? "");
    return {};
  };
}

/** The connection of the path with its gateway and customer gateway, as its peer device sees them. */
function connectionOf(ctx: RequestContext) {
  const model = ctx.emu.models.get(CONNECTION);
  const rec = findTarget(model, ctx, true);
  const gw = ctx.emu.models.get(GATEWAY).find(ctx.project, String(rec.data.vgw_id));
  const cgw = ctx.emu.models.get(CUSTOMER_GATEWAY).find(ctx.project, String(rec.data.cgw_id));
  const facts = connectionFacts(model.hookContext(ctx.project), rec, gw, gw ? gatewayAddress(gw, String(rec.data.vgw_ip)) : String(rec.data.vgw_ip ?? ""), cgw);
  return { model, rec, facts };
}

/** [Node SDK 3.1.202] The IPsec SAs: one per subnet pair while the tunnel is up. */
const listIpsecSas: Handler = (ctx) => {
  const { model, rec, facts } = connectionOf(ctx);
  const up = model.status(ctx.project, rec) === "ACTIVE";
  return { body: { sa_infos: ipsecSas(model.hookContext(ctx.project), rec, facts, up) } };
};

/** [Node SDK 3.1.202] The customer device's configuration, from the connection's parameters (PSK included). */
const exportPeerConfiguration: Handler = (ctx) => {
  const { facts } = connectionOf(ctx);
  return { body: { peer_config: peerConfiguration(facts, ctx.body as { vendor: string; type: string; model: string; version: string }) } };
};

const listSupportedDevices: Handler = () => ({ body: { supported_devices: supportedDevices() } });

/**
 * [Node SDK 3.1.202] The project's GM gateway certificates, newest first, marker-paged; `pre_expire_days` keeps
 * those that expire within that many days.
 */
const listGatewayCertificates: Handler = (ctx) => {
  const model = ctx.emu.models.get(GATEWAY_CERTIFICATE);
  const days = ctx.query.pre_expire_days as number | undefined;
  const horizon = days === undefined ? undefined : ctx.emu.clock.now() + days * 86_400_000;
  const filter = horizon === undefined ? undefined : (r: ResourceRecord) => Date.parse(String(r.data.certificate_expire_time ?? "")) <= horizon;
  const rawLimit = ctx.query.limit as number | undefined;
  const page = model.page(ctx.project, {
    ...(filter ? { filter } : {}),
    ...(typeof ctx.query.marker === "string" ? { marker: ctx.query.marker } : {}),
    limit: rawLimit || MAX_PAGE_LIMIT,
  });
  return {
    body: {
      vpn_gateway_certificates: page.items.map((r) => model.view(ctx.project, r, "list")),
      page_info: { next_marker: page.more ? (page.lastMarker ?? null) : null, current_count: page.items.length },
      total_count: model.count(ctx.project),
    },
  };
};

export const s2cHandlers: Record<string, Handler> = {
  updatePostpaidVgwSpecification: updateSpecification,
  listAvailabilityZones,
  listExtendedAvailabilityZones,
  showVpnGatewayRoutingTable: showRoutingTable,
  batchCreateVpnConnection: batchCreateConnections,
  showVpnConnectionLog: showConnectionLog,
  resetVpnConnection: resetConnection,
  upgradeVpnGateway: upgradeHandler(GATEWAY, JOB_LISTS.vpnGateway),
  listVpnGatewayJobs: listJobsHandler(JOB_LISTS.vpnGateway),
  deleteVpnGatewayJob: deleteJobHandler(JOB_LISTS.vpnGateway),
  listConnectionIpsecSa: listIpsecSas,
  exportVpnConnectionPeerConfiguration: exportPeerConfiguration,
  listPeerConfigurationSupportedDevices: listSupportedDevices,
  listVpnGatewayCertificates: listGatewayCertificates,
};
