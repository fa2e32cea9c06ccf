/**
 * The S2C operation table, kinds and schemas against the documentation: the §0.1 operation index, every
 * documented example (test/fixtures/examples/s2c), documented defaults, and consistency of the kinds.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { s2cOperations } from "../../sdk/spec/s2c";
import { s2cKinds } from "../../sdk/spec/s2c-kinds";
import { operations } from "../../sdk/spec/operations";
import { resourceKinds } from "../../sdk/spec/kinds";
import type { OperationSpec, ResourceKindSpec } from "../../sdk/spec/types";
import { unwrapSchema } from "../../sdk/spec/mapping";
import { validate } from "../../sdk/schemas/validate";
import { ApiErrorBody } from "../../sdk/schemas/shared";
import { isMasked, loadS2cFixtures, unmaskRequest } from "../fixtures/examples/s2c/load";

const ops = s2cOperations as Record<string, OperationSpec>;
const kinds = s2cKinds as Record<string, ResourceKindSpec>;

/** api-s2c.md §0.1: id, operation key, method, path (after /v5/{project_id}), success status, edition. */
const INDEX: ReadonlyArray<readonly [string, string, string, string, number, string]> = [
  ["G1", "createVgw", "POST", "/vpn-gateways", 201, "both"],
  ["G2", "showVgw", "GET", "/vpn-gateways/{vgw_id}", 200, "both"],
  ["G3", "listVgws", "GET", "/vpn-gateways", 200, "both"],
  ["G4", "updateVgw", "PUT", "/vpn-gateways/{vgw_id}", 200, "both"],
  ["G5", "updatePostpaidVgwSpecification", "POST", "/vpn-gateways/{vgw_id}/update-specification", 200, "both"],
  ["G6", "deleteVgw", "DELETE", "/vpn-gateways/{vgw_id}", 204, "both"],
  ["G7", "listAvailabilityZones", "GET", "/vpn-gateways/availability-zones", 200, "both"],
  ["G8", "showVpnGatewayRoutingTable", "GET", "/vpn-gateways/{vgw_id}/routing-table", 200, "en"],
  ["G9", "createVgwCertificate", "POST", "/vpn-gateways/{vgw_id}/certificate", 201, "zh"],
  ["G10", "showVpnGatewayCertificate", "GET", "/vpn-gateways/{vgw_id}/certificate", 200, "zh"],
  ["G11", "updateVgwCertificate", "PUT", "/vpn-gateways/{vgw_id}/certificate/{certificate_id}", 200, "zh"],
  ["C1", "createCgw", "POST", "/customer-gateways", 201, "both"],
  ["C2", "showCgw", "GET", "/customer-gateways/{customer_gateway_id}", 200, "both"],
  ["C3", "listCgws", "GET", "/customer-gateways", 200, "both"],
  ["C4", "updateCgw", "PUT", "/customer-gateways/{customer_gateway_id}", 200, "both"],
  ["C5", "deleteCgw", "DELETE", "/customer-gateways/{customer_gateway_id}", 204, "both"],
  ["V1", "createVpnConnection", "POST", "/vpn-connection", 201, "both"],
  ["V2", "batchCreateVpnConnection", "POST", "/vpn-connections/batch-create", 201, "en"],
  ["V3", "showVpnConnection", "GET", "/vpn-connection/{vpn_connection_id}", 200, "both"],
  ["V4", "listVpnConnections", "GET", "/vpn-connection", 200, "both"],
  ["V5", "updateVpnConnection", "PUT", "/vpn-connection/{vpn_connection_id}", 200, "both"],
  ["V6", "deleteVpnConnection", "DELETE", "/vpn-connection/{vpn_connection_id}", 204, "both"],
  ["V7", "showVpnConnectionLog", "GET", "/vpn-connection/{vpn_connection_id}/log", 200, "en"],
  ["M1", "createConnectionMonitor", "POST", "/connection-monitors", 201, "both"],
  ["M2", "showConnectionMonitor", "GET", "/connection-monitors/{connection_monitor_id}", 200, "both"],
  ["M3", "listConnectionMonitors", "GET", "/connection-monitors", 200, "both"],
  ["M4", "deleteConnectionMonitor", "DELETE", "/connection-monitors/{connection_monitor_id}", 204, "both"],
];

/** anchors.md §4.1: official SDK operations the docs do not describe. */
const UNDOCUMENTED: ReadonlyArray<readonly [string, string, string]> = [
  ["resetVpnConnection", "POST", "/v5/{project_id}/vpn-connection/{vpn_connection_id}/reset"],
  ["upgradeVpnGateway", "POST", "/v5/{project_id}/vpn-gateways/{vgw_id}/upgrade"],
  ["listVpnGatewayJobs", "GET", "/v5/{project_id}/vpn-gateways/jobs"],
  ["deleteVpnGatewayJob", "DELETE", "/v5/{project_id}/vpn-gateways/jobs/{job_id}"],
  ["listExtendedAvailabilityZones", "GET", "/v5.1/{project_id}/vpn-gateways/availability-zones"],
  // official Node SDK 3.1.202 (test/sdk/official-operations.test.ts)
  ["listConnectionIpsecSa", "GET", "/v5/{project_id}/vpn-connection/{vpn_connection_id}/ipsec-sa"],
  ["exportVpnConnectionPeerConfiguration", "POST", "/v5/{project_id}/vpn-connection/{vpn_connection_id}/peer-configuration/export"],
  ["listPeerConfigurationSupportedDevices", "GET", "/v5/{project_id}/peer-configuration/supported-devices"],
  ["listVpnGatewayCertificates", "GET", "/v5/{project_id}/vpn-gateway-certificates"],
];

const pascal = (k: string) => k[0]!.toUpperCase() + k.slice(1);

describe("S2C operation table", () => {
  it.each(INDEX)("%s %s is in the table with the documented method, path, status and edition", (_id, key, method, path, status, ed) => {
    const op = ops[key];
    expect(Object.keys(ops), key).toContain(key);
    expect(op!.method).toBe(method);
    expect(op!.path).toBe(`/v5/{project_id}${path}`);
    expect(op!.successStatus).toBe(status);
    expect(op!.documented).toBe(ed);
    expect(op!.name).toBe(pascal(key));
  });

  it.each(UNDOCUMENTED)("undocumented SDK operation %s is present and marked undocumented", (key, method, path) => {
    expect(ops[key]?.method).toBe(method);
    expect(ops[key]?.path).toBe(path);
    expect(ops[key]?.documented).toBe("undocumented");
  });

  it("has exactly the §0.1 and SDK-only operations, all merged into the global table", () => {
    expect(Object.keys(ops).sort()).toEqual([...INDEX.map((r) => r[1]), ...UNDOCUMENTED.map((r) => r[0])].sort());
    for (const key of Object.keys(ops)) expect((operations as Record<string, OperationSpec>)[key]).toBe(ops[key]);
  });

  it("pages the customer gateway, connection, job and certificate lists by marker with limit ≤ 200, and nothing else", () => {
    expect(ops.listCgws!.pagination).toEqual({ style: "marker", listKey: "customer_gateways", maxLimit: 200 });
    expect(ops.listVpnConnections!.pagination).toEqual({ style: "marker", listKey: "vpn_connections", maxLimit: 200 });
    expect(ops.listVpnGatewayJobs!.pagination).toEqual({ style: "marker", listKey: "jobs", maxLimit: 200 });
    expect(ops.listVpnGatewayCertificates!.pagination).toEqual({ style: "marker", listKey: "vpn_gateway_certificates", maxLimit: 200 });
    const paged = Object.entries(ops).filter(([, o]) => o.pagination).map(([k]) => k);
    expect(paged.sort()).toEqual(["listCgws", "listVpnConnections", "listVpnGatewayCertificates", "listVpnGatewayJobs"]);
  });

  it("marks the secret request fields", () => {
    expect(ops.createVpnConnection!.secretFields).toContain("vpn_connection.psk");
    expect(ops.updateVpnConnection!.secretFields).toContain("vpn_connection.psk");
    expect(ops.batchCreateVpnConnection!.secretFields).toContain("vpn_connections[].psk");
    for (const k of ["createVgwCertificate", "updateVgwCertificate"])
      expect(ops[k]!.secretFields).toEqual(expect.arrayContaining(["certificate.private_key", "certificate.enc_private_key"]));
  });

  it("has a body schema for POST/PUT with documented bodies, none for GET/DELETE, and no response for 204", () => {
    for (const [k, op] of Object.entries(ops)) {
      if (op.method === "GET" || op.method === "DELETE") expect(op.body, k).toBeUndefined();
      if (op.successStatus === 204) expect(op.response, k).toBeUndefined();
      else expect(op.response, k).toBeInstanceOf(z.ZodType);
      if ((op.method === "PUT" || op.method === "POST") && op.documented !== "undocumented") expect(op.body, k).toBeInstanceOf(z.ZodType);
      if (op.kind) expect(Object.keys(kinds), k).toContain(op.kind);
    }
  });
});

describe("documented examples", () => {
  const fixtures = loadS2cFixtures();
  const requests = fixtures.filter((f) => f.kind === "request");
  const responses = fixtures.filter((f) => f.kind === "response");
  const errors = fixtures.filter((f) => f.kind === "error");

  it("cover every documented operation that has an example", () => {
    expect(fixtures.length).toBe(80);
    for (const f of fixtures) expect(Object.keys(ops), f.file).toContain(f.operation);
    for (const [, key] of INDEX) {
      const op = ops[key]!;
      const has = (kind: string) => fixtures.some((f) => f.operation === key && f.kind === kind);
      if (op.response) expect(has("response"), `${key} response example`).toBe(true);
      if (op.body) expect(has("request"), `${key} request example`).toBe(true);
      if (op.method === "DELETE" && key !== "deleteConnectionMonitor") expect(has("error"), `${key} error example`).toBe(true);
    }
  });

  it.each(requests.map((f) => [f.file, f] as const))("request %s validates against its body schema", (_f, fx) => {
    const op = ops[fx.operation]!;
    const { body } = unmaskRequest(fx.body);
    const r = validate(op.body!, body, op.secretFields);
    expect(r.success ? [] : r.issues).toEqual([]);
  });

  it.each(requests.map((f) => [f.file, f] as const))("request %s fails, if at all, only where the docs mask a value", (_f, fx) => {
    const op = ops[fx.operation]!;
    const { changed } = unmaskRequest(fx.body);
    const r = validate(op.body!, fx.body, op.secretFields);
    const fields = r.success ? [] : r.issues.map((i) => i.field);
    for (const f of fields) expect(changed).toContain(f);
  });

  it.each(responses.map((f) => [f.file, f] as const))("response %s parses and keeps every field", (_f, fx) => {
    const schema = ops[fx.operation]!.response as z.ZodType;
    const r = schema.safeParse(fx.body);
    expect(r.success ? [] : r.error.issues).toEqual([]);
    expect(r.data).toEqual(fx.body);
  });

  it.each(errors.map((f) => [f.file, f] as const))("error example %s is a documented error body", (_f, fx) => {
    const r = ApiErrorBody.safeParse(fx.body);
    expect(r.success).toBe(true);
    expect(r.data?.error_code).toMatch(/^VPN\.\d{4}$/);
  });

  it("masked request values are recognised (and nothing else is changed)", () => {
    const { body, changed } = unmaskRequest({ a: "10.***.***.21", psk: "abcd***", x: { local_id: "123***", local_id_type: "fqdn" }, y: "plain" });
    expect(body).toEqual({ a: "10.1.1.21", psk: "Abcd@1234", x: { local_id: "123***", local_id_type: "fqdn" }, y: "plain" });
    expect(changed).toEqual(["a", "psk"]);
    expect(isMasked("abc")).toBe(false);
  });
});

describe("documented defaults fill parsed requests", () => {
  const parse = (key: string, body: unknown) => {
    const r = ops[key]!.body!.safeParse(body);
    if (!r.success) throw new Error(JSON.stringify(r.error.issues));
    return r.data as Record<string, Record<string, unknown>>;
  };
  const ID = "cb4a631d-demo-a8df-va86-ca3fa348c36c";
  const ID2 = "d290f1ee-demo-a8df-va86-d701748f0851";

  it("gateway: network_type, attachment_type, bgp_asn, flavor, enterprise project, ha_mode, access VPC/subnet, EIP charge_mode", () => {
    const g = parse("createVgw", {
      vpn_gateway: { vpc_id: ID, connect_subnet: ID2, local_subnets: ["10.0.0.0/24"], eip1: { type: "5_bgp", bandwidth_size: 10 }, eip2: { id: ID } },
    }).vpn_gateway!;
    expect(g).toMatchObject({
      network_type: "public",
      attachment_type: "vpc",
      bgp_asn: 64512,
      flavor: "Professional1",
      enterprise_project_id: "0",
      ha_mode: "active-active",
      access_vpc_id: ID,
      access_subnet_id: ID2,
    });
    expect(g.eip1).toEqual({ type: "5_bgp", bandwidth_size: 10, charge_mode: "bandwidth" });
    expect(g.eip2).toEqual({ id: ID });
    expect(g).not.toHaveProperty("ip_version");
  });

  it("customer gateway: id_type ip", () => {
    expect(parse("createCgw", { customer_gateway: { id_value: "192.168.45.7" } }).customer_gateway!.id_type).toBe("ip");
  });

  it("connection: style, ha_role, enable_nqa (static only), IKE, DPD and IPsec defaults", () => {
    const base = { vgw_id: ID, vgw_ip: ID2, cgw_id: ID, peer_subnets: ["192.168.44.0/24"], psk: "Abcd@1234" };
    const c = parse("createVpnConnection", { vpn_connection: base }).vpn_connection!;
    expect(c).toMatchObject({ style: "static", ha_role: "master", enable_nqa: false });
    expect(c.ikepolicy).toEqual({
      ike_version: "v2",
      authentication_algorithm: "sha2-256",
      encryption_algorithm: "aes-128",
      dh_group: "group15",
      authentication_method: "pre-share",
      lifetime_seconds: 86400,
      local_id_type: "ip",
      peer_id_type: "ip",
      dpd: { timeout: 15, interval: 30, msg: "seq-hash-notify" },
    });
    expect(c.ipsecpolicy).toEqual({
      authentication_algorithm: "sha2-256",
      encryption_algorithm: "aes-128",
      pfs: "group15",
      transform_protocol: "esp",
      lifetime_seconds: 3600,
      encapsulation_mode: "tunnel",
    });
    const bgp = parse("createVpnConnection", { vpn_connection: { ...base, style: "bgp", ikepolicy: { ike_version: "v1" } } }).vpn_connection!;
    expect(bgp).not.toHaveProperty("enable_nqa");
    expect(bgp.ikepolicy).toMatchObject({ ike_version: "v1", phase1_negotiation_mode: "main" });
  });

  it("connection update: defaults only inside the objects sent (\"不填时默认为\")", () => {
    const u = parse("updateVpnConnection", { vpn_connection: { ikepolicy: { dpd: { timeout: 20 } }, ipsecpolicy: { lifetime_seconds: 600 } } }).vpn_connection!;
    expect(u.ikepolicy).toEqual({ ike_version: "v2", dpd: { timeout: 20, interval: 30, msg: "seq-hash-notify" } });
    expect(u.ipsecpolicy).toEqual({ pfs: "group15", transform_protocol: "esp", lifetime_seconds: 600, encapsulation_mode: "tunnel" });
    expect(parse("updateVpnConnection", { vpn_connection: { name: "x" } }).vpn_connection).toEqual({ name: "x" });
  });

  it("puts every plain default on the innermost field (so the provider can read it from the schema)", () => {
    const inner = unwrapSchema(ops.createVgw!.body!) as unknown as { shape: Record<string, z.ZodType> };
    const content = unwrapSchema(inner.shape.vpn_gateway!) as unknown as { shape: Record<string, { _zod: { def: { type: string; defaultValue?: unknown } } }> };
    expect(content.shape.flavor!._zod.def.type).toBe("default");
    expect(content.shape.flavor!._zod.def.defaultValue).toBe("Professional1");
  });
});

describe("S2C resource kinds", () => {
  const bodyKeys = (opKey: string, wrapper: string): string[] => {
    const root = unwrapSchema(ops[opKey]!.body!) as unknown as { shape: Record<string, z.ZodType> };
    const content = unwrapSchema(root.shape[wrapper]!) as unknown as { shape: Record<string, unknown> };
    return Object.keys(content.shape);
  };

  it("are merged into the global kinds table with the documented class names", () => {
    expect(Object.keys(kinds).sort()).toEqual(["connectionMonitor", "customerGateway", "gatewayCertificate", "vpnConnection", "vpnGateway"]);
    expect(Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, v.className]))).toEqual({
      vpnGateway: "VpnGateway",
      customerGateway: "CustomerGateway",
      vpnConnection: "VpnConnection",
      connectionMonitor: "ConnectionMonitor",
      gatewayCertificate: "GatewayCertificate",
    });
    for (const k of Object.keys(kinds)) expect((resourceKinds as Record<string, ResourceKindSpec>)[k]).toBe(kinds[k]);
  });

  it.each(Object.entries(kinds))("%s: operations exist, act on the kind and use the id parameter", (name, k) => {
    expect(k.kind).toBe(name);
    for (const opKey of Object.values(k.ops)) {
      expect(Object.keys(ops), opKey).toContain(opKey);
      expect(ops[opKey]!.kind).toBe(name);
    }
    for (const opKey of [k.ops.update, k.ops.delete].filter(Boolean) as string[]) expect(ops[opKey]!.path).toContain(`{${k.idParam}}`);
    for (const p of k.parentParams ?? []) expect(ops[k.ops.create]!.path).toContain(`{${p}}`);
  });

  it.each(Object.entries(kinds).filter(([, k]) => k.ops.update))("%s: every updatable field is a field of the update body", (_n, k) => {
    const keys = bodyKeys(k.ops.update!, k.wrapper);
    for (const f of k.updatable) expect(keys, f).toContain(f);
    for (const f of k.replaceNested ?? []) expect(k.updatable).toContain(f.split(".")[0]);
  });

  it("updatable sets match the update-vs-replace tables (§2.12, §3.4, §4.5, §5)", () => {
    expect([...kinds.vpnGateway!.updatable].sort()).toEqual(["local_subnets", "name", "policy_template"]);
    expect(kinds.vpnGateway!.updateVia).toEqual({ flavor: "updatePostpaidVgwSpecification" });
    expect([...kinds.customerGateway!.updatable].sort()).toEqual(["ca_certificate", "name"]);
    expect(kinds.vpnConnection!.updatable).not.toEqual(expect.arrayContaining(["vgw_id"]));
    for (const f of ["vgw_id", "vgw_ip", "style", "enable_nqa", "ha_role", "tags"]) expect(kinds.vpnConnection!.updatable).not.toContain(f);
    expect(kinds.connectionMonitor!.updatable).toEqual([]);
    expect(kinds.connectionMonitor!.ops.update).toBeUndefined();
  });

  it("every secret and write-only field is a field of the create body; secrets match the operations' secretFields", () => {
    for (const k of Object.values(kinds)) {
      const keys = bodyKeys(k.ops.create, k.wrapper);
      for (const f of [...k.secret, ...k.writeOnly]) expect(keys, `${k.kind}.${f}`).toContain(f.split(".")[0]);
      for (const f of k.secret) expect(ops[k.ops.create]!.secretFields, `${k.kind}.${f}`).toContain(`${k.wrapper}.${f}`);
    }
    expect(kinds.vpnConnection!.writeOnly).toContain("psk");
  });

  it("lifecycles: connections are ready at DOWN or ACTIVE, gateways and monitors at ACTIVE, deletes pass PENDING_DELETE", () => {
    expect([...kinds.vpnConnection!.status!.ready].sort()).toEqual(["ACTIVE", "DOWN"]);
    expect(kinds.vpnConnection!.status!.failed).toContain("ERROR");
    expect(kinds.vpnGateway!.status!.ready).toEqual(["ACTIVE"]);
    expect(kinds.connectionMonitor!.status!.ready).toEqual(["ACTIVE"]);
    for (const k of ["vpnGateway", "vpnConnection", "connectionMonitor"]) {
      expect(kinds[k]!.status!.transitions.delete).toEqual(["PENDING_DELETE"]);
      expect(kinds[k]!.status!.pending).toEqual(expect.arrayContaining(["PENDING_CREATE", "PENDING_DELETE"]));
    }
    expect(kinds.customerGateway!.status).toBeUndefined();
    expect(kinds.vpnGateway!.notReadyCodes).toEqual(expect.arrayContaining(["VPN.0003", "VPN.0506", "VPN.0507"]));
  });

  it("tags: resource types of the tag API and the 20-tag limit", () => {
    expect(kinds.vpnGateway!.tagResourceType).toBe("vpn-gateway");
    expect(kinds.customerGateway!.tagResourceType).toBe("customer-gateway");
    expect(kinds.vpnConnection!.tagResourceType).toBe("vpn-connection");
    for (const k of ["vpnGateway", "customerGateway", "vpnConnection"]) expect(kinds[k]!.maxTags).toBe(20);
    expect(kinds.vpnConnection!.caseInsensitive).toContain("style");
    expect(kinds.vpnConnection!.unordered).toContain("peer_subnets");
  });
});
