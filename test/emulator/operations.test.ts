/**
 * Coverage of the operation table: every operation has a route derived from its path template, a handler, and
 * is exercised here with its documented success status and a response that passes its schema. Operations
 * without a documented request example get a scenario below; the others replay their first example (see also
 * examples.test.ts, which checks every example's fields).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { operations } from "../../sdk/spec/operations";
import type { OperationSpec } from "../../sdk/spec/types";
import { Router } from "../../emulator/routes";
import { buildHandlers } from "../../emulator/handlers";
import { useEmulator, signed, unmask, UNLISTED_REGION, type Env } from "./helpers";
import { DOC, MASKED_PEM, seedWorld, type World } from "./world";

const OPS = operations as Record<string, OperationSpec>;
const ROOT = join(__dirname, "../fixtures/examples");

function firstRequest(op: string): { body: unknown; pathParams?: Record<string, string>; query?: Record<string, unknown> } | undefined {
  for (const area of ["s2c", "p2c", "common"]) {
    const files = readdirSync(join(ROOT, area)).filter((f) => f.startsWith(`${op}.`) && f.endsWith(".json")).sort();
    for (const f of files) {
      const fx = JSON.parse(readFileSync(join(ROOT, area, f), "utf8"));
      if (fx.kind === "request" && !fx.rejectedAt) return fx;
    }
  }
  return undefined;
}

interface Scenario {
  params?: (w: World) => Record<string, string>;
  body?: unknown;
  before?: (env: Env, w: World) => Promise<void>;
}

const p2cGatewayCreate = {
  p2c_vpn_gateway: {
    name: "p2c-gw-1",
    vpc_id: "05b9d7de-9acd-4a05-b497-1a3c75afaa0a",
    connect_subnet: "1948ce22-ddc5-4fb6-87b8-dfcc9b176b51",
    flavor: "Professional1",
    eip: { type: "5_bgp", charge_mode: "bandwidth", bandwidth_size: 10 },
    max_connection_number: 10,
  },
};

const api = (env: Env, w: World, method: string, path: string, body?: unknown) => signed(env.emu, method, path, body, { project: w.projectId });

/** Scenarios for operations without a usable request example, and path parameters examples need. */
const SCENARIOS: Record<string, Scenario> = {
  deleteVgw: { params: () => ({ vgw_id: DOC.gmGw2 }) },
  deleteCgw: { params: () => ({ customer_gateway_id: DOC.batchCgw }) },
  deleteVpnConnection: { params: () => ({ vpn_connection_id: DOC.staticConn }) },
  createP2cVgw: { body: p2cGatewayCreate },
  deleteP2cVgw: { params: () => ({ p2c_vgw_id: DOC.p2cNoEip }) },
  upgradeVpnGateway: { body: { action: "start" } },
  exportVpnConnectionPeerConfiguration: { body: { vendor: "Huawei", type: "Firewall", model: "USG6000", version: "V500R005" } },
  upgradeP2cVpnGateway: { body: { action: "start" } },
  deleteVpnGatewayJob: {
    before: async (env, w) => {
      const r = await api(env, w, "POST", `/v5/{project_id}/vpn-gateways/${DOC.gw}/upgrade`, { action: "start" });
      w.params.job_id = r.json.job_id;
    },
  },
  deleteP2cVpnGatewayJob: {
    before: async (env, w) => {
      const r = await api(env, w, "POST", `/v5/{project_id}/p2c-vpn-gateways/${DOC.p2cGw}/upgrade`, { action: "start" });
      w.params.job_id = r.json.job_id;
    },
  },
  deleteClientCa: {
    params: (w) => ({ vpn_server_id: w.caServerId }),
    before: async (env, w) => {
      // a CERT server keeps at least one CA certificate (VPN.1101): add a second one first
      await api(env, w, "POST", `/v5/{project_id}/p2c-vpn-gateways/vpn-servers/${w.caServerId}/client-ca-certificates`, {
        client_ca_certificate: { name: "second", content: MASKED_PEM.replace("*****", "*****2") },
      });
    },
  },
  showClientCa: { params: (w) => ({ vpn_server_id: w.caServerId }) },
  updateClientCa: { params: (w) => ({ vpn_server_id: w.caServerId }) },
  updateVpnServer: { params: (w) => ({ vpn_server_id: w.caServerId }) },
  createVpnServer: { params: () => ({ p2c_vgw_id: DOC.p2cFree }) },
  updateP2cVgw: { params: () => ({ p2c_vgw_id: DOC.p2cNoEip }) },
  createVgwCertificate: { params: () => ({ vgw_id: DOC.gmGw2 }) },
  showVpnGatewayCertificate: { params: () => ({ vgw_id: DOC.gmGw }) },
  updateVgwCertificate: { params: () => ({ vgw_id: DOC.gmGw }) },
  deleteVpnUserGroup: { params: () => ({ group_id: DOC.groups[1]! }) },
  addVpnUsersToGroup: { params: () => ({ group_id: DOC.groups[2]! }) },
  removeVpnUsersFromGroup: {
    params: () => ({ group_id: DOC.groups[2]! }),
    before: async (env, w) => {
      await api(env, w, "POST", `/v5/{project_id}/p2c-vpn-gateways/vpn-servers/${DOC.server}/groups/${DOC.groups[2]}/add-users`, { users: [{ id: DOC.users[0] }] });
    },
  },
  updateVgw: {
    before: async (env, w) => {
      await env.emu.admin.unbindEip(DOC.gwEip1, w.projectId);
      await env.emu.admin.unbindEip(DOC.gwEip2, w.projectId);
    },
  },
  showVpnConnectionsLogConfig: { before: (env, w) => logConfig(env, w) },
  deleteVpnConnectionsLogConfig: { before: (env, w) => logConfig(env, w) },
};

async function logConfig(env: Env, w: World): Promise<void> {
  await api(env, w, "PUT", `/v5/{project_id}/p2c-vpn-gateways/${DOC.p2cGw}/log-config`, {
    log_config: { log_group_id: "05c4052d-8d14-488f-aa00-19fea5a25fdd", log_stream_id: "d9d85143-e1e1-427a-9994-d8b8fd9ebe3f" },
  });
}

function concretePath(template: string, params: Record<string, string>): string {
  return template.replace(/\{([a-z0-9_]+)\}/g, (_m, n: string) => (n === "project_id" ? "{project_id}" : encodeURIComponent(params[n] ?? `missing-${n}`)));
}

const env = useEmulator(UNLISTED_REGION);

describe("operation table coverage", () => {
  const router = new Router(OPS);
  const handlers = buildHandlers();

  it("every operation has a route derived from its template, and a handler", () => {
    const names = Object.keys(OPS);
    expect(names.length).toBeGreaterThan(70);
    for (const [name, op] of Object.entries(OPS)) {
      const sample = op.path.replace(/\{([a-z0-9_]+)\}/g, (_m, p: string) => (p === "resource_type" ? "vpn-gateway" : `x-${p}-0000000000000000000000`));
      const m = router.match(op.method, sample);
      expect(m && m !== "method" ? m.route.operation : m, `${op.method} ${op.path}`).toBe(name);
      expect(typeof handlers[name], name).toBe("function");
    }
    expect(Object.keys(handlers).sort()).toEqual(names.sort());
  });

  for (const [name, op] of Object.entries(OPS)) {
    it(`${name} (${op.method} ${op.path}) answers ${op.successStatus}`, async () => {
      const w = await seedWorld(env.emu);
      const sc = SCENARIOS[name] ?? {};
      await sc.before?.(env, w);
      const example = firstRequest(name);
      const params = { ...w.params, ...(sc.params?.(w) ?? {}), ...(example?.pathParams ?? {}) };
      const query = example?.query ? `?${new URLSearchParams(Object.entries(example.query).map(([k, v]): [string, string] => [k, String(v)])).toString()}` : "";
      const body = op.body ? (sc.body ?? (example ? unmask(example.body) : undefined)) : undefined;
      const res = await signed(env.emu, op.method, concretePath(op.path, params) + query, body, { project: w.projectId });
      expect(res.status, `${name}: ${res.text}`).toBe(op.successStatus);
      if (op.response && op.successStatus !== 204) {
        const r = op.response.safeParse(res.json);
        expect(r.success, `${name}: ${r.success ? "" : JSON.stringify(r.error.issues.slice(0, 3))}`).toBe(true);
      }
      const history = await env.emu.admin.requests({ operation: name, projectId: w.projectId });
      expect(history.at(-1)?.status).toBe(op.successStatus);
    });
  }
});

describe("route precedence", () => {
  const router = new Router(OPS);
  const op = (method: string, path: string) => {
    const m = router.match(method, path);
    return m && m !== "method" ? [m.route.operation, m.params] : m;
  };
  it("literal segments win over parameters, later literals break ties", () => {
    expect(op("GET", "/v5/p/vpn-gateways/availability-zones")).toEqual(["listAvailabilityZones", { project_id: "p" }]);
    expect(op("GET", "/v5/p/vpn-gateways/abc")).toEqual(["showVgw", { project_id: "p", vgw_id: "abc" }]);
    expect(op("GET", "/v5/p/p2c-vpn-gateways/tags")).toEqual(["listProjectTags", { project_id: "p", resource_type: "p2c-vpn-gateways" }]);
    expect(op("GET", "/v5/p/p2c-vpn-gateways/g1/tags")).toEqual(["showResourceTags", { project_id: "p", resource_type: "p2c-vpn-gateways", resource_id: "g1" }]);
    expect(op("GET", "/v5/p/p2c-vpn-gateways/jobs")).toEqual(["listP2cVpnGatewayJobs", { project_id: "p" }]);
    expect(op("POST", "/v5/p/vpn-gateway/resource-instances/filter")).toEqual(["listResourcesByTags", { project_id: "p", resource_type: "vpn-gateway" }]);
    expect(op("PATCH", "/v5/p/vpn-gateways")).toBe("method");
    expect(op("GET", "/v6/p/vpn-gateways")).toBeUndefined();
  });
});
