/**
 * The P2C kind hooks driven in-process (the provider's methods, as the engine calls them) against the emulator:
 * a user group's members (`users`) through add-users/remove-users with a fresh `userNumber`, membership drift
 * seen by a refresh; the connection-log configuration (a singleton known by its gateway's id, updated whole);
 * adopting a P2C gateway with only the fields to manage.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { methods } from "../../provider/runtime";
import { stackConfig } from "../../provider/settings";
import { VpnClient } from "../../sdk/client";

let emu: RunningEmulator;
let m: ReturnType<typeof methods>;
let api: VpnClient;
let gatewayId: string;
let serverId: string;
beforeAll(async () => {
  emu = await startEmulator({ delayScale: 0 });
  const cfg = stackConfig(emu.settings);
  m = methods({ get: (k) => cfg[k] });
  api = new VpnClient({ ...emu.settings, env: {} });
  const o = { projectId: emu.projectId, ready: true };
  gatewayId = (
    await emu.admin.createResource<{ id: string }>(
      "p2cVpnGateway",
      { name: "bought", vpc_id: "05b9d7de-9acd-4a05-b497-1a3c75afaa0a", connect_subnet: "1948ce22-ddc5-4fb6-87b8-dfcc9b176b51", eip: { id: "f0bac06a-88a7-4d37-8e2e-c37691ee3001" } },
      o,
    )
  ).id;
  serverId = (
    await emu.admin.createResource<{ id: string }>(
      "vpnServer",
      { client_cidr: "172.16.0.0/16", local_subnets: ["192.168.12.0/24"], client_auth_type: "LOCAL_PASSWORD", server_certificate: { id: "scs1716171403922" }, ssl_options: { port: 443 } },
      { ...o, parents: { p2c_vgw_id: gatewayId } },
    )
  ).id;
});
afterAll(async () => {
  await api.close();
  await emu.close();
});

/** Check then create, as the engine does. */
async function up(props: Record<string, unknown>) {
  const c = await m.check({}, props);
  expect(c.failures).toEqual([]);
  return m.create(c.inputs!);
}

describe("user group membership", () => {
  it("users are added on create, replaced on update, and userNumber counts them; a refresh sees drift", async () => {
    const users: string[] = [];
    for (const name of ["member-a", "member-b", "member-c"])
      users.push((await up({ __kind: "vpnUser", __logicalName: name, vpnServerId: serverId, name, password: "Qwer-asdf-12" })).id);
    const group = { __kind: "vpnUserGroup", __logicalName: "ops", vpnServerId: serverId, name: "ops" };
    const created = await up({ ...group, users: users.slice(0, 2) });
    expect(created.outs).toMatchObject({ userNumber: 2, users: users.slice(0, 2) });

    // check gets the old inputs, as the engine passes them.
    const news = (await m.check({ ...group, users: users.slice(0, 2) }, { ...group, users: [users[2], users[0]] })).inputs!;
    expect(await m.diff(created.id, created.outs, news)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    const updated = await m.update(created.id, created.outs, news);
    expect(updated.outs).toMatchObject({ userNumber: 2 });
    const inGroup = await api.listVpnUsersInGroup({ vpn_server_id: serverId, group_id: created.id });
    expect(inGroup.users.map((u) => u.id).sort()).toEqual([users[0], users[2]].sort());
    expect((await emu.admin.requests({ operation: "removeVpnUsersFromGroup", projectId: emu.projectId })).length).toBe(1);

    // The same members in another order: no change.
    const same = (await m.check(news, { ...group, users: [users[0], users[2]] })).inputs!;
    expect((await m.diff(created.id, updated.outs!, same)).changes).toBe(false);

    // Someone adds a member outside the program: the refresh shows it and the next update removes it.
    await api.addVpnUsersToGroup({ vpn_server_id: serverId, group_id: created.id, body: { users: [{ id: users[1]! }] } });
    const read = await m.read(created.id, updated.outs!);
    expect((read.props!.users as string[]).sort()).toEqual([...users].sort());
    expect((await m.diff(created.id, read.props!, same)).changes).toBe(true);
    const fixed = await m.update(created.id, read.props!, same);
    expect(fixed.outs).toMatchObject({ userNumber: 2 });
    expect((await api.showVpnUserGroup({ vpn_server_id: serverId, group_id: created.id })).user_group.user_number).toBe(2);
  });

  it("adopting a group (importId) with users adds the members it lacks", async () => {
    const user = await up({ __kind: "vpnUser", __logicalName: "joiner", vpnServerId: serverId, name: "joiner", password: "Qwer-asdf-12" });
    const existing = await api.createVpnUserGroup({ vpn_server_id: serverId, body: { user_group: { name: "adopt-me" } } });
    const adopted = await up({ __kind: "vpnUserGroup", __logicalName: "adopt", vpnServerId: serverId, importId: existing.user_group.id, name: "adopt-me", users: [user.id] });
    expect(adopted).toMatchObject({ id: existing.user_group.id, outs: { userNumber: 1, users: [user.id] } });
  });

  it("a group without users does not manage membership", async () => {
    const g = await up({ __kind: "vpnUserGroup", __logicalName: "free", vpnServerId: serverId, name: "free" });
    expect(g.outs.users).toBeUndefined();
    const read = await m.read(g.id, g.outs);
    expect(read.props!.users).toBeUndefined();
  });

  it.each([
    [["not-an-id"], 'users: "not-an-id" — must be a 36-character UUID'],
    [["3e9b8c9a-2a4c-4a83-8e41-1b2a0f4c2d11", "3e9b8c9a-2a4c-4a83-8e41-1b2a0f4c2d11"], "each user once (P2C-GRP-4, VPN.1315)"],
    ["3e9b8c9a-2a4c-4a83-8e41-1b2a0f4c2d11", "must be a list of VPN user ids"],
  ])("users %j fails at check: %s", async (users, rule) => {
    const r = await m.check({}, { __kind: "vpnUserGroup", __logicalName: "bad", vpnServerId: serverId, name: "bad", users });
    expect(r.failures).toHaveLength(1);
    expect(r.failures![0]).toMatchObject({ property: "users" });
    expect(r.failures![0]!.reason).toContain(rule);
  });
});

describe("connection-log configuration", () => {
  it("is known by its gateway's id, updates whole, and is gone after delete", async () => {
    const base = { __kind: "connectionLogConfig", __logicalName: "logs", p2cVgwId: gatewayId, logGroupId: "05c4052d-8d14-488f-aa00-19fea5a25fdd" };
    const created = await up({ ...base, logStreamId: "d9d85143-e1e1-427a-9994-d8b8fd9ebe3f" });
    expect(created.id).toBe(gatewayId);
    const news = (await m.check({ ...base, logStreamId: "d9d85143-e1e1-427a-9994-d8b8fd9ebe3f" }, { ...base, logStreamId: "d9d85143-e1e1-427a-9994-d8b8fd9ebe40" })).inputs!;
    await m.update(created.id, created.outs, news);
    expect((await api.showVpnConnectionsLogConfig({ p2c_vgw_id: gatewayId })).log_config).toMatchObject({
      log_group_id: "05c4052d-8d14-488f-aa00-19fea5a25fdd",
      log_stream_id: "d9d85143-e1e1-427a-9994-d8b8fd9ebe40",
    });
    await m.delete(created.id, news);
    expect(await m.read(created.id, news)).toEqual({});
  });
});

describe("adopting a P2C gateway", () => {
  it("needs only the fields to manage; the create schema's required fields are not asked for", async () => {
    const c = await m.check({}, { __kind: "p2cVpnGateway", __logicalName: "gw", importId: gatewayId, name: "renamed-gw" });
    expect(c.failures).toEqual([]);
    const adopted = await m.create(c.inputs!);
    expect(adopted.outs).toMatchObject({ name: "renamed-gw", vpcId: "05b9d7de-9acd-4a05-b497-1a3c75afaa0a", status: "ACTIVE" });
    const fresh = await m.check({}, { __kind: "p2cVpnGateway", __logicalName: "gw", name: "new-gw" });
    expect(fresh.failures!.map((f) => f.property).sort()).toEqual(["connectSubnet", "eip", "vpcId"]);
    const flag = await m.check({}, { __kind: "p2cVpnGateway", __logicalName: "gw", importId: gatewayId, deleteOnDestroy: "yes" });
    expect(flag.failures).toEqual([{ property: "deleteOnDestroy", reason: 'deleteOnDestroy: "yes" — must be true or false' }]);
  });
});
