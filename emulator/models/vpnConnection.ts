/**
 * VPN connection (api-s2c.md §4): PENDING_CREATE → DOWN, and ACTIVE while the customer side is up (admin
 * `/connections/{id}/peer`). Cross references (gateway usable, customer gateway exists, vgw_ip one of the
 * gateway's EIPs or access IPs, capacity ≤ connection_number, GM certificates…) come from the rule registry with
 * facts from the state; server-filled values are the tunnel /30, the IKE ids, rule indexes, the gateway's
 * enterprise project. The PSK is stored only as a digest and returned by no read (the peer configuration export
 * is the one operation that hands it back: models/peerConfig.ts).
 */
import { apiError, invalid } from "../errors";
import { DEFAULTS, GM_CONNECTION_DEFAULTS } from "../../sdk/schemas/s2c/enums";
import { formatIpv4, parseIpv4 } from "../../sdk/rules/net";
import type { RuleContext } from "../../sdk/rules/common";
import { hashNumber, isoTime, shortSuffix, isPlainObject, deepClone } from "../util";
import { keepPsk } from "./peerConfig";
import type { HookContext, KindHooks, Prepared, Wire } from "./base";
import type { ResourceRecord } from "./state";
import { enforceS2cRules } from "./rules";
import { GATEWAY, gatewayFacts, requireUsableGateway } from "./vpnGateway";
import { CUSTOMER_GATEWAY } from "./customerGateway";

export const CONNECTION = "vpnConnection";
export const MONITOR = "connectionMonitor";

function customerGateway(h: HookContext, id: string): ResourceRecord {
  const cgw = h.emu.models.get(CUSTOMER_GATEWAY).find(h.project, id);
  if (!cgw) throw apiError("VPN.0004");
  return cgw;
}

function cgwFacts(cgw: ResourceRecord) {
  return {
    id: cgw.id,
    id_type: cgw.data.id_type as string,
    ...(typeof cgw.data.bgp_asn === "number" ? { bgp_asn: cgw.data.bgp_asn } : {}),
    ca_certificate: (cgw.data.ca_certificate as object | undefined) ?? null,
  };
}

/** A /30 in 169.254.0.0/16 outside 169.254.195.0/24: [local, peer] host addresses. */
function allocateTunnel(seed: string): [string, string] {
  const base = parseIpv4("169.254.0.0")!;
  let block = hashNumber(seed) % 16384; // /30 blocks in a /16
  if (block >>> 6 === 195) block = (block + 64) % 16384;
  const net = (base + block * 4) >>> 0;
  return [`${formatIpv4(net + 1)}/30`, `${formatIpv4(net + 2)}/30`];
}

/** The gateway address a connection uses: the EIP address (public) or the access private IP (private). */
export function gatewayAddress(gw: ResourceRecord, vgwIp: string): string {
  for (const slot of ["eip1", "eip2"]) {
    const e = gw.data[slot] as { id?: string; ip_address?: string } | undefined;
    if (e?.id === vgwIp && e.ip_address) return e.ip_address;
  }
  return vgwIp;
}

function numberRules(rules: unknown): unknown {
  if (!Array.isArray(rules)) return rules;
  const used = new Set(rules.map((r) => (isPlainObject(r) ? r.rule_index : undefined)).filter((x) => typeof x === "number"));
  let next = 1;
  return rules.map((r) => {
    if (!isPlainObject(r) || typeof r.rule_index === "number") return r;
    while (used.has(next)) next++;
    used.add(next);
    return { ...r, rule_index: next };
  });
}

function isGmGateway(gw: ResourceRecord): boolean {
  return gw.data.flavor === "GM";
}

/** GM gateways [ZH]: sm3/sm4 and IKE v1 by default; dh_group, pfs and the id fields do not apply. */
function applyGmDefaults(c: Wire, raw: Wire): void {
  const rawIke = isPlainObject(raw.ikepolicy) ? raw.ikepolicy : {};
  const rawIpsec = isPlainObject(raw.ipsecpolicy) ? raw.ipsecpolicy : {};
  const ike = (c.ikepolicy ?? {}) as Wire;
  const ipsec = (c.ipsecpolicy ?? {}) as Wire;
  for (const [k, v] of Object.entries(GM_CONNECTION_DEFAULTS.ikepolicy)) if (rawIke[k] === undefined) ike[k] = v;
  for (const [k, v] of Object.entries(GM_CONNECTION_DEFAULTS.ipsecpolicy)) if (rawIpsec[k] === undefined) ipsec[k] = v;
  if (rawIke.authentication_method === undefined) ike.authentication_method = "digital-envelope-v2";
  for (const path of GM_CONNECTION_DEFAULTS.omit) {
    const [obj, field] = path.split(".") as [string, string];
    delete ((obj === "ikepolicy" ? ike : ipsec) as Wire)[field];
  }
  c.ikepolicy = ike;
  c.ipsecpolicy = ipsec;
}

/** Fills the IKE ids the service reports: the gateway IP and the customer gateway's identifier (type ip). */
function fillIkeIds(c: Wire, gw: ResourceRecord, cgw: ResourceRecord): void {
  const ike = c.ikepolicy as Wire | undefined;
  if (!ike || isGmGateway(gw)) return;
  if ((ike.local_id_type ?? "ip") === "ip" && ike.local_id === undefined) ike.local_id = gatewayAddress(gw, String(c.vgw_ip));
  if ((ike.peer_id_type ?? "ip") === "ip" && ike.peer_id === undefined && cgw.data.id_type === "ip") ike.peer_id = cgw.data.id_value;
}

/** Checks and fills one connection of a create or batch create; `extra` counts connections created with it. */
export function prepareConnection(h: HookContext, input: Wire, raw: Wire, operation: string, extra = 0): Prepared {
  const gw = requireUsableGateway(h, String(input.vgw_id));
  const cgw = customerGateway(h, String(input.cgw_id));
  const facts = gatewayFacts(h, gw);
  const ctx: RuleContext = {
    operation,
    gateway: { ...facts, used_connection_number: (facts.used_connection_number ?? 0) + extra },
    customerGateway: cgwFacts(cgw),
  };
  enforceS2cRules(CONNECTION, raw, ctx);
  if ((facts.used_connection_number ?? 0) + extra + 1 > Number(gw.data.connection_number)) throw apiError("VPN.0504");

  const c: Wire = deepClone(input);
  delete c.psk;
  if (!c.name) c.name = `vpn-${shortSuffix()}`;
  if (isGmGateway(gw)) applyGmDefaults(c, raw);
  fillIkeIds(c, gw, cgw);
  if (!c.tunnel_local_address || !c.tunnel_peer_address) {
    const [l, p] = allocateTunnel(`${gw.id}/${h.now}/${shortSuffix()}`);
    c.tunnel_local_address ??= l;
    c.tunnel_peer_address ??= p;
  }
  if (c.policy_rules !== undefined) c.policy_rules = numberRules(c.policy_rules);
  c.enterprise_project_id = gw.data.enterprise_project_id ?? DEFAULTS.gateway.enterprise_project_id;
  if ((gw.data.ha_mode ?? DEFAULTS.gateway.ha_mode) === "active-active") c.ha_role = "master";
  c.tags = Array.isArray(c.tags) ? c.tags : [];
  const psk = typeof input.psk === "string" ? input.psk : undefined;
  return {
    data: c,
    ext: { peerUp: false, peerAddress: cgw.data.id_value, logs: [] },
    ...(psk ? { secrets: { psk: keepPsk(h, psk) } } : {}),
  };
}

function frozenGuard(action: string) {
  return (h: HookContext, rec: ResourceRecord): void => {
    const s = h.emu.models.get(CONNECTION).status(h.project, rec);
    if (s === "FREEZED") throw invalid(`ILLEGAL not allowed ${action} vpnConnection`);
  };
}

function mergeObject(cur: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const out: Wire = isPlainObject(cur) ? { ...cur } : {};
  for (const [k, v] of Object.entries(patch)) out[k] = isPlainObject(v) ? mergeObject(out[k], v) : v;
  return out;
}

export function monitorsOf(h: HookContext, connectionId: string): ResourceRecord[] {
  if (!h.emu.models.has(MONITOR)) return [];
  return h.emu.models.get(MONITOR).lookup(h.project, "vpn_connection_id", connectionId);
}

export const vpnConnectionHooks: KindHooks = {
  resourceType: "CONNECTION",
  quotaType: "vpn_connection",
  indexes: ["vgw_id", "cgw_id"],

  prepareCreate(h, input, raw) {
    return prepareConnection(h, input, raw, "createVpnConnection");
  },

  guard(h, rec, action) {
    frozenGuard(action === "delete" ? "delete" : "update")(h, rec);
  },

  applyUpdate(h, rec, input, raw) {
    const gw = requireUsableGateway(h, String(rec.data.vgw_id));
    const ike = rec.data.ikepolicy as Wire | undefined;
    enforceS2cRules(CONNECTION, raw, {
      operation: "updateVpnConnection",
      gateway: gatewayFacts(h, gw),
      connection: { style: String(rec.data.style), ikepolicy: ike ? { ike_version: String(ike.ike_version) } : null },
    });
    const c = rec.data;
    const moved = typeof input.cgw_id === "string" && input.cgw_id !== c.cgw_id ? customerGateway(h, input.cgw_id) : undefined;
    if (moved) {
      c.cgw_id = moved.id;
      rec.ext.peerAddress = moved.data.id_value;
    }
    for (const f of ["name", "peer_subnets", "tunnel_local_address", "tunnel_peer_address", "enable_hub"])
      if (input[f] !== undefined) c[f] = deepClone(input[f]);
    if (input.policy_rules !== undefined) c.policy_rules = numberRules(deepClone(input.policy_rules));
    if (input.ikepolicy !== undefined) c.ikepolicy = mergeObject(c.ikepolicy, input.ikepolicy);
    if (input.ipsecpolicy !== undefined) c.ipsecpolicy = mergeObject(c.ipsecpolicy, input.ipsecpolicy);
    // Moved to another customer gateway: its peer id is derived again (fillIkeIds), unless the update names one.
    const merged = c.ikepolicy as Wire | undefined;
    if (moved && merged && !(isPlainObject(raw.ikepolicy) && (raw.ikepolicy as Wire).peer_id !== undefined)) {
      delete merged.peer_id;
      fillIkeIds(c, gw, moved);
    }
    if (typeof input.psk === "string") rec.secrets = { ...(rec.secrets ?? {}), psk: keepPsk(h, input.psk) };
  },

  afterRemove(h, rec) {
    // A connection's monitors go with it.
    const monitors = h.emu.models.has(MONITOR) ? h.emu.models.get(MONITOR) : undefined;
    if (monitors) for (const m of monitorsOf(h, rec.id)) monitors.coll(h.project).remove(m.id);
  },

  effectiveStatus(_h, rec, s) {
    return s === "DOWN" && rec.ext.peerUp === true ? "ACTIVE" : s;
  },

  view(h, rec, wire, status, purpose) {
    const style = String(wire.style ?? DEFAULTS.connection.style).toUpperCase();
    wire.style = style;
    wire.created_at = isoTime(rec.createdAt);
    wire.updated_at = isoTime(rec.updatedAt);
    if (style !== "STATIC") delete wire.enable_nqa;
    if (style !== "BGP") delete wire.enable_hub;
    else wire.enable_hub ??= false;
    // "仅当style为POLICY时返回实际的策略规则组": other styles return an empty list (EN examples).
    if (style !== "POLICY") wire.policy_rules = [];
    wire.policy_rules_v6 = [];
    if (purpose !== "create") {
      // Deprecated but still returned ("该字段已经废弃，但仍然保留兼容性支持"; ZH update response, EN 5.3).
      wire.eip_id = wire.vgw_ip;
      wire.type = style === "POLICY" ? "POLICY" : "ROUTE";
      if (style === "STATIC" || style === "BGP") wire.route_mode = style.toLowerCase();
    }
    const ike = wire.ikepolicy as Wire | undefined;
    if (ike && ike.ike_version !== "v1") delete ike.phase1_negotiation_mode;
    const monitors = monitorsOf(h, rec.id);
    if (monitors.length > 0) wire.connection_monitor_id = monitors.reduce((a, b) => (b.createdAt > a.createdAt ? b : a)).id;
    if (purpose === "show") {
      // [EN] GET only: the BGP peer's state (established while a BGP connection is up).
      const cgw = h.emu.models.get(CUSTOMER_GATEWAY).find(h.project, String(wire.cgw_id));
      const up = style === "BGP" && status === "ACTIVE";
      wire.bgp_peer = {
        peer_ip_address: String(wire.tunnel_peer_address ?? "").split("/")[0],
        peer_asn: cgw?.data.bgp_asn ?? 0,
        state: up ? "established" : "idle",
        state_duration: up ? "0d00h00m01s" : "0d00h00m00s",
        num_received_routes: up && Array.isArray(wire.peer_subnets) ? wire.peer_subnets.length : 0,
        num_message_received: up ? 1 : 0,
        num_message_sent: up ? 1 : 0,
      };
    }
    void GATEWAY;
    return wire;
  },
};

/** The customer side comes up or goes down (admin API); the transition is logged for `/log`. */
export function setPeer(h: HookContext, rec: ResourceRecord, up: boolean): void {
  if (up && rec.ext.peerUp !== true) rec.ext.peerUpAt = h.now;
  rec.ext.peerUp = up;
  const logs = (rec.ext.logs as Array<{ time: number; raw_message: string }> | undefined) ?? [];
  logs.push({
    time: Math.floor(h.now / 1000),
    raw_message: `${new Date(h.now).toISOString()} emulator ipsec_ike: [${String(rec.data.vgw_ip)}] IPSec tunnel ${
      up ? "negotiation succeeded" : "is down"
    }. (PeerAddress=[${String(rec.ext.peerAddress ?? "")}], PeerPort=[500])`,
  });
  rec.ext.logs = logs.slice(-200);
  h.emu.changed();
}
