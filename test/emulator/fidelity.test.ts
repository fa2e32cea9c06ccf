/**
 * Error codes as the docs give them (issue 11 item 7): a bandwidth below the documented minimum is an invalid
 * request (VPN.0550 is "exceeds the upper limit"); an empty batch of users is VPN.1318; a batch with some
 * invalid users answers 201 with `invalid_users`, creating none; a client CIDR that conflicts with a route of
 * the gateway VPC's default route table is VPN.1109; `peer_subnets: []` is refused. Codes come from the rules'
 * structured results, never from their message text.
 */
import { describe, expect, it } from "vitest";
import { validationError } from "../../emulator/errors";
import { seedWorld, DOC, type World } from "./world";
import { signed, useEmulator, UNLISTED_REGION } from "./helpers";

const env = useEmulator(UNLISTED_REGION);
const P2C_VPC = "05b9d7de-9acd-4a05-b497-1a3c75afaa0a";
const USERS = `/v5/{project_id}/p2c-vpn-gateways/vpn-servers/${DOC.server}/users`;

const newEip = (bandwidth: number) => ({ type: "5_bgp", charge_mode: "bandwidth", bandwidth_size: bandwidth });

async function world(): Promise<World> {
  return seedWorld(env.emu);
}

describe("bandwidth_size: below the minimum is invalid, above the cap is VPN.0550", () => {
  it("S2C gateway (GW-13)", async () => {
    const w = await world();
    const body = (b: number) => ({
      vpn_gateway: {
        vpc_id: "cb4a631d-demo-a8df-va86-ca3fa348c36c",
        connect_subnet: "f5741286-demo-a8df-va86-2c82bd9ee114",
        local_subnets: ["192.168.0.0/24"],
        flavor: "Professional1",
        eip1: newEip(b),
        eip2: newEip(b),
      },
    });
    const zero = await signed(env.emu, "POST", "/v5/{project_id}/vpn-gateways", body(0), { project: w.projectId });
    expect([zero.status, zero.json.error_code]).toEqual([400, "VPN.0001"]);
    expect(zero.json.error_msg).toMatch(/bandwidth_size: 0/);
    expect(zero.json.error_msg).toContain("GW-13");
    const over = await signed(env.emu, "POST", "/v5/{project_id}/vpn-gateways", body(301), { project: w.projectId });
    expect([over.status, over.json.error_code]).toEqual([400, "VPN.0550"]);
  });

  it("P2C gateway (P2C-GW-5)", async () => {
    const w = await world();
    const body = (b: number) => ({
      p2c_vpn_gateway: { vpc_id: P2C_VPC, connect_subnet: "1948ce22-ddc5-4fb6-87b8-dfcc9b176b51", eip: newEip(b) },
    });
    const zero = await signed(env.emu, "POST", "/v5/{project_id}/p2c-vpn-gateways", body(0), { project: w.projectId });
    expect([zero.status, zero.json.error_code]).toEqual([400, "VPN.0001"]);
    const over = await signed(env.emu, "POST", "/v5/{project_id}/p2c-vpn-gateways", body(2000), {
      project: w.projectId,
    });
    expect([over.status, over.json.error_code]).toEqual([400, "VPN.0550"]);
  });
});

describe("batch user create", () => {
  it("an empty list is VPN.1318", async () => {
    const w = await world();
    const r = await signed(env.emu, "POST", `${USERS}/batch-create`, { users: [] }, { project: w.projectId });
    expect([r.status, r.json.error_code, r.json.error_msg]).toEqual([
      400,
      "VPN.1318",
      expect.stringContaining("User list is empty."),
    ]);
  });

  it("some invalid users: 201 with invalid_users and their causes, and no user is created", async () => {
    const w = await world();
    const before = (await signed(env.emu, "GET", USERS, undefined, { project: w.projectId })).json.users.length;
    const r = await signed(
      env.emu,
      "POST",
      `${USERS}/batch-create`,
      {
        users: [
          { name: "batch001", password: "Passw0rd-1", description: "ok" },
          { name: "batch002", password: "short", description: "second" },
          { name: "batch003", password: "Passw0rd-3", user_group_name: "no-such-group" },
        ],
      },
      { project: w.projectId },
    );
    expect(r.status, r.text).toBe(201);
    expect(r.json.invalid_users).toEqual([
      expect.objectContaining({ name: "batch002", description: "second", cause: "Password length invalid." }),
      expect.objectContaining({ name: "batch003", user_group_name: "no-such-group", cause: expect.any(String) }),
    ]);
    expect(r.text).not.toContain('"short"');
    const after = (await signed(env.emu, "GET", USERS, undefined, { project: w.projectId })).json.users.length;
    expect(after).toBe(before);
  });

  it("a name given twice is still VPN.1315, a valid batch creates every user", async () => {
    const w = await world();
    const twice = await signed(
      env.emu,
      "POST",
      `${USERS}/batch-create`,
      {
        users: [
          { name: "batch010", password: "Passw0rd-1" },
          { name: "batch010", password: "Passw0rd-2" },
        ],
      },
      { project: w.projectId },
    );
    expect([twice.status, twice.json.error_code]).toEqual([400, "VPN.1315"]);
    const ok = await signed(
      env.emu,
      "POST",
      `${USERS}/batch-create`,
      {
        users: [
          { name: "batch011", password: "Passw0rd-1" },
          { name: "batch012", password: "Passw0rd-2" },
        ],
      },
      { project: w.projectId },
    );
    expect([ok.status, ok.json.invalid_users]).toEqual([201, []]);
    const names = (await signed(env.emu, "GET", USERS, undefined, { project: w.projectId })).json.users.map(
      (u: { name: string }) => u.name,
    );
    expect(names).toEqual(expect.arrayContaining(["batch011", "batch012"]));
  });
});

describe("VPN.1109: the client CIDR conflicts with a route of the gateway VPC", () => {
  it("on create and on update, once the VPC's routes are seeded", async () => {
    const w = await world();
    await env.emu.admin.seed({
      projectId: w.projectId,
      inventory: { vpcs: [{ id: P2C_VPC, routes: ["172.20.8.0/24", "10.200.0.0/16"] }] },
    });
    const server = (cidr: string) => ({
      vpn_server: {
        client_cidr: cidr,
        local_subnets: ["10.16.0.0/24"],
        server_certificate: { id: "scs1716171403922" },
        ssl_options: {},
      },
    });
    const path = `/v5/{project_id}/p2c-vpn-gateways/${DOC.p2cFree}/vpn-servers`;
    const clash = await signed(env.emu, "POST", path, server("172.20.0.0/16"), { project: w.projectId });
    expect([clash.status, clash.json.error_code, clash.json.error_msg]).toEqual([
      400,
      "VPN.1109",
      "The client CIDR block conflicts with the VPC route 172.20.8.0/24.",
    ]);
    const created = await signed(env.emu, "POST", path, server("172.21.0.0/16"), { project: w.projectId });
    expect(created.status, created.text).toBe(201);
    const id = created.json.vpn_server.id as string;
    const update = await signed(
      env.emu,
      "PUT",
      `/v5/{project_id}/p2c-vpn-gateways/vpn-servers/${id}`,
      { vpn_server: { client_cidr: "10.200.64.0/20" } },
      { project: w.projectId },
    );
    expect([update.status, update.json.error_code]).toEqual([400, "VPN.1109"]);
  });
});

describe("peer_subnets: [] is refused (CONN-04)", () => {
  it("on create of a static connection and on update", async () => {
    const w = await world();
    const create = await signed(
      env.emu,
      "POST",
      "/v5/{project_id}/vpn-connection",
      {
        vpn_connection: {
          vgw_id: DOC.gw,
          vgw_ip: DOC.gwEip1,
          cgw_id: DOC.cgw,
          style: "static",
          peer_subnets: [],
          psk: "Vpn-Key.2024",
        },
      },
      { project: w.projectId },
    );
    expect([create.status, create.json.error_code]).toEqual([400, "VPN.0001"]);
    expect(create.json.error_msg).toMatch(/peer_subnets: \[\] — .*CONN-04/);
    const update = await signed(
      env.emu,
      "PUT",
      `/v5/{project_id}/vpn-connection/${DOC.staticConn}`,
      { vpn_connection: { peer_subnets: [] } },
      { project: w.projectId },
    );
    expect([update.status, update.json.error_code]).toEqual([400, "VPN.0001"]);
    expect(update.json.error_msg).toContain("CONN-04");
  });
});

describe("the error code comes from the rule's structured result", () => {
  it("a code in the message text is not a code", () => {
    const issue = {
      field: "eip1.bandwidth_size",
      value: "0",
      rule: "1-1000 Mbit/s (GW-13, ZH 4.1.1.1 T4-4; VPN.0550)",
    };
    expect(validationError([issue]).code).toBe("VPN.0001");
    const e = validationError([{ ...issue, ruleId: "GW-13", code: "VPN.0550" }]);
    expect([e.status, e.code]).toEqual([400, "VPN.0550"]);
  });
});
