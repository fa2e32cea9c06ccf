/**
 * VPN users, user groups and access policies of a VPN server (api-p2c-common.md §6–7). They have no status and
 * "appear after a delay" (§2.9): a create returns the id, the resource becomes visible when its create phase
 * ends. Passwords are kept as salted digests with a history of five (VPN.1311), never in clear.
 */
import { apiError } from "../errors";
import { p2cQuotaLimits } from "../../sdk/spec/quotas";
import { isUsernameOrReverse } from "../../sdk/rules/p2c";
import { digestSecret, isoTime, secretMatches } from "../util";
import type { HookContext, KindHooks, Wire } from "./base";
import type { ResourceRecord } from "./state";
import { enforceP2cRules } from "./rules";
import { GROUP, POLICY, SERVER, USER, requireServer } from "./vpnServer";
import { P2C_GATEWAY } from "./p2cVpnGateway";

export const PASSWORD_HISTORY = p2cQuotaLimits.passwordHistory.limit;

/** Every record of a kind under a server, visible or still appearing (uniqueness and limits count both). */
function allUnder(h: HookContext, kind: string, serverId: string): ResourceRecord[] {
  return h.emu.models
    .get(kind)
    .coll(h.project)
    .all()
    .filter((r) => r.parents.vpn_server_id === serverId);
}

export function requireGroup(h: HookContext, serverId: string, groupId: string): ResourceRecord {
  const g = h.emu.models.get(GROUP).find(h.project, groupId, { parents: { vpn_server_id: serverId } });
  if (!g) throw apiError("VPN.1301");
  return g;
}

export function requireUser(h: HookContext, serverId: string, userId: string): ResourceRecord {
  const u = h.emu.models.get(USER).find(h.project, userId, { parents: { vpn_server_id: serverId } });
  if (!u) throw apiError("VPN.1303");
  return u;
}

function maxUsers(h: HookContext, server: ResourceRecord): number | undefined {
  const gw = h.emu.models.get(P2C_GATEWAY).find(h.project, String(server.data.p2c_vgw_id));
  return typeof gw?.data.max_connection_number === "number" ? gw.data.max_connection_number : undefined;
}

function staticIpContext(h: HookContext, server: ResourceRecord, exceptUser?: string) {
  const others = allUnder(h, USER, server.id)
    .filter((u) => u.id !== exceptUser)
    .map((u) => u.data.static_ip)
    .filter((ip): ip is string => typeof ip === "string" && ip !== "disable");
  return { clientCidr: String(server.data.client_cidr), otherStaticIps: others };
}

/** Checks a new user (U1/U2) against the state; returns the data to store. */
export function checkNewUser(h: HookContext, server: ResourceRecord, input: Wire, raw: Wire, pending: number): void {
  enforceP2cRules("vpnUser", raw, staticIpContext(h, server));
  const users = allUnder(h, USER, server.id);
  const max = maxUsers(h, server);
  if (max !== undefined && users.length + pending + 1 > max) throw apiError("VPN.1307");
  if (users.some((u) => u.data.name === input.name)) throw apiError("VPN.1302");
  if (typeof input.password === "string" && isUsernameOrReverse(input.password, String(input.name))) throw apiError("VPN.1309");
  if (typeof input.user_group_id === "string") requireGroup(h, server.id, input.user_group_id);
}

export function newPasswordHistory(password: string, history: readonly string[] = []): string[] {
  return [digestSecret(password), ...history].slice(0, PASSWORD_HISTORY);
}

/** VPN.1311: the new password must differ from the latest five. */
export function checkPasswordReuse(rec: ResourceRecord, password: string): void {
  const history = (rec.secrets?.passwords as string[] | undefined) ?? [];
  if (history.some((d) => secretMatches(password, d))) throw apiError("VPN.1311");
}

export function currentPasswordMatches(rec: ResourceRecord, password: string): boolean {
  const history = (rec.secrets?.passwords as string[] | undefined) ?? [];
  return secretMatches(password, history[0]);
}

export const vpnUserHooks: KindHooks = {
  resourceType: "USER",
  appearsAfterDelay: true,
  notFound: () => apiError("VPN.1303"),

  prepareCreate(h, input, raw, parents) {
    const server = requireServer(h, parents.vpn_server_id ?? "");
    checkNewUser(h, server, input, raw, 0);
    const data: Wire = { name: input.name, description: input.description ?? "", static_ip: input.static_ip ?? "disable" };
    if (typeof input.user_group_id === "string") data.user_group_id = input.user_group_id;
    return { data, secrets: { passwords: newPasswordHistory(String(input.password)) } };
  },

  applyUpdate(h, rec, input, raw) {
    const server = requireServer(h, rec.parents.vpn_server_id ?? "");
    enforceP2cRules("vpnUser", raw, staticIpContext(h, server, rec.id), { partial: true });
    if (typeof input.user_group_id === "string") requireGroup(h, server.id, input.user_group_id);
    for (const f of ["description", "user_group_id", "static_ip"]) if (input[f] !== undefined) rec.data[f] = input[f];
  },

  view(h, rec, wire) {
    const gid = wire.user_group_id;
    if (typeof gid === "string") {
      const g = h.emu.models.get(GROUP).find(h.project, gid);
      if (g) wire.user_group_name = g.data.name;
      else delete wire.user_group_id;
    }
    wire.created_at = isoTime(rec.createdAt);
    wire.updated_at = isoTime(rec.updatedAt);
    return wire;
  },
};

export const vpnUserGroupHooks: KindHooks = {
  resourceType: "USER_GROUP",
  appearsAfterDelay: true,
  notFound: () => apiError("VPN.1301"),

  prepareCreate(h, input, _raw, parents) {
    const server = requireServer(h, parents.vpn_server_id ?? "");
    const groups = allUnder(h, GROUP, server.id);
    if (groups.some((g) => g.data.name === input.name)) throw apiError("VPN.1300");
    if (groups.filter((g) => g.ext.isDefault !== true).length + 1 > p2cQuotaLimits.userGroupsPerServer.limit) throw apiError("VPN.1306");
    return { data: { name: input.name, description: input.description ?? "", type: "Custom" } };
  },

  guard(_h, rec) {
    if (rec.ext.isDefault === true) throw apiError("VPN.1316");
  },

  applyUpdate(h, rec, input) {
    if (typeof input.name === "string" && input.name !== rec.data.name) {
      if (allUnder(h, GROUP, rec.parents.vpn_server_id ?? "").some((g) => g.id !== rec.id && g.data.name === input.name)) throw apiError("VPN.1300");
      rec.data.name = input.name;
    }
    if (input.description !== undefined) rec.data.description = input.description;
  },

  beforeDelete(h, rec) {
    if (allUnder(h, POLICY, rec.parents.vpn_server_id ?? "").some((p) => p.data.user_group_id === rec.id)) throw apiError("VPN.1313");
  },

  afterRemove(h, rec) {
    for (const u of allUnder(h, USER, rec.parents.vpn_server_id ?? "")) if (u.data.user_group_id === rec.id) delete u.data.user_group_id;
  },

  view(h, rec, wire) {
    wire.user_number = allUnder(h, USER, rec.parents.vpn_server_id ?? "").filter((u) => u.data.user_group_id === rec.id).length;
    wire.created_at = isoTime(rec.createdAt);
    wire.updated_at = isoTime(rec.updatedAt);
    return wire;
  },
};

export const vpnAccessPolicyHooks: KindHooks = {
  resourceType: "ACCESS_POLICY",
  appearsAfterDelay: true,
  notFound: () => apiError("VPN.1401"),

  prepareCreate(h, input, raw, parents) {
    const server = requireServer(h, parents.vpn_server_id ?? "");
    enforceP2cRules("vpnAccessPolicy", raw, { localSubnets: (server.data.local_subnets as string[] | undefined) ?? [] });
    requireGroup(h, server.id, String(input.user_group_id));
    if (allUnder(h, POLICY, server.id).length + 1 > p2cQuotaLimits.accessPoliciesPerServer.limit) throw apiError("VPN.1400");
    return { data: { name: input.name, user_group_id: input.user_group_id, description: input.description ?? "", dest_ip_cidrs: input.dest_ip_cidrs } };
  },

  applyUpdate(h, rec, input) {
    if (typeof input.user_group_id === "string") requireGroup(h, rec.parents.vpn_server_id ?? "", input.user_group_id);
    for (const f of ["name", "user_group_id", "description", "dest_ip_cidrs"]) if (input[f] !== undefined) rec.data[f] = input[f];
  },

  view(h, rec, wire) {
    const g = h.emu.models.get(GROUP).find(h.project, String(wire.user_group_id));
    if (g) wire.user_group_name = g.data.name;
    wire.created_at = isoTime(rec.createdAt);
    wire.updated_at = isoTime(rec.updatedAt);
    return wire;
  },
};

void SERVER;
