/**
 * Authentication (signing.md §14) and project isolation: unknown AK, bad signature, missing signed headers and a
 * skewed X-Sdk-Date are refused with API Gateway's 401 body; requests built by the official
 * @huaweicloud/huaweicloud-sdk-core pipeline verify; token auth; resources of one project are invisible to another.
 */
import { describe, expect, it } from "vitest";
import { signRequest } from "../../sdk/signing";
import { useEmulator, signed, send, clientFor, createCustomerGateway, activeGateway, apiErrorOf } from "./helpers";

const env = useEmulator({ authToken: "test-token-123" });

function expectIamError(res: { status: number; json: any }, reason: RegExp): void {
  expect(res.status).toBe(401);
  expect(res.json.error_code).toBe("APIGW.0301");
  expect(res.json.error_msg).toMatch(/^Incorrect IAM authentication information: /);
  expect(res.json.error_msg).toMatch(reason);
  expect(typeof res.json.request_id).toBe("string");
}

describe("AK/SK authentication", () => {
  it("accepts a correctly signed request", async () => {
    const res = await signed(env.emu, "GET", "/v5/{project_id}/vpn-gateways");
    expect(res.status).toBe(200);
    expect(res.json.vpn_gateways).toEqual([]);
  });

  it("refuses an unknown access key", async () => {
    expectIamError(await signed(env.emu, "GET", "/v5/{project_id}/vpn-gateways", undefined, { accessKey: "UNKNOWNAK0000000000" }), /unknown access key/);
  });

  it("refuses a bad signature (wrong secret) without echoing any secret", async () => {
    const res = await signed(env.emu, "GET", "/v5/{project_id}/vpn-gateways", undefined, { secretKey: "not-the-secret" });
    expectIamError(res, /verify aksk signature fail/);
    expect(res.text).not.toContain(env.emu.secretKey);
    expect(res.text).not.toContain("not-the-secret");
  });

  it("refuses a body changed after signing", async () => {
    const url = `${env.emu.url}/v5/${env.emu.projectId}/customer-gateways`;
    const body = JSON.stringify({ customer_gateway: { id_value: "10.1.2.3" } });
    const headers = signRequest({ method: "POST", url, headers: { "content-type": "application/json" }, body }, { accessKey: env.emu.accessKey, secretKey: env.emu.secretKey });
    const res = await send(url, { method: "POST", headers, body: body.replace("10.1.2.3", "10.1.2.4") });
    expectIamError(res, /signature mismatch/);
  });

  it("refuses a request without Authorization, or with a signed header missing", async () => {
    expectIamError(await send(`${env.emu.url}/v5/${env.emu.projectId}/vpn-gateways`, { method: "GET" }), /missing Authorization/);
    const url = `${env.emu.url}/v5/${env.emu.projectId}/vpn-gateways`;
    const headers = signRequest({ method: "GET", url, headers: { "content-type": "application/json", "x-project-id": env.emu.projectId } }, { accessKey: env.emu.accessKey, secretKey: env.emu.secretKey });
    delete headers["x-project-id"];
    expectIamError(await send(url, { method: "GET", headers }), /signed header "x-project-id" is missing/);
  });

  it("refuses X-Sdk-Date more than 15 minutes off, accepts 14 minutes", async () => {
    const path = "/v5/{project_id}/vpn-gateways";
    expectIamError(await signed(env.emu, "GET", path, undefined, { now: new Date(Date.now() - 16 * 60_000) }), /request expired/);
    expectIamError(await signed(env.emu, "GET", path, undefined, { now: new Date(Date.now() + 16 * 60_000) }), /request expired/);
    expect((await signed(env.emu, "GET", path, undefined, { now: new Date(Date.now() - 14 * 60_000) })).status).toBe(200);
  });

  it("accepts requests produced by the official huaweicloud-sdk-core pipeline (GET, POST with body, DELETE)", async () => {
    const core = {
      ...require("@huaweicloud/huaweicloud-sdk-core"),
      ...require("@huaweicloud/huaweicloud-sdk-core/ClientBuilder"),
    };
    const credentials = new core.BasicCredentials().withAk(env.emu.accessKey).withSk(env.emu.secretKey).withProjectId(env.emu.projectId);
    const client = new core.ClientBuilder((hc: unknown) => hc)
      .withEndpoint(env.emu.url)
      .withCredential(credentials)
      .withOptions({ customUserAgent: "emulator-test" })
      .build();
    const call = (method: string, url: string, data?: unknown, pathParams: Record<string, string> = {}, queryParams: Record<string, unknown> = {}) =>
      client.sendRequest({ method, url, contentType: "application/json", pathParams, queryParams, headers: {}, ...(data ? { data } : {}) });

    const created = await call("POST", "/v5/{project_id}/customer-gateways", { customer_gateway: { name: "cgw-sdk", id_value: "10.9.8.7", bgp_asn: 65001 } });
    expect(created.httpStatusCode).toBe(201);
    expect(created.customer_gateway.name).toBe("cgw-sdk");
    const listed = await call("GET", "/v5/{project_id}/customer-gateways", undefined, {}, { limit: 10 });
    expect(listed.httpStatusCode).toBe(200);
    expect(listed.customer_gateways.map((c: { id: string }) => c.id)).toContain(created.customer_gateway.id);
    const shown = await call("GET", "/v5/{project_id}/customer-gateways/{customer_gateway_id}", undefined, { customer_gateway_id: created.customer_gateway.id });
    expect(shown.customer_gateway.id_value).toBe("10.9.8.7");
    const deleted = await call("DELETE", "/v5/{project_id}/customer-gateways/{customer_gateway_id}", undefined, { customer_gateway_id: created.customer_gateway.id });
    expect(deleted.httpStatusCode).toBe(204);

    const bad = new core.ClientBuilder((hc: unknown) => hc)
      .withEndpoint(env.emu.url)
      .withCredential(new core.BasicCredentials().withAk(env.emu.accessKey).withSk("wrong-secret-key").withProjectId(env.emu.projectId))
      .withOptions({ customUserAgent: "emulator-test" })
      .build();
    await expect(bad.sendRequest({ method: "GET", url: "/v5/{project_id}/vpn-gateways", contentType: "application/json", pathParams: {}, queryParams: {}, headers: {} })).rejects.toMatchObject({
      httpStatusCode: 401,
      errorCode: "APIGW.0301",
    });
  });
});

describe("token authentication", () => {
  it("accepts the configured X-Auth-Token and refuses another", async () => {
    const url = `${env.emu.url}/v5/${env.emu.projectId}/vpn-gateways`;
    const ok = await send(url, { method: "GET", headers: { "x-auth-token": "test-token-123", "content-type": "application/json" } });
    expect(ok.status).toBe(200);
    const bad = await send(url, { method: "GET", headers: { "x-auth-token": "nope", "content-type": "application/json" } });
    expectIamError(bad, /token/);
  });
});

describe("routing", () => {
  it("answers an unknown path or method with API Gateway's 404 APIGW.0101", async () => {
    const r1 = await signed(env.emu, "GET", "/v5/{project_id}/no-such-thing");
    expect(r1.status).toBe(404);
    expect(r1.json.error_code).toBe("APIGW.0101");
    const r2 = await signed(env.emu, "PATCH", "/v5/{project_id}/vpn-gateways");
    expect(r2.status).toBe(404);
  });

  it("refuses a malformed JSON body with VPN.0001", async () => {
    const url = `${env.emu.url}/v5/${env.emu.projectId}/customer-gateways`;
    const body = "{not json";
    const headers = signRequest({ method: "POST", url, headers: { "content-type": "application/json" }, body }, { accessKey: env.emu.accessKey, secretKey: env.emu.secretKey });
    const res = await send(url, { method: "POST", headers, body });
    expect(res.status).toBe(400);
    expect(res.json.error_code).toBe("VPN.0001");
  });
});

describe("project isolation", () => {
  it("resources of one project are invisible to another", async () => {
    const other = "0123456789abcdef0123456789abcdef";
    const vpnB = clientFor(env.emu, other);
    const g = await activeGateway(env.vpn);
    const cgw = await createCustomerGateway(env.vpn);
    const listB: any = await vpnB.listVgws({} as any);
    expect(listB.vpn_gateways).toEqual([]);
    expect((await apiErrorOf(vpnB.showVgw({ vgw_id: g.id } as any))).errorCode).toBe("VPN.0509");
    expect((await apiErrorOf(vpnB.showCgw({ customer_gateway_id: cgw.id } as any))).errorCode).toBe("VPN.0004");
    expect((await apiErrorOf(vpnB.deleteCgw({ customer_gateway_id: cgw.id } as any))).httpStatus).toBe(404);
    const quotasB: any = await vpnB.showQuotasInfo({} as any);
    expect(quotasB.quotas.resources.every((q: any) => q.used === 0)).toBe(true);
    // and the first project still sees its own
    const listA: any = await env.vpn.listVgws({} as any);
    expect(listA.vpn_gateways.map((x: any) => x.id)).toContain(g.id);
  });

  it("refuses a path project id that differs from X-Project-Id", async () => {
    const res = await signed(env.emu, "GET", `/v5/aaaabbbbccccddddeeeeffff00001111/vpn-gateways`, undefined, { headers: { "x-project-id": env.emu.projectId } });
    expect(res.status).toBe(403);
    expect(res.json.error_code).toBe("VPN.0003");
  });
});
