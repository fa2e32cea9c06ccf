/**
 * Status lifecycles from the kinds' `status.transitions` (ManagedStatus): progression after N reads, time-based
 * with the emulator clock, immediate, failing transitions; fields returned only once ACTIVE; the documented
 * not-ready errors while a phase runs; deletion through PENDING_DELETE to 404; connections DOWN → ACTIVE with
 * the peer; users, groups and policies appearing after a delay.
 */
import { describe, expect, it } from "vitest";
import { useEmulator,
  createGateway,
  activeGateway,
  createCustomerGateway,
  createConnection,
  gatewayBody,
  apiErrorOf,
} from "./helpers";

const env = useEmulator({}, { resetAfterEach: true });

const reads = (kind: string, n: number, phase?: "create" | "update" | "delete") =>
  env.emu.admin.setTransition({ kind, ...(phase ? { phase } : {}), progression: { mode: "reads", reads: n } });

async function status(id: string): Promise<string> {
  const r: any = await env.vpn.showVgw({ vgw_id: id } as any);
  return r.vpn_gateway.status;
}

describe("VPN gateway lifecycle", () => {
  it("PENDING_CREATE for N reads, then ACTIVE; EIPs, AZs and timestamps only once ACTIVE", async () => {
    await reads("vpnGateway", 2);
    const created = await createGateway(env.vpn);
    expect(created.status).toBeUndefined(); // create responses carry no status
    expect(created.eip1).toBeUndefined();
    const first: any = await env.vpn.showVgw({ vgw_id: created.id } as any);
    expect(first.vpn_gateway.status).toBe("PENDING_CREATE");
    expect(first.vpn_gateway.eip1).toBeUndefined();
    expect(first.vpn_gateway.created_at).toBeUndefined();
    expect(first.vpn_gateway.availability_zone_ids).toBeUndefined();
    expect(await status(created.id)).toBe("PENDING_CREATE");
    const third: any = await env.vpn.showVgw({ vgw_id: created.id } as any);
    expect(third.vpn_gateway.status).toBe("ACTIVE");
    expect(third.vpn_gateway.eip1.id).toBeTruthy();
    expect(third.vpn_gateway.eip1.ip_address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(third.vpn_gateway.created_at).toMatch(/Z$/);
    expect(third.vpn_gateway.availability_zone_ids).toHaveLength(2);
  });

  it("refuses changes while creating with the documented VPN.0003 message", async () => {
    await reads("vpnGateway", 5);
    const g = await createGateway(env.vpn);
    const e = await apiErrorOf(env.vpn.updateVgw({ vgw_id: g.id, body: { vpn_gateway: { name: "renamed" } } } as any));
    expect(e.errorCode).toBe("VPN.0003");
    expect(e.errorMsg).toBe(`resource (type=GATEWAY, ID=${g.id}) is not ready, currently CREATING`);
    const d = await apiErrorOf(env.vpn.deleteVgw({ vgw_id: g.id } as any));
    expect(d.errorCode).toBe("VPN.0003");
  });

  it("connections on a gateway that is not ACTIVE get VPN.0506 / VPN.0507", async () => {
    const cgw = await createCustomerGateway(env.vpn);
    await reads("vpnGateway", 3, "create");
    const creating = await createGateway(env.vpn);
    const e1 = await apiErrorOf(env.vpn.createVpnConnection({ body: { vpn_connection: { vgw_id: creating.id, vgw_ip: "0c464dad-0000-4000-8000-000000000001", cgw_id: cgw.id, peer_subnets: ["10.1.0.0/24"], psk: "Abcd@1234" } } } as any));
    expect(e1.errorCode).toBe("VPN.0506");
    await env.emu.admin.clearTransitions();
    const g = await activeGateway(env.vpn);
    await reads("vpnGateway", 3, "update");
    await env.vpn.updateVgw({ vgw_id: g.id, body: { vpn_gateway: { name: "upd-1" } } } as any);
    const e2 = await apiErrorOf(createConnection(env.vpn, g, cgw));
    expect(e2.errorCode).toBe("VPN.0507");
    expect(e2.httpStatus).toBe(400);
  });

  it("updates go through PENDING_UPDATE back to ACTIVE", async () => {
    const g = await activeGateway(env.vpn);
    await reads("vpnGateway", 1, "update");
    const upd: any = await env.vpn.updateVgw({ vgw_id: g.id, body: { vpn_gateway: { name: "gw-renamed" } } } as any);
    expect(upd.vpn_gateway.name).toBe("gw-renamed");
    expect(await status(g.id)).toBe("PENDING_UPDATE");
    expect(await status(g.id)).toBe("ACTIVE");
  });

  it("deletion goes through PENDING_DELETE to 404 VPN.0509", async () => {
    const g = await activeGateway(env.vpn);
    await reads("vpnGateway", 2, "delete");
    await env.vpn.deleteVgw({ vgw_id: g.id } as any);
    expect(await status(g.id)).toBe("PENDING_DELETE");
    expect(await status(g.id)).toBe("PENDING_DELETE");
    const e = await apiErrorOf(env.vpn.showVgw({ vgw_id: g.id } as any));
    expect(e.httpStatus).toBe(404);
    expect(e.errorCode).toBe("VPN.0509");
  });

  it("time-based progression follows the emulator clock (realistic durations × delayScale)", async () => {
    await env.emu.admin.setDelayScale(1);
    try {
      const g = await createGateway(env.vpn);
      expect(await status(g.id)).toBe("PENDING_CREATE");
      await env.emu.admin.advanceClock(179_000);
      // signatures are checked against the emulator clock: sign with it
      expect(await env.emu.context.clock.now()).toBeGreaterThan(Date.now() + 170_000);
      const r = (await import("./helpers")).signed;
      const res = await r(env.emu, "GET", `/v5/{project_id}/vpn-gateways/${g.id}`, undefined, { now: new Date(env.emu.context.clock.now()) });
      expect(res.json.vpn_gateway.status).toBe("PENDING_CREATE");
      await env.emu.admin.advanceClock(2_000);
      const res2 = await r(env.emu, "GET", `/v5/{project_id}/vpn-gateways/${g.id}`, undefined, { now: new Date(env.emu.context.clock.now()) });
      expect(res2.json.vpn_gateway.status).toBe("ACTIVE");
    } finally {
      await env.emu.admin.setDelayScale(0);
    }
  });

  it("a transition can be configured to fail (FAULT)", async () => {
    await env.emu.admin.setTransition({ kind: "vpnGateway", phase: "create", progression: { mode: "reads", reads: 1 }, failWith: "FAULT" });
    const g = await createGateway(env.vpn);
    expect(await status(g.id)).toBe("PENDING_CREATE");
    expect(await status(g.id)).toBe("FAULT");
    const cgw = await createCustomerGateway(env.vpn);
    const e = await apiErrorOf(env.vpn.createVpnConnection({ body: { vpn_connection: { vgw_id: g.id, vgw_ip: g.id, cgw_id: cgw.id, peer_subnets: ["10.1.0.0/24"], psk: "Abcd@1234" } } } as any));
    expect(e.errorCode).toBe("VPN.0510");
  });
});

describe("VPN connection lifecycle", () => {
  it("PENDING_CREATE → DOWN, ACTIVE while the peer is up, DOWN again when it goes down; logged", async () => {
    const g = await activeGateway(env.vpn);
    const cgw = await createCustomerGateway(env.vpn);
    await reads("vpnConnection", 1);
    const c = await createConnection(env.vpn, g, cgw);
    const show = async () => ((await env.vpn.showVpnConnection({ vpn_connection_id: c.id } as any)) as any).vpn_connection;
    expect((await show()).status).toBe("PENDING_CREATE");
    expect((await show()).status).toBe("DOWN");
    await env.emu.admin.setPeer(c.id, true);
    expect((await show()).status).toBe("ACTIVE");
    await env.emu.admin.setPeer(c.id, false);
    expect((await show()).status).toBe("DOWN");
    const logs: any = await env.vpn.showVpnConnectionLog({ vpn_connection_id: c.id } as any);
    expect(logs.logs.map((l: any) => l.raw_message).join("\n")).toMatch(/negotiation succeeded[\s\S]*is down/);
  });

  it("a connection being created refuses updates (VPN.0003, type CONNECTION)", async () => {
    const g = await activeGateway(env.vpn);
    const cgw = await createCustomerGateway(env.vpn);
    await reads("vpnConnection", 3);
    const c = await createConnection(env.vpn, g, cgw);
    const e = await apiErrorOf(env.vpn.updateVpnConnection({ vpn_connection_id: c.id, body: { vpn_connection: { name: "x" } } } as any));
    expect(e.errorCode).toBe("VPN.0003");
    expect(e.errorMsg).toContain(`type=CONNECTION, ID=${c.id}`);
  });

  it("monitors: PENDING_CREATE → ACTIVE, deleted with their connection", async () => {
    const g = await activeGateway(env.vpn);
    const cgw = await createCustomerGateway(env.vpn);
    const c = await createConnection(env.vpn, g, cgw);
    await reads("connectionMonitor", 1);
    const m: any = await env.vpn.createConnectionMonitor({ body: { connection_monitor: { vpn_connection_id: c.id } } } as any);
    const show = async () => ((await env.vpn.showConnectionMonitor({ connection_monitor_id: m.connection_monitor.id } as any)) as any).connection_monitor;
    expect((await show()).status).toBe("PENDING_CREATE");
    const active = await show();
    expect(active.status).toBe("ACTIVE");
    expect(active.source_ip).toBe(g.eip1.ip_address);
    expect(active.destination_ip).toBe(cgw.id_value);
    const conn: any = await env.vpn.showVpnConnection({ vpn_connection_id: c.id } as any);
    expect(conn.vpn_connection.connection_monitor_id).toBe(m.connection_monitor.id);
    await env.vpn.deleteVpnConnection({ vpn_connection_id: c.id } as any);
    const e = await apiErrorOf(env.vpn.showConnectionMonitor({ connection_monitor_id: m.connection_monitor.id } as any));
    expect(e.errorCode).toBe("VPN.0004");
  });
});

describe("P2C lifecycles", () => {
  async function p2cGateway(): Promise<string> {
    const g = await env.emu.admin.createResource<{ id: string }>(
      "p2cVpnGateway",
      { vpc_id: "05b9d7de-9acd-4a05-b497-1a3c75afaa0a", connect_subnet: "1948ce22-ddc5-4fb6-87b8-dfcc9b176b51", eip: { type: "5_bgp", bandwidth_size: 10 } },
      { ready: true },
    );
    return g.id;
  }
  const serverBody = {
    vpn_server: {
      client_cidr: "172.16.0.0/16",
      local_subnets: ["10.16.0.0/24"],
      server_certificate: { id: "scs1716171403922" },
      ssl_options: { protocol: "TCP", port: 443, encryption_algorithm: "AES-128-GCM", is_compressed: false },
    },
  };

  it("servers: PENDING_CREATE → ACTIVE, VPN.1113 / VPN.1114 while pending, a default user group", async () => {
    const gw = await p2cGateway();
    await reads("vpnServer", 1);
    const s: any = await env.vpn.createVpnServer({ p2c_vgw_id: gw, body: serverBody } as any);
    expect(Object.keys(s.vpn_server)).toEqual(["id"]);
    const e = await apiErrorOf(env.vpn.updateVpnServer({ vpn_server_id: s.vpn_server.id, body: { vpn_server: { client_cidr: "172.18.0.0/16" } } } as any));
    expect(e.errorCode).toBe("VPN.1113");
    const list = async () => ((await env.vpn.listVpnServersByVgw({ p2c_vgw_id: gw } as any)) as any).vpn_servers[0];
    expect((await list()).status).toBe("PENDING_CREATE");
    expect((await list()).status).toBe("ACTIVE");
    await env.vpn.updateVpnServer({ vpn_server_id: s.vpn_server.id, body: { vpn_server: { client_cidr: "172.18.0.0/16" } } } as any);
    const e2 = await apiErrorOf(env.vpn.updateVpnServer({ vpn_server_id: s.vpn_server.id, body: { vpn_server: { client_cidr: "172.19.0.0/16" } } } as any));
    expect(e2.errorCode).toBe("VPN.1114");
    const groups: any = await env.vpn.listVpnUserGroups({ vpn_server_id: s.vpn_server.id } as any);
    expect(groups.user_groups.map((g: any) => g.type)).toEqual(["Default"]);
  });

  it("users, groups and policies appear after a delay (404 until then)", async () => {
    const gw = await p2cGateway();
    const s: any = await env.vpn.createVpnServer({ p2c_vgw_id: gw, body: serverBody } as any);
    const server = s.vpn_server.id;
    await reads("vpnUser", 2);
    const u: any = await env.vpn.createVpnUser({ vpn_server_id: server, body: { user: { name: "user001", password: "Qwerasdf" } } } as any);
    const first = await apiErrorOf(env.vpn.showVpnUser({ vpn_server_id: server, user_id: u.user.id } as any));
    expect(first.errorCode).toBe("VPN.1303");
    const listed: any = await env.vpn.listVpnUsers({ vpn_server_id: server } as any);
    expect(listed.users).toEqual([]);
    const shown: any = await env.vpn.showVpnUser({ vpn_server_id: server, user_id: u.user.id } as any);
    expect(shown.user.name).toBe("user001");
    expect(JSON.stringify(shown)).not.toContain("Qwerasdf");
  });
});

describe("admin-visible state", () => {
  it("state dumps and the history never contain a secret", async () => {
    const g = await activeGateway(env.vpn);
    const cgw = await createCustomerGateway(env.vpn);
    await createConnection(env.vpn, g, cgw, { psk: "Secret.Psk-42" });
    const dump = JSON.stringify(await env.emu.admin.state());
    const history = JSON.stringify(await env.emu.admin.requests());
    expect(dump).not.toContain("Secret.Psk-42");
    expect(history).not.toContain("Secret.Psk-42");
    expect(history).toContain("<redacted>");
    void gatewayBody;
  });
});
