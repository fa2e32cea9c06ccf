/**
 * VPN server of a P2C gateway (api-p2c-common.md §5): one per gateway (VPN.1102), PENDING_CREATE → ACTIVE,
 * updates PENDING_UPDATE → ACTIVE (VPN.1113/1114 while pending), no delete API. Creating a server creates its
 * default user group; the client CA certificates given at create become `clientCaCertificate` resources.
 */
import { apiError } from "../errors";
import { p2cQuotaLimits } from "../../sdk/spec/quotas";
import { isoTime, newId, shortSuffix, hashNumber, isPlainObject } from "../util";
import type { HookContext, KindHooks, Wire } from "./base";
import type { ResourceRecord } from "./state";
import { enforceP2cRules } from "./rules";
import { cidrsOverlap } from "../../sdk/rules/net";
import { P2C_GATEWAY, requireUsableP2cGateway } from "./p2cVpnGateway";
import { certificateFacts, certificateFingerprint } from "./certs";

export const SERVER = "vpnServer";
export const CLIENT_CA = "clientCaCertificate";
export const USER = "vpnUser";
export const GROUP = "vpnUserGroup";
export const POLICY = "vpnAccessPolicy";

export function requireServer(h: HookContext, id: string): ResourceRecord {
  const s = h.emu.models.get(SERVER).find(h.project, id);
  if (!s) throw apiError("VPN.1116");
  return s;
}

function serverCertificate(h: HookContext, id: string): Wire {
  const inv = h.project.inventory.serverCertificates;
  const known = inv?.find((c) => c.id === id);
  if (inv && !known) throw apiError("VPN.1112", id);
  if (known?.status && known.status !== "ISSUED" && known.status !== "NORMAL") throw apiError("VPN.1110", id);
  const n = hashNumber(id);
  return {
    id,
    name: known?.name ?? `cert-${(n & 0xffff).toString(16)}`,
    issuer: "C=CN,O=emulator,CN=emulator-root",
    subject: "C=CN,O=emulator,CN=vpn-server",
    serial_number: String(BigInt(n) * 1000003n),
    expiration_time: "2035-01-01T00:00:00Z",
    signature_algorithm: "SHA256WITHRSA",
  };
}

function gatewayMax(h: HookContext, server: ResourceRecord): number | undefined {
  const gw = h.emu.models.get(P2C_GATEWAY).find(h.project, String(server.data.p2c_vgw_id));
  const n = gw?.data.max_connection_number;
  return typeof n === "number" ? n : undefined;
}

/**
 * VPN.1109: the client CIDR block must not conflict with a route of the default route table of the gateway's
 * VPC ("网关所在VPC默认路由表中的路由", ZH/EN 4.2.2.1). Checked when the VPC's routes are seeded
 * (`inventory.vpcs[].routes`); the cloud knows them, a body alone does not.
 */
function checkVpcRoutes(h: HookContext, gateway: ResourceRecord | undefined, clientCidr: unknown): void {
  if (!gateway || typeof clientCidr !== "string") return;
  const vpc = (h.project.inventory.vpcs ?? []).find((v) => v.id === gateway.data.vpc_id);
  const route = (vpc?.routes ?? []).find((r) => typeof r === "string" && cidrsOverlap(r, clientCidr));
  if (route !== undefined) throw apiError("VPN.1109", route);
}

/** Stores one client CA certificate under a server (C2 and the certificates given at S1). */
export function addClientCa(h: HookContext, server: ResourceRecord, input: { name?: unknown; content?: unknown }): ResourceRecord {
  const model = h.emu.models.get(CLIENT_CA);
  const existing = model.records(h.project, { vpn_server_id: server.id });
  if (existing.length + 1 > p2cQuotaLimits.clientCaCertificatesPerServer.limit) throw apiError("VPN.1111");
  const name = typeof input.name === "string" && input.name ? input.name : `ca-cert-${shortSuffix()}`;
  const content = String(input.content ?? "");
  const fp = certificateFingerprint(content);
  if (existing.some((c) => c.ext.fingerprint === fp)) throw apiError("VPN.0077", name);
  const f = certificateFacts(content, name, h.now, { requireCa: true, requirePem: true });
  return model.insert(
    h.project,
    {
      data: { name, issuer: f.issuer, subject: f.subject, serial_number: f.serial_number, expiration_time: f.expiration_time, signature_algorithm: f.signature_algorithm },
      ext: { fingerprint: fp },
    },
    { vpn_server_id: server.id },
  );
}

function childCount(h: HookContext, kind: string, serverId: string, filter: (r: ResourceRecord) => boolean = () => true): number {
  return h.emu.models.get(kind).coll(h.project).all().filter((r) => r.parents.vpn_server_id === serverId && filter(r)).length;
}

export const vpnServerHooks: KindHooks = {
  resourceType: "SERVER",
  notFound: () => apiError("VPN.1116"),
  notReady: (_rec, phase) => apiError(phase === "create" ? "VPN.1113" : "VPN.1114"),

  prepareCreate(h, input, raw, parents) {
    const gwId = parents.p2c_vgw_id ?? String(input.p2c_vgw_id ?? "");
    const gw = requireUsableP2cGateway(h, gwId);
    if (!isPlainObject(gw.data.eip) || !(gw.data.eip as Wire).id) throw apiError("VPN.1121");
    if (h.emu.models.get(SERVER).records(h.project, { p2c_vgw_id: gwId }).length >= p2cQuotaLimits.vpnServersPerGateway.limit)
      throw apiError("VPN.1102");
    const max = typeof gw.data.max_connection_number === "number" ? gw.data.max_connection_number : undefined;
    enforceP2cRules("vpnServer", raw, { ...(max !== undefined ? { maxConnectionNumber: max } : {}) });
    checkVpcRoutes(h, gw, input.client_cidr);
    const s: Wire = { ...input, p2c_vgw_id: gwId };
    const cert = input.server_certificate as { id?: string } | undefined;
    if (!cert?.id) throw apiError("VPN.1100");
    s.server_certificate = serverCertificate(h, cert.id);
    s.ssl_options = { protocol: "TCP", port: 443, encryption_algorithm: "AES-128-GCM", is_compressed: false, ...((input.ssl_options as Wire | undefined) ?? {}), authentication_algorithm: "SHA256" };
    delete s.client_ca_certificates;
    if (s.client_auth_type === "CERT" && !(Array.isArray(input.client_ca_certificates) && input.client_ca_certificates.length > 0)) throw apiError("VPN.1101");
    return { data: s, ext: { pendingCas: input.client_ca_certificates ?? [] } };
  },

  afterCreate(h, rec) {
    const cas = (rec.ext.pendingCas as Array<{ name?: string; content?: string }> | undefined) ?? [];
    delete rec.ext.pendingCas;
    for (const ca of cas) addClientCa(h, rec, ca);
    // The system's default user group (api-p2c-common.md §6.1).
    h.emu.models.get(GROUP).insert(
      h.project,
      { data: { name: "default", description: "Default user group", type: "Default" }, ext: { isDefault: true }, id: newId(), immediate: true },
      { vpn_server_id: rec.id },
    );
  },

  applyUpdate(h, rec, input, raw) {
    const max = gatewayMax(h, rec);
    const local = (input.local_subnets as string[] | undefined) ?? (rec.data.local_subnets as string[] | undefined);
    enforceP2cRules(
      "vpnServer",
      raw,
      { ...(max !== undefined ? { maxConnectionNumber: max } : {}), ...(local ? { localSubnets: local } : {}) },
      { partial: true },
    );
    if (input.client_cidr !== undefined)
      checkVpcRoutes(h, h.emu.models.get(P2C_GATEWAY).find(h.project, String(rec.data.p2c_vgw_id)), input.client_cidr);
    const target = input.client_auth_type as string | undefined;
    if (target && target !== rec.data.client_auth_type) {
      if (target === "CERT") {
        if (childCount(h, USER, rec.id) > 0) throw apiError("VPN.1122");
        if (childCount(h, GROUP, rec.id, (g) => g.ext.isDefault !== true) > 0) throw apiError("VPN.1123");
        if (childCount(h, POLICY, rec.id) > 0) throw apiError("VPN.1124");
        if (childCount(h, CLIENT_CA, rec.id) === 0) throw apiError("VPN.1101");
      } else if (childCount(h, CLIENT_CA, rec.id) > 0) throw apiError("VPN.1125");
    }
    for (const f of ["client_cidr", "local_subnets", "client_auth_type", "dns_servers"]) if (input[f] !== undefined) rec.data[f] = input[f];
    if (isPlainObject(input.server_certificate) && typeof input.server_certificate.id === "string")
      rec.data.server_certificate = serverCertificate(h, input.server_certificate.id);
    if (isPlainObject(input.ssl_options)) rec.data.ssl_options = { ...((rec.data.ssl_options as Wire) ?? {}), ...input.ssl_options };
  },

  afterRemove(h, rec) {
    for (const kind of [CLIENT_CA, USER, GROUP, POLICY]) {
      const coll = h.emu.models.get(kind).coll(h.project);
      for (const r of coll.all()) if (r.parents.vpn_server_id === rec.id) coll.remove(r.id);
    }
  },

  view(h, rec, wire) {
    const cas = h.emu.models.get(CLIENT_CA);
    wire.client_ca_certificates = cas.records(h.project, { vpn_server_id: rec.id }).map((c) => cas.view(h.project, c, "internal"));
    wire.created_at = isoTime(rec.createdAt);
    wire.updated_at = isoTime(rec.updatedAt);
    return wire;
  },
};

export const clientCaCertificateHooks: KindHooks = {
  resourceType: "CLIENT_CA_CERTIFICATE",
  notFound: (id) => apiError("VPN.1115", id),

  prepareCreate() {
    throw new Error("emulator bug: client CA certificates are created through addClientCa");
  },

  applyUpdate(_h, rec, input) {
    if (typeof input.name === "string") rec.data.name = input.name;
  },

  beforeDelete(h, rec) {
    const server = h.emu.models.get(SERVER).find(h.project, rec.parents.vpn_server_id ?? "");
    if (server?.data.client_auth_type === "CERT" && childCount(h, CLIENT_CA, server.id) <= 1) throw apiError("VPN.1101");
  },

  view(_h, rec, wire) {
    wire.created_at = isoTime(rec.createdAt);
    wire.updated_at = isoTime(rec.updatedAt);
    return wire;
  },
};

/** An OpenVPN client profile built from the server and its gateway (api-p2c-common.md §5.5). */
export function clientConfig(h: HookContext, server: ResourceRecord): string {
  const gw = h.emu.models.get(P2C_GATEWAY).find(h.project, String(server.data.p2c_vgw_id));
  const eip = (gw?.data.eip as { ip_address?: string } | undefined)?.ip_address ?? "0.0.0.0";
  const ssl = (server.data.ssl_options as Wire | undefined) ?? {};
  const lines = [
    "client",
    "dev tun",
    `proto ${String(ssl.protocol ?? "TCP").toLowerCase()}`,
    `remote ${eip} ${String(ssl.port ?? 443)}`,
    "resolv-retry infinite",
    "nobind",
    "persist-key",
    "persist-tun",
    "remote-cert-tls server",
    `data-ciphers ${String(ssl.encryption_algorithm ?? "AES-128-GCM")}`,
    `auth ${String(ssl.authentication_algorithm ?? "SHA256")}`,
    "verb 3",
    ...(server.data.client_auth_type === "LOCAL_PASSWORD" ? ["auth-user-pass"] : []),
    "<ca>",
    "-----BEGIN CERTIFICATE-----*****-----END CERTIFICATE-----",
    "</ca>",
    "",
    "",
    "reneg-sec 0",
    "# Add a comment character (#) in front of disable-dco when OpenVPN 2.5 or earlier is used.",
    "disable-dco",
    "",
  ];
  return lines.join("\n");
}
