/**
 * P2C operations beyond plain CRUD: AZs, client connections, log configuration, client CA certificates,
 * client configuration export, users in batch, passwords, group membership.
 */
import { apiError, validationError } from "../errors";
import { validate } from "../../sdk/schemas/validate";
import { BatchCreateVpnUser } from "../../sdk/schemas/p2c/user";
import { isPlainObject } from "../util";
import { isUsernameOrReverse } from "../../sdk/rules/p2c";
import { addClientCa, CLIENT_CA, clientConfig, GROUP, requireServer, SERVER, USER } from "../models/vpnServer";
import { checkNewUser, checkPasswordReuse, currentPasswordMatches, newPasswordHistory, requireGroup, requireUser } from "../models/vpnUser";
import { clientConnections, P2C_GATEWAY, requireP2cGateway, type ClientConnection } from "../models/p2cVpnGateway";
import { certificateFacts } from "../models/certs";
import type { Wire } from "../models/base";
import type { ResourceRecord } from "../models/state";
import { findTarget } from "./crud";
import { deleteJobHandler, listJobsHandler, upgradeHandler } from "./s2c";
import { JOB_LISTS } from "../models/jobs";
import type { Handler, RequestContext } from "./types";

const listP2cAzs: Handler = (ctx) => ({ body: { availability_zones: ctx.emu.config.availabilityZones.slice(0, 2) } });

const listClientConnections: Handler = (ctx) => {
  const gw = findTarget(ctx.emu.models.get(P2C_GATEWAY), ctx, true);
  const all = clientConnections(gw);
  const offset = (ctx.query.offset as number | undefined) ?? 0;
  const limit = (ctx.query.limit as number | undefined) || all.length;
  return { body: { connections: all.slice(offset, offset + limit), total_count: all.length } };
};

const disconnect: Handler = (ctx) => {
  const gw = requireP2cGateway(ctx.emu.models.get(P2C_GATEWAY).hookContext(ctx.project), ctx.params.p2c_vgw_id ?? "");
  const all = clientConnections(gw);
  if (!all.some((c) => c.connection_id === ctx.params.connection_id)) throw apiError("VPN.0563");
  gw.ext.clientConnections = all.filter((c: ClientConnection) => c.connection_id !== ctx.params.connection_id);
  ctx.emu.changed();
  return { body: {} };
};

function logGateway(ctx: RequestContext): ResourceRecord {
  return findTarget(ctx.emu.models.get(P2C_GATEWAY), ctx);
}

const updateLogConfig: Handler = (ctx) => {
  const gw = logGateway(ctx);
  gw.ext.logConfig = { ...((ctx.body as { log_config: Wire }).log_config ?? {}) };
  ctx.emu.changed();
  return { body: { log_config: gw.ext.logConfig } };
};

const showLogConfig: Handler = (ctx) => {
  const gw = logGateway(ctx);
  if (!gw.ext.logConfig) throw apiError("VPN.0004");
  return { body: { log_config: gw.ext.logConfig } };
};

const deleteLogConfig: Handler = (ctx) => {
  const gw = logGateway(ctx);
  if (!gw.ext.logConfig) throw apiError("VPN.0004");
  delete gw.ext.logConfig;
  ctx.emu.changed();
  return {};
};

/** C1: flat certificate facts, no wrapper (api-p2c-common.md §5.7). */
const checkClientCa: Handler = (ctx) => {
  const c = (ctx.body as { client_ca_certificate: Wire }).client_ca_certificate;
  const name = typeof c.name === "string" ? c.name : "client_ca";
  const f = certificateFacts(String(c.content), name, ctx.emu.clock.now(), { requireCa: true, requirePem: true });
  return {
    body: { name, issuer: f.issuer, subject: f.subject, serial_number: f.serial_number, expiration_time: f.expiration_time, signature_algorithm: f.signature_algorithm },
  };
};

/** A CA change puts the server in PENDING_UPDATE (sdk/spec/p2c-kinds.ts). */
function touchServer(ctx: RequestContext, server: ResourceRecord): void {
  const model = ctx.emu.models.get(SERVER);
  server.updatedAt = ctx.emu.clock.now();
  model.startPhase(server, "update", ctx.project);
  ctx.emu.changed();
}

const importClientCa: Handler = (ctx) => {
  const h = ctx.emu.models.get(SERVER).hookContext(ctx.project);
  const server = requireServer(h, ctx.params.vpn_server_id ?? "");
  const rec = addClientCa(h, server, (ctx.body as { client_ca_certificate: Wire }).client_ca_certificate);
  touchServer(ctx, server);
  return { body: { client_ca_certificate: { id: rec.id } } };
};

const deleteClientCa: Handler = (ctx) => {
  const model = ctx.emu.models.get(CLIENT_CA);
  const rec = findTarget(model, ctx);
  model.delete(ctx.project, rec);
  const server = ctx.emu.models.get(SERVER).find(ctx.project, ctx.params.vpn_server_id ?? "");
  if (server) touchServer(ctx, server);
  return {};
};

const exportClientConfig: Handler = (ctx) => {
  const model = ctx.emu.models.get(SERVER);
  const server = model.require(ctx.project, ctx.params.vpn_server_id ?? "");
  return { body: { client_config: clientConfig(model.hookContext(ctx.project), server) } };
};

/** Documented causes of `invalid_users` (EN 4.2.3.2 example), by the rule that failed. */
const DOCUMENTED_CAUSES: Readonly<Record<string, string>> = { "P2C-PWD-1": "Password length invalid." };

/**
 * The users of a batch create that are invalid one by one, with a cause each, and the others parsed (defaults
 * filled). A body that is not a list of users, an empty list (VPN.1318) or a name given twice (VPN.1315) is
 * refused as a whole, as the docs list those as errors of the operation.
 */
function splitBatchUsers(ctx: RequestContext): { valid: Array<{ user: Wire; raw: Wire; index: number }>; invalid: Wire[] } {
  const whole = validate(ctx.op.body!, ctx.rawBody, ctx.op.secretFields ?? []);
  const raws = (isPlainObject(ctx.rawBody) && Array.isArray(ctx.rawBody.users) ? ctx.rawBody.users : []) as Wire[];
  if (whole.success) {
    const users = ((whole.data as Wire).users ?? []) as Wire[];
    return { valid: users.map((user, i) => ({ user, raw: raws[i] ?? {}, index: i })), invalid: [] };
  }
  const perUser = whole.issues.every((i) => /^users\[\d+\]\./.test(i.field) && i.ruleId !== "P2C-USR-3");
  if (!perUser) throw validationError(whole.issues);
  const valid: Array<{ user: Wire; raw: Wire; index: number }> = [];
  const invalid: Wire[] = [];
  raws.forEach((raw, i) => {
    const one = validate(BatchCreateVpnUser, raw, ["password"]);
    if (one.success) return void valid.push({ user: one.data as Wire, raw, index: i });
    const first = one.issues[0]!;
    const cause = (first.ruleId && DOCUMENTED_CAUSES[first.ruleId]) ?? `${first.field}: ${first.rule}`;
    invalid.push({ name: raw.name, description: raw.description, user_group_name: raw.user_group_name, static_ip: raw.static_ip, cause, index: i });
  });
  return { valid, invalid };
}

/** U2: all or nothing; invalid users are reported with 201 and a cause (EN 4.2.3.2). */
const batchCreateUsers: Handler = (ctx) => {
  const model = ctx.emu.models.get(USER);
  const h = model.hookContext(ctx.project);
  const server = requireServer(h, ctx.params.vpn_server_id ?? "");
  const split = splitBatchUsers(ctx);
  const groups = ctx.emu.models.get(GROUP).records(ctx.project, { vpn_server_id: server.id });
  const invalid: Wire[] = split.invalid;
  const seen = new Set<string>();
  const prepared: Array<{ data: Wire; password: string }> = [];
  split.valid.forEach(({ user: u, raw, index }) => {
    const describe = (cause: string) =>
      invalid.push({ name: u.name, description: u.description, user_group_name: u.user_group_name, static_ip: u.static_ip, cause, index });
    if (seen.has(String(u.name))) return describe("Duplicate user name.");
    seen.add(String(u.name));
    let groupId: string | undefined;
    if (typeof u.user_group_name === "string") {
      const g = groups.find((x) => x.data.name === u.user_group_name);
      if (!g) return describe("User group does not exist.");
      groupId = g.id;
    }
    try {
      checkNewUser(h, server, { ...u, ...(groupId ? { user_group_id: groupId } : {}) }, raw, prepared.length);
    } catch (e) {
      return describe((e as Error).message);
    }
    prepared.push({
      data: { name: u.name, description: u.description ?? "", static_ip: u.static_ip ?? "disable", ...(groupId ? { user_group_id: groupId } : {}) },
      password: String(u.password),
    });
  });
  if (invalid.length === 0)
    for (const p of prepared)
      model.insert(ctx.project, { data: p.data, secrets: { passwords: newPasswordHistory(p.password) } }, { vpn_server_id: server.id });
  invalid.sort((a, b) => Number(a.index) - Number(b.index));
  return { body: { invalid_users: invalid.map(({ index: _index, ...u }) => u) } };
};
batchCreateUsers.validatesBody = true;

function userRefs(ctx: RequestContext): string[] {
  return (((ctx.body as Wire).users ?? []) as Array<{ id: string }>).map((u) => u.id);
}

function checkDuplicates(ids: readonly string[]): void {
  if (ids.length === 0) throw apiError("VPN.1318");
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw apiError("VPN.1315", id);
    seen.add(id);
  }
}

const batchDeleteUsers: Handler = (ctx) => {
  const model = ctx.emu.models.get(USER);
  const h = model.hookContext(ctx.project);
  const server = requireServer(h, ctx.params.vpn_server_id ?? "");
  const ids = userRefs(ctx);
  checkDuplicates(ids);
  const recs = ids.map((id) => requireUser(h, server.id, id));
  for (const r of recs) model.delete(ctx.project, r);
  return { body: {} };
};

function passwordTarget(ctx: RequestContext): ResourceRecord {
  const h = ctx.emu.models.get(USER).hookContext(ctx.project);
  requireServer(h, ctx.params.vpn_server_id ?? "");
  return requireUser(h, ctx.params.vpn_server_id ?? "", ctx.params.user_id ?? "");
}

function setPassword(ctx: RequestContext, rec: ResourceRecord, password: string): void {
  if (isUsernameOrReverse(password, String(rec.data.name))) throw apiError("VPN.1309");
  checkPasswordReuse(rec, password);
  rec.secrets = { ...(rec.secrets ?? {}), passwords: newPasswordHistory(password, (rec.secrets?.passwords as string[] | undefined) ?? []) };
  rec.updatedAt = ctx.emu.clock.now();
  ctx.emu.changed();
}

const updatePassword: Handler = (ctx) => {
  const rec = passwordTarget(ctx);
  const b = ctx.body as { old_password: string; new_password: string };
  if (!currentPasswordMatches(rec, b.old_password)) throw apiError("VPN.1312");
  setPassword(ctx, rec, b.new_password);
  return { body: {} };
};

const resetPassword: Handler = (ctx) => {
  const rec = passwordTarget(ctx);
  setPassword(ctx, rec, (ctx.body as { new_password: string }).new_password);
  return { body: {} };
};

function groupTarget(ctx: RequestContext): { group: ResourceRecord; serverId: string } {
  const h = ctx.emu.models.get(GROUP).hookContext(ctx.project);
  const serverId = requireServer(h, ctx.params.vpn_server_id ?? "").id;
  return { group: requireGroup(h, serverId, ctx.params.group_id ?? ""), serverId };
}

/** The group of the path (not the default group, VPN.1316) and the users the body lists, each once, on its server. */
function membershipTarget(ctx: RequestContext): { group: ResourceRecord; users: ResourceRecord[] } {
  const { group, serverId } = groupTarget(ctx);
  if (group.ext.isDefault === true) throw apiError("VPN.1316");
  const ids = userRefs(ctx);
  checkDuplicates(ids);
  const h = ctx.emu.models.get(USER).hookContext(ctx.project);
  return { group, users: ids.map((id) => requireUser(h, serverId, id)) };
}

const addUsers: Handler = (ctx) => {
  const { group, users } = membershipTarget(ctx);
  for (const u of users)
    if (typeof u.data.user_group_id === "string" && u.data.user_group_id !== group.id) throw apiError("VPN.1304", u.id);
  for (const u of users) u.data.user_group_id = group.id;
  ctx.emu.changed();
  return { body: {} };
};

const removeUsers: Handler = (ctx) => {
  const { group, users } = membershipTarget(ctx);
  for (const u of users) if (u.data.user_group_id !== group.id) throw apiError("VPN.1305", u.id);
  for (const u of users) delete u.data.user_group_id;
  ctx.emu.changed();
  return { body: {} };
};

const listUsersInGroup: Handler = (ctx) => {
  const { group, serverId } = groupTarget(ctx);
  const model = ctx.emu.models.get(USER);
  const rawLimit = ctx.query.limit as number | undefined;
  const page = model.page(ctx.project, {
    parents: { vpn_server_id: serverId },
    filter: (u) => u.data.user_group_id === group.id,
    ...(typeof ctx.query.marker === "string" ? { marker: ctx.query.marker } : {}),
    ...(rawLimit ? { limit: rawLimit } : {}),
  });
  const total = model.records(ctx.project, { vpn_server_id: serverId }).filter((u) => u.data.user_group_id === group.id).length;
  return {
    body: {
      users: page.items.map((u) => ({ id: u.id, name: u.data.name, description: u.data.description })),
      total_count: total,
      page_info: { next_marker: page.more ? (page.lastMarker ?? null) : null, current_count: page.items.length },
    },
  };
};

export const p2cHandlers: Record<string, Handler> = {
  listP2cVgwAvailabilityZones: listP2cAzs,
  listP2cVgwConnections: listClientConnections,
  deleteP2cVgwConnection: disconnect,
  upgradeP2cVpnGateway: upgradeHandler(P2C_GATEWAY, JOB_LISTS.p2cVpnGateway),
  listP2cVpnGatewayJobs: listJobsHandler(JOB_LISTS.p2cVpnGateway),
  deleteP2cVpnGatewayJob: deleteJobHandler(JOB_LISTS.p2cVpnGateway),
  updateVpnConnectionsLogConfig: updateLogConfig,
  showVpnConnectionsLogConfig: showLogConfig,
  deleteVpnConnectionsLogConfig: deleteLogConfig,
  checkClientCaCertificate: checkClientCa,
  importClientCa,
  deleteClientCa,
  exportClientConfig,
  batchCreateVpnUsers: batchCreateUsers,
  batchDeleteVpnUsers: batchDeleteUsers,
  updateVpnUserPassword: updatePassword,
  resetVpnUserPassword: resetPassword,
  addVpnUsersToGroup: addUsers,
  removeVpnUsersFromGroup: removeUsers,
  listVpnUsersInGroup: listUsersInGroup,
};
