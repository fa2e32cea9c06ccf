/** The P2C rule registry: every rule passes a conforming body and flags a violating one; pure predicates. */
import { describe, expect, it } from "vitest";
import { runRules } from "../../sdk/rules/common";
import {
  checkP2cResource,
  clientCidrGatewayIp,
  clientCidrLargeEnough,
  containsUsername,
  isFirstHostOf30,
  isPemCertificate,
  isUsernameOrReverse,
  p2cRuleById,
  p2cRules,
  passwordCharsOk,
  passwordClassCount,
  passwordLengthOk,
  reservedOverlap,
  CLIENT_CIDR_RESERVED,
  GROUP_DESCRIPTION_PATTERN,
  GROUP_NAME_PATTERN,
  type P2cRuleContext,
} from "../../sdk/rules/p2c";
import { p2cKinds } from "../../sdk/spec/p2c-kinds";

const PEM = "-----BEGIN CERTIFICATE-----MIIB-----END CERTIFICATE-----";
const U1 = "41ad472e-d3e4-482b-8f00-7b2c1bfc4b7d";
const U2 = "a609eecb-3fa6-4d6d-a8c3-256a12d02b6c";

type Example = readonly [body: Record<string, unknown>, ctx?: P2cRuleContext];
/** For each rule: a conforming example, and a violating one with the path of the expected issue. */
const EXAMPLES: Record<string, { pass: Example; fail: Example; at: readonly (string | number)[] }> = {
  "P2C-PWD-1": { pass: [{ password: "Abcdefg1" }], fail: [{ password: "Abc1" }], at: ["password"] },
  "P2C-PWD-2": {
    pass: [{ password: "A b`~!@#$%^&*()-_=+\\|[{}];:'\",<.>/?" }],
    fail: [{ password: "Abcdefg1€" }],
    at: ["password"],
  },
  "P2C-PWD-3": { pass: [{ password: "abcdefg1" }], fail: [{ password: "ABCDEFGH" }], at: ["password"] },
  "P2C-PWD-4": {
    pass: [{ name: "alice", password: "alice-2024" }],
    fail: [{ name: "alice.1", password: "1.ecila" }],
    at: ["password"],
  },
  "P2C-PWD-5": {
    pass: [{ name: "alice", password: "Wonder-land1" }],
    fail: [{ name: "alice", password: "xxALICE-2024" }],
    at: ["password"],
  },
  "P2C-PWD-6": { pass: [{ password: "Longer-passw0rd" }], fail: [{ password: "Qwerasdf" }], at: ["password"] },
  "P2C-PWD-7": {
    pass: [{ old_password: "Old-pass1", new_password: "New-pass1" }],
    fail: [{ old_password: "Same-pass1", new_password: "Same-pass1" }],
    at: ["new_password"],
  },
  "P2C-USR-1": { pass: [{ name: "user.name_1-a" }], fail: [{ name: "user@name" }], at: ["name"] },
  "P2C-USR-2": { pass: [{ description: "用户_1" }], fail: [{ description: "a b" }], at: ["description"] },
  "P2C-USR-3": {
    pass: [{ users: [{ name: "a1234" }, { name: "b1234" }] }],
    fail: [{ users: [{ name: "a1234" }, { name: "a1234" }] }],
    at: ["users", 1, "name"],
  },
  "P2C-SIP-1": { pass: [{ static_ip: "disable" }], fail: [{ static_ip: "10.0.0" }], at: ["static_ip"] },
  "P2C-SIP-2": { pass: [{ static_ip: "192.168.10.5" }], fail: [{ static_ip: "192.168.10.7" }], at: ["static_ip"] },
  "P2C-SIP-3": {
    pass: [{ static_ip: "192.168.0.5" }, { clientCidr: "192.168.0.0/24" }],
    fail: [{ static_ip: "192.168.1.5" }, { clientCidr: "192.168.0.0/24" }],
    at: ["static_ip"],
  },
  "P2C-SIP-4": {
    pass: [{ static_ip: "192.168.0.5" }, { clientCidr: "192.168.0.0/24" }],
    fail: [{ static_ip: "192.168.0.1" }, { clientCidr: "192.168.0.0/24" }],
    at: ["static_ip"],
  },
  "P2C-SIP-5": {
    pass: [{ static_ip: "192.168.0.5" }, { otherStaticIps: ["192.168.0.9"] }],
    fail: [{ static_ip: "192.168.0.5" }, { otherStaticIps: ["192.168.0.5"] }],
    at: ["static_ip"],
  },
  "P2C-GRP-1": { pass: [{ name: "组-1_(a)" }], fail: [{ name: "a.b" }], at: ["name"] },
  "P2C-GRP-2": { pass: [{ description: "a.b,c?" }], fail: [{ description: "x".repeat(65) }], at: ["description"] },
  "P2C-GRP-3": { pass: [{ name: "group_1-a" }], fail: [{ name: "group#1" }], at: ["name"] },
  "P2C-GRP-4": { pass: [{ users: [{ id: U1 }, { id: U2 }] }], fail: [{ users: [] }], at: ["users"] },
  "P2C-CIDR-1": { pass: [{ client_cidr: "10.1.0.0/16" }], fail: [{ client_cidr: "10.1.0.0/33" }], at: ["client_cidr"] },
  "P2C-CIDR-2": { pass: [{ client_cidr: "10.1.0.0/26" }], fail: [{ client_cidr: "10.1.0.0/8" }], at: ["client_cidr"] },
  "P2C-CIDR-3": {
    pass: [{ client_cidr: "100.10.1.0/24" }],
    fail: [{ client_cidr: "240.0.0.0/24" }],
    at: ["client_cidr"],
  },
  "P2C-CIDR-4": {
    pass: [{ client_cidr: "100.10.1.0/24", local_subnets: ["192.168.0.0/24"] }],
    fail: [{ client_cidr: "192.168.0.0/16" }, { localSubnets: ["192.168.1.0/24"] }],
    at: ["client_cidr"],
  },
  "P2C-CIDR-5": {
    pass: [{ client_cidr: "10.0.0.0/24" }, { maxConnectionNumber: 63 }],
    fail: [{ client_cidr: "10.0.0.0/24" }, { maxConnectionNumber: 64 }],
    at: ["client_cidr"],
  },
  "P2C-CIDR-6": {
    pass: [{ client_cidr: "172.16.0.0/24" }],
    fail: [{ client_cidr: "172.16.0.1/24" }],
    at: ["client_cidr"],
  },
  "P2C-LSN-1": { pass: [{ local_subnets: ["10.0.0.0/24"] }], fail: [{ local_subnets: [] }], at: ["local_subnets"] },
  "P2C-LSN-2": {
    pass: [{ local_subnets: ["10.0.0.0/24"] }],
    fail: [{ local_subnets: ["10.0.0.0/24", "x"] }],
    at: ["local_subnets", 1],
  },
  "P2C-LSN-3": {
    pass: [{ local_subnets: ["169.254.0.0/24"] }],
    fail: [{ local_subnets: ["0.1.0.0/16"] }],
    at: ["local_subnets", 0],
  },
  "P2C-LSN-4": {
    pass: [{ local_subnets: ["10.0.0.0/24", "10.0.1.0/24"] }],
    fail: [{ local_subnets: ["10.0.0.0/24", "10.0.0.7/24"] }],
    at: ["local_subnets", 1],
  },
  "P2C-LSN-5": {
    pass: [{ local_subnets: Array.from({ length: 10 }, (_, i) => `10.${i}.0.0/24`) }],
    fail: [{ local_subnets: Array.from({ length: 11 }, (_, i) => `10.${i}.0.0/24`) }],
    at: ["local_subnets"],
  },
  "P2C-CERT-1": {
    pass: [{ server_certificate: { id: "scs1" } }],
    fail: [{ tunnel_protocol: "SSL" }],
    at: ["server_certificate"],
  },
  "P2C-CERT-2": {
    pass: [{ client_auth_type: "LOCAL_PASSWORD" }],
    fail: [{ client_auth_type: "CERT", client_ca_certificates: [] }],
    at: ["client_ca_certificates"],
  },
  "P2C-CERT-3": {
    pass: [{ client_ca_certificates: [{ content: PEM }] }],
    fail: [{ client_ca_certificates: [{ content: "MIIB" }] }],
    at: ["client_ca_certificates", 0, "content"],
  },
  "P2C-CERT-4": {
    pass: [{ client_ca_certificates: [{ name: "ca_1" }] }],
    fail: [{ client_ca_certificates: [{ name: "" }] }],
    at: ["client_ca_certificates", 0, "name"],
  },
  "P2C-CERT-5": {
    pass: [{ client_ca_certificates: [{ content: PEM }, { content: PEM.replace("MIIB", "MIIC") }] }],
    fail: [{ client_ca_certificates: [{ content: PEM }, { content: ` ${PEM}\n` }] }],
    at: ["client_ca_certificates", 1, "content"],
  },
  "P2C-CERT-6": {
    pass: [{ client_auth_type: "CERT", client_ca_certificates: [{ content: PEM }] }],
    fail: [{ client_auth_type: "LOCAL_PASSWORD", client_ca_certificates: [{ content: PEM }] }],
    at: ["client_ca_certificates"],
  },
  "P2C-SSL-1": { pass: [{ ssl_options: {} }], fail: [{}], at: ["ssl_options"] },
  "P2C-SSL-2": {
    pass: [{ ssl_options: { encryption_algorithm: "AES-256-GCM" } }],
    fail: [{ ssl_options: {} }],
    at: ["ssl_options", "encryption_algorithm"],
  },
  "P2C-SSL-3": {
    pass: [{ ssl_options: { is_compressed: false } }],
    fail: [{ ssl_options: { is_compressed: true } }],
    at: ["ssl_options", "is_compressed"],
  },
  "P2C-AUTH-1": {
    pass: [{ client_auth_type: "CERT" }],
    fail: [{ client_auth_type: "LOCAL_PASSWORD" }],
    at: ["client_auth_type"],
  },
  "P2C-DNS-1": {
    pass: [{ dns_servers: ["172.16.1.1", "8.8.8.8"] }],
    fail: [{ dns_servers: ["1.1.1.1", "2.2.2.2", "3.3.3.3"] }],
    at: ["dns_servers"],
  },
  "P2C-CA-1": {
    pass: [{ content: PEM }],
    fail: [{ content: "-----BEGIN CERTIFICATE----------END CERTIFICATE-----" }],
    at: ["content"],
  },
  "P2C-CA-2": { pass: [{ name: "ca-cert-123e" }], fail: [{ name: "x".repeat(65) }], at: ["name"] },
  "P2C-POL-1": {
    pass: [{ dest_ip_cidrs: ["10.0.0.0/8"] }],
    fail: [{ dest_ip_cidrs: Array.from({ length: 11 }, (_, i) => `10.${i}.0.0/16`) }],
    at: ["dest_ip_cidrs"],
  },
  "P2C-POL-2": {
    pass: [{ dest_ip_cidrs: ["192.168.1.0/24"] }],
    fail: [{ dest_ip_cidrs: ["192.168.1.0"] }],
    at: ["dest_ip_cidrs", 0],
  },
  "P2C-POL-3": {
    pass: [{ dest_ip_cidrs: ["192.168.1.0/24", "192.168.2.0/24"] }],
    fail: [{ dest_ip_cidrs: ["192.168.1.0/24", "192.168.1.0/24"] }],
    at: ["dest_ip_cidrs", 1],
  },
  "P2C-POL-4": {
    pass: [{ dest_ip_cidrs: ["10.0.0.0/8"] }],
    fail: [{ dest_ip_cidrs: ["0.0.0.0/0"] }],
    at: ["dest_ip_cidrs", 0],
  },
  "P2C-POL-5": {
    pass: [{ dest_ip_cidrs: ["10.0.1.0/24"] }, { localSubnets: ["10.0.0.0/16"] }],
    fail: [{ dest_ip_cidrs: ["10.0.1.0/24", "10.9.0.0/24"] }, { localSubnets: ["10.0.0.0/16"] }],
    at: ["dest_ip_cidrs", 1],
  },
  "P2C-GW-1": { pass: [{ name: "p2c-vpngw_中文" }], fail: [{ name: "gw.1" }], at: ["name"] },
  "P2C-GW-2": {
    pass: [{ max_connection_number: 500 }],
    fail: [{ max_connection_number: 0 }],
    at: ["max_connection_number"],
  },
  "P2C-GW-3": {
    pass: [{ eip: { type: "5_bgp", charge_mode: "traffic", bandwidth_size: 5 } }],
    fail: [{ eip: { type: "5_bgp" } }],
    at: ["eip"],
  },
  "P2C-GW-4": {
    pass: [{ availability_zone_ids: ["az1", "az2"] }],
    fail: [{ availability_zone_ids: ["az1", "az1"] }],
    at: ["availability_zone_ids", 1],
  },
  "P2C-GW-5": {
    pass: [{ eip: { bandwidth_size: 1000 } }],
    fail: [{ eip: { bandwidth_size: 0 } }],
    at: ["eip", "bandwidth_size"],
  },
};

describe("p2cRules registry", () => {
  it("has unique ids in the P2C-AREA-n form, each with an example pair", () => {
    const ids = p2cRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^P2C-[A-Z]+-\d+$/);
    expect(Object.keys(EXAMPLES).sort()).toEqual([...ids].sort());
  });

  it("reads only P2C kinds, cites the docs and describes each rule", () => {
    for (const r of p2cRules) {
      expect(Object.keys(p2cKinds)).toContain(r.kind);
      expect(r.doc.length).toBeGreaterThan(4);
      expect(r.description.length).toBeGreaterThan(10);
      expect(["mandatory", "advisory"]).toContain(r.severity);
      expect(["static", "cross"]).toContain(r.scope);
    }
  });

  it.each(p2cRules.map((r) => [r.id, r] as const))(
    "%s passes its conforming example and flags its violating one",
    (id, rule) => {
      const ex = EXAMPLES[id]!;
      expect(rule.check(ex.pass[0], ex.pass[1])).toEqual([]);
      const issues = rule.check(ex.fail[0], ex.fail[1]);
      expect(issues.map((i) => i.path)).toContainEqual(ex.at);
      for (const i of issues) expect(i.message).toContain(`[${id}; ${rule.doc}]`);
    },
  );

  it("skips a cross-resource rule without its context fact, and a value of the wrong type", () => {
    expect(p2cRuleById.get("P2C-SIP-3")!.check({ static_ip: "1.2.3.5" })).toEqual([]);
    expect(p2cRuleById.get("P2C-CIDR-5")!.check({ client_cidr: "10.0.0.0/26" })).toEqual([]);
    expect(p2cRuleById.get("P2C-PWD-1")!.check({ password: 12345678 })).toEqual([]);
    expect(p2cRuleById.get("P2C-LSN-1")!.check({ local_subnets: "10.0.0.0/24" })).toEqual([]);
    expect(p2cRuleById.get("P2C-USR-1")!.check(null)).toEqual([]);
  });

  it("checkValue applies a rule to a value of another field, with paths from that value", () => {
    const r = p2cRuleById.get("P2C-LSN-4")!;
    expect(r.checkValue(["10.0.0.0/24", "10.0.0.0/24"])).toEqual([
      { path: [1], message: expect.stringContaining("same as item 0"), ruleId: "P2C-LSN-4", code: "VPN.1106" },
    ]);
  });

  it("never puts the checked password into a message", () => {
    const pwd = "pw";
    for (const r of p2cRules.filter((x) => x.field.includes("password")))
      for (const i of r.check({ name: "pw", password: pwd, new_password: pwd, old_password: pwd }))
        expect(i.message.replace(/password/g, "")).not.toMatch(/\bpw\b/);
  });

  it("runs per kind and severity through checkP2cResource and the shared runRules", () => {
    const user = { name: "alice", password: "alice" };
    const mandatory = checkP2cResource("vpnUser", user, { severity: "mandatory" }).map((i) => i.ruleId);
    expect(mandatory).toEqual(["P2C-PWD-1", "P2C-PWD-3", "P2C-PWD-4"]);
    const all = runRules(p2cRules, "vpnUser", user).map((i) => i.ruleId);
    expect(all).toEqual(["P2C-PWD-1", "P2C-PWD-3", "P2C-PWD-4", "P2C-PWD-5", "P2C-PWD-6"]);
    expect(checkP2cResource("vpnAccessPolicy", user)).toEqual([]);
    const withCtx = checkP2cResource("vpnUser", { static_ip: "10.0.0.1" }, { ctx: { clientCidr: "10.0.0.0/24" } });
    expect(withCtx.map((i) => i.ruleId)).toEqual(["P2C-SIP-4"]);
  });
});

describe("pure predicates", () => {
  it("group name and description: the ZH lists (4.2.3.10, 4.2.3.13) include a space, as the docs' default group does", () => {
    // seed 000_: "特殊字符`~!@#\$%^&*()-_+=+ [{}];:..."; EN 4.2.3.11 example: "description": "Default user group"
    expect(GROUP_DESCRIPTION_PATTERN.test("Default user group")).toBe(true);
    expect(GROUP_NAME_PATTERN.test("ops team")).toBe(true);
    expect(GROUP_DESCRIPTION_PATTERN.test("tab\there")).toBe(false);
    expect(GROUP_NAME_PATTERN.test("new\nline")).toBe(false);
  });
  it("password length, characters and classes", () => {
    expect([7, 8, 32, 33].map((n) => passwordLengthOk("a".repeat(n)))).toEqual([false, true, true, false]);
    expect(passwordCharsOk("Ab1 `~!@#$%^&*()-_=+\\|[{}];:'\",<.>/?")).toBe(true);
    expect(passwordCharsOk("Ab1\u00a0")).toBe(false);
    expect(passwordClassCount("abc")).toBe(1);
    expect(passwordClassCount("abc DEF")).toBe(3);
    expect(passwordClassCount("aB1!")).toBe(4);
  });
  it("username relations: exact (mandatory) and containment ignoring case (advisory)", () => {
    expect(isUsernameOrReverse("user001", "user001")).toBe(true);
    expect(isUsernameOrReverse("100resu", "user001")).toBe(true);
    expect(isUsernameOrReverse("User001", "user001")).toBe(false);
    expect(containsUsername("xxUSER001yy", "user001")).toBe(true);
    expect(containsUsername("100RESUx", "user001")).toBe(true);
    expect(containsUsername("anything", "")).toBe(false);
  });
  it("static IPs: first host of a /30, the client CIDR's gateway address", () => {
    expect(["192.168.10.5", "192.168.10.4", "192.168.10.6", "192.168.10.9"].map(isFirstHostOf30)).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(clientCidrGatewayIp("192.168.0.0/24")).toBe("192.168.0.1");
    expect(clientCidrGatewayIp("172.16.0.1/24")).toBe("172.16.0.1");
  });
  it("client CIDR size: more than four addresses per connection", () => {
    expect(clientCidrLargeEnough("10.0.0.0/21", 500)).toBe(true);
    expect(clientCidrLargeEnough("10.0.0.0/22", 256)).toBe(false);
    expect(clientCidrLargeEnough("10.0.0.0/26", 15)).toBe(true);
    expect(clientCidrLargeEnough("10.0.0.0/26", 16)).toBe(false);
  });
  it("reserved ranges overlap, not only equality", () => {
    expect(reservedOverlap("0.0.0.0/0", CLIENT_CIDR_RESERVED)).toBe("0.0.0.0/8");
    expect(reservedOverlap("230.0.0.0/16", CLIENT_CIDR_RESERVED)).toBe("224.0.0.0/4");
    expect(reservedOverlap("100.64.0.0/10", CLIENT_CIDR_RESERVED)).toBeUndefined();
  });
  it("PEM framing", () => {
    expect(isPemCertificate(`\n${PEM}\n`)).toBe(true);
    expect(isPemCertificate("-----BEGIN CERTIFICATE-----")).toBe(false);
    expect(isPemCertificate("-----BEGIN PRIVATE KEY-----x-----END PRIVATE KEY-----")).toBe(false);
  });
});
