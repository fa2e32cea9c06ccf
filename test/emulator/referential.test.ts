/**
 * Cross-resource rules the models own: dependencies block deletes, connection capacity, vgw_ip, EIP binding,
 * quotas (from the quota table, reported by the quota API), the seeded inventory of external resources, the
 * server-filled values, and the P2C per-server limits and references.
 */
import { describe, expect, it } from "vitest";
import { useEmulator,
  signed,
  activeGateway,
  createGateway,
  createCustomerGateway,
  createConnection,
  gatewayBody,
  apiErrorOf,
  eipId,
  IDS,
} from "./helpers";

const env = useEmulator({}, { resetAfterEach: true });

describe("dependencies", () => {
  it("a customer gateway with a connection cannot be deleted (VPN.0001, documented message)", async () => {
    const g = await activeGateway(env.vpn);
    const cgw = await createCustomerGateway(env.vpn);
    const c = await createConnection(env.vpn, g, cgw);
    const e = await apiErrorOf(env.vpn.deleteCgw({ customer_gateway_id: cgw.id } as any));
    expect([e.httpStatus, e.errorCode, e.errorMsg]).toEqual([400, "VPN.0001", `invalid request: customer gateway ${cgw.id} has connection`]);
    const eg = await apiErrorOf(env.vpn.deleteVgw({ vgw_id: g.id } as any));
    expect([eg.errorCode, eg.errorMsg]).toEqual(["VPN.0001", `invalid request: vpn gateway ${g.id} has connection`]);
    await env.vpn.deleteVpnConnection({ vpn_connection_id: c.id } as any);
    await env.vpn.deleteCgw({ customer_gateway_id: cgw.id } as any);
    await env.vpn.deleteVgw({ vgw_id: g.id } as any);
    expect(((await env.vpn.listVgws({} as any)) as any).vpn_gateways).toEqual([]);
  });

  it("a P2C gateway has one VPN server, which goes with the gateway (there is no delete-server API)", async () => {
    const gw = await env.emu.admin.createResource<{ id: string }>(
      "p2cVpnGateway",
      { vpc_id: IDS.vpc, connect_subnet: IDS.subnet, eip: { type: "5_bgp", bandwidth_size: 10 } },
      { ready: true },
    );
    const created: any = await env.vpn.createVpnServer({ p2c_vgw_id: gw.id, body: { vpn_server: { client_cidr: "172.16.0.0/16", local_subnets: ["10.0.0.0/24"], server_certificate: { id: "scs1" }, ssl_options: {}, client_auth_type: "LOCAL_PASSWORD" } } } as any);
    const serverId = created.vpn_server.id as string;
    const second = await apiErrorOf(env.vpn.createVpnServer({ p2c_vgw_id: gw.id, body: { vpn_server: { client_cidr: "172.17.0.0/16", local_subnets: ["10.0.1.0/24"], server_certificate: { id: "scs1" }, ssl_options: {} } } } as any));
    expect(second.errorCode).toBe("VPN.1102");
    await env.vpn.createVpnUser({ vpn_server_id: serverId, body: { user: { name: "gone001", password: "Passw0rd-1" } } } as any);
    await env.vpn.deleteP2cVgw({ p2c_vgw_id: gw.id } as any);
    const servers: any = await env.vpn.listVpnServersByProject({} as any);
    expect(servers.vpn_servers.map((x: any) => x.id)).not.toContain(serverId);
    const left = (await env.emu.admin.state(env.emu.projectId)).projects[0]?.resources ?? {};
    for (const kind of ["vpnServer", "vpnUser", "vpnUserGroup"])
      expect(((left[kind] ?? []) as Array<{ parents: Record<string, string> }>).filter((r) => r.parents.vpn_server_id === serverId || r.parents.p2c_vgw_id === gw.id)).toEqual([]);
  });

  it("a frozen connection cannot be updated or deleted", async () => {
    const g = await activeGateway(env.vpn);
    const c = await createConnection(env.vpn, g, await createCustomerGateway(env.vpn));
    await env.emu.admin.setStatus("vpnConnection", c.id, "FREEZED");
    const u = await apiErrorOf(env.vpn.updateVpnConnection({ vpn_connection_id: c.id, body: { vpn_connection: { name: "x" } } } as any));
    expect(u.errorMsg).toBe("invalid request: ILLEGAL not allowed update vpnConnection");
    const d = await apiErrorOf(env.vpn.deleteVpnConnection({ vpn_connection_id: c.id } as any));
    expect(d.errorMsg).toBe("invalid request: ILLEGAL not allowed delete vpnConnection");
  });
});

describe("connections and their gateway", () => {
  it("at most connection_number connections per gateway (VPN.0504), used_connection_number counts them", async () => {
    const g = await activeGateway(env.vpn, { flavor: "Basic" });
    expect(g.connection_number).toBe(100);
    const cgw = await createCustomerGateway(env.vpn);
    for (let i = 0; i < 100; i++) await createConnection(env.vpn, g, cgw, { vgw_ip: i % 2 ? g.eip2.id : g.eip1.id });
    const e = await apiErrorOf(createConnection(env.vpn, g, cgw));
    expect(e.errorCode).toBe("VPN.0504");
    const shown: any = await env.vpn.showVgw({ vgw_id: g.id } as any);
    expect(shown.vpn_gateway.used_connection_number).toBe(100);
    expect(shown.vpn_gateway.used_connection_group).toBe(50);
  });

  it("vgw_ip must be one of the gateway's EIP ids (public) or access private IPs (private)", async () => {
    const g = await activeGateway(env.vpn);
    const cgw = await createCustomerGateway(env.vpn);
    const e1 = await apiErrorOf(createConnection(env.vpn, g, cgw, { vgw_ip: eipId() }));
    expect(e1.errorCode).toBe("VPN.0001");
    expect(e1.errorMsg).toContain("CONN-02");
    const priv = await activeGateway(env.vpn, { network_type: "private", eip1: undefined, eip2: undefined });
    expect(priv.access_private_ip_1).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const ok = await createConnection(env.vpn, priv, cgw, { vgw_ip: priv.access_private_ip_2 });
    expect(ok.vgw_ip).toBe(priv.access_private_ip_2);
    const e2 = await apiErrorOf(createConnection(env.vpn, priv, cgw, { vgw_ip: "10.255.255.1" }));
    expect(e2.errorMsg).toContain("CONN-02");
  });

  it("server-filled values: style upper-cased, defaults, IKE ids, tunnel /30, enterprise project; never the psk", async () => {
    const g = await activeGateway(env.vpn, { enterprise_project_id: "0" });
    const cgw = await createCustomerGateway(env.vpn);
    const c = await createConnection(env.vpn, g, cgw, { style: "bgp", psk: "Secret.Psk-9" });
    expect(c.style).toBe("BGP");
    expect(c.ikepolicy).toMatchObject({ ike_version: "v2", authentication_algorithm: "sha2-256", encryption_algorithm: "aes-128", dh_group: "group15", lifetime_seconds: 86400, local_id: g.eip1.ip_address, peer_id: cgw.id_value });
    expect(c.ikepolicy.dpd).toEqual({ timeout: 15, interval: 30, msg: "seq-hash-notify" });
    expect(c.ipsecpolicy).toMatchObject({ pfs: "group15", transform_protocol: "esp", lifetime_seconds: 3600, encapsulation_mode: "tunnel" });
    expect(c.tunnel_local_address).toMatch(/^169\.254\.\d+\.\d+\/30$/);
    expect(c.tunnel_local_address).not.toMatch(/^169\.254\.195\./);
    expect(c.enterprise_project_id).toBe("0");
    expect(c.ha_role).toBe("master");
    expect(JSON.stringify(c)).not.toContain("Secret.Psk-9");
    expect(c.psk).toBeUndefined();
  });

  it("the peer id of type ip follows the customer gateway: a connection moved to another one reports its address", async () => {
    const g = await activeGateway(env.vpn);
    const a = await createCustomerGateway(env.vpn);
    const b = await createCustomerGateway(env.vpn);
    const c = await createConnection(env.vpn, g, a);
    expect(c.ikepolicy.peer_id).toBe(a.id_value);
    await env.vpn.updateVpnConnection({ vpn_connection_id: c.id, body: { vpn_connection: { cgw_id: b.id } } } as any);
    const moved: any = await env.vpn.showVpnConnection({ vpn_connection_id: c.id } as any);
    expect(moved.vpn_connection.cgw_id).toBe(b.id);
    expect(moved.vpn_connection.ikepolicy.peer_id).toBe(b.id_value);
    // An update that only renames keeps it.
    await env.vpn.updateVpnConnection({ vpn_connection_id: c.id, body: { vpn_connection: { name: "renamed" } } } as any);
    const renamed: any = await env.vpn.showVpnConnection({ vpn_connection_id: c.id } as any);
    expect(renamed.vpn_connection.ikepolicy.peer_id).toBe(b.id_value);
  });

  it("a gateway EIP bound elsewhere is refused (VPN.0553); rebinding needs an unbind first (VPN.0512)", async () => {
    const g = await activeGateway(env.vpn);
    const e = await apiErrorOf(createGateway(env.vpn, { eip1: { id: g.eip1.id } }));
    expect(e.errorCode).toBe("VPN.0553");
    const fresh = eipId();
    const busy = await apiErrorOf(env.vpn.updateVgw({ vgw_id: g.id, body: { vpn_gateway: { eip_id_1: fresh } } } as any));
    expect(busy.errorCode).toBe("VPN.0512");
    await env.emu.admin.unbindEip(g.eip1.id);
    const upd: any = await env.vpn.updateVgw({ vgw_id: g.id, body: { vpn_gateway: { eip_id_1: fresh } } } as any);
    expect(upd.vpn_gateway.eip1.id).toBe(fresh);
  });

  it("flavor change: target must be in supported_flavors; connection_number follows", async () => {
    const g = await activeGateway(env.vpn);
    expect(g.supported_flavors).toEqual(["Basic", "Professional2"]);
    const r: any = await env.vpn.updatePostpaidVgwSpecification({ vgw_id: g.id, body: { vpn_gateway: { flavor: "Basic" } } } as any);
    expect(r.vpn_gateway.flavor).toBe("Basic");
    expect(r.vpn_gateway.connection_number).toBe(100);
    const e = await apiErrorOf(env.vpn.updatePostpaidVgwSpecification({ vgw_id: g.id, body: { vpn_gateway: { flavor: "Professional1-NonFixedIP" } } } as any));
    expect(e.errorCode).toBe("VPN.0001");
    expect(e.errorMsg).toContain("GW-21");
  });
});

describe("quotas", () => {
  it("reports usage from the quota table and enforces a lowered quota (VPN.0513 for gateways)", async () => {
    await env.emu.admin.setQuota("vpn_gateway", 1);
    await createGateway(env.vpn);
    const e = await apiErrorOf(createGateway(env.vpn));
    expect([e.httpStatus, e.errorCode, e.errorMsg]).toEqual([400, "VPN.0513", "Insufficient gateway quota."]);
    await createCustomerGateway(env.vpn);
    const q: any = await env.vpn.showQuotasInfo({} as any);
    expect(q.quotas.resources).toEqual([
      { type: "customer_gateway", quota: 100, used: 1 },
      { type: "vpn_connection", quota: 5000, used: 0 },
      { type: "vpn_gateway", quota: 1, used: 1 },
    ]);
    await env.emu.admin.setQuota("customer_gateway", 1);
    const ec = await apiErrorOf(createCustomerGateway(env.vpn));
    expect(ec.errorCode).toBe("VPN.0001");
  });
});

describe("seeded inventory", () => {
  it("unknown VPC, subnet, EIP; frozen, shared and bound EIPs get the documented codes", async () => {
    await env.emu.admin.seed({
      inventory: {
        vpcs: [{ id: IDS.vpc, cidr: "192.168.0.0/16", subnets: [{ id: IDS.subnet, cidr: "192.168.1.0/24" }] }],
        eips: [
          { id: IDS.eip1, ip_address: "203.0.113.10" },
          { id: IDS.eip2, ip_address: "203.0.113.11" },
          { id: "eeeeeeee-0000-4000-8000-000000000001", frozen: true },
          { id: "eeeeeeee-0000-4000-8000-000000000002", shared: true },
          { id: "eeeeeeee-0000-4000-8000-000000000003", bound: true },
        ],
      },
    });
    const withEips = (a: string, b = IDS.eip2) => ({ eip1: { id: a }, eip2: { id: b } });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ vpc_id: "cb4a631d-9999-4a8d-8a86-ca3fa348c36c", ...withEips(IDS.eip1) }, "VPN.0500"],
      [{ connect_subnet: "f5741286-9999-4a8d-8a86-2c82bd9ee114", ...withEips(IDS.eip1) }, "VPN.0501"],
      [{ ...withEips("eeeeeeee-0000-4000-8000-0000000000ff") }, "VPN.0551"],
      [{ ...withEips("eeeeeeee-0000-4000-8000-000000000001") }, "VPN.0552"],
      [{ ...withEips("eeeeeeee-0000-4000-8000-000000000002") }, "VPN.0554"],
      [{ ...withEips("eeeeeeee-0000-4000-8000-000000000003") }, "VPN.0553"],
    ];
    for (const [extra, code] of cases) {
      const r = await signed(env.emu, "POST", "/v5/{project_id}/vpn-gateways", gatewayBody(extra));
      expect([r.status, r.json.error_code], JSON.stringify(extra)).toEqual([400, code]);
    }
    const ok = await signed(env.emu, "POST", "/v5/{project_id}/vpn-gateways", gatewayBody(withEips(IDS.eip1)));
    expect(ok.status).toBe(201);
    const shown: any = await env.vpn.showVgw({ vgw_id: ok.json.vpn_gateway.id } as any);
    expect(shown.vpn_gateway.eip1.ip_address).toBe("203.0.113.10");
  });

  it("without an inventory, any well-formed id is accepted", async () => {
    const r = await signed(env.emu, "POST", "/v5/{project_id}/vpn-gateways", gatewayBody({ vpc_id: "cb4a631d-1234-4a8d-8a86-ca3fa348c36c" }));
    expect(r.status).toBe(201);
  });
});

describe("P2C references and limits", () => {
  async function server(): Promise<string> {
    const gw = await env.emu.admin.createResource<{ id: string }>(
      "p2cVpnGateway",
      { vpc_id: IDS.vpc, connect_subnet: IDS.subnet, eip: { type: "5_bgp", bandwidth_size: 10 }, max_connection_number: 2 },
      { ready: true },
    );
    const s: any = await env.vpn.createVpnServer({ p2c_vgw_id: gw.id, body: { vpn_server: { client_cidr: "172.16.0.0/16", local_subnets: ["10.0.0.0/24"], server_certificate: { id: "scs1" }, ssl_options: {} } } } as any);
    return s.vpn_server.id;
  }

  it("users: unique names (VPN.1302), at most max_connection_number (VPN.1307), groups must exist (VPN.1301)", async () => {
    const s = await server();
    const mk = (name: string, extra: Record<string, unknown> = {}) => env.vpn.createVpnUser({ vpn_server_id: s, body: { user: { name, password: "Qwerasdf1", ...extra } } } as any);
    await mk("user001");
    expect((await apiErrorOf(mk("user001"))).errorCode).toBe("VPN.1302");
    expect((await apiErrorOf(mk("user002", { user_group_id: "7625fd92-2e20-4e4d-8c56-66f110fbfaa8" }))).errorCode).toBe("VPN.1301");
    await mk("user002");
    expect((await apiErrorOf(mk("user003"))).errorCode).toBe("VPN.1307");
  });

  it("groups: unique names, default group protected, in use by a policy; membership rules", async () => {
    const s = await server();
    const g: any = await env.vpn.createVpnUserGroup({ vpn_server_id: s, body: { user_group: { name: "grp-1" } } } as any);
    expect((await apiErrorOf(env.vpn.createVpnUserGroup({ vpn_server_id: s, body: { user_group: { name: "grp-1" } } } as any))).errorCode).toBe("VPN.1300");
    const groups: any = await env.vpn.listVpnUserGroups({ vpn_server_id: s } as any);
    const def = groups.user_groups.find((x: any) => x.type === "Default");
    expect((await apiErrorOf(env.vpn.deleteVpnUserGroup({ vpn_server_id: s, group_id: def.id } as any))).errorCode).toBe("VPN.1316");
    const u1: any = await env.vpn.createVpnUser({ vpn_server_id: s, body: { user: { name: "user001", password: "Qwerasdf1" } } } as any);
    await env.vpn.addVpnUsersToGroup({ vpn_server_id: s, group_id: g.user_group.id, body: { users: [{ id: u1.user.id }] } } as any);
    const shown: any = await env.vpn.showVpnUserGroup({ vpn_server_id: s, group_id: g.user_group.id } as any);
    expect(shown.user_group.user_number).toBe(1);
    const g2: any = await env.vpn.createVpnUserGroup({ vpn_server_id: s, body: { user_group: { name: "grp-2" } } } as any);
    expect((await apiErrorOf(env.vpn.addVpnUsersToGroup({ vpn_server_id: s, group_id: g2.user_group.id, body: { users: [{ id: u1.user.id }] } } as any))).errorCode).toBe("VPN.1304");
    expect((await apiErrorOf(env.vpn.removeVpnUsersFromGroup({ vpn_server_id: s, group_id: g2.user_group.id, body: { users: [{ id: u1.user.id }] } } as any))).errorCode).toBe("VPN.1305");
    await env.vpn.createVpnAccessPolicy({ vpn_server_id: s, body: { access_policy: { name: "p1", user_group_id: g.user_group.id, dest_ip_cidrs: ["10.0.0.0/24"] } } } as any);
    expect((await apiErrorOf(env.vpn.deleteVpnUserGroup({ vpn_server_id: s, group_id: g.user_group.id } as any))).errorCode).toBe("VPN.1313");
    const missing = await apiErrorOf(env.vpn.showVpnAccessPolicy({ vpn_server_id: s, policy_id: "4f746482-a575-4e1f-9e80-5f6f69ff8588" } as any));
    expect([missing.httpStatus, missing.errorCode]).toEqual([400, "VPN.1401"]);
  });

  it("passwords: old password checked (VPN.1312), the last five refused (VPN.1311), never the username (VPN.1309)", async () => {
    const s = await server();
    const u: any = await env.vpn.createVpnUser({ vpn_server_id: s, body: { user: { name: "user001", password: "Passw0rd-0" } } } as any);
    const id = u.user.id;
    const change = (oldPw: string, newPw: string) => env.vpn.updateVpnUserPassword({ vpn_server_id: s, user_id: id, body: { old_password: oldPw, new_password: newPw } } as any);
    expect((await apiErrorOf(change("Wrong-passw0rd", "Passw0rd-1"))).errorCode).toBe("VPN.1312");
    await change("Passw0rd-0", "Passw0rd-1");
    for (let i = 2; i <= 5; i++) await env.vpn.resetVpnUserPassword({ vpn_server_id: s, user_id: id, body: { new_password: `Passw0rd-${i}` } } as any);
    expect((await apiErrorOf(change("Passw0rd-5", "Passw0rd-1"))).errorCode).toBe("VPN.1311");
    await change("Passw0rd-5", "Passw0rd-0"); // six changes ago: allowed again
    const u2: any = await env.vpn.createVpnUser({ vpn_server_id: s, body: { user: { name: "abcdefgh12", password: "Passw0rd-0" } } } as any);
    const rev = await apiErrorOf(env.vpn.resetVpnUserPassword({ vpn_server_id: s, user_id: u2.user.id, body: { new_password: "21hgfedcba" } } as any));
    expect(rev.errorCode).toBe("VPN.1309");
  });

  it("client CA certificates: duplicates (VPN.0077), at most 10 (VPN.1111), the last one of a CERT server stays (VPN.1101)", async () => {
    const s = await server();
    const pem = (i: number) => `-----BEGIN CERTIFICATE-----*****${i}-----END CERTIFICATE-----`;
    const imp = (i: number) => env.vpn.importClientCa({ vpn_server_id: s, body: { client_ca_certificate: { content: pem(i) } } } as any);
    const first: any = await imp(0);
    expect((await apiErrorOf(imp(0))).errorCode).toBe("VPN.0077");
    for (let i = 1; i < 10; i++) await imp(i);
    expect((await apiErrorOf(imp(10))).errorCode).toBe("VPN.1111");
    const ca: any = await env.vpn.showClientCa({ vpn_server_id: s, client_ca_certificate_id: first.client_ca_certificate.id } as any);
    expect(ca.client_ca_certificate.name).toMatch(/^ca-cert-[0-9a-f]{4}$/);
    expect(JSON.stringify(ca)).not.toContain("BEGIN CERTIFICATE");
  });
});
