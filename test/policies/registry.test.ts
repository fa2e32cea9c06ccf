/**
 * Meta-test of the pack (AwsGuard 1.8 / project item 14): names, descriptions and levels follow the conventions,
 * every registered policy has a passing and a failing case, and every documented rule is a policy or is listed
 * with the reason it cannot be one.
 */
import { describe, expect, it } from "vitest";
import { KEBAB_CASE, registeredPolicies, vpnGuard } from "../../policies/lib";
import { S2C_RULES, S2C_RULES_NOT_POLICIES, COMMON_DOCUMENTED } from "../../policies/common";
import { GATEWAY_DOCUMENTED } from "../../policies/gateways";
import { CUSTOMER_GATEWAY_DOCUMENTED } from "../../policies/customerGateways";
import { CONNECTION_DOCUMENTED } from "../../policies/connections";
import { MONITOR_DOCUMENTED } from "../../policies/monitors";
import { TAGGING_DOCUMENTED } from "../../policies/tagging";
import { P2C_DOCUMENTED, P2C_RULES_NOT_POLICIES } from "../../policies/p2c";
import { keyOfName, type DocumentedRow } from "../../policies/documented";
import { p2cRules } from "../../sdk/rules/p2c";
import { S2C_RULES_NOT_CHECKED, S2C_RULE_META } from "../../sdk/rules";
import { p2cCases } from "./cases-p2c";
import { s2cCases } from "./cases-s2c";

const policies = [...registeredPolicies().values()];
const cases = [...p2cCases, ...s2cCases];
const ruleOf = (row: DocumentedRow) => (typeof row === "string" ? row : row.rule);
const S2C_TABLES = { ...COMMON_DOCUMENTED, ...TAGGING_DOCUMENTED, ...GATEWAY_DOCUMENTED, ...CUSTOMER_GATEWAY_DOCUMENTED, ...CONNECTION_DOCUMENTED, ...MONITOR_DOCUMENTED };

describe("the registry", () => {
  it("has unique kebab-case names", () => {
    const names = policies.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n, n).toMatch(KEBAB_CASE);
  });

  it("keys are the camelCase of the names", () => {
    for (const [key, p] of registeredPolicies()) expect(key).toBe(keyOfName(p.name));
  });

  it("every policy has a 'Checks …' description citing a source, remediation steps and a valid level", () => {
    for (const p of policies) {
      expect(p.description, p.name).toMatch(/^Checks (that|whether) /);
      expect(p.description, p.name).toMatch(/\d\.\d|§|VPN\.\d{4}|T4-\d+|\((COM|GW|CGW|CONN|MON)-\d+;/);
      expect(p.remediationSteps.length, p.name).toBeGreaterThan(10);
      expect(["advisory", "mandatory"], p.name).toContain(p.enforcementLevel);
      expect(Object.keys(p.configSchema?.properties ?? {}), p.name).not.toContain("enforcementLevel");
    }
  });

  it("every registered policy has a passing and a failing case, and every case names a registered policy", () => {
    const covered = new Set(cases.map((c) => c.policy));
    expect(policies.map((p) => p.name).filter((n) => !covered.has(n))).toEqual([]);
    expect([...covered].filter((n) => !policies.some((p) => p.name === n))).toEqual([]);
    expect(cases.length).toBe(covered.size);
  });

  it("documented policies take their level from the rule's severity", () => {
    for (const [name, row] of Object.entries({ ...S2C_TABLES, ...P2C_DOCUMENTED })) {
      const id = ruleOf(row as DocumentedRow);
      const rule = S2C_RULES.get(id) ?? p2cRules.find((r) => r.id === id);
      const policy = policies.find((p) => p.name === name)!;
      expect(policy.enforcementLevel, name).toBe(rule!.severity);
      expect(policy.description, name).toContain(id);
    }
  });

  it("every S2C rule of api-s2c.md §6 is a policy or is listed with a reason", () => {
    const asPolicy = new Set(Object.values(S2C_TABLES).map((r) => ruleOf(r as DocumentedRow)));
    const secretPolicies = ["CONN-18", "GW-25"]; // vpn-connection-psk-secret, gateway-certificate-private-key-secret
    const dependencyPolicy = ["CGW-07"]; // vpn-references-use-outputs
    for (const id of Object.keys(S2C_RULE_META)) {
      const accounted = asPolicy.has(id) || id in S2C_RULES_NOT_POLICIES;
      expect(accounted, id).toBe(true);
      expect(asPolicy.has(id) && id in S2C_RULES_NOT_POLICIES, `${id} both a policy and excluded`).toBe(false);
    }
    for (const id of Object.keys(S2C_RULES_NOT_CHECKED)) {
      const handled = secretPolicies.includes(id) || dependencyPolicy.includes(id) || ["GW-22", "GW-23"].includes(id);
      expect(handled, id).toBe(true);
    }
    for (const id of secretPolicies) expect(policies.some((p) => p.description.includes(id)), id).toBe(true);
    expect(policies.some((p) => p.description.includes("CGW-07"))).toBe(true);
  });

  it("every P2C rule is a policy or is listed with a reason", () => {
    const asPolicy = new Set(Object.values(P2C_DOCUMENTED).map((r) => ruleOf(r as DocumentedRow)));
    for (const r of p2cRules) expect(asPolicy.has(r.id) !== r.id in P2C_RULES_NOT_POLICIES, r.id).toBe(true);
  });

  it("counts: documented rules are mandatory unless the docs only advise", () => {
    const mandatory = policies.filter((p) => p.enforcementLevel === "mandatory").length;
    const advisory = policies.filter((p) => p.enforcementLevel === "advisory").length;
    expect(mandatory + advisory).toBe(policies.length);
    expect(mandatory).toBeGreaterThan(90);
    expect(advisory).toBeGreaterThan(20);
  });
});

describe("vpnGuard()", () => {
  it("initial config: each policy at its default level", () => {
    const { policies: ps, initialConfig } = vpnGuard();
    expect(ps).toHaveLength(policies.length);
    expect(initialConfig["vpn-connection-psk-length"]).toBe("mandatory");
    expect(initialConfig["vpn-connection-pfs-enabled"]).toBe("advisory");
  });

  it("`all` sets every level and a key overrides it, with its config", () => {
    const { initialConfig } = vpnGuard({
      all: "advisory",
      vpnConnectionPskLength: "disabled",
      vpnConnectionMinimumDhGroup: { enforcementLevel: "mandatory", minimumDhGroup: 19 },
      requiredTags: { requiredKeys: ["owner"] },
    });
    expect(initialConfig["vpn-connection-vgw-ip"]).toBe("advisory");
    expect(initialConfig["vpn-connection-psk-length"]).toBe("disabled");
    expect(initialConfig["vpn-connection-minimum-dh-group"]).toEqual({ enforcementLevel: "mandatory", minimumDhGroup: 19 });
    expect(initialConfig["required-tags"]).toEqual({ enforcementLevel: "advisory", requiredKeys: ["owner"] });
  });

  it("refuses unknown keys and invalid levels", () => {
    expect(() => vpnGuard({ noSuchPolicy: "advisory" } as any)).toThrow(/"noSuchPolicy" is not a registered VpnGuard policy key/);
    expect(() => vpnGuard({ all: "loud" } as any)).toThrow(/"all" must be an enforcement level/);
    expect(() => vpnGuard({ vpnConnectionPskLength: "sometimes" } as any)).toThrow(/not an enforcement level/);
  });
});
