/**
 * The S2C rule registry and rule functions: every §6 id is covered, every registered rule fires on a body that
 * breaks it and stays quiet on one that keeps it, and the value-level checks behave as documented.
 */
import { describe, expect, it } from "vitest";
import {
  S2C_RULES_NOT_CHECKED,
  S2C_RULE_META,
  eipSpecProblems,
  pskProblems,
  reservedSubnetProblem,
  ruleAppliesTo,
  runRules,
  s2cRule,
  s2cRules,
  tunnelAddressProblems,
  type RuleContext,
} from "../../sdk/rules";

const ID = "cb4a631d-demo-a8df-va86-ca3fa348c36c";
const ID2 = "f5741286-demo-a8df-va86-2c82bd9ee114";
const E1 = "cff40e5e-demo-a8df-va86-7366077bf097";
const E2 = "d290f1ee-demo-a8df-va86-d701748f0851";
const PSK = "Vpn-Key.2024";

/** api-s2c.md §6 rule ids. */
const SECTION_6_IDS = [
  ...Array.from({ length: 6 }, (_, i) => `COM-0${i + 1}`),
  ...Array.from({ length: 25 }, (_, i) => `GW-${String(i + 1).padStart(2, "0")}`),
  ...Array.from({ length: 7 }, (_, i) => `CGW-0${i + 1}`),
  ...Array.from({ length: 38 }, (_, i) => `CONN-${String(i + 1).padStart(2, "0")}`),
  "MON-01",
];

type Probe = { body: unknown; ctx?: RuleContext };
interface RuleCase {
  readonly kind: string;
  readonly op?: string;
  readonly bad: Probe;
  readonly good: Probe;
}

const gwKind = "vpnGateway";
const connKind = "vpnConnection";
const cgwKind = "customerGateway";
const GM: RuleContext = { gateway: { flavor: "GM" } };
const P1: RuleContext = { gateway: { flavor: "Professional1" } };
const activeStandby: RuleContext = { gateway: { ha_mode: "active-standby", eip1: { id: E1 }, eip2: { id: E2 } } };

const CASES: Record<string, RuleCase> = {
  "COM-01": { kind: gwKind, bad: { body: { name: "a b" } }, good: { body: { name: "vpngw-1" } } },
  "COM-02": { kind: connKind, bad: { body: { tags: Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, value: "" })) } }, good: { body: { tags: [{ key: "k", value: "" }] } } },
  "COM-03": { kind: cgwKind, bad: { body: { tags: [{ key: "a#", value: "" }] } }, good: { body: { tags: [{ key: "env", value: "prod" }] } } },
  "COM-04": { kind: gwKind, bad: { body: { vpc_id: "vpc-1" } }, good: { body: { vpc_id: ID } } },
  "COM-05": { kind: gwKind, bad: { body: { enterprise_project_id: "1" } }, good: { body: { enterprise_project_id: "0" } } },
  "COM-06": { kind: gwKind, op: "updateVgw", bad: { body: { tags: [] } }, good: { body: { name: "x" } } },

  "GW-01": { kind: gwKind, bad: { body: { ha_mode: "single" } }, good: { body: { ha_mode: "active-standby" } } },
  "GW-02": { kind: gwKind, bad: { body: { vpc_id: ID } }, good: { body: { vpc_id: ID, connect_subnet: ID2, local_subnets: ["10.0.0.0/24"] } } },
  "GW-03": { kind: gwKind, bad: { body: { attachment_type: "er" } }, good: { body: { attachment_type: "er", er_id: ID } } },
  "GW-04": { kind: gwKind, bad: { body: {} }, good: { body: { er_id: ID } } },
  "GW-05": { kind: gwKind, bad: { body: { local_subnets: ["10.0.0.0"] } }, good: { body: { local_subnets: ["10.0.0.0/24"] } } },
  "GW-06": { kind: gwKind, bad: { body: { bgp_asn: 0 } }, good: { body: { bgp_asn: 4294967295 } } },
  "GW-07": { kind: gwKind, bad: { body: { flavor: "Professional3" } }, good: { body: { flavor: "Professional2" } } },
  "GW-08": { kind: gwKind, bad: { body: { flavor: "Basic", network_type: "private" } }, good: { body: { flavor: "Basic" } } },
  "GW-09": { kind: gwKind, bad: { body: { flavor: "Basic" }, ctx: { region: "ap-southeast-1" } }, good: { body: { flavor: "Basic" }, ctx: { region: "cn-north-4" } } },
  "GW-10": { kind: gwKind, bad: { body: { eip1: { id: E1 } } }, good: { body: { eip1: { id: E1 }, eip2: { id: E2 } } } },
  "GW-11": { kind: gwKind, bad: { body: { eip1: { id: E1, type: "5_bgp" } } }, good: { body: { eip1: { id: E1 }, eip2: { type: "5_bgp", bandwidth_id: ID } } } },
  "GW-12": { kind: gwKind, bad: { body: { eip1: { charge_mode: "95peak" } } }, good: { body: { eip1: { charge_mode: "traffic" } } } },
  "GW-13": { kind: gwKind, bad: { body: { eip1: { bandwidth_size: 301 } } }, good: { body: { eip1: { bandwidth_size: 300 } } } },
  "GW-14": { kind: gwKind, bad: { body: { eip1: { id: E1 } }, ctx: { eips: { [E1]: { frozen: true } } } }, good: { body: { eip1: { id: E1 } }, ctx: { eips: { [E1]: {} } } } },
  "GW-15": {
    kind: gwKind,
    bad: { body: { availability_zone_ids: ["az1"] }, ctx: { availabilityZones: ["az1", "az2", "az3"] } },
    good: { body: { availability_zone_ids: ["az1", "az3"] }, ctx: { availabilityZones: ["az1", "az2", "az3"] } },
  },
  "GW-16": {
    kind: gwKind,
    bad: { body: { network_type: "private", connect_subnet: ID2, access_private_ip_1: "10.0.0.1", access_private_ip_2: "192.168.0.2" }, ctx: { subnets: { [ID2]: { cidr: "192.168.0.0/24" } } } },
    good: { body: { network_type: "private", connect_subnet: ID2, access_private_ip_1: "192.168.0.1", access_private_ip_2: "192.168.0.2" }, ctx: { subnets: { [ID2]: { cidr: "192.168.0.0/24" } } } },
  },
  "GW-17": { kind: gwKind, bad: { body: { connect_subnet: ID2 }, ctx: { subnets: { [ID2]: { freeIps: 3 } } } }, good: { body: { connect_subnet: ID2 }, ctx: { subnets: { [ID2]: { freeIps: 4 } } } } },
  "GW-18": { kind: gwKind, bad: { body: { attachment_type: "er", vpc_id: ID, access_vpc_id: ID2 } }, good: { body: { attachment_type: "er", vpc_id: ID, access_vpc_id: ID } } },
  "GW-19": {
    kind: gwKind,
    op: "updateVgw",
    bad: { body: { eip_id_1: E1 }, ctx: { gateway: { network_type: "private" } } },
    good: { body: { eip_id_1: E1 }, ctx: { gateway: { network_type: "public" } } },
  },
  "GW-20": { kind: gwKind, op: "updateVgw", bad: { body: { policy_template: { ipsec_policy: { pfs: "group5" } } } }, good: { body: { policy_template: { ipsec_policy: { pfs: "disable" } } } } },
  "GW-21": {
    kind: gwKind,
    op: "updatePostpaidVgwSpecification",
    bad: { body: { flavor: "Basic" }, ctx: { gateway: { supported_flavors: ["Professional2"] } } },
    good: { body: { flavor: "Professional2" }, ctx: { gateway: { supported_flavors: ["Professional2"] } } },
  },
  "GW-24": { kind: "gatewayCertificate", op: "createVgwCertificate", bad: { body: { name: "cert-1" }, ctx: P1 }, good: { body: { name: "cert-1" }, ctx: GM } },

  "CGW-01": { kind: cgwKind, bad: { body: { id_type: "any", id_value: "x" } }, good: { body: { id_type: "fqdn", id_value: "x" } } },
  "CGW-02": { kind: cgwKind, bad: { body: { id_value: "vpn.example.com" } }, good: { body: { id_value: "203.0.113.1" } } },
  "CGW-03": { kind: cgwKind, bad: { body: { id_type: "fqdn", id_value: "a<b" } }, good: { body: { id_type: "fqdn", id_value: "a.b" } } },
  "CGW-04": { kind: cgwKind, bad: { body: { id_type: "fqdn", id_value: "a.b", bgp_asn: 65000 } }, good: { body: { id_value: "203.0.113.1", bgp_asn: 65000 } } },
  "CGW-05": { kind: cgwKind, bad: { body: { ca_certificate: { content: "" } } }, good: { body: { ca_certificate: { content: "-----BEGIN CERTIFICATE-----" } } } },
  "CGW-06": { kind: cgwKind, op: "updateCgw", bad: { body: { bgp_asn: 65001 } }, good: { body: { name: "cgw-2" } } },

  "CONN-01": { kind: connKind, bad: { body: { vgw_id: ID } }, good: { body: { vgw_id: ID, vgw_ip: E1, cgw_id: ID2 } } },
  "CONN-02": {
    kind: connKind,
    bad: { body: { vgw_ip: E2 }, ctx: { gateway: { network_type: "public", eip1: { id: E1 } } } },
    good: { body: { vgw_ip: "192.168.0.5" }, ctx: { gateway: { network_type: "private", access_private_ip_1: "192.168.0.5" } } },
  },
  "CONN-03": { kind: connKind, bad: { body: { style: "BGP" } }, good: { body: { style: "bgp" } } },
  "CONN-04": {
    kind: connKind,
    bad: { body: { style: "bgp", peer_subnets: ["10.0.0.0/8"] }, ctx: { gateway: { attachment_type: "er" } } },
    good: { body: { style: "bgp" }, ctx: { gateway: { attachment_type: "er" } } },
  },
  "CONN-05": { kind: connKind, bad: { body: { peer_subnets: Array.from({ length: 51 }, (_, i) => `10.${i}.0.0/16`) } }, good: { body: { peer_subnets: ["10.0.0.0/16"] } } },
  "CONN-06": { kind: connKind, bad: { body: { peer_subnets: ["214.1.0.0/16"] } }, good: { body: { peer_subnets: ["215.1.0.0/16"] } } },
  "CONN-07": { kind: connKind, bad: { body: { tunnel_local_address: "169.253.0.1/30" } }, good: { body: { tunnel_local_address: "169.254.0.1/30" } } },
  "CONN-08": { kind: connKind, bad: { body: { tunnel_peer_address: "169.254.195.2/30" } }, good: { body: { tunnel_peer_address: "169.254.194.2/30" } } },
  "CONN-09": { kind: connKind, bad: { body: { tunnel_local_address: "169.254.1.1/31" } }, good: { body: { tunnel_local_address: "169.254.1.1/30" } } },
  "CONN-10": {
    kind: connKind,
    bad: { body: { tunnel_local_address: "169.254.1.1/30", tunnel_peer_address: "169.254.1.6/30" } },
    good: { body: { tunnel_local_address: "169.254.1.5/30", tunnel_peer_address: "169.254.1.6/30" } },
  },
  "CONN-11": { kind: connKind, bad: { body: { tunnel_local_address: "169.254.1.3/30" } }, good: { body: { tunnel_local_address: "169.254.1.2/30" } } },
  "CONN-12": { kind: connKind, bad: { body: { style: "policy", tunnel_local_address: "169.254.1.1/30" } }, good: { body: { style: "bgp", tunnel_local_address: "169.254.1.1/30" } } },
  "CONN-13": { kind: connKind, bad: { body: { style: "policy", enable_nqa: false } }, good: { body: { enable_nqa: true } } },
  "CONN-14": {
    kind: connKind,
    op: "updateVpnConnection",
    bad: { body: { enable_hub: true }, ctx: { connection: { style: "STATIC" } } },
    good: { body: { enable_hub: true }, ctx: { connection: { style: "BGP" } } },
  },
  "CONN-15": { kind: connKind, bad: { body: { psk: "Ab1@" } }, good: { body: { psk: PSK } } },
  "CONN-16": { kind: connKind, bad: { body: { psk: "ABCDEFGH1" } }, good: { body: { psk: "ABCDEFGh1" } } },
  "CONN-17": { kind: connKind, bad: { body: {}, ctx: P1 }, good: { body: {}, ctx: GM } },
  "CONN-19": {
    kind: connKind,
    bad: { body: { style: "bgp", policy_rules: [{ source: "10.0.0.0/24" }] } },
    good: { body: { style: "policy", policy_rules: [{ source: "10.0.0.0/24" }] } },
  },
  "CONN-20": {
    kind: connKind,
    bad: { body: { policy_rules: [{ rule_index: 0 }, { rule_index: 0 }] } },
    good: { body: { policy_rules: [{ rule_index: 0 }, { rule_index: 50 }] } },
  },
  "CONN-21": { kind: connKind, bad: { body: { policy_rules: [{ rule_index: 1, source: "10.0.0.0/24" }] } }, good: { body: { policy_rules: [{ source: "10.0.0.0/24" }] } } },
  "CONN-22": { kind: connKind, bad: { body: { ikepolicy: { ike_version: "v2" } }, ctx: GM }, good: { body: { ikepolicy: { ike_version: "v1" } }, ctx: GM } },
  "CONN-23": {
    kind: connKind,
    bad: { body: { ikepolicy: { ike_version: "v1", phase1_negotiation_mode: "aggressive" } }, ctx: GM },
    good: { body: { ikepolicy: { ike_version: "v1", phase1_negotiation_mode: "aggressive" } }, ctx: P1 },
  },
  "CONN-24": {
    kind: connKind,
    bad: { body: { ipsecpolicy: { encryption_algorithm: "sm4" } }, ctx: P1 },
    good: { body: { ipsecpolicy: { encryption_algorithm: "sm4" } }, ctx: GM },
  },
  "CONN-25": { kind: connKind, bad: { body: { ipsecpolicy: { pfs: "group14" } }, ctx: GM }, good: { body: { ipsecpolicy: { pfs: "group14" } }, ctx: P1 } },
  "CONN-26": { kind: connKind, bad: { body: { ikepolicy: { dh_group: "group14" } } }, good: { body: { ikepolicy: { dh_group: "group19" } } } },
  "CONN-27": { kind: connKind, bad: { body: { ikepolicy: { authentication_method: "rsa-sig" } } }, good: { body: { ikepolicy: { authentication_method: "digital-envelope-v2" } } } },
  "CONN-28": { kind: connKind, bad: { body: { ikepolicy: { lifetime_seconds: 30 } } }, good: { body: { ikepolicy: { lifetime_seconds: 60 } } } },
  "CONN-29": { kind: connKind, bad: { body: { ikepolicy: { dpd: { interval: 3601 } } } }, good: { body: { ikepolicy: { dpd: { interval: 3600 } } } } },
  "CONN-30": { kind: connKind, bad: { body: { ipsecpolicy: { transform_protocol: "ah" } } }, good: { body: { ipsecpolicy: { transform_protocol: "esp" } } } },
  "CONN-31": { kind: connKind, bad: { body: { ikepolicy: { peer_id_type: "fqdn" } } }, good: { body: { ikepolicy: { peer_id_type: "fqdn", peer_id: "peer.example.com" } } } },
  "CONN-32": { kind: connKind, bad: { body: { vgw_ip: E2 }, ctx: activeStandby }, good: { body: { vgw_ip: E2, ha_role: "slave" }, ctx: activeStandby } },
  "CONN-33": {
    kind: connKind,
    bad: { body: {}, ctx: { gateway: { flavor: "GM", certificate_id: ID }, customerGateway: { ca_certificate: null } } },
    good: { body: {}, ctx: { gateway: { flavor: "GM", certificate_id: ID }, customerGateway: { ca_certificate: { id: ID } } } },
  },
  "CONN-34": {
    kind: connKind,
    op: "batchCreateVpnConnection",
    bad: { body: { vpn_connections: [{ vgw_id: ID }, { vgw_id: ID2 }] } },
    good: { body: { vpn_connections: [{ vgw_id: ID }, { vgw_id: ID }] } },
  },
  "CONN-35": { kind: connKind, op: "updateVpnConnection", bad: { body: { ikepolicy: { peer_id: "1.2.3.4" } }, ctx: GM }, good: { body: { ikepolicy: { peer_id: "1.2.3.4" } }, ctx: P1 } },
  "CONN-36": {
    kind: connKind,
    op: "updateVpnConnection",
    bad: { body: { psk: PSK } },
    good: { body: { psk: PSK }, ctx: { connection: { ikepolicy: { ike_version: "v1" } } } },
  },
  "CONN-37": { kind: connKind, op: "updateVpnConnection", bad: { body: { ha_role: "slave" } }, good: { body: { name: "vpn-2" } } },
  "CONN-38": {
    kind: connKind,
    bad: { body: {}, ctx: { gateway: { connection_number: 200, used_connection_number: 200 } } },
    good: { body: {}, ctx: { gateway: { connection_number: 200, used_connection_number: 199 } } },
  },

  "MON-01": { kind: "connectionMonitor", bad: { body: {} }, good: { body: { vpn_connection_id: ID } } },
};

const fired = (id: string, c: RuleCase, p: Probe) =>
  runRules(s2cRules, c.kind, p.body, { ...(p.ctx ?? {}), ...(c.op ? { operation: c.op } : {}) }).filter((i) => i.ruleId === id);

describe("S2C rule registry", () => {
  it("covers every §6 id exactly once, in the registry or in the documented not-checked list", () => {
    const ids = s2cRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of SECTION_6_IDS) expect(ids.includes(id) !== id in S2C_RULES_NOT_CHECKED, id).toBe(true);
    for (const id of [...ids, ...Object.keys(S2C_RULES_NOT_CHECKED)]) expect(SECTION_6_IDS).toContain(id);
    expect(ids.length + Object.keys(S2C_RULES_NOT_CHECKED).length).toBe(SECTION_6_IDS.length);
  });

  it("gives every rule a kind, field, citation, description, severity and scope", () => {
    for (const r of s2cRules) {
      expect(r.doc.length, r.id).toBeGreaterThan(3);
      expect(r.field.length, r.id).toBeGreaterThan(0);
      expect(r.description.length, r.id).toBeGreaterThan(10);
      expect(["mandatory", "advisory"]).toContain(r.severity);
      expect(["static", "cross", "lookup"]).toContain(r.scope);
      expect(["*", "vpnGateway", "customerGateway", "vpnConnection", "connectionMonitor", "gatewayCertificate"]).toContain(r.kind);
      expect(Object.keys(S2C_RULE_META)).toContain(r.id);
    }
    const advisory = s2cRules.filter((r) => r.severity === "advisory").map((r) => r.id).sort();
    expect(advisory).toEqual(["CONN-12", "CONN-21", "CONN-26", "CONN-36", "GW-18"]);
  });

  it("has a firing and a quiet case for every registered rule", () => {
    expect(Object.keys(CASES).sort()).toEqual(s2cRules.map((r) => r.id).sort());
  });

  it.each(Object.entries(CASES))("%s fires on a body that breaks it, with its id and citation in the message", (id, c) => {
    const issues = fired(id, c, c.bad);
    expect(issues.length, JSON.stringify(runRules(s2cRules, c.kind, c.bad.body, { ...c.bad.ctx, operation: c.op }))).toBeGreaterThan(0);
    for (const i of issues) {
      expect(i.severity).toBe(s2cRule(id as keyof typeof S2C_RULE_META).severity);
      expect(i.path.length).toBeGreaterThanOrEqual(0);
      if (!id.startsWith("COM-0") || id === "COM-06" || id === "COM-02") expect(i.message).toContain(`(${id}, `);
      else expect(i.message).toContain(id);
    }
  });

  it.each(Object.entries(CASES))("%s stays quiet on a body that keeps it", (id, c) => {
    expect(fired(id, c, c.good)).toEqual([]);
  });
});

describe("running rules", () => {
  it("GW-09: a NonFixedIP flavor is offered wherever its fixed-IP family is (ZH 4.1.1.1 lists none; example (c) creates one)", () => {
    const gw09 = (flavor: string, region: string) =>
      runRules(s2cRules, "vpnGateway", { flavor }, { region }).filter((i) => i.ruleId === "GW-09");
    expect(gw09("Professional1-NonFixedIP", "cn-north-4")).toEqual([]);
    expect(gw09("Professional2-NonFixedIP", "ap-southeast-1")).toEqual([]);
    expect(gw09("GM", "cn-north-4")).toHaveLength(1);
    expect(gw09("Basic", "ap-southeast-1")).toHaveLength(1);
  });
  it("applies update-only rules to update operations only, and assumes create without an operation", () => {
    const immut = s2cRule("CONN-37");
    expect(ruleAppliesTo(immut, "updateVpnConnection")).toBe(true);
    expect(ruleAppliesTo(immut, "createVpnConnection")).toBe(false);
    expect(ruleAppliesTo(immut, undefined)).toBe(false);
    expect(ruleAppliesTo(s2cRule("CONN-01"), undefined)).toBe(true);
    expect(ruleAppliesTo(s2cRule("COM-01"), "updateCgw")).toBe(true);
    const onCreate = runRules(s2cRules, "vpnConnection", { vgw_id: ID, vgw_ip: E1, cgw_id: ID2, style: "static", peer_subnets: ["10.0.0.0/8"], psk: PSK });
    expect(onCreate).toEqual([]);
  });

  it("skips other kinds' rules", () => {
    expect(runRules(s2cRules, "customerGateway", { bgp_asn: 0, id_value: "203.0.113.1" }).map((i) => i.ruleId)).toEqual(["CGW-04"]);
    expect(runRules(s2cRules, "vpnGateway", { id_value: "x" }).some((i) => i.ruleId.startsWith("CGW"))).toBe(false);
  });

  it("cross-resource rules stay quiet without the facts they need", () => {
    for (const id of ["CONN-02", "CONN-17", "CONN-22", "CONN-24", "CONN-32", "CONN-33", "CONN-38", "GW-09", "GW-14", "GW-17", "GW-19", "GW-21"] as const) {
      const c = CASES[id]!;
      expect(fired(id, c, { body: c.bad.body }), id).toEqual([]);
    }
  });

  it("reports the CONN-04 omission on update from the connection's style and the gateway's attachment", () => {
    const c = { kind: connKind, op: "updateVpnConnection" } as const;
    const ctx = { gateway: { attachment_type: "er" }, connection: { style: "POLICY" } };
    expect(fired("CONN-04", { ...c, bad: { body: {} }, good: { body: {} } }, { body: { peer_subnets: ["10.0.0.0/8"] }, ctx })).toHaveLength(1);
    expect(fired("CONN-04", { ...c, bad: { body: {} }, good: { body: {} } }, { body: { name: "x" }, ctx })).toEqual([]);
  });
});

describe("value-level rule functions", () => {
  it("tunnelAddressProblems: /30 host inside 169.254.0.0/16, outside 169.254.195.0/24", () => {
    expect(tunnelAddressProblems("169.254.76.1/30")).toEqual([]);
    expect(tunnelAddressProblems("169.254.76.2/30")).toEqual([]);
    expect(tunnelAddressProblems("169.254.76.0/30")[0]).toContain("CONN-11");
    expect(tunnelAddressProblems("169.254.195.1/30")[0]).toContain("CONN-08");
    expect(tunnelAddressProblems("192.168.0.1/30")[0]).toContain("CONN-07");
    expect(tunnelAddressProblems("169.254.0.1/24")[0]).toContain("CONN-09");
    expect(tunnelAddressProblems("169.254.0.1")[0]).toContain("CONN-09");
  });

  it("pskProblems: 8-128 characters, documented charset, three of four classes, never the key itself", () => {
    expect(pskProblems("Abcdefg1")).toEqual([]);
    expect(pskProblems("abcdef1~")).toEqual([]);
    expect(pskProblems("a".repeat(127) + "1")).toHaveLength(1);
    expect(pskProblems("Ab1" + "~".repeat(126))[0]).toContain("CONN-15");
    expect(pskProblems("Abcdefg1é")[0]).toContain("CONN-16");
    expect(pskProblems("abcdefgh1")[0]).toContain("CONN-16");
    for (const sp of "~!@#$%^()-_+={},./:;") expect(pskProblems(`Abcdefg${sp}`), sp).toEqual([]);
    for (const m of pskProblems("sEcret")) expect(m).not.toContain("sEcret");
  });

  it("reservedSubnetProblem: any overlap with 100.64.0.0/10 or 214.0.0.0/8", () => {
    expect(reservedSubnetProblem("100.127.255.0/24")).toContain("CONN-06");
    expect(reservedSubnetProblem("100.128.0.0/24")).toBeUndefined();
    expect(reservedSubnetProblem("0.0.0.0/0")).toContain("CONN-06");
    expect(reservedSubnetProblem("213.255.0.0/16")).toBeUndefined();
  });

  it("eipSpecProblems: id xor new-EIP parameters; shared bandwidth needs no size", () => {
    expect(eipSpecProblems({ id: E1 })).toEqual([]);
    expect(eipSpecProblems({ type: "5_bgp", bandwidth_size: 10 })).toEqual([]);
    expect(eipSpecProblems({ type: "5_bgp", bandwidth_id: ID })).toEqual([]);
    expect(eipSpecProblems({ id: E1, bandwidth_id: ID }, ["eip2"])[0]!.path).toEqual(["eip2", "bandwidth_id"]);
    expect(eipSpecProblems({}).map((i) => i.path.join("."))).toEqual(["type", "bandwidth_size"]);
  });
});
