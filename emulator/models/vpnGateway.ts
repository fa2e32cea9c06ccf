/**
 * VPN gateway (api-s2c.md §2): server-filled fields, EIPs (existing or new), AZ selection, private access IPs,
 * fields returned only once ACTIVE, the connection count, flavor changes, and the rules that need the state
 * (inventory lookups, EIP binding, "has connections" on delete).
 */
import { invalid, apiError, type EmulatorError } from "../errors";
import { NON_FIXED_IP_FLAVORS, DEFAULTS } from "../../sdk/schemas/s2c/enums";
import { cidrContains, formatIpv4, parseCidr } from "../../sdk/rules/net";
import { fabricatedPublicIp, hashNumber, isoTime, newId, shortSuffix, isPlainObject } from "../util";
import type { HookContext, KindHooks, Prepared, Wire } from "./base";
import type { ProjectState, ResourceRecord } from "./state";
import { enforceS2cRules } from "./rules";
import type { GatewayFacts } from "../../sdk/rules/common";

export const GATEWAY = "vpnGateway";

/**
 * Maximum connections by flavor. The docs give no table; every example shows 200 (Professional1 and
 * Professional2 alike), so 200 is used for all flavors except Basic, whose console offers 100.
 */
export const CONNECTION_NUMBER_BY_FLAVOR: Readonly<Record<string, number>> = { Basic: 100 };
export const DEFAULT_CONNECTION_NUMBER = 200;

export function connectionNumberOf(flavor: string): number {
  return CONNECTION_NUMBER_BY_FLAVOR[flavor] ?? DEFAULT_CONNECTION_NUMBER;
}

const FIXED_IP_FAMILY = ["Basic", "Professional1", "Professional2"];

/** Flavors a gateway can be changed to (`supported_flavors`): its own family, Basic not for private or ER gateways. */
export function supportedFlavorsOf(g: Wire): string[] {
  const flavor = String(g.flavor);
  const nonFixed = NON_FIXED_IP_FLAVORS as readonly string[];
  if (nonFixed.includes(flavor)) return nonFixed.filter((f) => f !== flavor);
  if (!FIXED_IP_FAMILY.includes(flavor)) return [];
  return FIXED_IP_FAMILY.filter(
    (f) => f !== flavor && !(f === "Basic" && (g.network_type === "private" || g.attachment_type === "er")),
  );
}

/** The default policy template of NonFixedIP gateways (the values of the ZH 4.1.1.2 example (c)). */
export const DEFAULT_POLICY_TEMPLATE = {
  ike_policy: { encryption_algorithm: "aes-128", dh_group: "group20", authentication_algorithm: "sha2-256", lifetime_seconds: 86400 },
  ipsec_policy: { authentication_algorithm: "sha2-256", encryption_algorithm: "aes-128", pfs: "group20", lifetime_seconds: 3600 },
};

/** The AZ query's answer for a flavor and attachment type (every region AZ, for every flavor). */
export function availabilityZonesFor(h: HookContext, _flavor: string, _attachment: string): string[] {
  return [...h.emu.config.availabilityZones];
}

/** Facts the rule registry needs about a gateway, from its stored record. */
export function gatewayFacts(h: HookContext, rec: ResourceRecord): GatewayFacts {
  const d = rec.data as Record<string, any>;
  return {
    id: rec.id,
    flavor: d.flavor,
    network_type: d.network_type,
    attachment_type: d.attachment_type,
    ha_mode: d.ha_mode,
    eip1: d.eip1 ?? null,
    eip2: d.eip2 ?? null,
    access_private_ip_1: d.access_private_ip_1,
    access_private_ip_2: d.access_private_ip_2,
    certificate_id: d.certificate_id ?? null,
    supported_flavors: supportedFlavorsOf(d),
    connection_number: d.connection_number,
    used_connection_number: usedConnections(h, rec.id),
  };
}

function connectionsOf(h: HookContext, gatewayId: string): ResourceRecord[] {
  if (!h.emu.models.has("vpnConnection")) return [];
  return h.emu.models.get("vpnConnection").lookup(h.project, "vgw_id", gatewayId);
}

export function usedConnections(h: HookContext, gatewayId: string): number {
  return connectionsOf(h, gatewayId).length;
}

/**
 * Connections in use and connection groups ("同一用户网关入云的两条连接组成一个连接组": connections of one
 * customer gateway, paired), from the connection index without copying: this runs on every gateway GET.
 */
function connectionUsage(h: HookContext, gatewayId: string): { used: number; groups: number } {
  if (!h.emu.models.has("vpnConnection")) return { used: 0, groups: 0 };
  const set = h.emu.models.get("vpnConnection").coll(h.project).indexed("vgw_id", gatewayId);
  if (!set || set.size === 0) return { used: 0, groups: 0 };
  const byCgw: Record<string, number> = {};
  for (const c of set) {
    const k = c.data.cgw_id as string;
    byCgw[k] = (byCgw[k] ?? 0) + 1;
  }
  let groups = 0;
  for (const k in byCgw) groups += Math.ceil(byCgw[k]! / 2);
  return { used: set.size, groups };
}

// ---- inventory lookups ----

function inventoryEip(project: ProjectState, id: string) {
  return project.inventory.eips?.find((e) => e.id === id);
}

function subnetOf(project: ProjectState, id: string) {
  for (const vpc of project.inventory.vpcs ?? []) {
    const s = vpc.subnets?.find((x) => x.id === id);
    if (s) return { vpc, subnet: s };
  }
  return undefined;
}

function checkVpc(project: ProjectState, vpcId: string | undefined): void {
  if (!vpcId || !project.inventory.vpcs) return;
  if (!project.inventory.vpcs.some((v) => v.id === vpcId)) throw apiError("VPN.0500", vpcId);
}

function checkSubnet(project: ProjectState, subnetId: string | undefined, vpcId: string | undefined): void {
  if (!subnetId || !project.inventory.vpcs) return;
  const found = subnetOf(project, subnetId);
  if (!found) throw apiError("VPN.0501", subnetId);
  if (vpcId && found.vpc.id !== vpcId) throw apiError("VPN.0503", subnetId, vpcId);
}

/** Checks an existing EIP id (VPN.0551–0554) and that nothing else holds it. */
export function checkExistingEip(project: ProjectState, id: string, forGateway?: string): void {
  if (project.inventory.eips) {
    const e = inventoryEip(project, id);
    if (!e) throw apiError("VPN.0551", id);
    if (e.frozen) throw apiError("VPN.0552", id);
    if (e.shared) throw apiError("VPN.0554", id);
    if (e.bound) throw apiError("VPN.0553", id);
  }
  const holder = project.boundEips.get(id);
  if (holder && holder !== forGateway) throw apiError("VPN.0553", id);
}

/** The response EIP object for an existing EIP id (seeded facts, or stable fabricated ones). */
export function eipObjectFor(project: ProjectState, id: string): Wire {
  const e = inventoryEip(project, id);
  const n = hashNumber(id);
  return {
    id,
    ip_version: 4,
    type: e?.type ?? "5_bgp",
    ip_address: e?.ip_address ?? fabricatedPublicIp(id),
    charge_mode: e?.charge_mode ?? "bandwidth",
    bandwidth_id: e?.bandwidth_id ?? newId(),
    bandwidth_size: e?.bandwidth_size ?? 300,
    bandwidth_name: e?.bandwidth_name ?? `vpngw-bandwidth-${(n & 0xffff).toString(16).padStart(4, "0")}`,
    share_type: "PER",
  };
}

function newEipObject(spec: Wire): Wire {
  const id = newId();
  return {
    id,
    ip_version: 4,
    type: spec.type,
    ip_address: fabricatedPublicIp(id),
    charge_mode: spec.charge_mode ?? DEFAULTS.eip.charge_mode,
    bandwidth_id: typeof spec.bandwidth_id === "string" ? spec.bandwidth_id : newId(),
    bandwidth_size: spec.bandwidth_size ?? 300,
    bandwidth_name: spec.bandwidth_name ?? `vpngw-bandwidth-${shortSuffix()}`,
    share_type: spec.bandwidth_id ? "WHOLE" : "PER",
  };
}

/** Two distinct host addresses of the access subnet (seeded CIDR) or of 192.168.0.0/16 by default. */
function allocatePrivateIps(project: ProjectState, subnetId: string | undefined, seed: string): [string, string] {
  const cidr = (subnetId && subnetOf(project, subnetId)?.subnet.cidr) || "192.168.0.0/16";
  const c = parseCidr(cidr)!;
  const size = 2 ** (32 - c.prefix);
  const base = (c.address >>> 0) & (size === 2 ** 32 ? 0 : ~(size - 1) >>> 0);
  const span = Math.max(size - 4, 2);
  const off = 2 + (hashNumber(seed) % Math.max(span - 1, 1));
  const a = formatIpv4((base + off) >>> 0);
  const b = formatIpv4((base + off + 1) >>> 0);
  return [a, b];
}

function bindEips(project: ProjectState, rec: ResourceRecord): void {
  for (const slot of ["eip1", "eip2"]) {
    const e = rec.data[slot] as { id?: string } | undefined;
    if (e?.id) project.boundEips.set(e.id, rec.id);
  }
}

/** Unbinds an EIP from its gateway (what the EIP service's update API does; admin `/eips/{id}/unbind`). */
export function unbindEip(h: HookContext, eipId: string): string | undefined {
  const gatewayId = h.project.boundEips.get(eipId);
  if (!gatewayId) return undefined;
  h.project.boundEips.delete(eipId);
  const gw = h.emu.models.get(GATEWAY).find(h.project, gatewayId);
  if (gw) for (const slot of ["eip1", "eip2"]) if ((gw.data[slot] as { id?: string } | undefined)?.id === eipId) delete gw.data[slot];
  h.emu.changed();
  return gatewayId;
}

function ruleContext(h: HookContext, body: Wire, operation: string) {
  const flavor = String(body.flavor ?? DEFAULTS.gateway.flavor);
  const attachment = String(body.attachment_type ?? DEFAULTS.gateway.attachment_type);
  const subnets: Record<string, { cidr?: string; freeIps?: number }> = {};
  for (const vpc of h.project.inventory.vpcs ?? [])
    for (const s of vpc.subnets ?? []) subnets[s.id] = { ...(s.cidr ? { cidr: s.cidr } : {}), ...(s.freeIps !== undefined ? { freeIps: s.freeIps } : {}) };
  const eips: Record<string, { shared?: boolean; frozen?: boolean }> = {};
  for (const e of h.project.inventory.eips ?? []) eips[e.id] = { ...(e.shared ? { shared: true } : {}), ...(e.frozen ? { frozen: true } : {}) };
  return {
    operation,
    region: h.emu.config.region,
    availabilityZones: availabilityZonesFor(h, flavor, attachment),
    subnets,
    eips,
  };
}

export const vpnGatewayHooks: KindHooks = {
  resourceType: "GATEWAY",
  quotaType: "vpn_gateway",
  notFound: (): EmulatorError => apiError("VPN.0509"),

  prepareCreate(h, input, raw): Prepared {
    enforceS2cRules(GATEWAY, raw, ruleContext(h, raw, "createVgw"));
    const g: Wire = { ...input };
    const attachment = String(g.attachment_type);
    const network = String(g.network_type);

    if (g.enterprise_project_id !== "0" && h.project.inventory.enterpriseProjects && !h.project.inventory.enterpriseProjects.includes(String(g.enterprise_project_id)))
      throw invalid(`enterprise project ${String(g.enterprise_project_id)} is not found`);
    if (attachment === "er" && h.project.inventory.enterpriseRouters && !h.project.inventory.enterpriseRouters.includes(String(g.er_id)))
      throw invalid(`enterprise router ${String(g.er_id)} is not found`);

    // access_vpc_id / access_subnet_id take effect over vpc_id / connect_subnet (GW-18); default to them.
    const accessVpc = (g.access_vpc_id as string | undefined) ?? (g.vpc_id as string | undefined);
    const accessSubnet = (g.access_subnet_id as string | undefined) ?? (g.connect_subnet as string | undefined);
    checkVpc(h.project, g.vpc_id as string | undefined);
    if (accessVpc !== g.vpc_id) checkVpc(h.project, accessVpc);
    checkSubnet(h.project, g.connect_subnet as string | undefined, attachment === "vpc" ? (g.vpc_id as string | undefined) : accessVpc);
    if (accessSubnet !== g.connect_subnet) checkSubnet(h.project, accessSubnet, accessVpc);
    if (accessVpc) g.access_vpc_id = accessVpc;
    if (accessSubnet) g.access_subnet_id = accessSubnet;
    if (attachment === "er") {
      // For ER gateways vpc_id names the access VPC and is not returned (ZH 4.1.1.2).
      delete g.vpc_id;
      delete g.local_subnets;
    }

    if (!g.name) g.name = `vpngw-${shortSuffix()}`;
    g.ip_version = g.ip_version ?? "ipv4";
    g.connection_number = connectionNumberOf(String(g.flavor));

    // AZs: kept as given; otherwise chosen now and shown once ACTIVE.
    const ext: Record<string, unknown> = {};
    if (!Array.isArray(g.availability_zone_ids) || g.availability_zone_ids.length === 0) {
      const offered = availabilityZonesFor(h, String(g.flavor), attachment);
      g.availability_zone_ids = offered.slice(0, Math.min(2, offered.length));
      ext.azAuto = true;
    } else {
      const offered = availabilityZonesFor(h, String(g.flavor), attachment);
      for (const az of g.availability_zone_ids as string[]) if (!offered.includes(az)) throw invalid(`availability zone ${az} is not offered for this flavor and attachment type`);
    }

    if (network === "public") {
      const ids = new Set<string>();
      for (const slot of ["eip1", "eip2"]) {
        const spec = g[slot];
        if (!isPlainObject(spec)) continue;
        if (typeof spec.id === "string") {
          if (ids.has(spec.id)) throw apiError("VPN.0553", spec.id);
          checkExistingEip(h.project, spec.id);
          ids.add(spec.id);
          g[slot] = eipObjectFor(h.project, spec.id);
        } else {
          g[slot] = newEipObject(spec);
        }
      }
    } else {
      delete g.eip1;
      delete g.eip2;
      if (!g.access_private_ip_1 || !g.access_private_ip_2) {
        const [a, b] = allocatePrivateIps(h.project, accessSubnet, `${h.now}-${shortSuffix()}`);
        g.access_private_ip_1 = a;
        g.access_private_ip_2 = b;
      } else if (accessSubnet) {
        const cidr = subnetOf(h.project, accessSubnet)?.subnet.cidr;
        if (cidr) for (const f of ["access_private_ip_1", "access_private_ip_2"]) if (!cidrContains(cidr, String(g[f]))) throw invalid(`${f} must be an allocatable address of the access subnet`);
      }
    }
    if ((NON_FIXED_IP_FLAVORS as readonly string[]).includes(String(g.flavor)) && !g.policy_template) g.policy_template = structuredClone(DEFAULT_POLICY_TEMPLATE);
    if (attachment === "er") g.er_attachment_id = newId();
    g.tags = Array.isArray(g.tags) ? g.tags : [];
    return { data: g, ext };
  },

  afterCreate(h, rec) {
    bindEips(h.project, rec);
  },

  applyUpdate(h, rec, input, raw) {
    const facts = gatewayFacts(h, rec);
    enforceS2cRules(GATEWAY, raw, { operation: "updateVgw", gateway: facts });
    const g = rec.data;
    if (input.name !== undefined) g.name = input.name;
    if (input.local_subnets !== undefined) g.local_subnets = input.local_subnets;
    if (input.policy_template !== undefined) g.policy_template = input.policy_template;
    for (const [field, slot] of [["eip_id_1", "eip1"], ["eip_id_2", "eip2"]] as const) {
      const id = input[field];
      if (typeof id !== "string") continue;
      const cur = g[slot] as { id?: string } | undefined;
      if (cur?.id === id) continue;
      // "绑定新的EIP前必须先解绑掉原有的EIP" (unbind through the EIP service first).
      if (cur?.id) throw apiError("VPN.0512");
      checkExistingEip(h.project, id, rec.id);
      g[slot] = eipObjectFor(h.project, id);
      h.project.boundEips.set(id, rec.id);
    }
  },

  beforeDelete(h, rec) {
    if (usedConnections(h, rec.id) > 0) throw invalid(`vpn gateway ${rec.id} has connection`);
  },

  afterRemove(h, rec) {
    for (const slot of ["eip1", "eip2"]) {
      const e = rec.data[slot] as { id?: string } | undefined;
      if (e?.id && h.project.boundEips.get(e.id) === rec.id) h.project.boundEips.delete(e.id);
    }
    if (h.emu.models.has("gatewayCertificate")) {
      const certs = h.emu.models.get("gatewayCertificate");
      for (const c of certs.records(h.project)) if (c.data.vgw_id === rec.id) certs.coll(h.project).remove(c.id);
    }
  },

  view(h, rec, wire, status) {
    const ready = rec.ext.everReady === true;
    const usage = connectionUsage(h, rec.id);
    wire.used_connection_number = usage.used;
    wire.used_connection_group = usage.groups;
    wire.supported_flavors = supportedFlavorsOf(wire);
    // "在VPN网关的状态为ACTIVE时返回": EIPs, timestamps and auto-selected AZs appear once the gateway is ACTIVE.
    if (ready) {
      Object.assign(wire, { created_at: isoTime(rec.createdAt), updated_at: isoTime(rec.updatedAt) });
      if (typeof rec.ext.readyAt === "number") wire.applied_at = isoTime(rec.ext.readyAt as number);
      else wire.applied_at = isoTime(rec.createdAt);
    } else {
      delete wire.eip1;
      delete wire.eip2;
      if (rec.ext.azAuto) delete wire.availability_zone_ids;
    }
    if (wire.network_type !== "private") {
      delete wire.access_private_ip_1;
      delete wire.access_private_ip_2;
    }
    void status;
    return wire;
  },
};

/** Guard for operations on a connection's gateway: the documented "gateway is being …" errors. */
export function requireUsableGateway(h: HookContext, gatewayId: string): ResourceRecord {
  const model = h.emu.models.get(GATEWAY);
  const gw = model.find(h.project, gatewayId);
  if (!gw) throw apiError("VPN.0509");
  const status = model.status(h.project, gw);
  if (status === "PENDING_CREATE") throw apiError("VPN.0506");
  if (status === "PENDING_UPDATE") throw apiError("VPN.0507");
  if (status === "PENDING_DELETE") throw apiError("VPN.0508");
  if (status === "FAULT") throw apiError("VPN.0510");
  if (status !== "ACTIVE") throw apiError("VPN.0511");
  return gw;
}
