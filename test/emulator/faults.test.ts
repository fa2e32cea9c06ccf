/**
 * Fault injection through the admin API: status faults (429 with Retry-After, 500, 503, VPN.0030), added
 * latency, connections dropped before the change or after it is committed (the ambiguous create), `times`,
 * `probability`, path patterns and global rules; and the request history.
 */
import { describe, expect, it } from "vitest";
import { useEmulator, signed } from "./helpers";

const env = useEmulator({}, { resetAfterEach: true });

const list = () => signed(env.emu, "GET", "/v5/{project_id}/customer-gateways?limit=10");
const createCgw = (name: string) => signed(env.emu, "POST", "/v5/{project_id}/customer-gateways", { customer_gateway: { name, id_value: "10.0.0.1" } });

async function cgwNames(): Promise<string[]> {
  const r = await list();
  return r.json.customer_gateways.map((c: { name: string }) => c.name);
}

describe("status faults", () => {
  it("429 with Retry-After, twice, then normal service", async () => {
    await env.emu.admin.injectFault({ operation: "listCgws", status: 429, retryAfter: 3, times: 2 });
    for (let i = 0; i < 2; i++) {
      const r = await list();
      expect(r.status).toBe(429);
      expect(r.headers["retry-after"]).toBe("3");
      expect(r.json.error_code).toBe("APIGW.0308");
      expect(typeof r.json.request_id).toBe("string");
    }
    expect((await list()).status).toBe(200);
    expect(await env.emu.admin.faults()).toEqual([]);
  });

  it("500 and 503 with Huawei error bodies; the documented VPN.0030 busy error", async () => {
    await env.emu.admin.injectFault({ operation: "listCgws", status: 500, times: 1 });
    const r500 = await list();
    expect([r500.status, r500.json.error_code]).toEqual([500, "VPN.0002"]);
    await env.emu.admin.injectFault({ operation: "listCgws", status: 503, times: 1 });
    const r503 = await list();
    expect(r503.status).toBe(503);
    expect(r503.headers["retry-after"]).toBe("1");
    await env.emu.admin.injectFault({ operation: "createCgw", errorCode: "VPN.0030", times: 1 });
    const busy = await createCgw("busy");
    expect([busy.status, busy.json.error_code, busy.json.error_msg]).toEqual([400, "VPN.0030", "The system is busy, please try later."]);
    expect(await cgwNames()).toEqual([]);
  });

  it("matches by path pattern and method, or everything", async () => {
    await env.emu.admin.injectFault({ path: "/customer-gateways$", method: "POST", status: 500, times: 1 });
    expect((await list()).status).toBe(200);
    expect((await createCgw("a")).status).toBe(500);
    await env.emu.admin.injectFault({ status: 503, times: 1 });
    expect((await signed(env.emu, "GET", "/v5/{project_id}/vpn-gateways")).status).toBe(503);
    expect((await signed(env.emu, "GET", "/v5/{project_id}/vpn-gateways")).status).toBe(200);
  });

  it("probability 0 never fires, probability 1 always", async () => {
    await env.emu.admin.injectFault({ operation: "listCgws", status: 500, probability: 0 });
    for (let i = 0; i < 5; i++) expect((await list()).status).toBe(200);
    await env.emu.admin.clearFaults();
    await env.emu.admin.injectFault({ operation: "listCgws", status: 500, probability: 1, times: 3 });
    for (let i = 0; i < 3; i++) expect((await list()).status).toBe(500);
  });

  it("refuses malformed fault rules", async () => {
    await expect(env.emu.admin.injectFault({ operation: "listCgws" })).rejects.toThrow(/needs a status/);
    await expect(env.emu.admin.injectFault({ path: "(", status: 500 })).rejects.toThrow(/path pattern, not a regular expression/);
    await expect(env.emu.admin.injectFault({ status: 500, times: 0 })).rejects.toThrow(/times/);
  });
});

describe("latency and dropped connections", () => {
  it("adds latency", async () => {
    await env.emu.admin.injectFault({ operation: "listCgws", latencyMs: 150, times: 1 });
    const t0 = Date.now();
    expect((await list()).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it("drops the connection before the change: nothing is created", async () => {
    await env.emu.admin.injectFault({ operation: "createCgw", drop: "before", times: 1 });
    await expect(createCgw("never")).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(await cgwNames()).toEqual([]);
  });

  it("drops the connection after the change is committed: the ambiguous create", async () => {
    await env.emu.admin.injectFault({ operation: "createCgw", drop: "after", times: 1 });
    await expect(createCgw("committed")).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(await cgwNames()).toEqual(["committed"]);
    const history = await env.emu.admin.requests({ operation: "createCgw" });
    expect(history.at(-1)?.dropped).toBe("after");
  });

  it("the SDK client surfaces the ambiguous create as an unknown outcome", async () => {
    await env.emu.admin.injectFault({ operation: "createCgw", drop: "after", times: 1 });
    await expect(env.vpn.createCgw({ body: { customer_gateway: { name: "via-sdk", id_value: "10.0.0.2" } } } as any)).rejects.toMatchObject({ code: expect.stringMatching(/HWC_ERR_(OUTCOME_UNKNOWN|NETWORK)/) });
    expect(await cgwNames()).toEqual(["via-sdk"]);
  });
});

describe("request history", () => {
  it("records operation, status, error code and the injected faults", async () => {
    await env.emu.admin.clearRequests();
    await env.emu.admin.injectFault({ operation: "listCgws", status: 429, times: 1 });
    await list();
    await list();
    const h = await env.emu.admin.requests({ operation: "listCgws" });
    expect(h.map((e) => [e.status, e.errorCode ?? null])).toEqual([
      [429, "APIGW.0308"],
      [200, null],
    ]);
    expect(h[0]!.faults).toHaveLength(1);
    expect(h[0]!.projectId).toBe(env.emu.projectId);
  });
});

describe("X-Client-Token idempotency", () => {
  it("a retried create with the same token returns the first result, once; another token creates again", async () => {
    const gw = await env.emu.admin.createResource<{ id: string }>(
      "p2cVpnGateway",
      { vpc_id: "05b9d7de-9acd-4a05-b497-1a3c75afaa0a", connect_subnet: "1948ce22-ddc5-4fb6-87b8-dfcc9b176b51", eip: { type: "5_bgp", bandwidth_size: 10 } },
      { ready: true },
    );
    const path = `/v5/{project_id}/p2c-vpn-gateways/${gw.id}/vpn-servers`;
    const body = { vpn_server: { client_cidr: "172.16.0.0/16", local_subnets: ["10.0.0.0/24"], server_certificate: { id: "scs1" }, ssl_options: {} } };
    const token = "5d0b6b64-5b1e-4d7f-9d55-1f0a9f3f2c11";
    await env.emu.admin.injectFault({ operation: "createVpnServer", drop: "after", times: 1 });
    await expect(signed(env.emu, "POST", path, body, { headers: { "x-client-token": token } })).rejects.toThrow(/socket hang up|ECONNRESET/);
    const retry = await signed(env.emu, "POST", path, body, { headers: { "x-client-token": token } });
    expect(retry.status).toBe(201);
    const servers = await signed(env.emu, "GET", path);
    expect(servers.json.vpn_servers.map((s: { id: string }) => s.id)).toEqual([retry.json.vpn_server.id]);
    const other = await signed(env.emu, "POST", path, body, { headers: { "x-client-token": "6d0b6b64-5b1e-4d7f-9d55-1f0a9f3f2c11" } });
    expect(other.json.error_code).toBe("VPN.1102"); // a second server, refused: the token did not replay
  });
});
