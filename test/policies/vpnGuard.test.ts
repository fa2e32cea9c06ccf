/** The registry's guards, on a fresh module instance (vitest isolates test files). */
import { describe, expect, it } from "vitest";
import { registerPolicy, registeredPolicies, getInitialConfig, policyByName } from "../../policies/vpnGuard";

const base = { description: "Checks that tests work.", remediationSteps: "None needed here.", validateResource: () => {} };

describe("registerPolicy", () => {
  it("registers a policy under its key and finds it by name", () => {
    const p = registerPolicy("guardOne", { ...base, name: "guard-one", enforcementLevel: "advisory" });
    expect(registeredPolicies().get("guardOne")).toBe(p);
    expect(policyByName("guard-one")).toBe(p);
    expect(getInitialConfig({ all: "mandatory" } as any)["guard-one"]).toBe("mandatory");
  });
  it("refuses the reserved key all", () => {
    expect(() => registerPolicy("all", { ...base, name: "all-things", enforcementLevel: "advisory" })).toThrow(/"all" is reserved/);
  });
  it("refuses a duplicate key", () => {
    registerPolicy("guardTwo", { ...base, name: "guard-two", enforcementLevel: "advisory" });
    expect(() => registerPolicy("guardTwo", { ...base, name: "guard-two-b", enforcementLevel: "advisory" })).toThrow(/already registered under the key "guardTwo"/);
  });
  it("refuses a duplicate name", () => {
    expect(() => registerPolicy("guardThree", { ...base, name: "guard-one", enforcementLevel: "advisory" })).toThrow(/"guard-one" is used by both/);
  });
  it("refuses a name that is not kebab-case and a missing level", () => {
    expect(() => registerPolicy("guardFour", { ...base, name: "GuardFour", enforcementLevel: "advisory" })).toThrow(/not kebab-case/);
    expect(() => registerPolicy("guardFive", { ...base, name: "guard-five", enforcementLevel: undefined as any })).toThrow(/no valid default enforcement level/);
  });
});
