/**
 * P2C VPN gateway (api-p2c-common.md §4). The documented API cannot create or delete one (the official SDK's
 * create/delete are served as well); tests seed gateways through the admin API or `createP2cVgw`. Holds the
 * simulated client connections (G5/G6) and the connection-log configuration (L1–L3).
 */
import { apiError } from "../errors";
import { isoTime, shortSuffix, isPlainObject, newId, hashNumber } from "../util";
import type { HookContext, KindHooks, Wire } from "./base";
import type { ResourceRecord } from "./state";
import { checkExistingEip, eipObjectFor } from "./vpnGateway";

export const P2C_GATEWAY = "p2cVpnGateway";
export const DEFAULT_MAX_CONNECTIONS = 10;

export interface ClientConnection {
  connection_id: string;
  client_virtual_ip: string;
  client_ip: string;
  client_user_name: string;
  inbound_packets: number;
  outbound_packets: number;
  inbound_bytes: number;
  outbound_bytes: number;
  connection_established_time: string;
  timestamp: string;
}

export function clientConnections(rec: ResourceRecord): ClientConnection[] {
  return (rec.ext.clientConnections as ClientConnection[] | undefined) ?? [];
}

/** A simulated client connection (admin API), so G5/G6 have something to list and tear down. */
export function addClientConnection(h: HookContext, rec: ResourceRecord, userName: string): ClientConnection {
  const n = hashNumber(`${rec.id}/${h.now}/${userName}`);
  const c: ClientConnection = {
    connection_id: newId(),
    client_virtual_ip: `172.16.${(n >>> 8) & 0xff}.${(n & 0xfc) + 2}`,
    client_ip: `100.${(n >>> 16) & 0xff}.${(n >>> 8) & 0xff}.${(n & 0xfe) + 1}`,
    client_user_name: userName,
    inbound_packets: 0,
    outbound_packets: 0,
    inbound_bytes: 0,
    outbound_bytes: 0,
    connection_established_time: isoTime(h.now),
    timestamp: isoTime(h.now),
  };
  rec.ext.clientConnections = [...clientConnections(rec), c];
  h.emu.changed();
  return c;
}

export function requireP2cGateway(h: HookContext, id: string): ResourceRecord {
  const gw = h.emu.models.get(P2C_GATEWAY).find(h.project, id);
  if (!gw) throw apiError("VPN.0509");
  return gw;
}

/** The documented "gateway is being …" errors for changes under a P2C gateway. */
export function requireUsableP2cGateway(h: HookContext, id: string): ResourceRecord {
  const gw = requireP2cGateway(h, id);
  const s = h.emu.models.get(P2C_GATEWAY).status(h.project, gw);
  if (s === "PENDING_CREATE") throw apiError("VPN.0506");
  if (s === "PENDING_UPDATE") throw apiError("VPN.0507");
  if (s === "PENDING_DELETE") throw apiError("VPN.0508");
  if (s === "FAULT") throw apiError("VPN.0510");
  if (s !== "ACTIVE") throw apiError("VPN.0511");
  return gw;
}

export const p2cVpnGatewayHooks: KindHooks = {
  resourceType: "P2C_GATEWAY",
  notFound: () => apiError("VPN.0509"),
  notReady: (_rec, phase) => apiError(phase === "create" ? "VPN.0506" : phase === "update" ? "VPN.0507" : "VPN.0508"),

  prepareCreate(h, input) {
    const g: Wire = { ...input };
    if (!g.name) g.name = `p2c-vpngw-${shortSuffix()}`;
    g.flavor ??= "Professional1";
    if (!Array.isArray(g.availability_zone_ids) || g.availability_zone_ids.length === 0)
      g.availability_zone_ids = h.emu.config.availabilityZones.slice(0, 2);
    const eip = g.eip;
    if (isPlainObject(eip)) {
      if (typeof eip.id === "string") {
        checkExistingEip(h.project, eip.id);
        g.eip = eipObjectFor(h.project, eip.id);
      } else {
        const id = newId();
        g.eip = { ...eipObjectFor(h.project, id), type: eip.type ?? "5_bgp", charge_mode: eip.charge_mode ?? "bandwidth", bandwidth_size: eip.bandwidth_size ?? 20, bandwidth_name: eip.bandwidth_name ?? `p2c-vpngw-bandwidth-${shortSuffix()}` };
      }
      (g.eip as Wire).ip_billing_info = null;
      (g.eip as Wire).bandwidth_billing_info = null;
    }
    g.max_connection_number ??= DEFAULT_MAX_CONNECTIONS;
    g.enterprise_project_id ??= "0";
    g.tags = Array.isArray(g.tags) ? g.tags : [];
    g.order_id = null;
    g.admin_state_up = true;
    g.frozen_effect = 0;
    g.version = "v1";
    return { data: g, ext: { clientConnections: [] } };
  },

  afterCreate(h, rec) {
    const e = rec.data.eip as { id?: string } | undefined;
    if (e?.id) h.project.boundEips.set(e.id, rec.id);
  },

  applyUpdate(h, rec, input) {
    if (input.name !== undefined) rec.data.name = input.name;
    if (typeof input.eip_id === "string") {
      const cur = rec.data.eip as { id?: string } | undefined;
      if (cur?.id && cur.id !== input.eip_id) throw apiError("VPN.0512");
      if (cur?.id !== input.eip_id) {
        checkExistingEip(h.project, input.eip_id, rec.id);
        rec.data.eip = { ...eipObjectFor(h.project, input.eip_id), ip_billing_info: null, bandwidth_billing_info: null };
        h.project.boundEips.set(input.eip_id, rec.id);
      }
    }
  },

  /**
   * The gateway's VPN server goes with it: the API has no operation that deletes a server (api-p2c-common.md
   * §5, "There is no delete-server API"; neither has the official SDK), so refusing to delete a gateway that has
   * one would make the gateway undeletable. Its users, groups, policies and client CAs go with the server, and
   * the gateway's connection log configuration with the gateway.
   */
  afterRemove(h, rec) {
    const e = rec.data.eip as { id?: string } | undefined;
    if (e?.id && h.project.boundEips.get(e.id) === rec.id) h.project.boundEips.delete(e.id);
    for (const model of h.emu.models.all())
      for (const child of model.coll(h.project).all())
        if (child.parents.p2c_vgw_id === rec.id || (model.kind === "vpnServer" && child.data.p2c_vgw_id === rec.id))
          model.removeWithParent(h.project, child);
  },

  view(_h, rec, wire) {
    wire.current_connection_number = clientConnections(rec).length;
    wire.created_at = isoTime(rec.createdAt);
    wire.updated_at = isoTime(rec.updatedAt);
    if (rec.ext.everReady) wire.applied_at = isoTime(typeof rec.ext.readyAt === "number" ? (rec.ext.readyAt as number) : rec.createdAt);
    return wire;
  },
};
