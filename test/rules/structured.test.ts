/**
 * Rule results are structured (rule id and documented code beside the message) and survive the trip through the
 * request schemas; CONN-04 refuses `peer_subnets: []` in create and update bodies alike, so a provider preview,
 * which checks with these schemas, refuses it before any API call.
 */
import { describe, expect, it } from "vitest";
import { checkBandwidthCap, checkPeerSubnets, runRules, s2cRules } from "../../sdk/rules";
import { p2cRuleById } from "../../sdk/rules/p2c";
import { validate } from "../../sdk/schemas/validate";
import { CreateVpnConnectionRequestBody, UpdateVpnConnectionRequestBody } from "../../sdk/schemas/s2c/connection";
import { BatchCreateVpnUsersRequest } from "../../sdk/schemas/p2c/user";

const conn = {
  vgw_id: "b32d91a4-0000-4a8d-8a86-e907174eb11d",
  vgw_ip: "0c464dad-0000-4a8d-8a86-c22bb0eb0bde",
  cgw_id: "5247ae10-0000-4a8d-8a86-dd36659a7f5d",
  psk: "Vpn-Key.2024",
};

describe("structured rule results", () => {
  it("S2C: a cap violation carries VPN.0550; the registry adds the rule id", () => {
    const body = { flavor: "Basic", eip1: { bandwidth_size: 101 } };
    expect(checkBandwidthCap(body)).toEqual([
      expect.objectContaining({ path: ["eip1", "bandwidth_size"], code: "VPN.0550" }),
    ]);
    const viaRegistry = runRules(s2cRules, "vpnGateway", body, { operation: "createVgw" }).filter(
      (i) => i.ruleId === "GW-13",
    );
    expect(viaRegistry).toEqual([expect.objectContaining({ ruleId: "GW-13", code: "VPN.0550" })]);
  });

  it("P2C: a rule that cites two codes gives each finding its own", () => {
    const r = p2cRuleById.get("P2C-GRP-4")!;
    expect(r.checkValue([]).map((i) => i.code)).toEqual(["VPN.1318"]);
    expect(r.checkValue([{ id: "a" }, { id: "a" }]).map((i) => i.code)).toEqual(["VPN.1315"]);
    expect(p2cRuleById.get("P2C-GW-5")!.checkValue({ bandwidth_size: 0 })).toEqual([
      expect.not.objectContaining({ code: expect.anything() }),
    ]);
  });

  it("the codes reach the schema validation's field issues", () => {
    const v = validate(BatchCreateVpnUsersRequest, { users: [] });
    expect(v.success).toBe(false);
    if (!v.success)
      expect(v.issues).toEqual([expect.objectContaining({ field: "users", ruleId: "P2C-USR-3", code: "VPN.1318" })]);
  });
});

describe("CONN-04: peer_subnets: [] is refused", () => {
  it("by the rule, with or without facts, on create and update", () => {
    expect(checkPeerSubnets({ ...conn, peer_subnets: [] })).toHaveLength(1);
    expect(checkPeerSubnets({ peer_subnets: [] }, { operation: "updateVpnConnection" })).toHaveLength(1);
    expect(checkPeerSubnets({ peer_subnets: ["10.0.0.0/24"] }, { operation: "updateVpnConnection" })).toEqual([]);
  });

  it("by the create and the update schemas (what a preview checks)", () => {
    const create = validate(CreateVpnConnectionRequestBody, {
      vpn_connection: { ...conn, style: "static", peer_subnets: [] },
    });
    expect(create.success).toBe(false);
    if (!create.success) expect(create.issues.map((i) => i.rule)).toEqual([expect.stringContaining("CONN-04")]);
    const update = validate(UpdateVpnConnectionRequestBody, { vpn_connection: { peer_subnets: [] } });
    expect(update.success).toBe(false);
    if (!update.success) expect(update.issues.map((i) => i.field)).toEqual(["vpn_connection.peer_subnets"]);
    expect(
      validate(UpdateVpnConnectionRequestBody, { vpn_connection: { peer_subnets: ["10.0.0.0/24"] } }).success,
    ).toBe(true);
  });
});
