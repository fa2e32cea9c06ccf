/**
 * Pagination as documented: limit/marker lists newest first with `page_info.next_marker` = `created_at` of the
 * page's last item and `total_count` of the tenant (S2C), P2C marker lists with `next_marker: null` on the last
 * page, `marker` only with `limit`, offset/limit lists (tag filter, P2C client connections), and the SDK's
 * paginator walking the emulator.
 */
import { describe, expect, it } from "vitest";
import { useEmulator, signed, activeGateway, createConnection, createCustomerGateway } from "./helpers";

const env = useEmulator();

describe("marker paging (customer gateways)", () => {
  it("newest first, next_marker = created_at of the last item, total_count of the tenant", async () => {
    await env.emu.admin.reset();
    const created: Array<{ id: string; created_at: string }> = [];
    for (let i = 0; i < 7; i++) created.push(await createCustomerGateway(env.vpn, { name: `cgw-p${i}` }));
    const newest = [...created].reverse().map((c) => c.id);

    const p1 = await signed(env.emu, "GET", "/v5/{project_id}/customer-gateways?limit=3");
    expect(p1.json.customer_gateways.map((c: any) => c.id)).toEqual(newest.slice(0, 3));
    expect(p1.json.page_info).toEqual({ next_marker: p1.json.customer_gateways[2].created_at, current_count: 3 });
    expect(p1.json.total_count).toBe(7);

    const p2 = await signed(env.emu, "GET", `/v5/{project_id}/customer-gateways?limit=3&marker=${encodeURIComponent(p1.json.page_info.next_marker)}`);
    expect(p2.json.customer_gateways.map((c: any) => c.id)).toEqual(newest.slice(3, 6));
    const p3 = await signed(env.emu, "GET", `/v5/{project_id}/customer-gateways?limit=3&marker=${encodeURIComponent(p2.json.page_info.next_marker)}`);
    expect(p3.json.customer_gateways.map((c: any) => c.id)).toEqual(newest.slice(6));
    expect(p3.json.page_info.current_count).toBe(1); // fewer than limit: the last page
    // created_at strictly decreasing across the whole walk
    const all = [...p1.json.customer_gateways, ...p2.json.customer_gateways, ...p3.json.customer_gateways].map((c: any) => Date.parse(c.created_at));
    expect(all.every((t, i) => i === 0 || t < all[i - 1]!)).toBe(true);
  });

  it("limit 0-200; marker only with limit; a marker that is no next_marker is refused", async () => {
    const bad = await signed(env.emu, "GET", "/v5/{project_id}/customer-gateways?limit=201");
    expect([bad.status, bad.json.error_code]).toEqual([400, "VPN.0001"]);
    expect(bad.json.error_msg).toContain("limit");
    const noLimit = await signed(env.emu, "GET", "/v5/{project_id}/customer-gateways?marker=2022-11-28T06%3A25%3A01.937Z");
    expect(noLimit.status).toBe(400);
    expect(noLimit.json.error_msg).toContain("marker must be used together with limit");
    const garbage = await signed(env.emu, "GET", "/v5/{project_id}/customer-gateways?limit=2&marker=not-a-marker");
    expect(garbage.status).toBe(400);
  });

  it("the SDK paginator walks every page", async () => {
    await env.emu.admin.reset();
    for (let i = 0; i < 5; i++) await createCustomerGateway(env.vpn, { name: `cgw-w${i}` });
    const names: string[] = [];
    for await (const c of (env.vpn as any).paginate("listCgws", { limit: 2 })) names.push(c.name);
    expect(names).toEqual(["cgw-w4", "cgw-w3", "cgw-w2", "cgw-w1", "cgw-w0"]);
  });
});

describe("connection list filters", () => {
  it("filters by vgw_id and vgw_ip while total_count stays the tenant's", async () => {
    await env.emu.admin.reset();
    const g1 = await activeGateway(env.vpn);
    const g2 = await activeGateway(env.vpn);
    const cgw = await createCustomerGateway(env.vpn);
    await createConnection(env.vpn, g1, cgw);
    await createConnection(env.vpn, g1, cgw, { vgw_ip: g1.eip2.id });
    await createConnection(env.vpn, g2, cgw);
    const byGw = await signed(env.emu, "GET", `/v5/{project_id}/vpn-connection?vgw_id=${g1.id}&limit=10`);
    expect(byGw.json.vpn_connections).toHaveLength(2);
    expect(byGw.json.total_count).toBe(3);
    const byIp = await signed(env.emu, "GET", `/v5/{project_id}/vpn-connection?vgw_ip=${g1.eip2.id}&limit=10`);
    expect(byIp.json.vpn_connections.map((c: any) => c.vgw_ip)).toEqual([g1.eip2.id]);
  });
});

describe("P2C marker lists", () => {
  it("users: next_marker null on the last page, a marker may also be the last id (ZH wording)", async () => {
    await env.emu.admin.reset();
    const gw = await env.emu.admin.createResource<{ id: string }>(
      "p2cVpnGateway",
      { vpc_id: "05b9d7de-9acd-4a05-b497-1a3c75afaa0a", connect_subnet: "1948ce22-ddc5-4fb6-87b8-dfcc9b176b51", eip: { type: "5_bgp", bandwidth_size: 10 } },
      { ready: true },
    );
    const s: any = await env.vpn.createVpnServer({
      p2c_vgw_id: gw.id,
      body: { vpn_server: { client_cidr: "172.16.0.0/16", local_subnets: ["10.16.0.0/24"], server_certificate: { id: "scs1716171403922" }, ssl_options: {} } },
    } as any);
    const server = s.vpn_server.id;
    for (let i = 0; i < 5; i++) await env.vpn.createVpnUser({ vpn_server_id: server, body: { user: { name: `user00${i}`, password: `Passw0rd-${i}` } } } as any);
    const base = `/v5/{project_id}/p2c-vpn-gateways/vpn-servers/${server}/users`;
    const p1 = await signed(env.emu, "GET", `${base}?limit=3`);
    expect(p1.json.users.map((u: any) => u.name)).toEqual(["user004", "user003", "user002"]);
    expect(p1.json.total_count).toBe(5);
    expect(p1.json.page_info.next_marker).toBe(p1.json.users[2].created_at);
    const p2 = await signed(env.emu, "GET", `${base}?limit=3&marker=${encodeURIComponent(p1.json.page_info.next_marker)}`);
    expect(p2.json.users.map((u: any) => u.name)).toEqual(["user001", "user000"]);
    expect(p2.json.page_info).toEqual({ next_marker: null, current_count: 2 });
    const byId = await signed(env.emu, "GET", `${base}?limit=3&marker=${p1.json.users[2].id}`);
    expect(byId.json.users.map((u: any) => u.name)).toEqual(["user001", "user000"]);
  });
});

describe("offset paging", () => {
  it("tag filter: limit/offset over the matching resources, total_count of all matches", async () => {
    await env.emu.admin.reset();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const c = await createCustomerGateway(env.vpn, { name: `tagged-${i}`, tags: [{ key: "env", value: i % 2 ? "prod" : "dev" }] });
      ids.push(c.id);
    }
    await createCustomerGateway(env.vpn, { name: "untagged" });
    const page = await signed(env.emu, "POST", "/v5/{project_id}/customer-gateway/resource-instances/filter?limit=2&offset=1", { tags: [{ key: "env", values: [] }] });
    expect(page.status).toBe(200);
    expect(page.json.total_count).toBe(5);
    expect(page.json.resources).toHaveLength(2);
    const prod = await signed(env.emu, "POST", "/v5/{project_id}/customer-gateway/resource-instances/count", { tags: [{ key: "env", values: ["prod"] }] });
    expect(prod.json.total_count).toBe(2);
    const untagged = await signed(env.emu, "POST", "/v5/{project_id}/customer-gateway/resource-instances/filter", { without_any_tag: true });
    expect(untagged.json.resources.map((r: any) => r.resource_name)).toEqual(["untagged"]);
    const byName = await signed(env.emu, "POST", "/v5/{project_id}/customer-gateway/resource-instances/filter", { matches: [{ key: "resource_name", value: "tagged-3" }] });
    expect(byName.json.resources.map((r: any) => r.resource_id)).toEqual([ids[3]]);
  });
});

describe("tags", () => {
  it("create overwrites a key's value, delete by key, project tags aggregate values", async () => {
    await env.emu.admin.reset();
    const a = await createCustomerGateway(env.vpn, { tags: [{ key: "k1", value: "v1" }] });
    const b = await createCustomerGateway(env.vpn);
    const base = "/v5/{project_id}/customer-gateway";
    expect((await signed(env.emu, "POST", `${base}/${a.id}/tags/create`, { tags: [{ key: "k1", value: "v2" }, { key: "k2", value: "x" }] })).status).toBe(204);
    expect((await signed(env.emu, "POST", `${base}/${b.id}/tags/create`, { tags: [{ key: "k1", value: "v1" }] })).status).toBe(204);
    const tags = await signed(env.emu, "GET", `${base}/${a.id}/tags`);
    expect(tags.json.tags).toEqual([
      { key: "k1", value: "v2" },
      { key: "k2", value: "x" },
    ]);
    expect((await signed(env.emu, "POST", `${base}/${a.id}/tags/delete`, { tags: [{ key: "k2" }] })).status).toBe(204);
    const project = await signed(env.emu, "GET", `${base}/tags`);
    expect(project.json.tags).toEqual([{ key: "k1", values: ["v2", "v1"] }]);
    const shown: any = await env.vpn.showCgw({ customer_gateway_id: a.id } as any);
    expect(shown.customer_gateway.tags).toEqual([{ key: "k1", value: "v2" }]);
    const missing = await signed(env.emu, "GET", `${base}/cb4a631d-0000-4a8d-8a86-ca3fa348c36c/tags`);
    expect([missing.status, missing.json.error_code]).toEqual([404, "VPN.0004"]);
  });
});
