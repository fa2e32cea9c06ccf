/** P2C resource kinds and quota tables against the operation table and the schemas they point at. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { TAG_RESOURCE_TYPES } from "../../sdk/schemas/common";
import { P2C_GATEWAY_STATUSES, VPN_SERVER_STATUSES } from "../../sdk/schemas/p2c";
import { p2cOperations } from "../../sdk/spec/p2c";
import { p2cKinds } from "../../sdk/spec/p2c-kinds";
import { defaultQuotas, p2cQuotaLimits, QUOTA_TYPES } from "../../sdk/spec/quotas";
import type { OperationSpec, ResourceKindSpec, Schema } from "../../sdk/spec/types";

const ops: Record<string, OperationSpec> = p2cOperations;
const kinds: Record<string, ResourceKindSpec> = p2cKinds;

const shapeOf = (schema: Schema | z.ZodType | undefined): Record<string, z.ZodType> => (schema as z.ZodObject).shape;
const inner = (schema: Schema | undefined, wrapper: string) => shapeOf(shapeOf(schema)[wrapper]);
const params = (p: string) => (p.match(/\{(\w+)\}/g) ?? []).map((x) => x.slice(1, -1));

describe("P2C resource kinds", () => {
  it("are the seven P2C kinds with their Pulumi class names", () => {
    expect(Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, v.className]))).toEqual({
      p2cVpnGateway: "P2cVpnGateway",
      vpnServer: "VpnServer",
      connectionLogConfig: "ConnectionLogConfig",
      clientCaCertificate: "ClientCaCertificate",
      vpnUser: "VpnUser",
      vpnUserGroup: "VpnUserGroup",
      vpnAccessPolicy: "VpnAccessPolicy",
    });
    for (const [k, v] of Object.entries(kinds)) expect(v.kind).toBe(k);
  });

  it.each(Object.keys(kinds))(
    "%s: operations exist, act on the kind and carry the id and parent parameters",
    (name) => {
      const k = kinds[name]!;
      for (const opName of Object.values(k.ops)) {
        expect(Object.keys(ops), opName).toContain(opName);
        expect(ops[opName]!.kind).toBe(name);
      }
      const create = ops[k.ops.create]!;
      for (const p of k.parentParams ?? []) expect(params(create.path)).toContain(p);
      for (const opName of [k.ops.update, k.ops.delete].filter((x): x is string => x !== undefined))
        expect(params(ops[opName]!.path)).toContain(k.idParam);
      if (name !== "vpnServer") expect(params(ops[k.ops.show]!.path)).toContain(k.idParam);
    },
  );

  it.each(Object.keys(kinds))("%s: the wrapper wraps the create body and the create response's id", (name) => {
    const k = kinds[name]!;
    const create = ops[k.ops.create]!;
    expect(Object.keys(shapeOf(create.body))).toEqual([k.wrapper]);
    expect(create.response!.safeParse({ [k.wrapper]: { [k.idField]: "x" } }).success).toBe(true);
    expect(create.response!.safeParse({}).success).toBe(false);
  });

  it.each(Object.keys(kinds))("%s: updatable, secret and write-only fields exist in the request schemas", (name) => {
    const k = kinds[name]!;
    if (k.ops.update) {
      const upd = inner(ops[k.ops.update]!.body, k.wrapper);
      for (const f of k.updatable) expect(Object.keys(upd), `${name}.${f}`).toContain(f);
    } else expect(k.updatable).toEqual([]);
    const create = inner(ops[k.ops.create]!.body, k.wrapper);
    for (const f of [...k.secret, ...k.writeOnly]) {
      const top = f.split(".")[0]!;
      const inCreate = Object.keys(create).includes(top);
      const inUpdate =
        k.ops.update !== undefined && Object.keys(inner(ops[k.ops.update]!.body, k.wrapper)).includes(top);
      expect(inCreate || inUpdate, `${name}.${f}`).toBe(true);
    }
    for (const [field, opName] of Object.entries(k.updateVia ?? {})) {
      expect(Object.keys(ops), opName).toContain(opName);
      expect(Object.keys(create)).toContain(field);
    }
  });

  it("keeps user passwords secret and write-only, changed through reset-password", () => {
    expect(kinds.vpnUser).toMatchObject({
      secret: ["password"],
      writeOnly: ["password"],
      updateVia: { password: "resetVpnUserPassword" },
    });
    expect(ops.createVpnUser!.secretFields).toEqual([`${kinds.vpnUser!.wrapper}.password`]);
  });

  it("describes the documented asynchronous lifecycles of gateways and servers", () => {
    const gw = kinds.p2cVpnGateway!.status!;
    const srv = kinds.vpnServer!.status!;
    expect([...gw.ready, ...gw.pending, ...gw.failed].sort()).toEqual([...P2C_GATEWAY_STATUSES].sort());
    expect([...srv.ready, ...srv.pending, ...srv.failed].sort()).toEqual([...VPN_SERVER_STATUSES].sort());
    expect(srv.pending).not.toContain("PENDING_DELETE");
    for (const st of [gw, srv]) {
      expect(st.transitions.create).toEqual(["PENDING_CREATE", "ACTIVE"]);
      expect(st.transitions.update).toEqual(["PENDING_UPDATE", "ACTIVE"]);
    }
    expect(gw.transitions.delete).toEqual(["PENDING_DELETE"]);
    expect(kinds.vpnServer!.ops.delete).toBeUndefined();
    for (const n of ["vpnUser", "vpnUserGroup", "vpnAccessPolicy", "clientCaCertificate"])
      expect(kinds[n]!.status).toBeUndefined();
  });

  it("tags only the P2C gateway, with the plural resource type; not-ready codes are VPN codes", () => {
    const tagged = Object.values(kinds).filter((k) => k.tagResourceType);
    expect(tagged.map((k) => [k.kind, k.tagResourceType])).toEqual([["p2cVpnGateway", "p2c-vpn-gateways"]]);
    expect(TAG_RESOURCE_TYPES).toContain("p2c-vpn-gateways");
    for (const k of Object.values(kinds)) for (const c of k.notReadyCodes ?? []) expect(c).toMatch(/^VPN\.\d{4}$/);
    expect(kinds.vpnServer!.notReadyCodes).toEqual(expect.arrayContaining(["VPN.1113", "VPN.1114"]));
    expect(kinds.p2cVpnGateway!.notReadyCodes).toEqual(expect.arrayContaining(["VPN.0506", "VPN.0507", "VPN.0511"]));
  });
});

describe("quotas", () => {
  const fixture = JSON.parse(
    fs.readFileSync(path.join(__dirname, "..", "fixtures", "examples", "common", "showQuotasInfo.1.json"), "utf8"),
  ) as { body: { quotas: { resources: Array<{ type: string; quota: number }> } } };

  it("report the documented quota types with the example's limits", () => {
    const fromDocs = Object.fromEntries(fixture.body.quotas.resources.map((r) => [r.type, r.quota]));
    expect([...QUOTA_TYPES].sort()).toEqual(Object.keys(fromDocs).sort());
    expect(defaultQuotas).toEqual(fromDocs);
  });

  it("hold the P2C per-parent limits with their error codes", () => {
    expect(p2cQuotaLimits.vpnServersPerGateway).toMatchObject({ limit: 1, errorCode: "VPN.1102" });
    expect(p2cQuotaLimits.userGroupsPerServer).toMatchObject({ limit: 50, errorCode: "VPN.1306" });
    expect(p2cQuotaLimits.accessPoliciesPerServer).toMatchObject({ limit: 100, errorCode: "VPN.1400" });
    expect(p2cQuotaLimits.clientCaCertificatesPerServer).toMatchObject({ limit: 10, errorCode: "VPN.1111" });
    expect(p2cQuotaLimits.localSubnetsPerServer).toMatchObject({ limit: 20, errorCode: "VPN.1105" });
    expect(p2cQuotaLimits.usersPerServer.limit).toEqual({ field: "max_connection_number", of: "p2cVpnGateway" });
    for (const l of Object.values(p2cQuotaLimits)) expect(l.errorCode).toMatch(/^VPN\.\d{4}$/);
  });
});
