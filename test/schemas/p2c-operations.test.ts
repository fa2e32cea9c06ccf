/**
 * The P2C, quota and tag rows of the operation table against api-p2c-common.md §1.1 (method, path, success status,
 * idempotency header, edition) and the official SDK's undocumented P2C gateway operations.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { commonOperations } from "../../sdk/spec/common";
import { p2cOperations } from "../../sdk/spec/p2c";
import type { Documented, OperationSpec } from "../../sdk/spec/types";

const P = "/v5/{project_id}/p2c-vpn-gateways";
const S = `${P}/vpn-servers/{vpn_server_id}`;

/** api-p2c-common.md §1.1, row by row: id, SDK key, method, path, success status, edition. */
const SECTION_1_1: ReadonlyArray<readonly [string, string, string, string, number, Documented]> = [
  ["G1", "showP2cVgw", "GET", `${P}/{p2c_vgw_id}`, 200, "both"],
  ["G2", "listP2cVgws", "GET", P, 200, "both"],
  ["G3", "updateP2cVgw", "PUT", `${P}/{p2c_vgw_id}`, 200, "both"],
  ["G4", "listP2cVgwAvailabilityZones", "GET", `${P}/availability-zones`, 200, "both"],
  ["G5", "listP2cVgwConnections", "GET", `${P}/{p2c_vgw_id}/connections`, 200, "both"],
  ["G6", "deleteP2cVgwConnection", "POST", `${P}/{p2c_vgw_id}/connections/{connection_id}/disconnect`, 200, "en"],
  ["S1", "createVpnServer", "POST", `${P}/{p2c_vgw_id}/vpn-servers`, 201, "both"],
  ["S2", "listVpnServersByVgw", "GET", `${P}/{p2c_vgw_id}/vpn-servers`, 200, "both"],
  ["S3", "updateVpnServer", "PUT", S, 200, "both"],
  ["S4", "exportClientConfig", "POST", `${S}/client-config/export`, 200, "both"],
  ["S5", "listVpnServersByProject", "GET", "/v5/{project_id}/vpn-servers", 200, "both"],
  ["C1", "checkClientCaCertificate", "POST", `${P}/vpn-servers/client-ca-certificates/check`, 200, "both"],
  ["C2", "importClientCa", "POST", `${S}/client-ca-certificates`, 201, "both"],
  ["C3", "showClientCa", "GET", `${S}/client-ca-certificates/{client_ca_certificate_id}`, 200, "both"],
  ["C4", "updateClientCa", "PUT", `${S}/client-ca-certificates/{client_ca_certificate_id}`, 200, "both"],
  ["C5", "deleteClientCa", "DELETE", `${S}/client-ca-certificates/{client_ca_certificate_id}`, 204, "both"],
  ["L1", "updateVpnConnectionsLogConfig", "PUT", `${P}/{p2c_vgw_id}/log-config`, 200, "en"],
  ["L2", "showVpnConnectionsLogConfig", "GET", `${P}/{p2c_vgw_id}/log-config`, 200, "en"],
  ["L3", "deleteVpnConnectionsLogConfig", "DELETE", `${P}/{p2c_vgw_id}/log-config`, 204, "en"],
  ["U1", "createVpnUser", "POST", `${S}/users`, 201, "both"],
  ["U2", "batchCreateVpnUsers", "POST", `${S}/users/batch-create`, 201, "en"],
  ["U3", "showVpnUser", "GET", `${S}/users/{user_id}`, 200, "both"],
  ["U4", "listVpnUsers", "GET", `${S}/users`, 200, "both"],
  ["U5", "updateVpnUser", "PUT", `${S}/users/{user_id}`, 200, "both"],
  ["U6", "deleteVpnUser", "DELETE", `${S}/users/{user_id}`, 204, "both"],
  ["U7", "batchDeleteVpnUsers", "POST", `${S}/users/batch-delete`, 200, "en"],
  ["U8", "updateVpnUserPassword", "PUT", `${S}/users/{user_id}/password`, 200, "both"],
  ["U9", "resetVpnUserPassword", "POST", `${S}/users/{user_id}/reset-password`, 200, "both"],
  ["UG1", "createVpnUserGroup", "POST", `${S}/groups`, 201, "both"],
  ["UG2", "showVpnUserGroup", "GET", `${S}/groups/{group_id}`, 200, "both"],
  ["UG3", "listVpnUserGroups", "GET", `${S}/groups`, 200, "both"],
  ["UG4", "updateVpnUserGroup", "PUT", `${S}/groups/{group_id}`, 200, "both"],
  ["UG5", "deleteVpnUserGroup", "DELETE", `${S}/groups/{group_id}`, 204, "both"],
  ["UG6", "addVpnUsersToGroup", "POST", `${S}/groups/{group_id}/add-users`, 201, "both"],
  ["UG7", "removeVpnUsersFromGroup", "POST", `${S}/groups/{group_id}/remove-users`, 201, "both"],
  ["UG8", "listVpnUsersInGroup", "GET", `${S}/groups/{group_id}/users`, 200, "both"],
  ["P1", "createVpnAccessPolicy", "POST", `${S}/access-policies`, 201, "both"],
  ["P2", "showVpnAccessPolicy", "GET", `${S}/access-policies/{policy_id}`, 200, "both"],
  ["P3", "listVpnAccessPolicies", "GET", `${S}/access-policies`, 200, "both"],
  ["P4", "updateVpnAccessPolicy", "PUT", `${S}/access-policies/{policy_id}`, 200, "both"],
  ["P5", "deleteVpnAccessPolicy", "DELETE", `${S}/access-policies/{policy_id}`, 204, "both"],
  ["Q1", "showQuotasInfo", "GET", "/v5/{project_id}/vpn/quotas", 200, "both"],
  ["T1", "listResourcesByTags", "POST", "/v5/{project_id}/{resource_type}/resource-instances/filter", 200, "both"],
  ["T2", "countResourcesByTags", "POST", "/v5/{project_id}/{resource_type}/resource-instances/count", 200, "both"],
  ["T3", "batchCreateResourceTags", "POST", "/v5/{project_id}/{resource_type}/{resource_id}/tags/create", 204, "both"],
  ["T4", "batchDeleteResourceTags", "POST", "/v5/{project_id}/{resource_type}/{resource_id}/tags/delete", 204, "both"],
  ["T5", "showResourceTags", "GET", "/v5/{project_id}/{resource_type}/{resource_id}/tags", 200, "both"],
  ["T6", "listProjectTags", "GET", "/v5/{project_id}/{resource_type}/tags", 200, "both"],
];

/** anchors.md §4.1: in the official SDK, in neither edition. */
const UNDOCUMENTED: ReadonlyArray<readonly [string, string, string]> = [
  ["createP2cVgw", "POST", P],
  ["deleteP2cVgw", "DELETE", `${P}/{p2c_vgw_id}`],
  ["upgradeP2cVpnGateway", "POST", `${P}/{p2c_vgw_id}/upgrade`],
  ["listP2cVpnGatewayJobs", "GET", `${P}/jobs`],
  ["deleteP2cVpnGatewayJob", "DELETE", `${P}/jobs/{job_id}`],
];

/** Operations whose `X-Client-Token` header is documented (§1.1), plus the SDK's create. */
const CLIENT_TOKEN = [
  "createVpnServer",
  "importClientCa",
  "createVpnUser",
  "batchCreateVpnUsers",
  "createVpnUserGroup",
  "createVpnAccessPolicy",
  "createP2cVgw",
];

const table: Record<string, OperationSpec> = { ...p2cOperations, ...commonOperations };

describe("P2C, quota and tag operation table", () => {
  it.each(SECTION_1_1.map((r) => [r[0], r] as const))("§1.1 %s is in the table as documented", (_id, row) => {
    const [, key, method, path, status, documented] = row;
    const op = table[key];
    expect(Object.keys(table), key).toContain(key);
    expect({
      method: op!.method,
      path: op!.path,
      successStatus: op!.successStatus,
      documented: op!.documented,
    }).toEqual({
      method,
      path,
      successStatus: status,
      documented,
    });
  });

  it.each(UNDOCUMENTED.map((r) => [r[0], r] as const))("undocumented SDK operation %s is marked", (key, row) => {
    const op = table[key]!;
    expect(Object.keys(table)).toContain(key);
    expect([op.method, op.path, op.documented]).toEqual([row[1], row[2], "undocumented"]);
  });

  it("holds exactly the §1.1 rows and the undocumented SDK operations", () => {
    const expected = [...SECTION_1_1.map((r) => r[1]), ...UNDOCUMENTED.map((r) => r[0])].sort();
    expect(Object.keys(table).sort()).toEqual(expected);
    expect(Object.keys(commonOperations).sort()).toEqual(
      SECTION_1_1.filter((r) => /^[QT]/.test(r[0]))
        .map((r) => r[1])
        .sort(),
    );
  });

  it("keys are the SDK names in lowerCamelCase and paths start at /v5/{project_id}/", () => {
    for (const [key, op] of Object.entries(table)) {
      expect(op.name.charAt(0).toLowerCase() + op.name.slice(1)).toBe(key);
      expect(op.path.startsWith("/v5/{project_id}/")).toBe(true);
    }
  });

  it("marks X-Client-Token exactly where it is documented", () => {
    const withToken = Object.entries(table)
      .filter(([, op]) => op.clientToken)
      .map(([k]) => k);
    expect(withToken.sort()).toEqual([...CLIENT_TOKEN].sort());
  });

  it("names the secret fields of every body that carries a password", () => {
    expect(table.createVpnUser!.secretFields).toEqual(["user.password"]);
    expect(table.batchCreateVpnUsers!.secretFields).toEqual(["users[].password"]);
    expect(table.updateVpnUserPassword!.secretFields).toEqual(["old_password", "new_password"]);
    expect(table.resetVpnUserPassword!.secretFields).toEqual(["new_password"]);
    const others = Object.entries(table)
      .filter(([, op]) => op.secretFields?.length)
      .map(([k]) => k);
    expect(others.sort()).toEqual([
      "batchCreateVpnUsers",
      "createVpnUser",
      "resetVpnUserPassword",
      "updateVpnUserPassword",
    ]);
  });

  it("has no response schema for 204 operations and one for every other", () => {
    for (const [key, op] of Object.entries(table))
      expect(op.response === undefined, key).toBe(op.successStatus === 204);
  });

  it("declares marker paging for the limit/marker lists and offset paging for connections and the tag filter", () => {
    const paged = Object.fromEntries(
      Object.entries(table)
        .filter(([, op]) => op.pagination)
        .map(([k, op]) => [k, op.pagination]),
    );
    expect(Object.keys(paged).sort()).toEqual(
      [
        "listP2cVgws",
        "listVpnServersByProject",
        "listVpnUsers",
        "listVpnUserGroups",
        "listVpnUsersInGroup",
        "listVpnAccessPolicies",
        "listP2cVgwConnections",
        "listResourcesByTags",
        "listP2cVpnGatewayJobs",
      ].sort(),
    );
    expect(paged.listP2cVgwConnections).toMatchObject({
      style: "offset",
      listKey: "connections",
      totalKey: "total_count",
    });
    expect(paged.listResourcesByTags).toEqual({
      style: "offset",
      listKey: "resources",
      maxLimit: 1000,
      totalKey: "total_count",
    });
    expect(paged.listVpnUserGroups).toMatchObject({ style: "marker", listKey: "user_groups" });
  });

  it("each paged operation's list key is an array in its response schema and its query takes limit", () => {
    for (const [key, op] of Object.entries(table)) {
      if (!op.pagination) continue;
      const { listKey } = op.pagination;
      expect(op.response!.safeParse({ [listKey]: [] }).success, key).toBe(true);
      expect(op.response!.safeParse({ [listKey]: "x" }).success, key).toBe(false);
      const q = (op.query as z.ZodObject).shape;
      expect(Object.keys(q), key).toContain("limit");
      expect(Object.keys(q), key).toContain(op.pagination.style === "marker" ? "marker" : "offset");
    }
  });

  it("query schemas are strict and bodies of documented operations reject unknown fields", () => {
    expect(table.listVpnUsers!.query!.safeParse({ limit: "5", name: "x" }).success).toBe(false);
    expect(table.createVpnUserGroup!.body!.safeParse({ user_group: { name: "g1", colour: "red" } }).success).toBe(
      false,
    );
  });
});
